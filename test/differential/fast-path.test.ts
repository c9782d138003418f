/**
 * The fast paths must never change an answer, only how soon it comes. For every sample, corpus
 * instance, hand-made edge case and thousands of seeded byte mutants:
 *
 * - the fast reader either gives up or builds the very tree the conformant parser builds, with
 *   the same positions;
 * - the fast validator either gives up or says valid where the full path says valid with no
 *   diagnostic at all, with a model value equal to the full path's; validating without binding
 *   claims exactly the documents binding claims;
 * - with the prose rules of the spec and invite profiles, parseDocument's whole answer is the
 *   full path's.
 *
 * Each check also counts how often the fast paths claimed a document, so a change that makes
 * them give up on everything (and so pass trivially) fails too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registry } from '../../generated/src/registry.js';
import { TRANSFORMS, schemaDescriptors } from '../../generator/src/index.js';
import { SchemaRegistry } from '../../runtime/src/schema/registry.js';
import { parseDocument, parseFullPath } from '../../runtime/src/document.js';
import { resolveLimits } from '../../runtime/src/limits.js';
import { validateFast } from '../../runtime/src/validate/fast-validator.js';
import { decodeXml } from '../../runtime/src/xml/decode.js';
import { readFast } from '../../runtime/src/xml/fast-tree.js';
import { readXml } from '../../runtime/src/xml/read-xml.js';
import { mutateBytes } from '../support/byte-mutants.js';
import { inlineIr } from '../support/inline-schema.js';
import { corpusCases, sampleDocuments } from '../support/documents.js';
import { CORPUS_AVAILABLE, CORPUS_SKIP_REASON, SCHEMAS_DIR } from '../support/paths.js';
import { Prng } from '../support/prng.js';
import { corpusMissing, testMissing } from '../support/requirements.js';

const limits = resolveLimits({});
const encoder = new TextEncoder();

interface Claims {
  reader: number;
  validator: number;
}

/** Compares both fast paths with the full path on one document; counts what they claimed. */
function compare(registry: SchemaRegistry, bytes: Uint8Array, name: string, claims: Claims): void {
  const decoded = decodeXml(bytes);
  if ('error' in decoded) return;
  const fastTree = readFast(decoded.text, limits);
  if (fastTree) {
    claims.reader++;
    const conformant = readXml(bytes, { fast: false });
    expect(conformant.diagnostics, `${name}: the fast reader accepted a document the parser refuses`).toEqual([]);
    expect(fastTree, `${name}: the fast reader's tree differs`).toEqual(conformant.root);
  }
  // With prose rules, the whole answer must be the full path's, diagnostics and all.
  for (const profile of ['spec', 'invite'] as const) {
    expect(parseDocument(registry, undefined, bytes, { profile }), `${name}: the ${profile} profile's answer differs`).toEqual(parseFullPath(registry, undefined, bytes, { profile }));
  }
  const bound = validateFast(registry, undefined, decoded.text, limits, { compat: [], bind: true });
  const unbound = validateFast(registry, undefined, decoded.text, limits, { compat: [], bind: false });
  expect(unbound !== undefined, `${name}: validating alone and binding disagree on taking the fast path`).toBe(bound !== undefined);
  if (!bound) return;
  claims.validator++;
  const full = parseFullPath(registry, undefined, bytes);
  expect(full.diagnostics, `${name}: the fast validator accepted a document the full path faults`).toEqual([]);
  expect(full.ok).toBe(true);
  if (full.ok) expect(bound.value, `${name}: the fast validator's model differs`).toEqual(full.value);
}

const EVFW = 'urn:oma:xml:cpm:evfw';
const event = (index: string, object = '<object uid="1" folder-path="a/"><message-id>m1</message-id></object>') =>
  `<event-cpm-imap type="flags" index="${index}"><operation name="add" flags="\\Seen">${object}</operation></event-cpm-imap>`;

