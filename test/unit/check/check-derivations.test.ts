import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDerivations } from '../../../generator/src/check/check-derivations.js';
import { builtinType, isValidlyDerived, resolveType } from '../../../generator/src/check/derivation-of.js';
import { isWildcardSubset, wildcardIntersection, wildcardUnion } from '../../../generator/src/ir/wildcards.js';
import { GeneratorError } from '../../../generator/src/errors.js';
import type { SchemaSet, WildcardNamespaces } from '../../../generator/src/ir/ir.js';
import { assembleSchemas } from '../../../generator/src/ir/assemble.js';
import { indexSchemas } from '../../../generator/src/ir/schema-index.js';
import { loadSchemas } from '../../../generator/src/load/load-schemas.js';
import { readDocument } from '../../../generator/src/read/read-schema.js';
import { inlineIr, XS } from '../../support/inline-schema.js';

/**
 * The code of the first violation checkDerivations finds in the inline schema, or 'ok'. The
 * types named in `mixed` are made mixed in the IR, as the reader does not take mixed="true" yet.
 */
function codeOf(body: string, mixed: readonly string[] = []): string {
  const set = withMixed(inlineIr(body), mixed);
  try {
    checkDerivations(set, indexSchemas(set));
    return 'ok';
  } catch (error) {
    if (error instanceof GeneratorError) return error.code;
    throw error;
  }
}

/** A base type with three attributes, and a wildcard when one is given. */
const baseWith = (wildcard: string) => `
  <xs:complexType name="base">
    <xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence>
    <xs:attribute name="req" type="xs:decimal" use="required"/>
    <xs:attribute name="opt" type="xs:decimal"/>
    <xs:attribute name="fix" type="xs:decimal" fixed="1.0"/>${wildcard}
  </xs:complexType>`;
const BASE = baseWith('');

function withMixed(set: SchemaSet, names: readonly string[]): SchemaSet {
  return {
    schemas: set.schemas.map((schema) => ({
      ...schema,
      types: schema.types.map((def) => (def.kind === 'complex' && def.content.kind === 'elements' && names.includes(def.name.name) ? { ...def, content: { ...def.content, mixed: true } } : def)),
    })),
  };
}

/** A restriction of the base with the given attributes (and the base's content model restated). */
const restriction = (attributes: string, baseWildcard = '') => `${baseWith(baseWildcard)}
  <xs:complexType name="derived"><xs:complexContent><xs:restriction base="t:base">
    <xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence>${attributes}
  </xs:restriction></xs:complexContent></xs:complexType>`;

describe('src-ct: the base of simpleContent and complexContent', () => {
  it('refuses complexContent on a simple base', () => {
    expect(codeOf('<xs:complexType name="x"><xs:complexContent><xs:extension base="xs:string"/></xs:complexContent></xs:complexType>')).toBe('xsd.src-ct');
  });

  it('refuses a simpleContent restriction of a simple type, and an extension of element content', () => {
    expect(codeOf('<xs:complexType name="x"><xs:simpleContent><xs:restriction base="xs:string"/></xs:simpleContent></xs:complexType>')).toBe('xsd.src-ct');
    expect(codeOf(`${BASE}<xs:complexType name="x"><xs:simpleContent><xs:extension base="t:base"/></xs:simpleContent></xs:complexType>`)).toBe('xsd.src-ct');
  });

  it('needs an inline simple type to restrict mixed content (xs:anyType) into simple content', () => {
    expect(codeOf('<xs:complexType name="x"><xs:simpleContent><xs:restriction base="xs:anyType"/></xs:simpleContent></xs:complexType>')).toBe('xsd.src-ct');
    expect(codeOf('<xs:complexType name="x"><xs:simpleContent><xs:restriction base="xs:anyType"><xs:simpleType><xs:restriction base="xs:int"/></xs:simpleType></xs:restriction></xs:simpleContent></xs:complexType>')).toBe('ok');
  });

  it('accepts simpleContent on a simple type and on a complex type with simple content', () => {
    expect(
      codeOf(`
      <xs:complexType name="price"><xs:simpleContent><xs:extension base="xs:decimal"><xs:attribute name="c"/></xs:extension></xs:simpleContent></xs:complexType>
      <xs:complexType name="cheap"><xs:simpleContent><xs:restriction base="t:price"><xs:maxInclusive value="5"/></xs:restriction></xs:simpleContent></xs:complexType>
      <xs:complexType name="taxed"><xs:simpleContent><xs:extension base="t:cheap"><xs:attribute name="tax"/></xs:extension></xs:simpleContent></xs:complexType>`),
    ).toBe('ok');
  });
});

