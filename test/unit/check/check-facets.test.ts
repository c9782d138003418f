import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSchemaSet } from '../../../generator/src/index.js';
import { checkFacets } from '../../../generator/src/check/check-facets.js';
import { GeneratorError } from '../../../generator/src/errors.js';
import { indexSchemas } from '../../../generator/src/ir/schema-index.js';
import { inlineIr } from '../../support/inline-schema.js';

/**
 * The code checkFacets throws for the schema body, or undefined when it accepts it. Reading
 * comes first (check-schema-document.ts checks some facet values against the schema for schemas).
 */
function codeOf(body: string): string | undefined {
  try {
    const ir = inlineIr(body);
    checkFacets(ir, indexSchemas(ir));
    return undefined;
  } catch (error) {
    if (error instanceof GeneratorError) return error.code;
    throw error;
  }
}

const restrict = (base: string, facets: string, name = 'T') =>
  `<xs:simpleType name="${name}"><xs:restriction base="${base}">${facets}</xs:restriction></xs:simpleType>`;

describe('checkFacets: facets that apply', () => {
  it('refuses a facet the base type does not have (cos-applicable-facets)', () => {
    expect(codeOf(restrict('xs:decimal', '<xs:length value="2"/>'))).toBe('xsd.cos-applicable-facets');
    expect(codeOf(restrict('xs:string', '<xs:totalDigits value="2"/>'))).toBe('xsd.cos-applicable-facets');
    expect(codeOf(restrict('xs:boolean', '<xs:enumeration value="true"/>'))).toBe('xsd.cos-applicable-facets');
    expect(codeOf(`<xs:simpleType name="L"><xs:list itemType="xs:int"/></xs:simpleType>${restrict('t:L', '<xs:maxInclusive value="3"/>')}`)).toBe('xsd.cos-applicable-facets');
    expect(codeOf(`<xs:simpleType name="U"><xs:union memberTypes="xs:int xs:date"/></xs:simpleType>${restrict('t:U', '<xs:length value="3"/>')}`)).toBe('xsd.cos-applicable-facets');
  });

  it('accepts the facets each kind of base has', () => {
    expect(codeOf(restrict('xs:int', '<xs:totalDigits value="3"/><xs:fractionDigits value="0"/><xs:minInclusive value="-5"/><xs:pattern value="\\d+"/>'))).toBeUndefined();
    expect(codeOf(restrict('xs:hexBinary', '<xs:length value="2"/>'))).toBeUndefined();
    expect(codeOf(`<xs:simpleType name="L"><xs:list itemType="xs:int"/></xs:simpleType>${restrict('t:L', '<xs:maxLength value="3"/><xs:enumeration value="1 2"/>')}`)).toBeUndefined();
    expect(codeOf(`<xs:simpleType name="U"><xs:union memberTypes="xs:int xs:date"/></xs:simpleType>${restrict('t:U', '<xs:enumeration value="1"/><xs:enumeration value="2000-01-01"/>')}`)).toBeUndefined();
  });

  it('refuses a single-valued facet written twice in one restriction', () => {
    expect(codeOf(restrict('xs:string', '<xs:maxLength value="2"/><xs:maxLength value="3"/>'))).toBe('xsd.src-single-facet-value');
  });
});