/** What the reader must get exactly right: line ends, references, CDATA, comments, prefixes. */
const EDGE_CASES: Record<string, string> = {
  'CR LF line ends': `<?xml version="1.0"?>\r\n<cpm-evfw xmlns="${EVFW}">\r\n  ${event('a')}\r\n</cpm-evfw>\r\n`,
  'lone CR line ends': `<cpm-evfw xmlns="${EVFW}">\r${event('a')}\r</cpm-evfw>`,
  'characters outside the BMP before a tag': `<cpm-evfw xmlns="${EVFW}"><!-- \u{1F600}\u{1F600} -->${event('\u{1F600}')}</cpm-evfw>`,
  'references in text and attributes': `<cpm-evfw xmlns="${EVFW}">${event('a&amp;b&#x41;&#66;&lt;', '<object uid="&#9;1&#10;" folder-path="a&#x20;b/"><message-id>m&amp;1&#x2D;</message-id></object>')}</cpm-evfw>`,
  'white space in attribute values': `<cpm-evfw xmlns="${EVFW}">${event('a\tb\nc\r\nd')}</cpm-evfw>`,
  'CDATA, comments and PIs inside text': `<cpm-evfw xmlns="${EVFW}">${event('a', '<object uid="1"><message-id>m<!-- c --><![CDATA[<x>&]]><?pi data?>1</message-id></object>')}</cpm-evfw>`,
  'a prefixed root and children': `<e:cpm-evfw xmlns:e="${EVFW}"><e:event-cpm-imap type="flags" index="a"><e:operation name="add" flags="\\Seen"><e:object uid="1"><e:message-id>m</e:message-id></e:object></e:operation></e:event-cpm-imap></e:cpm-evfw>`,
  'xml:lang and a schema location hint': `<cpm-evfw xmlns="${EVFW}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${EVFW} cpm-evfw.xsd">${event('a').replace('<object ', '<object xml:lang="en" ')}</cpm-evfw>`,
  'a default namespace undeclared below': `<cpm-evfw xmlns="${EVFW}">${event('a', '<object uid="1"><message-id>m</message-id><x xmlns=""/></object>')}</cpm-evfw>`,
  'a duplicate index (unique constraint)': `<cpm-evfw xmlns="${EVFW}">${event('a')}${event('a')}</cpm-evfw>`,
  'non-ASCII names': `<cpm-evfw xmlns="${EVFW}" xmlns:é="urn:x">${event('a', '<object uid="1"><message-id>m</message-id><é:données é:clé="v"/></object>')}</cpm-evfw>`,
  'an attribute in two spellings of one namespace': `<cpm-evfw xmlns="${EVFW}" xmlns:a="urn:x" xmlns:b="urn:x">${event('a', '<object uid="1"><message-id>m</message-id><a:x a:y="1" b:y="2"/></object>')}</cpm-evfw>`,
  'text outside the root': `<cpm-evfw xmlns="${EVFW}">${event('a')}</cpm-evfw>x`,
  'a comment ending in three dashes': `<cpm-evfw xmlns="${EVFW}"><!-- a --->${event('a')}</cpm-evfw>`,
  'an empty CDATA section': `<cpm-evfw xmlns="${EVFW}">${event('a', '<object uid="1"><message-id>m<![CDATA[]]></message-id></object>')}</cpm-evfw>`,
  'version 1.1': `<?xml version="1.1"?><cpm-evfw xmlns="${EVFW}">${event('a')}</cpm-evfw>`,
};

describe('the fast paths agree with the full path', () => {
  it('on every sample document', () => {
    const claims: Claims = { reader: 0, validator: 0 };
    const samples = sampleDocuments();
    for (const doc of samples) compare(registry, doc.bytes, doc.name, claims);
    // Every valid sample is well-formed, and most are plain enough for the fast validator.
    expect(claims.reader).toBeGreaterThanOrEqual(sampleDocuments('valid').length);
    expect(claims.validator).toBeGreaterThan(sampleDocuments('valid').length / 2);
  });

  it('on the samples of the prose rules, which the rules fault', () => {
    const claims: Claims = { reader: 0, validator: 0 };
    const folder = path.join(SCHEMAS_DIR, 'examples', 'spec-profile');
    const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.xml'));
    for (const file of files) compare(registry, new Uint8Array(readFileSync(path.join(folder, file))), `spec-profile/${file}`, claims);
    // These are schema-valid: the fast validator takes them, and the rules decide.
    expect(claims.validator).toBe(files.length);
  });

  it('on edge cases of the reader', () => {
    const claims: Claims = { reader: 0, validator: 0 };
    for (const [name, text] of Object.entries(EDGE_CASES)) compare(registry, encoder.encode(text), name, claims);
    expect(claims.reader).toBeGreaterThan(Object.keys(EDGE_CASES).length / 2);
  });

  it.each([1, 2, 3, 4])('on 500 byte mutants of the samples, seed %i', (seed) => {
    const prng = new Prng(seed);
    const claims: Claims = { reader: 0, validator: 0 };
    const samples = sampleDocuments('valid');
    for (let n = 0; n < 500; n++) {
      const doc = prng.pick(samples);
      compare(registry, mutateBytes(doc.bytes, prng), `${doc.name}, mutant ${n} of seed ${seed}`, claims);
    }
    // Some mutants stay well-formed (a changed letter in a text): the comparison must see them.
    expect(claims.reader).toBeGreaterThan(20);
  });
});