describe('the base type\'s final', () => {
  it('refuses an extension of a type final for extension (its own final or finalDefault)', () => {
    expect(codeOf(`${BASE.replace('name="base"', 'name="base" final="extension"')}<xs:complexType name="x"><xs:complexContent><xs:extension base="t:base"/></xs:complexContent></xs:complexType>`)).toBe('xsd.cos-ct-extends');
  });

  it('refuses a restriction of a type final for restriction, and allows the other method', () => {
    const finalBase = (attributes: string) => restriction(attributes).replace('name="base"', 'name="base" final="restriction"');
    expect(codeOf(finalBase(''))).toBe('xsd.derivation-ok-restriction');
    expect(codeOf(`${BASE.replace('name="base"', 'name="base" final="restriction"')}<xs:complexType name="x"><xs:complexContent><xs:extension base="t:base"/></xs:complexContent></xs:complexType>`)).toBe('ok');
  });
});

describe('ct-props-correct: the attribute uses of one type', () => {
  it('refuses two attributes of type ID, one of them through an attribute group', () => {
    expect(
      codeOf(`
      <xs:attributeGroup name="ids"><xs:attribute name="id2" type="xs:ID"/></xs:attributeGroup>
      <xs:complexType name="x"><xs:attribute name="id1" type="xs:ID"/><xs:attributeGroup ref="t:ids"/></xs:complexType>`),
    ).toBe('xsd.ct-props-correct');
  });

  it('refuses one name declared twice, through a group, and an extension redeclaring a base attribute', () => {
    expect(
      codeOf(`
      <xs:attributeGroup name="g"><xs:attribute name="a"/></xs:attributeGroup>
      <xs:complexType name="x"><xs:attribute name="a"/><xs:attributeGroup ref="t:g"/></xs:complexType>`),
    ).toBe('xsd.ct-props-correct');
    expect(codeOf(`${BASE}<xs:complexType name="x"><xs:complexContent><xs:extension base="t:base"><xs:attribute name="opt"/></xs:extension></xs:complexContent></xs:complexType>`)).toBe('xsd.ct-props-correct');
  });

  it('lets a restriction restate its base\'s attributes', () => {
    expect(codeOf(restriction('<xs:attribute name="req" type="xs:int" use="required"/><xs:attribute name="opt" type="xs:decimal"/>'))).toBe('ok');
  });
});

describe('cos-ct-extends: content an extension can add to', () => {
  const simpleBase = '<xs:complexType name="s"><xs:simpleContent><xs:extension base="xs:string"/></xs:simpleContent></xs:complexType>';

  it('refuses child elements added to simple content', () => {
    expect(codeOf(`${simpleBase}<xs:complexType name="x"><xs:complexContent><xs:extension base="t:s"><xs:sequence><xs:element name="e"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>`)).toBe('xsd.cos-ct-extends');
  });

  it('refuses element-only content appended to xs:anyType, which is mixed', () => {
    expect(codeOf('<xs:complexType name="x"><xs:complexContent><xs:extension base="xs:anyType"><xs:sequence><xs:element name="e"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>')).toBe('xsd.cos-ct-extends');
  });

  it('refuses mixed content appended to element-only content, and the reverse', () => {
    const extension = `${BASE}<xs:complexType name="x"><xs:complexContent><xs:extension base="t:base"><xs:sequence><xs:element name="b"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>`;
    expect(codeOf(extension, ['x'])).toBe('xsd.cos-ct-extends');
    expect(codeOf(extension, ['base'])).toBe('xsd.cos-ct-extends');
    expect(codeOf(extension, ['base', 'x'])).toBe('ok');
  });

  it('accepts attributes added to simple content through complexContent, and elements appended to elements', () => {
    expect(codeOf(`${simpleBase}<xs:complexType name="x"><xs:complexContent><xs:extension base="t:s"><xs:attribute name="n"/></xs:extension></xs:complexContent></xs:complexType>`)).toBe('ok');
    expect(codeOf(`${BASE}<xs:complexType name="x"><xs:complexContent><xs:extension base="t:base"><xs:sequence><xs:element name="b"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>`)).toBe('ok');
  });
});