describe('checkFacets: combinations', () => {
  it('refuses length with a new minLength or maxLength in one step, and allows them in different steps when consistent', () => {
    expect(codeOf(restrict('xs:string', '<xs:length value="5"/><xs:maxLength value="6"/>'))).toBe('xsd.length-minLength-maxLength');
    // Erratum E2-35 (the suite's errF001).
    expect(codeOf(`${restrict('xs:string', '<xs:length value="5"/>', 'A')}${restrict('t:A', '<xs:maxLength value="5"/>')}`)).toBeUndefined();
    expect(codeOf(`${restrict('xs:string', '<xs:length value="5"/>', 'A')}${restrict('t:A', '<xs:maxLength value="4"/>')}`)).toBe('xsd.length-minLength-maxLength');
    // xs:IDREFS has minLength 1: restating it beside a length is allowed.
    expect(codeOf(restrict('xs:IDREFS', '<xs:length value="5"/><xs:minLength value="1"/>'))).toBeUndefined();
  });

  it('compares minLength and maxLength, inherited ones included', () => {
    expect(codeOf(restrict('xs:string', '<xs:minLength value="5"/><xs:maxLength value="4"/>'))).toBe('xsd.minLength-less-than-equal-to-maxLength');
    expect(codeOf(`${restrict('xs:string', '<xs:maxLength value="4"/>', 'A')}${restrict('t:A', '<xs:minLength value="5"/>')}`)).toBe('xsd.minLength-less-than-equal-to-maxLength');
  });

  it('refuses inclusive and exclusive bounds of one side in one step', () => {
    expect(codeOf(restrict('xs:int', '<xs:maxInclusive value="5"/><xs:maxExclusive value="6"/>'))).toBe('xsd.maxInclusive-maxExclusive');
    expect(codeOf(restrict('xs:int', '<xs:minInclusive value="5"/><xs:minExclusive value="6"/>'))).toBe('xsd.minInclusive-minExclusive');
  });

  it('orders the bounds as values, not strings', () => {
    expect(codeOf(restrict('xs:decimal', '<xs:minInclusive value="10"/><xs:maxInclusive value="9.5"/>'))).toBe('xsd.minInclusive-less-than-equal-to-maxInclusive');
    expect(codeOf(restrict('xs:decimal', '<xs:minInclusive value="5.0"/><xs:maxInclusive value="5"/>'))).toBeUndefined();
    expect(codeOf(restrict('xs:decimal', '<xs:minInclusive value="9"/><xs:maxInclusive value="10"/>'))).toBeUndefined();
    expect(codeOf(restrict('xs:decimal', '<xs:minExclusive value="5.0"/><xs:maxInclusive value="5"/>'))).toBe('xsd.minExclusive-less-than-maxInclusive');
    expect(codeOf(restrict('xs:decimal', '<xs:minInclusive value="5"/><xs:maxExclusive value="5.00"/>'))).toBe('xsd.minInclusive-less-than-maxExclusive');
    expect(codeOf(restrict('xs:float', '<xs:minExclusive value="1E1"/><xs:maxExclusive value="9"/>'))).toBe('xsd.minExclusive-less-than-equal-to-maxExclusive');
    // Dates a time zone apart on one side only are not ordered: neither is greater.
    expect(codeOf(restrict('xs:date', '<xs:minInclusive value="2000-01-01"/><xs:maxInclusive value="2000-01-01Z"/>'))).toBeUndefined();
    expect(codeOf(restrict('xs:date', '<xs:minInclusive value="2000-01-03"/><xs:maxInclusive value="2000-01-01Z"/>'))).toBe('xsd.minInclusive-less-than-equal-to-maxInclusive');
  });

  it('refuses fractionDigits above totalDigits', () => {
    expect(codeOf(restrict('xs:decimal', '<xs:totalDigits value="2"/><xs:fractionDigits value="3"/>'))).toBe('xsd.fractionDigits-totalDigits');
  });
});