/**
 * Mixed content: the fast validator hands a mixed element's subtree to the full path's reader
 * (its text is data, kept in `$content`), and must still claim the documents around it.
 */
const mixedRegistry = new SchemaRegistry(
  schemaDescriptors(
    inlineIr(
      `<xs:element name="doc"><xs:complexType><xs:sequence>
         <xs:element name="id" type="xs:int"/>
         <xs:element name="para" type="t:Para" maxOccurs="unbounded"/>
       </xs:sequence></xs:complexType></xs:element>
       <xs:complexType name="Para" mixed="true"><xs:sequence>
         <xs:element name="b" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
         <xs:element name="n" type="t:Note" minOccurs="0"/>
       </xs:sequence><xs:attribute name="lang" type="xs:string"/></xs:complexType>
       <xs:complexType name="Note" mixed="true"/>`,
      ...TRANSFORMS,
    ),
  ),
);
const MIXED_CASES: Record<string, string> = {
  'text around children': '<doc xmlns="urn:t"><id>1</id><para lang="en">Hello <b>big</b> world<n>note</n>.</para></doc>',
  'whitespace only, kept as data': '<doc xmlns="urn:t">\n  <id>1</id>\n  <para>\n  <b/>\n  </para>\n</doc>',
  'comments, PIs, CDATA and references in the text': '<doc xmlns="urn:t"><id>1</id><para>a<!-- c -->b<?pi x?><![CDATA[<c>]]>&amp;&#x41;<b>x</b></para><para/></doc>',
  'text only, and no text': '<doc xmlns="urn:t"><id>1</id><para>just text</para><para><b>x</b><b>y</b></para></doc>',
  'children out of order': '<doc xmlns="urn:t"><id>1</id><para><n/><b>x</b></para></doc>',
  'text in element-only content': '<doc xmlns="urn:t">text<id>1</id><para/></doc>',
  'a child in text-only mixed content': '<doc xmlns="urn:t"><id>1</id><para><n><b/></n></para></doc>',
};

describe('the fast paths agree with the full path on mixed content', () => {
  it('on hand-made documents, claiming the valid ones', () => {
    const claims: Claims = { reader: 0, validator: 0 };
    for (const [name, text] of Object.entries(MIXED_CASES)) compare(mixedRegistry, encoder.encode(text), name, claims);
    // The four valid documents are claimed: their mixed subtrees are read by the full path's reader.
    expect(claims.validator).toBe(4);
  });

  it('on 500 byte mutants of them', () => {
    const prng = new Prng(21);
    const claims: Claims = { reader: 0, validator: 0 };
    const docs = Object.values(MIXED_CASES).map((t) => encoder.encode(t));
    for (let n = 0; n < 500; n++) compare(mixedRegistry, mutateBytes(prng.pick(docs), prng), `mixed mutant ${n}`, claims);
    // Most mutants break the document; some stay well-formed, and a few valid (a changed letter in a text).
    expect(claims.reader).toBeGreaterThan(20);
    expect(claims.validator).toBeGreaterThan(0);
  });
});

/**
 * xsi:type and default values: the fast validator hands an element with xsi:type to the full
 * path's reader (which gives its value a `$type`), and gives up on an empty element with a
 * default; either way it must never say valid where the full path finds a fault.
 */
