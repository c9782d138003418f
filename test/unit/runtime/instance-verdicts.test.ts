/**
 * Instance verdicts XSD 1.0 Part 1 settles and evfw once got wrong, with schemas written in the
 * test: attribute wildcards through extension (3.4.2) and next to prohibited attributes, fixed
 * values compared in the value space, empty elements taking their fixed value, a fixed value on
 * an xs:anyType element, and xs:ID attributes a wildcard matches (cvc-complex-type 5).
 */
import { describe, expect, it } from 'vitest';
import { TRANSFORMS, schemaDescriptors } from '../../../generator/src/index.js';
import { SchemaRegistry } from '../../../runtime/src/index.js';
import { parseDocument } from '../../../runtime/src/document.js';
import { inlineIr } from '../../support/inline-schema.js';

function codes(body: string, xml: string): string[] {
  const registry = new SchemaRegistry(schemaDescriptors(inlineIr(body, ...TRANSFORMS)));
  return parseDocument(registry, undefined, xml).diagnostics.map((d) => d.code);
}

describe('attribute wildcards', () => {
  const extension = `
    <xs:complexType name="base"><xs:anyAttribute namespace="##local" processContents="skip"/></xs:complexType>
    <xs:complexType name="derived"><xs:complexContent><xs:extension base="t:base">
      <xs:anyAttribute namespace="urn:x" processContents="skip"/>
    </xs:extension></xs:complexContent></xs:complexType>
    <xs:element name="doc" type="t:derived"/>`;

  it("an extension's wildcard is the union of its own and its base's", () => {
    expect(codes(extension, '<doc xmlns="urn:t" xmlns:x="urn:x" a="1" x:b="2"/>')).toEqual([]);
    expect(codes(extension, '<doc xmlns="urn:t" xmlns:y="urn:y" y:b="2"/>')).toEqual(['evfw.attribute.unknown']);
  });

  it('admits an attribute the type prohibits, when its wildcard allows it', () => {
    const body = `<xs:element name="doc"><xs:complexType>
        <xs:attribute name="a" use="prohibited"/><xs:anyAttribute namespace="##local" processContents="lax"/>
      </xs:complexType></xs:element>`;
    expect(codes(body, '<doc xmlns="urn:t" a="1"/>')).toEqual([]);
  });

  it('matches one xs:ID attribute at most', () => {
    const body = `<xs:attribute name="i1" type="xs:ID"/><xs:attribute name="i2" type="xs:ID"/>
      <xs:element name="doc"><xs:complexType><xs:anyAttribute namespace="##targetNamespace"/></xs:complexType></xs:element>`;
    expect(codes(body, '<doc xmlns="urn:t" xmlns:t="urn:t" t:i1="a"/>')).toEqual([]);
    expect(codes(body, '<doc xmlns="urn:t" xmlns:t="urn:t" t:i1="a" t:i2="b"/>')).toEqual(['evfw.id.wildcard']);
  });
});

describe('fixed values', () => {
  const union = (fixed: string, members: string) => `<xs:element name="doc" fixed="${fixed}"><xs:simpleType><xs:union memberTypes="${members}"/></xs:simpleType></xs:element>`;

  it('compares a fixed value in the value space', () => {
    expect(codes(union('1', 'xs:boolean xs:int'), '<doc xmlns="urn:t">true</doc>')).toEqual([]);
    expect(codes(union('1.0', 'xs:float'), '<doc xmlns="urn:t">1.000</doc>')).toEqual([]);
    expect(codes(union('1.0', 'xs:float'), '<doc xmlns="urn:t">1.5</doc>')).toEqual(['evfw.value.fixed']);
  });

  it('keeps the whitespace a normalizedString member keeps', () => {
    expect(codes(union('ab&#32;', 'xs:normalizedString'), '<doc xmlns="urn:t">ab</doc>')).toEqual(['evfw.value.fixed']);
  });

  it('gives an empty element its fixed value', () => {
    expect(codes('<xs:element name="doc" type="xs:integer" fixed="123"/>', '<doc xmlns="urn:t"/>')).toEqual([]);
  });

  it('holds an xs:anyType element to its fixed text', () => {
    expect(codes('<xs:element name="doc" fixed="v"/>', '<doc xmlns="urn:t">v</doc>')).toEqual([]);
    expect(codes('<xs:element name="doc" fixed="v"/>', '<doc xmlns="urn:t">w</doc>')).toEqual(['evfw.value.fixed']);
  });
});