describe('derivation-ok-restriction: attributes and wildcards', () => {
  it('refuses an optional use of a required attribute, and prohibiting it', () => {
    expect(codeOf(restriction('<xs:attribute name="req" type="xs:decimal"/>'))).toBe('xsd.derivation-ok-restriction');
    expect(codeOf(restriction('<xs:attribute name="req" use="prohibited"/>'))).toBe('xsd.derivation-ok-restriction');
  });

  it('keeps the base\'s required attribute when an attribute group prohibits it: that use stands for nothing (3.2.2)', () => {
    expect(codeOf(`<xs:attributeGroup name="noReq"><xs:attribute name="req" use="prohibited"/></xs:attributeGroup>${restriction('<xs:attributeGroup ref="t:noReq"/>')}`)).toBe('ok');
  });

  it('refuses a type not derived from the base attribute\'s type', () => {
    expect(codeOf(restriction('<xs:attribute name="opt" type="xs:string"/>'))).toBe('xsd.derivation-ok-restriction');
    expect(codeOf(restriction('<xs:attribute name="opt" type="xs:byte"/>'))).toBe('ok');
  });

  it('keeps a fixed value, compared as a value', () => {
    expect(codeOf(restriction('<xs:attribute name="fix" type="xs:decimal"/>'))).toBe('xsd.derivation-ok-restriction');
    expect(codeOf(restriction('<xs:attribute name="fix" type="xs:decimal" fixed="2"/>'))).toBe('xsd.derivation-ok-restriction');
    expect(codeOf(restriction('<xs:attribute name="fix" type="xs:decimal" fixed="1"/>'))).toBe('ok');
  });

  it('refuses an attribute the base does not declare, unless the base\'s wildcard allows it', () => {
    expect(codeOf(restriction('<xs:attribute name="new"/>'))).toBe('xsd.derivation-ok-restriction');
    expect(codeOf(restriction('<xs:attribute name="new"/>', '<xs:anyAttribute namespace="##local"/>'))).toBe('ok');
  });

  it("takes xs:anyType's wildcard (##any, lax) into an extension of it, so a restriction of that may add attributes", () => {
    expect(
      codeOf(`
      <xs:complexType name="b"><xs:complexContent><xs:extension base="xs:anyType"><xs:attribute name="a"/></xs:extension></xs:complexContent></xs:complexType>
      <xs:complexType name="x"><xs:complexContent><xs:restriction base="t:b"><xs:attribute name="other"/><xs:anyAttribute processContents="strict"/></xs:restriction></xs:complexContent></xs:complexType>`),
    ).toBe('ok');
  });

  it('refuses a wildcard the base lacks, a wider one, and a weaker processContents', () => {
    expect(codeOf(restriction('<xs:anyAttribute/>'))).toBe('xsd.derivation-ok-restriction');
    const withWildcard = (base: string, derived: string) => restriction(derived, base);
    expect(codeOf(withWildcard('<xs:anyAttribute namespace="##other"/>', '<xs:anyAttribute namespace="##any"/>'))).toBe('xsd.derivation-ok-restriction');
    expect(codeOf(withWildcard('<xs:anyAttribute processContents="lax"/>', '<xs:anyAttribute processContents="skip"/>'))).toBe('xsd.derivation-ok-restriction');
    expect(codeOf(withWildcard('<xs:anyAttribute processContents="lax"/>', '<xs:anyAttribute namespace="urn:x" processContents="strict"/>'))).toBe('ok');
  });
});

