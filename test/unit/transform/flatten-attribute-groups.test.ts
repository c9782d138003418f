import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleSchemas } from '../../../generator/src/ir/assemble.js';
import { loadSchemas } from '../../../generator/src/load/load-schemas.js';
import { readDocument } from '../../../generator/src/read/read-schema.js';
import { flattenAttributeGroups } from '../../../generator/src/transform/flatten-attribute-groups.js';
import { complexOf, inlineIr, XS } from '../../support/inline-schema.js';

describe('flattenAttributeGroups', () => {
  const ir = inlineIr(
    `<xs:attribute name="g" type="xs:int"/>
     <xs:attributeGroup name="inner"><xs:attribute name="b" type="xs:string"/><xs:anyAttribute namespace="##other"/></xs:attributeGroup>
     <xs:attributeGroup name="outer"><xs:attribute name="a" type="xs:string" use="required"/><xs:attributeGroup ref="t:inner"/></xs:attributeGroup>
     <xs:complexType name="c"><xs:attributeGroup ref="t:outer"/><xs:attribute ref="t:g" default="3"/></xs:complexType>`,
    flattenAttributeGroups,
  );
  const c = complexOf(ir, 'c');

  it('lists every attribute of nested groups in order, as local uses', () => {
    expect(c.attributes.map((u) => (u.kind === 'attribute' ? [u.attribute.name.name, u.use, u.global] : u.kind))).toEqual([
      ['a', 'required', false],
      ['b', 'optional', false],
      ['g', 'optional', true],
    ]);
  });

  it("keeps a reference's own default over the global declaration's", () => {
    const g = c.attributes[2];
    expect(g?.kind === 'attribute' && g.attribute.default).toBe('3');
  });

  it("makes a group's wildcard the type's anyAttribute", () => {
    expect(c.anyAttribute?.namespaces).toEqual({ kind: 'other', namespace: 'urn:t' });
  });
});

describe('flattenAttributeGroups: the complete wildcard (XSD 1.0 part 1, 3.4.2 and 3.6.2)', () => {
  it("intersects a type's own wildcard with its groups', keeping the type's processContents", () => {
    const ir = inlineIr(
      `<xs:attributeGroup name="tns"><xs:anyAttribute namespace="##targetNamespace" processContents="strict"/></xs:attributeGroup>
       <xs:complexType name="c"><xs:attributeGroup ref="t:tns"/><xs:anyAttribute namespace="##any" processContents="lax"/></xs:complexType>`,
      flattenAttributeGroups,
    );
    const wildcard = complexOf(ir, 'c').anyAttribute;
    expect(wildcard?.namespaces).toEqual({ kind: 'list', namespaces: ['urn:t'] });
    expect(wildcard?.processContents).toBe('lax');
  });

  it("intersects the wildcards of several groups, keeping the first group's processContents", () => {
    const ir = inlineIr(
      `<xs:attributeGroup name="ab"><xs:anyAttribute namespace="urn:a urn:b" processContents="skip"/></xs:attributeGroup>
       <xs:attributeGroup name="bc"><xs:anyAttribute namespace="urn:b urn:c" processContents="strict"/></xs:attributeGroup>
       <xs:complexType name="c"><xs:attributeGroup ref="t:ab"/><xs:attributeGroup ref="t:bc"/></xs:complexType>`,
      flattenAttributeGroups,
    );
    const wildcard = complexOf(ir, 'c').anyAttribute;
    expect(wildcard?.namespaces).toEqual({ kind: 'list', namespaces: ['urn:b'] });
    expect(wildcard?.processContents).toBe('skip');
  });

  it("intersects a group's own wildcard with those of the groups it refers to", () => {
    const ir = inlineIr(
      `<xs:attributeGroup name="inner"><xs:anyAttribute namespace="urn:a urn:b"/></xs:attributeGroup>
       <xs:attributeGroup name="outer"><xs:attributeGroup ref="t:inner"/><xs:anyAttribute namespace="##other"/></xs:attributeGroup>
       <xs:complexType name="c"><xs:attributeGroup ref="t:outer"/></xs:complexType>`,
      flattenAttributeGroups,
    );
    expect(complexOf(ir, 'c').anyAttribute?.namespaces).toEqual({ kind: 'list', namespaces: ['urn:a', 'urn:b'] });
  });

  it('refuses two ##other wildcards of different target namespaces (xsd.cos-aw-intersect)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'evfw-flatten-'));
    writeFileSync(
      path.join(dir, 'b.xsd'),
      `<xs:schema ${XS} targetNamespace="urn:b"><xs:attributeGroup name="other"><xs:anyAttribute namespace="##other"/></xs:attributeGroup></xs:schema>`,
    );
    writeFileSync(
      path.join(dir, 'a.xsd'),
      `<xs:schema ${XS} xmlns:a="urn:a" xmlns:b="urn:b" targetNamespace="urn:a">
         <xs:import namespace="urn:b" schemaLocation="b.xsd"/>
         <xs:complexType name="c"><xs:attributeGroup ref="b:other"/><xs:anyAttribute namespace="##other"/></xs:complexType>
       </xs:schema>`,
    );
    const set = assembleSchemas(loadSchemas([path.join(dir, 'a.xsd')], { rootDir: dir }).map(readDocument));
    expect(() => flattenAttributeGroups(set)).toThrow(expect.objectContaining({ code: 'xsd.cos-aw-intersect' }));
  });
});