describe('checkFacets: a restriction only narrows its base', () => {
  it('refuses length, minLength, maxLength and digit facets that widen the base\'s', () => {
    const base = restrict('xs:string', '<xs:minLength value="2"/><xs:maxLength value="5"/>', 'A');
    expect(codeOf(`${base}${restrict('t:A', '<xs:maxLength value="6"/>')}`)).toBe('xsd.maxLength-valid-restriction');
    expect(codeOf(`${base}${restrict('t:A', '<xs:minLength value="1"/>')}`)).toBe('xsd.minLength-valid-restriction');
    expect(codeOf(`${base}${restrict('t:A', '<xs:minLength value="3"/><xs:maxLength value="4"/>')}`)).toBeUndefined();
    expect(codeOf(`${restrict('xs:string', '<xs:length value="2"/>', 'A')}${restrict('t:A', '<xs:length value="3"/>')}`)).toBe('xsd.length-valid-restriction');
    expect(codeOf(`${restrict('xs:decimal', '<xs:totalDigits value="4"/>', 'A')}${restrict('t:A', '<xs:totalDigits value="5"/>')}`)).toBe('xsd.totalDigits-valid-restriction');
    expect(codeOf(`${restrict('xs:decimal', '<xs:fractionDigits value="2"/>', 'A')}${restrict('t:A', '<xs:fractionDigits value="3"/>')}`)).toBe('xsd.fractionDigits-valid-restriction');
  });

  it('refuses a looser whiteSpace, and any other than collapse where the base fixes it', () => {
    expect(codeOf(restrict('xs:token', '<xs:whiteSpace value="replace"/>'))).toBe('xsd.whiteSpace-valid-restriction');
    expect(codeOf(restrict('xs:decimal', '<xs:whiteSpace value="preserve"/>'))).toBe('xsd.whiteSpace-valid-restriction');
    expect(codeOf(restrict('xs:string', '<xs:whiteSpace value="replace"/>'))).toBeUndefined();
    expect(codeOf(`<xs:simpleType name="L"><xs:list itemType="xs:int"/></xs:simpleType>${restrict('t:L', '<xs:whiteSpace value="replace"/>')}`)).toBe('xsd.whiteSpace-valid-restriction');
  });

  it('keeps a facet the base fixes', () => {
    const base = restrict('xs:string', '<xs:maxLength value="5" fixed="true"/>', 'A');
    expect(codeOf(`${base}${restrict('t:A', '<xs:maxLength value="4"/>')}`)).toBe('xsd.maxLength-valid-restriction');
    expect(codeOf(`${base}${restrict('t:A', '<xs:maxLength value="05"/>')}`)).toBeUndefined();
    expect(codeOf(restrict('xs:integer', '<xs:fractionDigits value="1"/>'))).toBe('xsd.fractionDigits-valid-restriction');
    expect(codeOf(restrict('xs:integer', '<xs:fractionDigits value="0"/>'))).toBeUndefined();
    const bound = restrict('xs:decimal', '<xs:maxInclusive value="5" fixed="true"/>', 'A');
    expect(codeOf(`${bound}${restrict('t:A', '<xs:maxInclusive value="5.0"/>')}`)).toBeUndefined();
    expect(codeOf(`${bound}${restrict('t:A', '<xs:maxInclusive value="4"/>')}`)).toBe('xsd.maxInclusive-valid-restriction');
  });

  it('takes bounds in the base type\'s values, or equal to its bound of the same kind (erratum E2-39)', () => {
    expect(codeOf(restrict('xs:byte', '<xs:maxInclusive value="200"/>'))).toBe('xsd.maxInclusive-valid-restriction');
    expect(codeOf(restrict('xs:gMonth', '<xs:minInclusive value="--13"/>'))).toBe('xsd.minInclusive-valid-restriction');
    const base = restrict('xs:decimal', '<xs:maxExclusive value="5"/>', 'A');
    expect(codeOf(`${base}${restrict('t:A', '<xs:maxExclusive value="5.0"/>')}`)).toBeUndefined();
    expect(codeOf(`${base}${restrict('t:A', '<xs:maxInclusive value="5"/>')}`)).toBe('xsd.maxInclusive-valid-restriction');
    // positiveInteger's minInclusive is 1: a maxExclusive of 1 leaves nothing.
    expect(codeOf(restrict('xs:positiveInteger', '<xs:maxExclusive value="1"/>'))).toBe('xsd.minInclusive-less-than-maxExclusive');
  });

  it('takes enumeration values in the base type, its facets included', () => {
    expect(codeOf(restrict('xs:decimal', '<xs:enumeration value="1.0"/><xs:enumeration value="x"/>'))).toBe('xsd.enumeration-valid-restriction');
    expect(codeOf(`${restrict('xs:string', '<xs:maxLength value="2"/>', 'A')}${restrict('t:A', '<xs:enumeration value="abc"/>')}`)).toBe('xsd.enumeration-valid-restriction');
    expect(codeOf(restrict('xs:IDREFS', '<xs:enumeration value=""/>'))).toBe('xsd.enumeration-valid-restriction');
    expect(codeOf(`${restrict('xs:string', '<xs:maxLength value="3"/>', 'A')}${restrict('t:A', '<xs:enumeration value="abc"/>')}`)).toBeUndefined();
  });

  it('checks the anonymous type of a simpleContent restriction against the content it restricts', () => {
    const base = `<xs:complexType name="C"><xs:simpleContent><xs:extension base="xs:string"><xs:attribute name="a"/></xs:extension></xs:simpleContent></xs:complexType>`;
    const derived = (facets: string) => `<xs:complexType name="D"><xs:simpleContent><xs:restriction base="t:C">${facets}</xs:restriction></xs:simpleContent></xs:complexType>`;
    expect(codeOf(`${base}${derived('<xs:maxLength value="3"/>')}`)).toBeUndefined();
    expect(codeOf(`${base}${derived('<xs:maxInclusive value="3"/>')}`)).toBe('xsd.cos-applicable-facets');
  });
});