const typedRegistry = new SchemaRegistry(
  schemaDescriptors(
    inlineIr(
      `<xs:element name="doc"><xs:complexType><xs:sequence>
         <xs:element name="item" type="t:Base" maxOccurs="unbounded"/>
         <xs:element name="strict" type="t:Base" block="extension" minOccurs="0"/>
         <xs:element name="f" type="xs:float" default="1.5" minOccurs="0"/>
         <xs:element name="g" type="xs:int" fixed="3" minOccurs="0"/>
       </xs:sequence><xs:attribute name="n" type="xs:int" default="4"/></xs:complexType></xs:element>
       <xs:complexType name="Base"><xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence>
         <xs:attribute name="unit" type="xs:string" default="cm"/></xs:complexType>
       <xs:complexType name="Ext"><xs:complexContent><xs:extension base="t:Base">
         <xs:sequence><xs:element name="b" type="xs:int"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>
       <xs:complexType name="Other"><xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence></xs:complexType>`,
      ...TRANSFORMS,
    ),
  ),
);
const XSI_DOC = (body: string) => `<doc xmlns="urn:t" xmlns:t="urn:t" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${body}</doc>`;
const TYPED_CASES: Record<string, string> = {
  'a plain document': XSI_DOC('<item><a>x</a></item>'),
  'an extension named by xsi:type': XSI_DOC('<item xsi:type="t:Ext"><a>x</a><b>1</b></item><item><a>y</a></item>'),
  'the declared type named by xsi:type': XSI_DOC('<item xsi:type="t:Base" unit="mm"><a>x</a></item>'),
  'an absent attribute with a default': XSI_DOC('<item><a>x</a></item><f>2</f><g>3</g>'),
  'empty elements with a default and a fixed value': XSI_DOC('<item><a>x</a></item><f/><g/>'),
  'an extension missing its own content': XSI_DOC('<item xsi:type="t:Ext"><a>x</a></item>'),
  'a type not derived from the declared one': XSI_DOC('<item xsi:type="t:Other"><a>x</a></item>'),
  'an extension the element blocks': XSI_DOC('<item><a>x</a></item><strict xsi:type="t:Ext"><a>x</a><b>1</b></strict>'),
  'an undeclared prefix in xsi:type': XSI_DOC('<item xsi:type="u:Ext"><a>x</a><b>1</b></item>'),
  'the base\'s content under an extension': XSI_DOC('<item><a>x</a><b>1</b></item>'),
  'a value other than the fixed one': XSI_DOC('<item><a>x</a></item><g>4</g>'),
  'a value its type refuses': XSI_DOC('<item><a>x</a></item><f>x</f>'),
};

describe('the fast paths agree with the full path on xsi:type and default values', () => {
  it('on hand-made documents, claiming the valid ones it can', () => {
    const claims: Claims = { reader: 0, validator: 0 };
    for (const [name, text] of Object.entries(TYPED_CASES)) compare(typedRegistry, encoder.encode(text), name, claims);
    // The valid documents but the one with empty defaulted elements, which it gives up on.
    expect(claims.validator).toBe(4);
  });

  it('on 500 byte mutants of them', () => {
    const prng = new Prng(10);
    const claims: Claims = { reader: 0, validator: 0 };
    const docs = Object.values(TYPED_CASES).map((t) => encoder.encode(t));
    for (let n = 0; n < 500; n++) compare(typedRegistry, mutateBytes(prng.pick(docs), prng), `typed mutant ${n}`, claims);
    expect(claims.reader).toBeGreaterThan(20);
    expect(claims.validator).toBeGreaterThan(0);
  });
});

describe(`the fast paths agree with the full path on the corpus${CORPUS_AVAILABLE ? '' : ` (${CORPUS_SKIP_REASON})`}`, () => {
  testMissing('the tests of the corpus', corpusMissing());
  for (const c of corpusCases()) {
    it(c.set, () => {
      const claims: Claims = { reader: 0, validator: 0 };
      for (const instance of c.instances) compare(c.registry, instance.bytes, `${c.set}/${instance.name}`, claims);
      // Some corpus folders hold schemas only.
      if (c.instances.length > 0) expect(claims.reader).toBeGreaterThan(0);
    });
  }
});