describe('flattenAttributeGroups: uses that reach a type through attribute groups', () => {
  it('drops a prohibited use written in a group: it is no attribute use (XSD 1.0 part 1, 3.2.2)', () => {
    const ir = inlineIr(
      `<xs:attributeGroup name="g"><xs:attribute name="a" use="prohibited"/><xs:attribute name="b"/></xs:attributeGroup>
       <xs:complexType name="base"><xs:attribute name="a"/><xs:attribute name="b"/></xs:complexType>
       <xs:complexType name="c"><xs:complexContent><xs:restriction base="t:base"><xs:attributeGroup ref="t:g"/></xs:restriction></xs:complexContent></xs:complexType>`,
      flattenAttributeGroups,
    );
    expect(complexOf(ir, 'c').attributes.map((u) => (u.kind === 'attribute' ? [u.attribute.name.name, u.use] : u.kind))).toEqual([['b', 'optional']]);
  });

  it('keeps a prohibited use written on the type itself', () => {
    const ir = inlineIr(
      `<xs:complexType name="base"><xs:attribute name="a"/></xs:complexType>
       <xs:complexType name="c"><xs:complexContent><xs:restriction base="t:base"><xs:attribute name="a" use="prohibited"/></xs:restriction></xs:complexContent></xs:complexType>`,
      flattenAttributeGroups,
    );
    expect(complexOf(ir, 'c').attributes.map((u) => (u.kind === 'attribute' ? [u.attribute.name.name, u.use] : u.kind))).toEqual([['a', 'prohibited']]);
  });

  it('keeps one use of a global attribute that two groups both refer to', () => {
    const ir = inlineIr(
      `<xs:attribute name="lang" type="xs:language"/>
       <xs:attributeGroup name="g1"><xs:attribute ref="t:lang"/></xs:attributeGroup>
       <xs:attributeGroup name="g2"><xs:attribute ref="t:lang"/><xs:attribute name="x"/></xs:attributeGroup>
       <xs:complexType name="c"><xs:attributeGroup ref="t:g1"/><xs:attributeGroup ref="t:g2"/></xs:complexType>`,
      flattenAttributeGroups,
    );
    expect(complexOf(ir, 'c').attributes.map((u) => (u.kind === 'attribute' ? u.attribute.name.name : u.kind))).toEqual(['lang', 'x']);
  });

  it('makes that one use required when either use is', () => {
    const ir = inlineIr(
      `<xs:attribute name="lang" type="xs:language"/>
       <xs:attributeGroup name="g1"><xs:attribute ref="t:lang"/></xs:attributeGroup>
       <xs:attributeGroup name="g2"><xs:attribute ref="t:lang" use="required"/></xs:attributeGroup>
       <xs:complexType name="c"><xs:attributeGroup ref="t:g1"/><xs:attributeGroup ref="t:g2"/></xs:complexType>`,
      flattenAttributeGroups,
    );
    expect(complexOf(ir, 'c').attributes.map((u) => (u.kind === 'attribute' ? [u.attribute.name.name, u.use] : u.kind))).toEqual([['lang', 'required']]);
  });

  it('still refuses two different declarations of one name', () => {
    expect(() =>
      inlineIr(
        `<xs:attributeGroup name="g1"><xs:attribute name="a" type="xs:int"/></xs:attributeGroup>
         <xs:complexType name="c"><xs:attributeGroup ref="t:g1"/><xs:attribute name="a" type="xs:string"/></xs:complexType>`,
        flattenAttributeGroups,
      ),
    ).toThrow(expect.objectContaining({ code: 'xsd.component.duplicate' }));
  });
});