describe('checkFacets: simple type derivation', () => {
  it('refuses a restriction of a complex type or of xs:anySimpleType (st-props-correct)', () => {
    expect(codeOf(`<xs:complexType name="C"/>${restrict('t:C', '')}`)).toBe('xsd.st-props-correct');
    expect(codeOf(restrict('xs:anyType', ''))).toBe('xsd.st-props-correct');
    expect(codeOf(restrict('xs:anySimpleType', ''))).toBe('xsd.st-props-correct');
    const anySimpleContent = `<xs:complexType name="C"><xs:simpleContent><xs:extension base="xs:anySimpleType"/></xs:simpleContent></xs:complexType>`;
    expect(codeOf(`${anySimpleContent}<xs:complexType name="D"><xs:simpleContent><xs:restriction base="t:C"><xs:minLength value="1"/></xs:restriction></xs:simpleContent></xs:complexType>`)).toBe('xsd.st-props-correct');
  });

  it('honours the {final} of base, item and member types', () => {
    expect(codeOf(`<xs:simpleType name="A" final="restriction"><xs:restriction base="xs:int"/></xs:simpleType>${restrict('t:A', '')}`)).toBe('xsd.st-props-correct');
    expect(codeOf(`<xs:simpleType name="A" final="list"><xs:restriction base="xs:int"/></xs:simpleType><xs:simpleType name="L"><xs:list itemType="t:A"/></xs:simpleType>`)).toBe('xsd.cos-st-restricts');
    expect(codeOf(`<xs:simpleType name="A" final="#all"><xs:restriction base="xs:int"/></xs:simpleType><xs:simpleType name="U"><xs:union memberTypes="xs:date t:A"/></xs:simpleType>`)).toBe('xsd.cos-st-restricts');
    expect(codeOf(`<xs:simpleType name="A" final="list union"><xs:restriction base="xs:int"/></xs:simpleType>${restrict('t:A', '<xs:maxInclusive value="3"/>', 'B')}`)).toBeUndefined();
  });

  it('refuses a list of lists, also through a union (cos-list-of-atomic)', () => {
    const list = '<xs:simpleType name="L"><xs:list itemType="xs:int"/></xs:simpleType>';
    expect(codeOf(`${list}<xs:simpleType name="LL"><xs:list itemType="t:L"/></xs:simpleType>`)).toBe('xsd.cos-list-of-atomic');
    expect(codeOf(`${list}<xs:simpleType name="U"><xs:union memberTypes="xs:date t:L"/></xs:simpleType><xs:simpleType name="LU"><xs:list itemType="t:U"/></xs:simpleType>`)).toBe('xsd.cos-list-of-atomic');
    expect(codeOf(`<xs:simpleType name="U"><xs:union memberTypes="xs:date xs:int"/></xs:simpleType><xs:simpleType name="LU"><xs:list itemType="t:U"/></xs:simpleType>`)).toBeUndefined();
    expect(codeOf(`<xs:simpleType name="LL"><xs:list itemType="xs:NMTOKENS"/></xs:simpleType>`)).toBe('xsd.cos-list-of-atomic');
  });

  it('reports a union member that is a complex type', () => {
    expect(codeOf(`<xs:complexType name="C"/><xs:simpleType name="U"><xs:union memberTypes="xs:date t:C"/></xs:simpleType>`)).toBe('xsd.src-resolve');
  });

  it('finds simple types wherever they are declared', () => {
    expect(codeOf(`<xs:element name="e"><xs:simpleType><xs:restriction base="xs:int"><xs:length value="1"/></xs:restriction></xs:simpleType></xs:element>`)).toBe('xsd.cos-applicable-facets');
    expect(codeOf(`<xs:attributeGroup name="g"><xs:attribute name="a"><xs:simpleType><xs:restriction base="xs:int"><xs:length value="1"/></xs:restriction></xs:simpleType></xs:attribute></xs:attributeGroup>`)).toBe('xsd.cos-applicable-facets');
    expect(codeOf(`<xs:simpleType name="L"><xs:list><xs:simpleType><xs:restriction base="xs:int"><xs:length value="1"/></xs:restriction></xs:simpleType></xs:list></xs:simpleType>`)).toBe('xsd.cos-applicable-facets');
  });

  it('refuses a union whose member unions multiply past the cap, before checking any value against it', () => {
    // U0 has 2 members, each level doubles them: U8 has 512, U9 1,024, past the cap of 1,000.
    const unions = (levels: number) =>
      '<xs:simpleType name="U0"><xs:union memberTypes="xs:int xs:date"/></xs:simpleType>' +
      Array.from({ length: levels }, (_, i) => `<xs:simpleType name="U${i + 1}"><xs:union memberTypes="t:U${i} t:U${i}"/></xs:simpleType>`).join('');
    expect(codeOf(`${restrict('t:U30', '<xs:enumeration value="x"/>', 'E')}${unions(30)}`)).toBe('xsd.schema.too-large');
    expect(codeOf(`${restrict('t:U8', '<xs:enumeration value="1"/>', 'E')}${unions(8)}`)).toBeUndefined();
  });

  it('checks a long chain of restrictions, each step once', () => {
    const chain = Array.from({ length: 200 }, (_, i) => restrict(i === 0 ? 'xs:string' : `t:T${i - 1}`, `<xs:maxLength value="${1000 - i}"/>`, `T${i}`)).join('');
    expect(codeOf(chain)).toBeUndefined();
    expect(codeOf(`${chain}${restrict('t:T199', '<xs:maxLength value="900"/>', 'X')}`)).toBe('xsd.maxLength-valid-restriction');
  });
});

describe('checkFacets: a schema set that declares the XSD namespace itself', () => {
  it('takes xs: names as the built-ins, so a declared "string" restricting xs:string is no loop', () => {
    // The suite's addB014 is a schema for schemas: this looped for ever before.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'evfw-xsd-ns-'));
    const file = path.join(dir, 'xsd.xsd');
    writeFileSync(
      file,
      `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.w3.org/2001/XMLSchema">
  <xs:simpleType name="string"><xs:restriction base="xs:string"/></xs:simpleType>
  <xs:simpleType name="u"><xs:union><xs:simpleType><xs:restriction base="xs:string"/></xs:simpleType></xs:union></xs:simpleType>
</xs:schema>
`,
    );
    expect(loadSchemaSet([file], { rootDir: dir }).ir.schemas.map((s) => s.namespace)).toContain('http://www.w3.org/2001/XMLSchema');
  });
});
