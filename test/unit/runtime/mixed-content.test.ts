/**
 * Mixed content (mixed="true") through the runtime: the validator accepts text between the
 * children of a mixed type and still applies the content model to the children; the model holds
 * one `$content` array of text runs and `$case` objects, in document order; the serializer
 * writes it back byte for byte for a document in canonical form; and the fast path hands mixed
 * content to the full path, which gives the same answer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TRANSFORMS, schemaDescriptors } from '../../../generator/src/index.js';
import { parseFullPath } from '../../../runtime/src/document.js';
import { SchemaRegistry, parseDocument, serializeDocument, validateDocument } from '../../../runtime/src/index.js';
import { resolveLimits } from '../../../runtime/src/limits.js';
import { documentArbitrary } from '../../../runtime/src/testing/index.js';
import { validateFast } from '../../../runtime/src/validate/fast-validator.js';
import { inlineIr } from '../../support/inline-schema.js';

const ir = inlineIr(
  `<xs:element name="p" type="t:P"/>
  <xs:complexType name="P" mixed="true">
    <xs:sequence>
      <xs:element name="b" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
      <xs:choice>
        <xs:element name="i" type="xs:int"/>
        <xs:element name="note" type="t:Note"/>
      </xs:choice>
      <xs:any namespace="##other" processContents="skip" minOccurs="0"/>
    </xs:sequence>
    <xs:attribute name="lang" type="xs:string"/>
  </xs:complexType>
  <xs:complexType name="Note" mixed="true"><xs:attribute name="n" type="xs:int"/></xs:complexType>
  <xs:element name="q" type="t:Q"/>
  <xs:complexType name="Q" mixed="true">
    <xs:complexContent><xs:extension base="t:P"><xs:sequence><xs:element name="tail" type="xs:string"/></xs:sequence></xs:extension></xs:complexContent>
  </xs:complexType>
  <xs:element name="plain"><xs:complexType><xs:sequence><xs:element name="i" type="xs:int"/></xs:sequence></xs:complexType></xs:element>`,
  ...TRANSFORMS,
);
const registry = new SchemaRegistry(schemaDescriptors(ir));
const P = '{urn:t}p';
const codes = (root: string, xml: string) => validateDocument(registry, root, xml).map((d) => d.code);

/** Documents in the serializer's canonical form: namespaces declared on the root, no declaration. */
const CANONICAL = [
  '<p xmlns="urn:t" lang="en">Hello <b>big</b>&amp; <b/>\n  world<i>3</i> tail.</p>',
  '<p xmlns="urn:t"><i>1</i></p>',
  '<p xmlns="urn:t">  <b> x </b>\t<note n="2">a note</note></p>',
  '<p xmlns="urn:t" xmlns:ns1="urn:o">&lt;a&gt;<i>-5</i>&#xD;<ns1:y ns1:z="1">z</ns1:y>.</p>',
];

