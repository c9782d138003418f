/**
 * targetNamespace, and namespace and schemaLocation on <xs:import>, are xs:anyURI, whose
 * whitespace facet is collapse: `targetNamespace="foo  "` is the namespace "foo" (W3C suite,
 * Attribute/attZ010a-c, where the spaces reached the generated package).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSchemaSet } from '../../../generator/src/index.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'evfw-any-uri-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';

function write(file: string, text: string): string {
  const absolute = path.join(root, file);
  writeFileSync(absolute, text);
  return absolute;
}

describe('anyURI attributes of schema documents', () => {
  it('collapses the whitespace of targetNamespace', () => {
    const file = write('a.xsd', `<xs:schema ${XS} targetNamespace="foo\t\t\n  "><xs:element name="doc" type="xs:decimal"/></xs:schema>`);
    const { ir } = loadSchemaSet([file], { rootDir: root });
    expect(ir.schemas.map((s) => s.namespace)).toContain('foo');
    expect(ir.schemas.flatMap((s) => s.elements.map((e) => e.name))).toContainEqual({ namespace: 'foo', name: 'doc' });
  });

  it('collapses namespace and schemaLocation on an import, which then match the imported schema', () => {
    write('b.xsd', `<xs:schema ${XS} targetNamespace="  urn:b\n"><xs:element name="x" type="xs:int"/></xs:schema>`);
    const file = write(
      'main.xsd',
      `<xs:schema ${XS} xmlns:b="urn:b" targetNamespace="urn:main  ">
         <xs:import namespace=" urn:b  " schemaLocation="  b.xsd "/>
         <xs:element name="root"><xs:complexType><xs:sequence><xs:element ref="b:x"/></xs:sequence></xs:complexType></xs:element>
       </xs:schema>`,
    );
    const { ir } = loadSchemaSet([file], { rootDir: root });
    expect(ir.schemas.map((s) => s.namespace).filter((n) => n.startsWith('urn:'))).toEqual(expect.arrayContaining(['urn:main', 'urn:b']));
  });
});
