/**
 * xsi:type (XSD 1.0 Part 1, cvc-elt 4): the type an instance names replaces the declared one when
 * it is derived from it and nothing blocks the derivation; the element is then validated against
 * it. Also abstract types (cvc-type.2) and the head's blocking of substitution groups
 * (cos-equiv-derived-ok-rec). The fast path must agree with the full path on every document.
 */
import { describe, expect, it } from 'vitest';
import { TRANSFORMS, schemaDescriptors } from '../../../generator/src/index.js';
import { SchemaRegistry, parseDocument } from '../../../runtime/src/index.js';
import { parseFullPath } from '../../../runtime/src/document.js';
import { inlineIr } from '../../support/inline-schema.js';

const ir = inlineIr(
  `<xs:complexType name="base"><xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence>
     <xs:attribute name="id" type="xs:string"/></xs:complexType>
   <xs:complexType name="ext"><xs:complexContent><xs:extension base="t:base">
     <xs:sequence><xs:element name="b" type="xs:int"/></xs:sequence><xs:attribute name="extra" type="xs:int"/>
   </xs:extension></xs:complexContent></xs:complexType>
   <xs:complexType name="res"><xs:complexContent><xs:restriction base="t:base">
     <xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence>
   </xs:restriction></xs:complexContent></xs:complexType>
   <xs:complexType name="other"><xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence></xs:complexType>
   <xs:complexType name="shape" abstract="true"><xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence></xs:complexType>
   <xs:complexType name="circle"><xs:complexContent><xs:extension base="t:shape"/></xs:complexContent></xs:complexType>
   <xs:complexType name="sealed" block="extension"><xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence></xs:complexType>
   <xs:complexType name="unsealed"><xs:complexContent><xs:extension base="t:sealed"/></xs:complexContent></xs:complexType>
   <xs:complexType name="measure"><xs:simpleContent><xs:extension base="xs:decimal">
     <xs:attribute name="unit" type="xs:string"/></xs:extension></xs:simpleContent></xs:complexType>
   <xs:simpleType name="small"><xs:restriction base="xs:int"><xs:maxInclusive value="10"/></xs:restriction></xs:simpleType>
   <xs:simpleType name="int-or-date"><xs:union memberTypes="xs:int xs:date"/></xs:simpleType>
   <xs:simpleType name="only-one"><xs:restriction base="t:int-or-date"><xs:enumeration value="1"/></xs:restriction></xs:simpleType>
   <xs:element name="doc"><xs:complexType><xs:sequence>
     <xs:element name="item" type="t:base" minOccurs="0" maxOccurs="unbounded"/>
     <xs:element name="strict" type="t:base" block="extension" minOccurs="0"/>
     <xs:element name="figure" type="t:shape" minOccurs="0"/>
     <xs:element name="guarded" type="t:sealed" minOccurs="0"/>
     <xs:element name="number" type="xs:decimal" minOccurs="0" maxOccurs="unbounded"/>
     <xs:element name="when" type="t:int-or-date" minOccurs="0" maxOccurs="unbounded"/>
     <xs:element name="narrow" type="t:only-one" minOccurs="0"/>
     <xs:element name="anything" minOccurs="0" maxOccurs="unbounded"/>
   </xs:sequence></xs:complexType></xs:element>`,
  ...TRANSFORMS,
);
const registry = new SchemaRegistry(schemaDescriptors(ir));
const document = (body: string) =>
  `<doc xmlns="urn:t" xmlns:t="urn:t" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${body}</doc>`;
/** The codes of a document's diagnostics, after checking the fast path gives the full path's answer. */
const codes = (body: string) => {
  const result = parseDocument(registry, '{urn:t}doc', document(body));
  expect(result).toEqual(parseFullPath(registry, '{urn:t}doc', document(body)));
  return result.diagnostics.map((d) => d.code);
};
const messages = (body: string) => parseDocument(registry, '{urn:t}doc', document(body)).diagnostics.map((d) => d.message);

describe('xsi:type on a complex type', () => {
  it('validates the element against an extension of its type', () => {
    expect(codes('<item xsi:type="t:ext" extra="1"><a/><b>3</b></item>')).toEqual([]);
    expect(codes('<item xsi:type="t:ext"><a/><b>three</b></item>')).toEqual(['evfw.value.datatype']);
    expect(codes('<item xsi:type="t:ext"><a/></item>')).toEqual(['evfw.content.missing']);
  });

  it('accepts a restriction and the declared type itself', () => {
    expect(codes('<item xsi:type="t:res"><a/></item><item xsi:type="t:base" id="x"><a/></item>')).toEqual([]);
  });

  it('resolves the name with the default namespace and surrounding whitespace', () => {
    expect(codes('<item xsi:type=" ext "><a/><b>3</b></item>')).toEqual([]);
  });

  it('refuses a type no schema defines, an undeclared prefix, and a type not derived from the declared one', () => {
    expect(codes('<item xsi:type="t:nothing"><a/></item>')).toEqual(['evfw.xsi.type']);
    expect(codes('<item xsi:type="u:ext"><a/></item>')).toEqual(['evfw.xsi.type']);
    expect(codes('<item xsi:type="t:other"><a/></item>')).toEqual(['evfw.xsi.type']);
    expect(messages('<item xsi:type="t:other"><a/></item>')[0]).toContain('"other" is not derived from the declared type "base"');
  });

  it('refuses a type the generator named: the schema left it anonymous', () => {
    expect(codes('<anything xsi:type="t:doc"/>')).toEqual(['evfw.xsi.type']);
  });

  it("honours the element's block and the declared type's block", () => {
    // A refused xsi:type leaves the declared type, which this content fits.
    expect(codes('<strict xsi:type="t:ext"><a/></strict>')).toEqual(['evfw.xsi.type']);
    expect(messages('<strict xsi:type="t:ext"><a/></strict>')[0]).toContain('blocks extension');
    expect(codes('<strict xsi:type="t:res"><a/></strict>')).toEqual([]);
    expect(codes('<guarded xsi:type="t:unsealed"><a/></guarded>')).toEqual(['evfw.xsi.type']);
  });

  it('requires a concrete type in place of an abstract one', () => {
    expect(codes('<figure><a/></figure>')).toEqual(['evfw.type.abstract']);
    expect(codes('<figure xsi:type="t:circle"><a/></figure>')).toEqual([]);
    expect(codes('<figure xsi:type="t:shape"><a/></figure>')).toEqual(['evfw.xsi.type']);
  });
});