describe('mixed content: reading', () => {
  it('accepts text between the children of a mixed type, and refuses it in element-only content', () => {
    expect(codes(P, '<p xmlns="urn:t">a<b>x</b>b<i>3</i>c</p>')).toEqual([]);
    expect(codes('{urn:t}plain', '<plain xmlns="urn:t">a<i>3</i></plain>')).toEqual(['evfw.content.text']);
  });

  it('still applies the content model to the children', () => {
    expect(codes(P, '<p xmlns="urn:t">a<i>3</i><b>x</b></p>')).toEqual(['evfw.content.unexpected']);
    expect(codes(P, '<p xmlns="urn:t">only text</p>')).toEqual(['evfw.content.missing']);
    expect(codes(P, '<p xmlns="urn:t"><i>x</i></p>')).toEqual(['evfw.value.datatype']);
  });

  it('binds text and children in document order, with $case as in element-only content', () => {
    const parsed = parseDocument(registry, P, '<p xmlns="urn:t" lang="en">Hello <b>big</b>&amp;<!-- c --> more<i>3</i></p>');
    expect(parsed.ok && parsed.value).toEqual({ lang: 'en', $content: ['Hello ', { $case: 'bs', bs: 'big' }, '& more', { $case: 'i', i: 3 }] });
  });

  it('keeps whitespace exactly and makes no empty strings', () => {
    const parsed = parseDocument(registry, P, '<p xmlns="urn:t">\n  <b/><i>3</i> </p>');
    expect(parsed.ok && parsed.value).toEqual({ $content: ['\n  ', { $case: 'bs', bs: '' }, { $case: 'i', i: 3 }, ' '] });
    const text = parseDocument(registry, P, '<p xmlns="urn:t"><note> a <![CDATA[<b>]]> </note></p>');
    expect(text.ok && text.value).toEqual({ $content: [{ $case: 'note', note: { $content: [' a <b> '] } }] });
  });

  it('gives an extension the children of its base and its own', () => {
    const parsed = parseDocument(registry, '{urn:t}q', '<q xmlns="urn:t">x<i>1</i>y<tail>t</tail></q>');
    expect(parsed.ok && parsed.value).toEqual({ $content: ['x', { $case: 'i', i: 1 }, 'y', { $case: 'tail', tail: 't' }] });
  });
});

describe('mixed content: round trips', () => {
  it.each(CANONICAL)('XML -> model -> XML is byte-faithful: %j', (xml) => {
    const parsed = parseDocument(registry, P, xml);
    expect(parsed.diagnostics).toEqual([]);
    if (!parsed.ok) return;
    expect(serializeDocument(registry, P, parsed.value, { declaration: false })).toBe(xml);
  });

  it('model -> XML -> model gives the model back, text escaped', () => {
    const value = { $content: ['a < b & c ]]> "d"', { $case: 'bs', bs: '<x>' }, '\n', { $case: 'note', note: { n: 1, $content: ['t'] } }, ' end'] };
    // Mixed content is never indented (its whitespace is data); indenting only ends the document with a newline.
    const xml = serializeDocument(registry, P, value, { declaration: false, indent: 2 });
    expect(xml).toBe('<p xmlns="urn:t">a &lt; b &amp; c ]]&gt; "d"<b>&lt;x&gt;</b>\n<note n="1">t</note> end</p>\n');
    const parsed = parseDocument(registry, P, xml);
    expect(parsed.ok && parsed.value).toEqual(value);
  });

  it('refuses to write children in an order the content model refuses', () => {
    expect(() => serializeDocument(registry, P, { $content: [{ $case: 'i', i: 1 }, { $case: 'bs', bs: 'x' }] })).toThrow(/not allowed here by the content model/);
    expect(() => serializeDocument(registry, P, { $content: ['text only'] })).toThrow(/an element it requires is missing/);
    expect(() => serializeDocument(registry, P, { $content: [{ $case: 'nope', nope: 1 }] })).toThrow(/names no element/);
  });

  it('fixtures: random documents of a mixed type are valid and read back to themselves', () => {
    fc.assert(
      fc.property(documentArbitrary(registry, '{urn:t}q'), (value) => {
        const xml = serializeDocument(registry, '{urn:t}q', value);
        expect(validateDocument(registry, '{urn:t}q', xml)).toEqual([]);
        const parsed = parseDocument(registry, '{urn:t}q', xml);
        expect(parsed.ok && parsed.value).toEqual(value);
      }),
      { numRuns: 60, seed: 21 },
    );
  });
});

describe('mixed content: the fast path', () => {
  it('hands mixed content to the full path, which gives the same value', () => {
    const limits = resolveLimits({});
    for (const xml of CANONICAL) {
      const fast = validateFast(registry, P, xml, limits, { compat: [], bind: true });
      const full = parseFullPath(registry, P, xml);
      expect(full.ok).toBe(true);
      // The fast path either claims the document with the full path's value, or gives up.
      if (fast) expect(fast.value).toEqual(full.ok && full.value);
      expect(parseDocument(registry, P, xml)).toEqual(full);
    }
  });
});
