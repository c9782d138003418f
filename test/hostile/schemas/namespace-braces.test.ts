/**
 * Components are keyed `{namespace}local`. A namespace URI from a schema may hold "}" (a hostile
 * one holds anything); a local name never does. So every place that splits a key must split at
 * the last "}", or a message names `<b}need>` for `<need>`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIr, schemaDescriptors } from '../../../generator/src/index.js';
import { validateDocument } from '../../../runtime/src/document.js';
import { keyLocalName, keyNamespace } from '../../../runtime/src/schema/descriptor.js';
import { SchemaRegistry } from '../../../runtime/src/schema/registry.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'evfw-namespace-braces-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const NS = 'urn:a}b{c}';

describe('a namespace holding braces', () => {
  it('splits keys at the last "}"', () => {
    expect([keyNamespace(`{${NS}}need`), keyLocalName(`{${NS}}need`)]).toEqual([NS, 'need']);
    expect([keyNamespace('plain'), keyLocalName('plain')]).toEqual(['', 'plain']);
  });

  it('names the missing element by its local name, not by the end of its namespace', () => {
    const file = path.join(scratch, 'braces.xsd');
    writeFileSync(
      file,
      `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="${NS}" targetNamespace="${NS}" elementFormDefault="qualified">
  <xs:element name="need" type="xs:string"/>
  <xs:element name="r"><xs:complexType><xs:sequence><xs:element ref="t:need"/></xs:sequence></xs:complexType></xs:element>
</xs:schema>
`,
    );
    const registry = new SchemaRegistry(schemaDescriptors(buildIr([file], { rootDir: scratch })));
    const diagnostics = validateDocument(registry, undefined, `<r xmlns="${NS}"/>`);
    expect(diagnostics.map((d) => d.code)).toEqual(['evfw.content.missing']);
    expect(diagnostics[0]!.message).toContain('<need>');
    expect(diagnostics[0]!.message).not.toContain('c}need');
  });
});