describe('xsi:type on a simple type', () => {
  it('validates against a built-in or user type derived from the declared one', () => {
    expect(codes('<number xsi:type="xs:int">5</number><number xsi:type="t:small">7</number>')).toEqual([]);
    expect(codes('<number xsi:type="xs:int">5.5</number>')).toEqual(['evfw.value.datatype']);
    expect(codes('<number xsi:type="t:small">11</number>')).toEqual(['evfw.value.facet']);
    expect(codes('<number xsi:type="xs:string">5</number>')).toEqual(['evfw.xsi.type']);
  });

  it('accepts a complex type with simple content derived from the declared simple type', () => {
    expect(codes('<number xsi:type="t:measure" unit="kg">5</number>')).toEqual([]);
    expect(codes('<number unit="kg">5</number>')).toEqual(['evfw.attribute.unknown']);
  });

  it('accepts a member of a declared union, and validates against that member', () => {
    expect(codes('<when xsi:type="xs:date">2024-01-31</when><when xsi:type="xs:int">4</when>')).toEqual([]);
    expect(codes('<when xsi:type="xs:date">4</when>')).toEqual(['evfw.value.datatype']);
  });

  it('refuses a member of a union restricted with facets, which would escape the facets', () => {
    expect(codes('<narrow xsi:type="xs:int">1</narrow>')).toEqual(['evfw.xsi.type']);
    expect(codes('<narrow xsi:type="t:only-one">1</narrow>')).toEqual([]);
  });

  it('lets xs:anyType be replaced by any type', () => {
    expect(codes('<anything xsi:type="xs:int">5</anything><anything xsi:type="t:ext"><a/><b>1</b></anything>')).toEqual([]);
    expect(codes('<anything xsi:type="xs:int">five</anything>')).toEqual(['evfw.value.datatype']);
  });

  it('validates an undeclared element inside xs:anyType against its xsi:type', () => {
    expect(codes('<anything><free xsi:type="xs:int">5</free></anything>')).toEqual([]);
    expect(codes('<anything><free xsi:type="xs:int">five</free></anything>')).toEqual(['evfw.value.datatype']);
  });
});

describe('substitution groups: the head blocks', () => {
  const groups = new SchemaRegistry(
    schemaDescriptors(
      inlineIr(
        `<xs:complexType name="base"><xs:sequence><xs:element name="a" type="xs:string" minOccurs="0"/></xs:sequence></xs:complexType>
         <xs:complexType name="ext"><xs:complexContent><xs:extension base="t:base"/></xs:complexContent></xs:complexType>
         <xs:complexType name="res"><xs:complexContent><xs:restriction base="t:base"/></xs:complexContent></xs:complexType>
         <xs:element name="open" type="t:base"/>
         <xs:element name="open-ext" type="t:ext" substitutionGroup="t:open"/>
         <xs:element name="closed" type="t:base" block="substitution"/>
         <xs:element name="closed-same" substitutionGroup="t:closed"/>
         <xs:element name="no-ext" type="t:base" block="extension"/>
         <xs:element name="no-ext-ext" type="t:ext" substitutionGroup="t:no-ext"/>
         <xs:element name="no-ext-res" type="t:res" substitutionGroup="t:no-ext"/>
         <xs:element name="doc"><xs:complexType><xs:sequence>
           <xs:element ref="t:open" minOccurs="0"/><xs:element ref="t:closed" minOccurs="0"/><xs:element ref="t:no-ext" minOccurs="0"/>
         </xs:sequence></xs:complexType></xs:element>`,
        ...TRANSFORMS,
      ),
    ),
  );
  const groupCodes = (body: string) => parseDocument(groups, '{urn:t}doc', `<doc xmlns="urn:t">${body}</doc>`).diagnostics.map((d) => d.code);

  it('lets a member stand for a head that blocks nothing', () => {
    expect(groupCodes('<open-ext/>')).toEqual([]);
  });

  it('refuses every member of a head that blocks substitution', () => {
    expect(groupCodes('<closed/>')).toEqual([]);
    expect(groupCodes('<closed-same/>')).toEqual(['evfw.content.unexpected']);
  });

  it('refuses the members derived by a method the head blocks', () => {
    expect(groupCodes('<no-ext-ext/>')).toEqual(['evfw.content.unexpected']);
    expect(groupCodes('<no-ext-res/>')).toEqual([]);
  });
});
