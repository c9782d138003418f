/**
 * Content models, wildcards, cardinalities and facets in words: what the reference says instead
 * of XSD, checked on small inline schemas taken through the generator's own transforms.
 */
import { describe, expect, it } from 'vitest';
import { cardinality, childUses, contentInWords, extensionPoints } from '../../../generator/src/emit/docs/content-words.js';
import { DocsContext } from '../../../generator/src/emit/docs/docs-context.js';
import { plainText } from '../../../generator/src/emit/docs/docs-model.js';
import { allowedValues, lengthInWords, rangeInWords, simpleFacts } from '../../../generator/src/emit/docs/type-words.js';
import { firstSentence } from '../../../generator/src/emit/docs/build-docs.js';
import { TRANSFORMS } from '../../../generator/src/index.js';
import { complexOf, inlineIr } from '../../support/inline-schema.js';

const words = (body: string, type = 'x') => {
  const ir = inlineIr(body, ...TRANSFORMS);
  const def = complexOf(ir, type);
  return { ir, def, content: plainText(contentInWords(def, 'urn:t')), extensions: extensionPoints(def, 'urn:t').map(plainText) };
};

describe('content models in words', () => {
  it('a sequence of repeated elements and a lax wildcard of other namespaces', () => {
    const { content, extensions } = words(`<xs:complexType name="x"><xs:sequence>
      <xs:element name="operation" type="xs:string" maxOccurs="unbounded"/>
      <xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence></xs:complexType>`);
    expect(content).toBe('a sequence of: one or more <operation>; then any number of elements of any other namespace, checked laxly');
    expect(extensions).toEqual([
      'Elements (0..n) after <operation>: any namespace except urn:t, and not unqualified (##other); processContents lax: each is validated when a known schema declares it, otherwise accepted unchecked.',
    ]);
  });

  it('a repeated choice, an optional nested sequence and bounded repetition', () => {
    const { content } = words(`<xs:complexType name="x"><xs:sequence>
      <xs:choice maxOccurs="unbounded"><xs:element name="a" type="xs:string"/><xs:element name="b" type="xs:string"/></xs:choice>
      <xs:sequence minOccurs="0"><xs:element name="c" type="xs:string"/><xs:element name="d" type="xs:string" minOccurs="0"/></xs:sequence>
      <xs:element name="e" type="xs:string" minOccurs="2" maxOccurs="5"/>
      <xs:element name="f" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence></xs:complexType>`);
    expect(content).toBe(
      'a sequence of: one or more times, one of (<a>; or <b>); then optionally, a sequence of (<c>; then an optional <d>); then 2 to 5 <e>; then any number of <f>',
    );
  });

  it('empty and simple content, element and attribute wildcards', () => {
    expect(words('<xs:complexType name="x"/>').content).toBe('empty: no child elements and no text');
    expect(words('<xs:complexType name="x"><xs:simpleContent><xs:extension base="xs:string"/></xs:simpleContent></xs:complexType>').content).toBe('a simple value (text only, no child elements)');
    const { extensions } = words('<xs:complexType name="x"><xs:sequence><xs:any namespace="##any" processContents="strict"/></xs:sequence><xs:anyAttribute namespace="##local urn:o" processContents="skip"/></xs:complexType>');
    expect(extensions).toEqual([
      'Elements (1) at the start: any namespace, or none (##any); processContents strict: each must be declared by a known schema, and is validated against it.',
      'Attributes: any attribute of no namespace (##local), urn:o; processContents skip: accepted without any check.',
    ]);
  });

  it('cardinalities as the parent sees them: a choice makes branches optional, repetition multiplies', () => {
    const { def } = words(`<xs:complexType name="x"><xs:sequence>
      <xs:choice><xs:element name="a" type="xs:string"/><xs:element name="b" type="xs:string" maxOccurs="3"/></xs:choice>
      <xs:sequence maxOccurs="unbounded"><xs:element name="c" type="xs:string"/></xs:sequence>
      <xs:choice><xs:sequence><xs:element name="m" type="xs:string"/></xs:sequence><xs:sequence><xs:element name="m" type="xs:string" minOccurs="0"/></xs:sequence></xs:choice>
    </xs:sequence></xs:complexType>`);
    if (def.content.kind !== 'elements') throw new Error('element content expected');
    const uses = childUses(def.content.particle).map((u) => `${u.particle.kind === 'element' ? u.particle.element.name.name : '*'} ${cardinality(u.min, u.max)}`);
    expect(uses).toEqual(['a 0..1', 'b 0..3', 'c 1..n', 'm 0..1']);
  });
});

describe('values in words', () => {
  const ir = inlineIr(
    `<xs:simpleType name="uid"><xs:restriction base="xs:unsignedInt"><xs:minInclusive value="1"/></xs:restriction></xs:simpleType>
     <xs:simpleType name="flag"><xs:restriction base="xs:string"><xs:enumeration value="\\Seen"/><xs:enumeration value="\\Deleted"/></xs:restriction></xs:simpleType>
     <xs:simpleType name="label"><xs:restriction base="xs:string"><xs:maxLength value="64"/><xs:pattern value="[a-z]+"/></xs:restriction></xs:simpleType>
     <xs:simpleType name="short-label"><xs:restriction base="t:label"><xs:minLength value="2"/><xs:pattern value="a.*"/></xs:restriction></xs:simpleType>`,
    ...TRANSFORMS,
  );
  const ctx = new DocsContext(ir, new Map([['urn:t', 'test']]));
  const allowed = (name: string) => plainText(allowedValues(simpleFacts(ctx, { kind: 'type-ref', ref: { namespace: 'urn:t', name } })));

  it('says enumerations, bounds (the built-in bound kept on the other side), lengths and patterns of every step', () => {
    expect(allowed('uid')).toBe('1 to 4294967295');
    expect(allowed('flag')).toBe('one of \\Seen or \\Deleted');
    expect(allowed('label')).toBe('at most 64 characters and pattern [a-z]+');
    expect(allowed('short-label')).toBe('2 to 64 characters; pattern [a-z]+ and pattern a.*');
  });

  it('bounds and lengths alone', () => {
    expect(rangeInWords(new Map([['minExclusive', '0'], ['maxInclusive', '99']]))).toBe('more than 0 and at most 99');
    expect(rangeInWords(new Map([['maxExclusive', '10']]))).toBe('less than 10');
    expect(lengthInWords({ facets: new Map([['length', '1']]), variety: 'atomic', builtin: 'string' })).toBe('exactly 1 character');
    expect(lengthInWords({ facets: new Map([['maxLength', '8']]), variety: 'atomic', builtin: 'hexBinary' })).toBe('at most 8 bytes');
    expect(lengthInWords({ facets: new Map([['minLength', '1']]), variety: 'list', builtin: undefined })).toBe('at least 1 item');
  });

  it('keeps the first sentence of a description, outside brackets', () => {
    expect(firstSentence('One order (5.2). Either a reference or an address.')).toBe('One order (5.2).');
    expect(firstSentence('Keeps (e.g. This) whole. Then more.')).toBe('Keeps (e.g. This) whole.');
    expect(firstSentence('No full stop')).toBe('No full stop');
  });
});