describe('derivation-ok-restriction: the kind of content', () => {
  it('refuses element content restricting simple content, and empty content restricting required elements', () => {
    const simpleBase = '<xs:complexType name="s"><xs:simpleContent><xs:extension base="xs:string"/></xs:simpleContent></xs:complexType>';
    expect(codeOf(`${simpleBase}<xs:complexType name="x"><xs:complexContent><xs:restriction base="t:s"><xs:sequence><xs:element name="e"/></xs:sequence></xs:restriction></xs:complexContent></xs:complexType>`)).toBe('xsd.derivation-ok-restriction');
    expect(codeOf(`${BASE}<xs:complexType name="x"><xs:complexContent><xs:restriction base="t:base"><xs:attribute name="req" type="xs:decimal" use="required"/></xs:restriction></xs:complexContent></xs:complexType>`)).toBe('xsd.derivation-ok-restriction');
  });

  it('refuses a mixed restriction of element-only content', () => {
    expect(codeOf(restriction(''), ['derived'])).toBe('xsd.derivation-ok-restriction');
    expect(codeOf(restriction(''), ['base', 'derived'])).toBe('ok');
  });

  it('accepts empty content restricting an emptiable model', () => {
    expect(
      codeOf(`
      <xs:complexType name="b"><xs:sequence><xs:element name="e" minOccurs="0"/></xs:sequence></xs:complexType>
      <xs:complexType name="x"><xs:complexContent><xs:restriction base="t:b"/></xs:complexContent></xs:complexType>`),
    ).toBe('ok');
  });

  it('refuses an inline simple type not derived from the base\'s simple content', () => {
    const base = '<xs:complexType name="s"><xs:simpleContent><xs:extension base="xs:int"/></xs:simpleContent></xs:complexType>';
    const derived = (type: string) => `${base}<xs:complexType name="x"><xs:simpleContent><xs:restriction base="t:s"><xs:simpleType><xs:restriction base="${type}"/></xs:simpleType></xs:restriction></xs:simpleContent></xs:complexType>`;
    expect(codeOf(derived('xs:string'))).toBe('xsd.derivation-ok-restriction');
    expect(codeOf(derived('xs:short'))).toBe('ok');
  });
});

describe('attribute wildcard union and intersection (part 1, 3.10.6)', () => {
  const any: WildcardNamespaces = { kind: 'any' };
  const notT: WildcardNamespaces = { kind: 'other', namespace: 'urn:t' };
  const notAbsent: WildcardNamespaces = { kind: 'other', namespace: '' };
  const set = (...namespaces: string[]): WildcardNamespaces => ({ kind: 'list', namespaces });

  it('unions sets, negations and sets, and says when XSD 1.0 cannot express the union', () => {
    expect(wildcardUnion(set('a'), set('b'))).toEqual(set('a', 'b'));
    expect(wildcardUnion(notT, any)).toEqual(any);
    expect(wildcardUnion(notT, set('urn:t', ''))).toEqual(any);
    expect(wildcardUnion(notT, set('urn:t'))).toEqual(notAbsent);
    expect(wildcardUnion(notT, set('a'))).toEqual(notT);
    expect(wildcardUnion(notT, set(''))).toBe('inexpressible');
    expect(wildcardUnion(notAbsent, set(''))).toEqual(any);
    expect(wildcardUnion(notT, { kind: 'other', namespace: 'urn:u' })).toEqual(notAbsent);
  });

  it('intersects, with two negations of different names inexpressible', () => {
    expect(wildcardIntersection(any, set('a'))).toEqual(set('a'));
    expect(wildcardIntersection(notT, set('a', 'urn:t', ''))).toEqual(set('a'));
    expect(wildcardIntersection(notT, notAbsent)).toEqual(notT);
    expect(wildcardIntersection(notT, { kind: 'other', namespace: 'urn:u' })).toBe('inexpressible');
  });

  it('takes a subset as Wildcard Subset does', () => {
    expect(isWildcardSubset(set('a'), notT)).toBe(true);
    expect(isWildcardSubset(set(''), notT)).toBe(false);
    expect(isWildcardSubset(notT, set('a'))).toBe(false);
    expect(isWildcardSubset(notT, notT)).toBe(true);
    expect(isWildcardSubset(any, notT)).toBe(false);
  });

  it('refuses an extension whose wildcard and its base\'s have no union', () => {
    expect(
      codeOf(`
      <xs:complexType name="b"><xs:anyAttribute namespace="##other"/></xs:complexType>
      <xs:complexType name="x"><xs:complexContent><xs:extension base="t:b"><xs:anyAttribute namespace="##local"/></xs:extension></xs:complexContent></xs:complexType>`),
    ).toBe('xsd.cos-aw-union');
  });
});

