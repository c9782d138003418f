/**
 * Schemas built to be deep or large (issue 17, item 5): derivation chains, nesting, reference
 * cycles and floods of declarations. The hostile-schema tests and the benchmark build the same
 * texts from here. Every schema has target namespace urn:t; those meant to generate come with a
 * document valid against them (rooted at `root`, or at the last of many global elements).
 */

const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';

export interface DeepSchema {
  /** The schema text: one file, `t.xsd`. */
  readonly xsd: string;
  /** A document valid against it, when the schema is meant to generate. */
  readonly valid: string;
}

function schema(body: string): string {
  return `<xs:schema ${XS} xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">\n${body}\n</xs:schema>\n`;
}

function lines(count: number, line: (i: number) => string): string {
  return Array.from({ length: count }, (_, i) => line(i)).join('\n');
}

/** `S0` restricts xs:string with maxLength 16; each `Si` restricts `S(i-1)`. */
export function simpleRestrictionChain(depth: number): DeepSchema {
  const types = lines(depth, (i) =>
    i === 0
      ? '<xs:simpleType name="S0"><xs:restriction base="xs:string"><xs:maxLength value="16"/></xs:restriction></xs:simpleType>'
      : `<xs:simpleType name="S${i}"><xs:restriction base="t:S${i - 1}"/></xs:simpleType>`,
  );
  return { xsd: schema(`${types}\n<xs:element name="root" type="t:S${depth - 1}"/>`), valid: '<root xmlns="urn:t">deep</root>' };
}

/** `C0` holds an optional `e0`; each `Ci` extends `C(i-1)` with an optional `ei`. */
export function complexExtensionChain(depth: number): DeepSchema {
  const types = lines(depth, (i) =>
    i === 0
      ? '<xs:complexType name="C0"><xs:sequence><xs:element name="e0" type="xs:string" minOccurs="0"/></xs:sequence><xs:attribute name="a0" type="xs:string"/></xs:complexType>'
      : `<xs:complexType name="C${i}"><xs:complexContent><xs:extension base="t:C${i - 1}"><xs:sequence><xs:element name="e${i}" type="xs:string" minOccurs="0"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>`,
  );
  return { xsd: schema(`${types}\n<xs:element name="root" type="t:C${depth - 1}"/>`), valid: '<root xmlns="urn:t" a0="x"><e0>x</e0></root>' };
}

/** `R0` holds an optional `e`; each `Ri` restricts `R(i-1)` to the same content. */
export function complexRestrictionChain(depth: number): DeepSchema {
  const content = '<xs:sequence><xs:element name="e" type="xs:string" minOccurs="0"/></xs:sequence><xs:attribute name="a" type="xs:string"/>';
  const types = lines(depth, (i) =>
    i === 0
      ? `<xs:complexType name="R0">${content}</xs:complexType>`
      : `<xs:complexType name="R${i}"><xs:complexContent><xs:restriction base="t:R${i - 1}">${content}</xs:restriction></xs:complexContent></xs:complexType>`,
  );
  return { xsd: schema(`${types}\n<xs:element name="root" type="t:R${depth - 1}"/>`), valid: '<root xmlns="urn:t" a="x"><e>x</e></root>' };
}

/** `root` holds an optional `n1` of an anonymous type holding an optional `n2`, and so on. */
export function nestedAnonymousTypes(depth: number): DeepSchema {
  const open = lines(depth, (i) => `<xs:element name="n${i}"${i === 0 ? '' : ' minOccurs="0"'}><xs:complexType><xs:sequence>`);
  const close = lines(depth, () => '</xs:sequence></xs:complexType></xs:element>');
  return { xsd: schema(`${open.replace('name="n0"', 'name="root"')}\n${close}`), valid: '<root xmlns="urn:t"><n1/></root>' };
}

/** `root` holds `depth` sequences nested in one another around one element `leaf`. */
export function nestedSequences(depth: number): DeepSchema {
  const body = `${'<xs:sequence>'.repeat(depth)}<xs:element name="leaf" type="xs:string"/>${'</xs:sequence>'.repeat(depth)}`;
  return { xsd: schema(`<xs:element name="root"><xs:complexType>${body}</xs:complexType></xs:element>`), valid: '<root xmlns="urn:t"><leaf>x</leaf></root>' };
}

/** `G0` holds `leaf`; each `Gi` holds a reference to `G(i-1)`: inlined, as deep as the chain. */
export function groupReferenceChain(depth: number): DeepSchema {
  const groups = lines(depth, (i) =>
    i === 0
      ? '<xs:group name="G0"><xs:sequence><xs:element name="leaf" type="xs:string"/></xs:sequence></xs:group>'
      : `<xs:group name="G${i}"><xs:sequence><xs:group ref="t:G${i - 1}"/></xs:sequence></xs:group>`,
  );
  return {
    xsd: schema(`${groups}\n<xs:element name="root"><xs:complexType><xs:group ref="t:G${depth - 1}"/></xs:complexType></xs:element>`),
    valid: '<root xmlns="urn:t"><leaf>x</leaf></root>',
  };
}

/** `count` global element declarations `e0`, `e1`, ..., each of type xs:string. */
export function manyGlobalElements(count: number): DeepSchema {
  const elements = lines(count, (i) => `<xs:element name="e${i}" type="xs:string"/>`);
  return { xsd: schema(elements), valid: `<e${count - 1} xmlns="urn:t">x</e${count - 1}>` };
}

/** Schemas whose components refer to themselves: each must be refused, naming both positions. */
export const CYCLES: Readonly<Record<string, string>> = {
  'complex type deriving from itself': schema(
    '<xs:complexType name="A"><xs:complexContent><xs:extension base="t:A"/></xs:complexContent></xs:complexType>',
  ),
  'complex types deriving from each other through three types': schema(
    [
      '<xs:complexType name="A"><xs:complexContent><xs:extension base="t:B"/></xs:complexContent></xs:complexType>',
      '<xs:complexType name="B"><xs:complexContent><xs:restriction base="t:C"/></xs:complexContent></xs:complexType>',
      '<xs:complexType name="C"><xs:complexContent><xs:extension base="t:A"/></xs:complexContent></xs:complexType>',
    ].join('\n'),
  ),
  'simple types restricting each other': schema(
    [
      '<xs:simpleType name="A"><xs:restriction base="t:B"/></xs:simpleType>',
      '<xs:simpleType name="B"><xs:restriction base="t:A"/></xs:simpleType>',
    ].join('\n'),
  ),
  'model group referring to itself through another': schema(
    [
      '<xs:group name="A"><xs:sequence><xs:group ref="t:B"/></xs:sequence></xs:group>',
      '<xs:group name="B"><xs:choice><xs:element name="x" type="xs:string"/><xs:group ref="t:A"/></xs:choice></xs:group>',
    ].join('\n'),
  ),
  'attribute group referring to itself through another': schema(
    [
      '<xs:attributeGroup name="A"><xs:attribute name="x" type="xs:string"/><xs:attributeGroup ref="t:B"/></xs:attributeGroup>',
      '<xs:attributeGroup name="B"><xs:attributeGroup ref="t:A"/></xs:attributeGroup>',
    ].join('\n'),
  ),
  'union whose member types cycle': schema(
    [
      '<xs:simpleType name="A"><xs:union memberTypes="xs:int t:B"/></xs:simpleType>',
      '<xs:simpleType name="B"><xs:union memberTypes="xs:date t:A"/></xs:simpleType>',
    ].join('\n'),
  ),
};
