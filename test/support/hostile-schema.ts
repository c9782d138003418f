/**
 * Hostile strings and the schema positions they go into, for the property test of issue 17
 * (test/properties/hostile-strings.test.ts): one schema per string with the string in every
 * position that reaches generated output, written with XML escaping so the XSD itself stays
 * well-formed; and, for what XML cannot hold at all (NUL, lone surrogates, U+FFFE), the same
 * positions filled in the IR directly, after the reader.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { buildIr, EMITTERS, emitContext, type OutputFiles, type NamedSchemaSet } from '../../generator/src/index.js';

/** Strings written by hand: each attacks one context, the last ones all at once. */
export const FIXED_HOSTILE: readonly string[] = [
  "*/}console.log('INJECTED');interface/**/P{/*",
  'Accept: */*',
  '/* open',
  '${globalThis.pwned = 1}',
  '`backtick` ``` fence',
  `quotes ' " \u2018 \u2019 \u201C \u201D \u00AB \u00BB \u2039 \u203A`,
  "';globalThis.pwned=1;//",
  '</script><script>alert(1)</script>',
  '--> <!-- ]]> <![CDATA[',
  'LS\u2028PS\u2029 CR\r LF\n TAB\t NEL\u0085',
  'bidi \u202Eevil\u202C \u2066x\u2069 bom\uFEFF',
  '@deprecated {@link x} # heading\n- item\n| a | b |',
  '\\ back\\slash \\u0041 \\n',
  '名前 \u{1F600} \u{10000}',
  // 100 KB of everything above, so no escape is quadratic and no output is cut.
  Array.from({ length: 100_000 / 20 }, (_, i) => ['*/', '/*', '${', '`', "'", '"', '</script>', '-->', ']]>', '\u2028'][i % 10]!.padEnd(20, ' x')).join(''),
];

/** What XML cannot hold, so only the IR path can carry it. */
export const IR_ONLY_HOSTILE: readonly string[] = [
  '\u0000',
  'nul \u0000 in the middle',
  '\uD800',
  'lone \uDC00 low and \uDBFF high',
  '\uFFFE\uFFFF',
  'C0 \u0001\u0008\u000B\u000C\u001B\u001F DEL \u007F',
  "all */\u0000${`\uD800</script>-->\u2028'\"",
];

const PIECES = ['*/', '/*', '${', '}', '`', "'", '"', '\\', '\u2028', '\u2029', '</script>', '<', '>', '&', '-->', ']]>', '@', '#', '|', ' ', '\n', '\t', '\r', 'a', 'é', '\u{1F600}', '\u202E', '{', '('];

/** Random mixes of the pieces attacks are made of. */
export const hostileString: fc.Arbitrary<string> = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));

/** Names XML allows (NCNames) that JavaScript and TypeScript treat specially. */
export const HOSTILE_NAMES: readonly string[] = [
  'constructor', '__proto__', 'toString', 'class', 'default', 'await', 'then', 'Object', 'prototype',
  'hasOwnProperty', 'é-名', 'a.b-c_d', 'x\u{10000}', '_', 'a\u00B7b', '\u0100\u0300',
];

/** XML escaping for attribute values and text: whitespace as references, so it survives normalization. */
export function xmlEscape(value: string): string {
  const refs: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };
  return [...value].map((c) => refs[c] ?? c).join('');
}

/** An XSD pattern matching exactly `value`: its metacharacters escaped (XSD Part 2, F.3.1 SingleCharEsc). */
export function literalPattern(value: string): string {
  return [...value].map((c) => ('\\|.-^?*+{}()[]'.includes(c) ? `\\${c}` : c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : c)).join('');
}

/** A file name of the file system's: `value` without `/` and NUL, at most 40 code points, kept apart by `index`. */
export function hostileFileName(value: string, index: number): string {
  return `${[...value.replace(/[/\u0000]/g, '_')].slice(0, 40).join('')}-${index}.xsd`;
}

/** The values the package must give back exactly, and where. */
export interface Expected {
  readonly namespace: string;
  /** The default and fixed values of an element and of an attribute. */
  readonly value: string;
  readonly enumeration: string;
  readonly pattern: string;
  /** The NCName of an element, a type and an attribute, kept as written in the descriptors. */
  readonly name: string;
}

/**
 * The enumeration value and the pattern are put between parentheses: the reader trims facet
 * values (right for the numeric facets, wrong for an enumeration of xs:string), a defect of the
 * reader reported apart, which would otherwise hide what this test is about.
 */
const enclosed = (value: string) => `(${value})`;

/**
 * The target namespace: `value` between parentheses with each XML whitespace character as `_`.
 * targetNamespace is an xs:anyURI, whose whitespace is collapsed, while the namespace bound by
 * xmlns:t is taken as written: with whitespace in it the schema's own references would not
 * resolve, rightly. The parentheses keep a U+FEFF or U+2028 at either end from the reader's
 * trim(), which removes more than XML whitespace: a defect reported apart.
 */
