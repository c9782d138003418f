/**
 * The docs' example document when the fixture tools cannot make a valid one (issue 21): here a
 * keyref, whose value must match a key's, which the tools do not arrange. Every candidate is
 * refused by the validator; the page says so, naming what the validator found, where `generate`
 * used to crash with "a generated example ... is not valid".
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDocs } from '../../../generator/src/index.js';
import { XS } from '../../support/inline-schema.js';

function docsPage(body: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'evfw-docs-example-'));
  const file = path.join(dir, 'refs.xsd');
  writeFileSync(file, `<xs:schema ${XS} xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">\n${body}\n</xs:schema>\n`);
  return generateDocs([file], { rootDir: dir }).get('docs/refs.md') ?? '';
}

const root = (constraints: string) => `
<xs:element name="root">
  <xs:complexType><xs:sequence>
    <xs:element name="id" type="xs:NCName"/>
    <xs:element name="ref" type="xs:NCName"/>
  </xs:sequence></xs:complexType>
  ${constraints}
</xs:element>`;

describe('the example document of the docs', () => {
  it('says plainly that none could be built when every candidate breaks the schema', () => {
    const page = docsPage(root(`<xs:key name="ids"><xs:selector xpath="t:id"/><xs:field xpath="."/></xs:key>
  <xs:keyref name="refs" refer="t:ids"><xs:selector xpath="t:ref"/><xs:field xpath="."/></xs:keyref>`));
    expect(page).toMatch(/No example document of `<root>`: the fixture tools could not build a valid one \(the first they drew is refused: .*matches no "ids"/);
  });

  it('shows one when the tools can build it', () => {
    const page = docsPage(root(`<xs:key name="ids"><xs:selector xpath="t:id"/><xs:field xpath="."/></xs:key>`));
    expect(page).not.toMatch(/No example document/);
    expect(page).toMatch(/<root xmlns="urn:t">/);
  });
});