describe('isValidlyDerived', () => {
  const set = inlineIr(`
    <xs:simpleType name="small"><xs:restriction base="xs:int"/></xs:simpleType>
    <xs:simpleType name="u"><xs:union memberTypes="xs:boolean t:small"/></xs:simpleType>
    <xs:complexType name="b"/>
    <xs:complexType name="e"><xs:complexContent><xs:extension base="t:b"/></xs:complexContent></xs:complexType>`);
  const index = indexSchemas(set);
  const type = (name: string) => resolveType({ namespace: 'urn:t', name }, index)!;

  it('follows built-in bases, union members and the methods to avoid', () => {
    expect(isValidlyDerived(type('small'), builtinType('decimal'), new Set(), index)).toBe(true);
    expect(isValidlyDerived(builtinType('short'), type('u'), new Set(), index)).toBe(false);
    expect(isValidlyDerived(type('small'), type('u'), new Set(), index)).toBe(true);
    expect(isValidlyDerived(type('e'), type('b'), new Set(), index)).toBe(true);
    expect(isValidlyDerived(type('e'), type('b'), new Set(['extension']), index)).toBe(false);
    expect(isValidlyDerived(type('e'), builtinType('anyType'), new Set(['restriction']), index)).toBe(false);
  });
});

describe('cos-ct-extends: a simple base whose {final} holds extension (part 1, 3.14.2 and clause 2.2)', () => {
  const extendS = '<xs:complexType name="x"><xs:simpleContent><xs:extension base="t:s"><xs:attribute name="n"/></xs:extension></xs:simpleContent></xs:complexType>';
  const simple = (final: string) => `<xs:simpleType name="s"${final}><xs:restriction base="xs:string"/></xs:simpleType>`;

  /** The first violation in a whole schema document, its <xs:schema> carrying `schemaAttributes`. */
  function documentCodeOf(schemaAttributes: string, body: string): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'evfw-derivation-'));
    const file = path.join(dir, 'test.xsd');
    writeFileSync(file, `<xs:schema ${XS} xmlns:t="urn:t" targetNamespace="urn:t" ${schemaAttributes}>${body}</xs:schema>`);
    try {
      const set = assembleSchemas(loadSchemas([file], { rootDir: dir }).map(readDocument));
      checkDerivations(set, indexSchemas(set));
      return 'ok';
    } catch (error) {
      if (error instanceof GeneratorError) return error.code;
      throw error;
    }
  }

  it('refuses simple content extending a simple type with final="#all"', () => {
    expect(codeOf(`${simple(' final="#all"')}${extendS}`)).toBe('xsd.cos-ct-extends');
  });

  it('refuses it under finalDefault="#all" too', () => {
    expect(documentCodeOf('finalDefault="#all"', `${simple('')}${extendS}`)).toBe('xsd.cos-ct-extends');
  });

  it('accepts a final that lists the simple methods, and a finalDefault list naming extension (ignored for simple types)', () => {
    expect(codeOf(`${simple(' final="restriction list union"')}${extendS}`)).toBe('ok');
    expect(documentCodeOf('finalDefault="extension restriction list union"', `${simple('')}${extendS}`)).toBe('ok');
  });
});