/**
 * A target namespace holding `value`: whitespace as "_", and the four characters an xs:anyURI
 * constrains ("%" "#" "[" "]") %-escaped, since the schema for schemas checks targetNamespace as
 * one (D-116); every other hostile character stays. The IR-only cases carry the raw value.
 */
const namespaceOf = (value: string) => `urn:t:(${value.replace(/[ \t\n\r]/g, '_').replace(/[%#[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)})`;

/**
 * The pattern matching `(value)`, on at most 1,000 code points of `value`: the pattern engine
 * refuses a pattern past its state budget with a coded error, rightly; the 100 KB string is
 * still tested whole in every other position.
 */
const patternOf = (value: string) => `\\(${literalPattern([...value].slice(0, 1_000).join(''))}\\)`;

/** The schema with `value` in every position, and `name` as the name of an element, a type and an attribute. */
export function hostileSchema(value: string, name: string, pattern = patternOf(value)): { text: string; expected: Expected } {
  const v = xmlEscape(value);
  const enumeration = enclosed(value);
  const namespace = namespaceOf(value);
  const doc = `<xs:annotation><xs:documentation>${v}</xs:documentation><xs:appinfo>${v}<t:x a="${v}"/></xs:appinfo></xs:annotation>`;
  const text = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="${xmlEscape(namespace)}" targetNamespace="${xmlEscape(namespace)}" elementFormDefault="qualified">
  ${doc}
  <xs:element name="root" type="t:Root">${doc}</xs:element>
  <xs:element name="${name}" type="t:${name}"/>
  <xs:complexType name="Root">
    ${doc}
    <xs:sequence>
      <xs:element name="e" type="xs:string" default="${v}" minOccurs="0">${doc}</xs:element>
      <xs:element name="x" type="xs:string" fixed="${v}" minOccurs="0"/>
      <xs:element name="en" type="t:E" minOccurs="0"/>
      <xs:element name="pt" type="t:P" minOccurs="0"/>
      <xs:element ref="t:${name}" minOccurs="0"/>
    </xs:sequence>
    <xs:attribute name="d" type="xs:string" default="${v}">${doc}</xs:attribute>
    <xs:attribute name="f" type="xs:string" fixed="${v}"/>
  </xs:complexType>
  <xs:complexType name="${name}">${doc}<xs:attribute name="${name}" type="xs:string"/></xs:complexType>
  <xs:simpleType name="E">
    ${doc}
    <xs:restriction base="xs:string"><xs:enumeration value="${xmlEscape(enumeration)}">${doc}</xs:enumeration><xs:enumeration value="plain"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="P"><xs:restriction base="xs:string"><xs:pattern value="${xmlEscape(pattern)}"/></xs:restriction></xs:simpleType>
</xs:schema>
`;
  return { text, expected: { namespace, value, enumeration, pattern, name } };
}

const MARK = 'HOSTILEMARK';
const PATTERN_MARK = 'PATTERNMARK';

/**
 * The IR of the hostile schema with MARK in every position, then MARK replaced by `value` in
 * every string of the IR: documentation, defaults, fixed values, enumerations and the namespace
 * (names and file names keep theirs); the pattern gets the pattern that matches `value`. The IR is a small tree here, walked with
 * memoised recursion.
 */
export function hostileIr(dir: string, value: string): { ir: NamedSchemaSet; expected: Expected } {
  const file = path.join(mkdtempSync(path.join(dir, 'ir-')), 'ir.xsd');
  writeFileSync(file, hostileSchema(MARK, 'n', PATTERN_MARK).text);
  const pattern = patternOf(value);
  const seen = new Map<object, unknown>();
  const patch = (node: unknown): unknown => {
    if (typeof node === 'string') return node.split(PATTERN_MARK).join(pattern).split(MARK).join(value);
    if (node === null || typeof node !== 'object') return node;
    if (seen.has(node)) return seen.get(node);
    const copy: unknown = Array.isArray(node) ? node.map(patch) : Object.fromEntries(Object.entries(node).map(([k, v]) => [k, patch(v)]));
    seen.set(node, copy);
    return copy;
  };
  const ir = patch(buildIr([file], { rootDir: path.dirname(file) })) as NamedSchemaSet;
  // Past the reader, the namespace holds the value as it is, whitespace included.
  return { ir, expected: { namespace: `urn:t:(${value})`, value, enumeration: enclosed(value), pattern, name: 'n' } };
}

/** What `generate` does after the IR is built: every emitter, in order. */
export function emitIr(ir: NamedSchemaSet): OutputFiles {
  const context = emitContext(ir);
  const out: OutputFiles = new Map();
  for (const emitter of EMITTERS) emitter.emit(ir, context, out);
  return out;
}
