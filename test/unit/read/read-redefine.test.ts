/**
 * xs:redefine (XSD 1.0 part 1, 4.2.2), from the loader through assembly: the redefinition
 * replaces the component of its name everywhere, its self-reference names the original (kept
 * under "<name>@original"), and the clauses of src-redefine refuse the rest.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GeneratorError } from '../../../generator/src/errors.js';
import { generate } from '../../../generator/src/index.js';
import { assembleSchemas } from '../../../generator/src/ir/assemble.js';
import type { SchemaSet } from '../../../generator/src/ir/ir.js';
import { loadSchemas } from '../../../generator/src/load/load-schemas.js';
import { readDocument } from '../../../generator/src/read/read-schema.js';
import { typeErrors } from '../../support/typecheck.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'evfw-redefine-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';
const inT = (body: string) => `<xs:schema ${XS} xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">\n${body}\n</xs:schema>\n`;
const noNamespace = (body: string) => `<xs:schema ${XS}>\n${body}\n</xs:schema>\n`;

let caseNumber = 0;
/** Writes the files into a fresh folder and assembles the set whose entry is a.xsd. */
function assemble(files: Record<string, string>): SchemaSet {
  const dir = path.join(root, `case${++caseNumber}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return assembleSchemas(loadSchemas([path.join(dir, 'a.xsd')], { rootDir: dir }).map(readDocument));
}

function refusal(files: Record<string, string>): GeneratorError {
  try {
    assemble(files);
  } catch (error) {
    if (error instanceof GeneratorError) return error;
    throw error;
  }
  throw new Error('the schema set was accepted');
}

const schemaOf = (set: SchemaSet, namespace = 'urn:t') => {
  const schema = set.schemas.find((s) => s.namespace === namespace);
  if (!schema) throw new Error(`no schema for ${namespace}`);
  return schema;
};

const ORIGINAL_B = inT(`
  <xs:complexType name="person"><xs:sequence><xs:element name="name" type="xs:string"/></xs:sequence></xs:complexType>
  <xs:simpleType name="code"><xs:restriction base="xs:string"/></xs:simpleType>
  <xs:group name="body"><xs:sequence><xs:element name="p" type="xs:string"/></xs:sequence></xs:group>
  <xs:attributeGroup name="common"><xs:attribute name="id" type="xs:ID"/></xs:attributeGroup>
  <xs:element name="people"><xs:complexType><xs:sequence><xs:element name="person" type="t:person"/></xs:sequence></xs:complexType></xs:element>`);

describe('xs:redefine', () => {
  it('replaces a type everywhere and derives the redefinition from the original, kept under an internal name', () => {
    const set = assemble({
      'a.xsd': inT(`
  <xs:redefine schemaLocation="b.xsd">
    <xs:complexType name="person"><xs:complexContent><xs:extension base="t:person">
      <xs:sequence><xs:element name="age" type="xs:int"/></xs:sequence>
    </xs:extension></xs:complexContent></xs:complexType>
    <xs:simpleType name="code"><xs:restriction base="t:code"><xs:maxLength value="3"/></xs:restriction></xs:simpleType>
  </xs:redefine>`),
      'b.xsd': ORIGINAL_B,
    });
    const types = schemaOf(set).types;
    const person = types.filter((t) => t.name.name === 'person');
    expect(person).toHaveLength(1);
    expect(person[0]?.kind === 'complex' && person[0].derivation).toEqual({ method: 'extension', base: { namespace: 'urn:t', name: 'person@original' } });
    expect(types.some((t) => t.name.name === 'person@original' && t.source.file === 'b.xsd')).toBe(true);
    const code = types.find((t) => t.name.name === 'code');
    expect(code?.kind === 'simple' && code.base).toEqual({ kind: 'type-ref', ref: { namespace: 'urn:t', name: 'code@original' } });
    // b.xsd's own reference to person now means the redefinition, which a.xsd declares.
    expect(types.find((t) => t.name.name === 'person')?.source.file).toBe('a.xsd');
  });

  it('points the self-reference of a redefined group and attribute group at the original', () => {
    const set = assemble({
      'a.xsd': inT(`
  <xs:redefine schemaLocation="b.xsd">
    <xs:group name="body"><xs:sequence><xs:group ref="t:body"/><xs:element name="q" type="xs:string"/></xs:sequence></xs:group>
    <xs:attributeGroup name="common"><xs:attributeGroup ref="t:common"/><xs:attribute name="lang" type="xs:language"/></xs:attributeGroup>
  </xs:redefine>`),
      'b.xsd': ORIGINAL_B,
    });
    const schema = schemaOf(set);
    const body = schema.groups.find((g) => g.name.name === 'body');
    expect(body?.particle.particles[0]).toMatchObject({ kind: 'group-ref', ref: { name: 'body@original' } });
    const common = schema.attributeGroups.find((g) => g.name.name === 'common');
    expect(common?.attributes[0]).toMatchObject({ kind: 'attribute-group-ref', ref: { name: 'common@original' } });
    expect(schema.groups.map((g) => g.name.name).sort()).toEqual(['body', 'body@original']);
  });

  it('redefines a document without a target namespace into the redefining one (chameleon)', () => {
    const set = assemble({
      'a.xsd': inT(`
  <xs:redefine schemaLocation="b.xsd">
    <xs:simpleType name="code"><xs:restriction base="t:code"><xs:length value="2"/></xs:restriction></xs:simpleType>
  </xs:redefine>`),
      'b.xsd': noNamespace('  <xs:simpleType name="code"><xs:restriction base="xs:string"/></xs:simpleType>\n  <xs:element name="c" type="code"/>'),
    });
    const schema = schemaOf(set);
    expect(schema.types.map((t) => t.name.name).sort()).toEqual(['code', 'code@original']);
    expect(schema.elements[0]?.type).toEqual({ kind: 'type-ref', ref: { namespace: 'urn:t', name: 'code' } });
  });

  it('chains redefinitions of redefinitions: each refers to the one before', () => {
    const restrict = (base: string) => `<xs:simpleType name="code"><xs:restriction base="${base}"><xs:minLength value="1"/></xs:restriction></xs:simpleType>`;
    const set = assemble({
      'a.xsd': inT(`  <xs:redefine schemaLocation="b.xsd">${restrict('t:code')}</xs:redefine>`),
      'b.xsd': inT(`  <xs:redefine schemaLocation="c.xsd">${restrict('t:code')}</xs:redefine>`),
      'c.xsd': inT(`  ${restrict('xs:string')}`),
    });
    const byName = new Map(schemaOf(set).types.map((t) => [t.name.name, t]));
    const baseOf = (name: string) => {
      const def = byName.get(name);
      return def?.kind === 'simple' && def.base?.kind === 'type-ref' ? def.base.ref.name : undefined;
    };
    expect([baseOf('code'), baseOf('code@original2'), baseOf('code@original')]).toEqual(['code@original2', 'code@original', 'string']);
    expect(byName.get('code')?.source.file).toBe('a.xsd');
    expect(byName.get('code@original2')?.source.file).toBe('b.xsd');
  });

  it('accepts a redefine of nothing whose document cannot be read (src-redefine clause 1)', () => {
    const set = assemble({ 'a.xsd': inT('  <xs:redefine schemaLocation="missing.xsd"><xs:annotation/></xs:redefine>\n  <xs:element name="e" type="xs:string"/>') });
    expect(schemaOf(set).elements).toHaveLength(1);
  });

  describe('refuses with xsd.src-redefine', () => {
    const cases: [string, string, RegExp][] = [
      ['a type that is not in the redefined document', '<xs:simpleType name="other"><xs:restriction base="t:other"/></xs:simpleType>', /type "other" is redefined, but b\.xsd .*declares no type/],
      ['a type whose base is not itself', '<xs:simpleType name="code"><xs:restriction base="xs:string"/></xs:simpleType>', /must derive from the type it redefines/],
      ['a simple type redefined as a list', '<xs:simpleType name="code"><xs:list itemType="t:code"/></xs:simpleType>', /must derive from the type it redefines/],
      ['a complex type without derivation', '<xs:complexType name="person"><xs:sequence/></xs:complexType>', /must derive from the type it redefines/],
      ['a group referring to itself twice', '<xs:group name="body"><xs:sequence><xs:group ref="t:body"/><xs:choice><xs:group ref="t:body"/></xs:choice></xs:sequence></xs:group>', /refers to itself 2 times/],
      ['a group referring to itself repeated', '<xs:group name="body"><xs:sequence><xs:group ref="t:body" maxOccurs="2"/></xs:sequence></xs:group>', /minOccurs="1" and maxOccurs="2"; both must be 1/],
      ['an attribute group referring to itself twice', '<xs:attributeGroup name="common"><xs:attributeGroup ref="t:common"/><xs:attributeGroup ref="t:common"/></xs:attributeGroup>', /refers to itself 2 times/],
      ['a group that is not in the redefined document', '<xs:group name="missing"><xs:sequence/></xs:group>', /group "missing" is redefined/],
    ];
    for (const [name, redefinition, message] of cases) {
      it(name, () => {
        const error = refusal({ 'a.xsd': inT(`  <xs:redefine schemaLocation="b.xsd">\n    ${redefinition}\n  </xs:redefine>`), 'b.xsd': ORIGINAL_B });
        expect(error.code).toBe('xsd.src-redefine');
        expect(error.message).toMatch(message);
        expect(error.source?.file).toBe('a.xsd');
      });
    }
  });

  describe('a redefinition without a self-reference restricts its original (src-redefine 6.2.2, 7.2.2)', () => {
    const B = inT(`
  <xs:group name="body"><xs:sequence><xs:element name="p" type="xs:string" maxOccurs="3"/><xs:element name="q" type="xs:string" minOccurs="0"/></xs:sequence></xs:group>
  <xs:attributeGroup name="common"><xs:attribute name="id" type="xs:string" use="required"/><xs:attribute name="n" type="xs:decimal"/></xs:attributeGroup>`);
    const redefine = (body: string) => ({ 'a.xsd': inT(`  <xs:redefine schemaLocation="b.xsd">\n    ${body}\n  </xs:redefine>`), 'b.xsd': B });

    it('accepts a group and an attribute group that narrow the original', () => {
      const set = assemble(
        redefine(`<xs:group name="body"><xs:sequence><xs:element name="p" type="xs:string" maxOccurs="2"/></xs:sequence></xs:group>
    <xs:attributeGroup name="common"><xs:attribute name="id" type="xs:NCName" use="required"/><xs:attribute name="n" type="xs:int"/></xs:attributeGroup>`),
      );
      expect(schemaOf(set).groups.map((g) => g.name.name).sort()).toEqual(['body', 'body@original']);
    });

    const refused: [string, string, RegExp][] = [
      ['a group that allows more than the original', '<xs:group name="body"><xs:sequence><xs:element name="p" type="xs:string" maxOccurs="5"/></xs:sequence></xs:group>', /group "body" neither refers to the original nor restricts it/],
      ['an attribute group that leaves out a required attribute', '<xs:attributeGroup name="common"><xs:attribute name="n" type="xs:int"/></xs:attributeGroup>', /leaves out attribute "id", which the original requires/],
      ['an attribute group that adds an attribute', '<xs:attributeGroup name="common"><xs:attribute name="id" type="xs:string" use="required"/><xs:attribute name="extra" type="xs:string"/></xs:attributeGroup>', /attribute group "common" neither refers .*"extra"/],
      ['an attribute group that widens a type', '<xs:attributeGroup name="common"><xs:attribute name="id" type="xs:string" use="required"/><xs:attribute name="n" type="xs:string"/></xs:attributeGroup>', /attribute group "common" neither refers/],
    ];
    for (const [name, body, message] of refused) {
      it(`refuses ${name}`, () => {
        const error = refusal(redefine(body));
        expect(error.code).toBe('xsd.src-redefine');
        expect(error.message).toMatch(message);
      });
    }
  });

  it('refuses a redefined document of another namespace', () => {
    const error = refusal({ 'a.xsd': inT('  <xs:redefine schemaLocation="b.xsd"/>'), 'b.xsd': `<xs:schema ${XS} targetNamespace="urn:other"/>` });
    expect(error.code).toBe('xsd.namespace.mismatch');
  });

  it('refuses a component declared both by a redefinition and outside it', () => {
    const error = refusal({
      'a.xsd': inT('  <xs:redefine schemaLocation="b.xsd"><xs:simpleType name="code"><xs:restriction base="t:code"/></xs:simpleType></xs:redefine>\n  <xs:simpleType name="code"><xs:restriction base="xs:int"/></xs:simpleType>'),
      'b.xsd': ORIGINAL_B,
    });
    expect(error.code).toBe('xsd.component.duplicate');
  });
});

describe('xs:redefine through generate', () => {
  it('emits the original under a valid TypeScript name, and the package type-checks', () => {
    const dir = path.join(root, 'generate');
    mkdirSync(dir);
    writeFileSync(
      path.join(dir, 'a.xsd'),
      inT(`
  <xs:redefine schemaLocation="b.xsd">
    <xs:complexType name="person"><xs:complexContent><xs:extension base="t:person">
      <xs:sequence><xs:element name="age" type="xs:int"/></xs:sequence>
      <xs:attributeGroup ref="t:common"/>
    </xs:extension></xs:complexContent></xs:complexType>
    <xs:simpleType name="code"><xs:restriction base="t:code"><xs:maxLength value="3"/></xs:restriction></xs:simpleType>
    <xs:group name="body"><xs:sequence><xs:group ref="t:body"/><xs:element name="q" type="t:code"/></xs:sequence></xs:group>
    <xs:attributeGroup name="common"><xs:attributeGroup ref="t:common"/><xs:attribute name="lang" type="xs:language"/></xs:attributeGroup>
  </xs:redefine>
  <xs:element name="page"><xs:complexType><xs:group ref="t:body"/></xs:complexType></xs:element>`),
    );
    writeFileSync(path.join(dir, 'b.xsd'), ORIGINAL_B);
    const files = generate([path.join(dir, 'a.xsd')], { rootDir: dir });
    const out = path.join(dir, 'out');
    for (const [relative, text] of files) {
      mkdirSync(path.dirname(path.join(out, relative)), { recursive: true });
      writeFileSync(path.join(out, relative), text);
    }
    // The original is emitted like any type, under the TypeScript name of "person@original".
    expect([...files.values()].join('\n')).toMatch(/\bPersonOriginal\b/);
    expect(typeErrors(path.join(out, 'src'))).toEqual([]);
  }, 60_000);
});
