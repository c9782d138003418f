import { describe, expect, it } from 'vitest';
import { nameAnonymousTypes } from '../../../generator/src/transform/name-anonymous-types.js';
import { inlineIr, schemaOf } from '../../support/inline-schema.js';

describe('nameAnonymousTypes', () => {
  const ir = inlineIr(
    `<xs:element name="root">
       <xs:annotation><xs:documentation>The root.</xs:documentation></xs:annotation>
       <xs:complexType><xs:sequence>
         <xs:element name="status"><xs:complexType><xs:attribute name="state"><xs:simpleType>
           <xs:restriction base="xs:string"><xs:enumeration value="on"/></xs:restriction>
         </xs:simpleType></xs:attribute></xs:complexType></xs:element>
       </xs:sequence></xs:complexType>
     </xs:element>
     <xs:complexType name="root-status"/>`,
    nameAnonymousTypes,
  );
  const types = schemaOf(ir).types;

  it('names each anonymous type after where it was declared, avoiding taken names', () => {
    expect(types.map((t) => [t.name?.name, t.anonymous])).toEqual([
      ['root-status', false],
      ['root', true],
      ['root-status-2', true],
      ['root-status-2-state', true],
    ]);
  });

  it('leaves references behind, so every element and attribute names its type', () => {
    const root = schemaOf(ir).elements[0]!;
    expect(root.type).toEqual({ kind: 'type-ref', ref: { namespace: 'urn:t', name: 'root' } });
  });

  it("gives a hoisted type its element's documentation when it has none", () => {
    expect(types.find((t) => t.name?.name === 'root')?.documentation).toBe('The root.');
  });
});
