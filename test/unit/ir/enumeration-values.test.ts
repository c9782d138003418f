/**
 * Enumeration values normalized by their type's whiteSpace (generator/src/ir/enumeration-values.ts):
 * " a " is a value of xs:string, so only the text " a " matches it; on xs:token the same value is
 * "a", which " a " and "a" both match. Checked in the IR, and through the whole pipeline against
 * libxml2.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIr, TRANSFORMS } from '../../../generator/src/index.js';
import { schemaDescriptors } from '../../../generator/src/lower/schema-descriptors.js';
import { parseDocument } from '../../../runtime/src/document.js';
import { SchemaRegistry } from '../../../runtime/src/schema/registry.js';
import { inlineIr, typeOf } from '../../support/inline-schema.js';
import { Libxml2Oracle } from '../../support/libxml2-oracle.js';

const BODY = `<xs:element name="r"><xs:complexType><xs:sequence>
    <xs:element name="s" type="t:s" minOccurs="0"/>
    <xs:element name="t" type="t:t" minOccurs="0"/>
    <xs:element name="n" type="t:n" minOccurs="0"/>
  </xs:sequence></xs:complexType></xs:element>
  <xs:simpleType name="s"><xs:restriction base="xs:string"><xs:enumeration value=" a "/><xs:enumeration value="x&#9;y"/></xs:restriction></xs:simpleType>
  <xs:simpleType name="t"><xs:restriction base="xs:token"><xs:enumeration value=" b  c "/></xs:restriction></xs:simpleType>
  <xs:simpleType name="n"><xs:restriction base="xs:normalizedString"><xs:enumeration value="x&#9;y"/></xs:restriction></xs:simpleType>`;

describe('enumeration values', () => {
  it('keep what their type keeps and lose what it normalizes', () => {
    const ir = inlineIr(BODY, ...TRANSFORMS);
    const values = (name: string) => {
      const def = typeOf(ir, name);
      return def.kind === 'simple' ? def.facets.filter((f) => f.kind === 'enumeration').map((f) => f.value) : [];
    };
    expect(values('s')).toEqual([' a ', 'x\ty']);
    expect(values('t')).toEqual(['b c']);
    expect(values('n')).toEqual(['x y']);
  });

  describe('validated as libxml2 validates them', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'evfw-enumeration-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'e.xsd');
    writeFileSync(file, `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t">\n${BODY}\n</xs:schema>\n`);
    const registry = new SchemaRegistry(schemaDescriptors(buildIr([file], { rootDir: dir })));
    const oracle = new Libxml2Oracle([{ namespace: 'urn:t', file }]);
    const documents = ['<s> a </s>', '<s>a</s>', '<s> a  </s>', '<s>x\ty</s>', '<s>x y</s>', '<t>b c</t>', '<t>  b c</t>', '<t>bc</t>', '<n>x\ty</n>', '<n>x y</n>'];
    it.each(documents)('%j', (child) => {
      const document = `<t:r xmlns:t="urn:t">${child}</t:r>`;
      const ours = parseDocument(registry, undefined, document).diagnostics.filter((d) => d.severity === 'error');
      expect(ours.length === 0, ours[0]?.message).toBe(oracle.verdict(document) === undefined);
    });
  });
});
