import { describe, expect, it } from 'vitest';
import { checkLexical, sameValue } from '../../../generator/src/check/simple-values.js';
import { XSD_NAMESPACE, type TypeRef } from '../../../generator/src/ir/ir.js';
import { indexSchemas } from '../../../generator/src/ir/schema-index.js';
import { inlineIr } from '../../support/inline-schema.js';

const ir = inlineIr(`
  <xs:simpleType name="small"><xs:restriction base="xs:decimal"><xs:maxInclusive value="10"/></xs:restriction></xs:simpleType>
  <xs:simpleType name="smalls"><xs:list itemType="t:small"/></xs:simpleType>
  <xs:simpleType name="smallOrWord"><xs:union memberTypes="t:small xs:NCName"/></xs:simpleType>
  <xs:complexType name="priced"><xs:simpleContent><xs:extension base="t:small"><xs:attribute name="c" type="xs:string"/></xs:extension></xs:simpleContent></xs:complexType>
  <xs:complexType name="cheap"><xs:simpleContent><xs:restriction base="t:priced"><xs:maxExclusive value="5"/></xs:restriction></xs:simpleContent></xs:complexType>
`);
const index = indexSchemas(ir);
const ref = (name: string, namespace = 'urn:t'): TypeRef => ({ kind: 'type-ref', ref: { namespace, name } });

describe('checkLexical', () => {
  it('accepts a value of a derived type and refuses one its facets exclude', () => {
    expect(checkLexical(ref('small'), ' 9.5 ', index)).toBeUndefined();
    expect(checkLexical(ref('small'), '11', index)?.message).toMatch(/above the maximum/);
    expect(checkLexical(ref('small'), 'x', index)?.message).toMatch(/not a valid xs:decimal/);
  });

  it('checks lists item by item and unions member by member', () => {
    expect(checkLexical(ref('smalls'), '1 2 3', index)).toBeUndefined();
    expect(checkLexical(ref('smalls'), '1 20', index)?.message).toMatch(/item 2/);
    expect(checkLexical(ref('smallOrWord'), 'abc', index)).toBeUndefined();
    expect(checkLexical(ref('smallOrWord'), '1a', index)).toBeDefined();
  });

  it('takes a complex type with simple content as its value type, restrictions included', () => {
    expect(checkLexical(ref('priced'), '10', index)).toBeUndefined();
    expect(checkLexical(ref('cheap'), '5', index)?.message).toMatch(/less than 5/);
    expect(checkLexical(ref('cheap'), '4', index)).toBeUndefined();
  });

  it('looks QName prefixes up only when bindings are given', () => {
    const qname = ref('QName', XSD_NAMESPACE);
    expect(checkLexical(qname, 'p:x', index)).toBeUndefined();
    expect(checkLexical(qname, 'p:x', index, {})).toBeDefined();
    expect(checkLexical(qname, 'p:x', index, { p: 'urn:p' })).toBeUndefined();
  });
});

describe('sameValue', () => {
  it('compares in the value space', () => {
    expect(sameValue(ref('small'), '5.0', '5', index)).toBe(true);
    expect(sameValue(ref('small'), '5.1', '5', index)).toBe(false);
    expect(sameValue(ref('smalls'), ' 1  2.0', '1 2', index)).toBe(true);
    expect(sameValue(ref('string', XSD_NAMESPACE), 'a ', 'a', index)).toBe(false);
  });
});
