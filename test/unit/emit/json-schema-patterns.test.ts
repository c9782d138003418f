/**
 * XSD patterns in the JSON Schemas: each regular-expression construct, translated for JSON
 * Schema's `pattern` and compiled the way the generated validators compile it (ajv, `u` flag),
 * accepts exactly what the XML validator's pattern check accepts; and each built-in lexical
 * pattern agrees with the XML validator's datatype check on typical and near-miss values.
 */
import { describe, expect, it } from 'vitest';
import { checkSimpleValue, compileXsdPattern, XsdRegexError } from '../../../runtime/src/datatypes/index.js';
import { anchoredPattern, builtinSchema } from '../../../generator/src/emit/json-schema/builtin-schemas.js';
import { newAjv } from '../../../generator/src/emit/json-schema/standalone-validator.js';

function viaJsonSchema(schema: Record<string, unknown>): (value: string) => boolean {
  const validate = newAjv().compile(schema);
  return (value) => validate(value) as boolean;
}

/** [construct, XSD pattern, values to try] */
const CONSTRUCTS: readonly [string, string, readonly string[]][] = [
  ['implicit anchoring', 'ab', ['ab', 'xab', 'abx', '']],
  ['^ and $ are ordinary characters', '^a$', ['^a$', 'a']],
  ['alternation', 'a|bc', ['a', 'bc', 'abc', 'b']],
  ['quantifiers', 'a{2,3}b?c*d+', ['aad', 'aaabccd', 'ad', 'aaaad']],
  ['dot is any character but newlines', 'a.c', ['abc', 'a\nc', 'a\rc', 'a€c']],
  ['character class range', '[a-f0-9]+', ['dead01', 'g']],
  ['negated class', '[^a-z]', ['A', 'a', '€']],
  ['class subtraction', '[a-z-[aeiou]]+', ['bcd', 'bad']],
  ['multi-character escapes \\d \\s \\w', '\\d\\s\\w', ['1 a', '1\ta', 'a a', '١ x']],
  ['negated multi-character escapes \\D \\S \\W', '\\D\\S\\W', ['a1 ', '1a ', 'aa!']],
  ['name characters \\i \\c', '\\i\\c*', ['_a.b-c', '1a', 'é1', ':x']],
  ['NCName subtraction [\\i-[:]]', '[\\i-[:]][\\c-[:]]*', ['a-b', 'a:b', ':a']],
  ['Unicode category \\p{Lu}', '\\p{Lu}+', ['ABC', 'AbC', 'ÉÀ']],
  ['Unicode block \\p{IsBasicLatin}', '\\p{IsBasicLatin}+', ['abc', 'é']],
  ['negated category \\P{L}', '\\P{L}', ['1', 'a']],
  ['single-character escapes', '\\.\\-\\^\\[\\]\\{\\}\\(\\)\\|\\\\\\?\\*\\+', ['.-^[]{}()|\\?*+']],
  ['characters beyond the BMP', '[\\u{10000}-\\u{10FFFF}]'.replace(/\\u\{(\w+)\}/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16))), ['😀', 'a']],
  ['the pattern of operation flags', '\\\\(Seen|Deleted|Flagged)( \\\\(Seen|Deleted|Flagged))*', ['\\Seen', '\\Seen \\Deleted', 'Seen', '\\Seen ']],
];

describe('XSD patterns as JSON Schema patterns', () => {
  it.each(CONSTRUCTS)('%s: agrees with the XML validator', (_name, pattern, values) => {
    const xml = compileXsdPattern(pattern);
    if (xml instanceof XsdRegexError) throw xml;
    const json = viaJsonSchema({ type: 'string', pattern: anchoredPattern([pattern]) });
    for (const value of values) expect(json(value), `${JSON.stringify(pattern)} on ${JSON.stringify(value)}`).toBe(xml.test(value));
  });

  it('ORs the patterns of one derivation step', () => {
    const json = viaJsonSchema({ type: 'string', pattern: anchoredPattern(['a+', 'b+']) });
    expect(['aa', 'bb', 'ab'].map(json)).toEqual([true, true, false]);
  });
});

/** [built-in, values to try] */
const LEXICAL: readonly [string, readonly string[]][] = [
  ['decimal', ['1', '-1.5', '+.5', '5.', '.', '1e3', '1.2.3', '']],
  ['integer', ['0', '-12', '+7', '1.0', '']],
  ['nonNegativeInteger', ['0', '+5', '-0', '-1', 'x']],
  ['positiveInteger', ['1', '0', '007', '-1']],
  ['dateTime', ['2025-11-25T18:00:00Z', '2025-11-25T18:00:00.5+01:00', '2025-11-25T24:00:00', '2025-13-01T00:00:00', '2025-11-25', '0000-01-01T00:00:00', '2025-11-25T18:00:00+15:00']],
  ['date', ['2025-11-25', '-0044-03-15', '2025-11-25Z', '2025-11-32']],
  ['time', ['18:00:00', '18:00', '24:00:00', '23:59:60']],
  ['duration', ['P1Y2M3DT4H5M6.7S', 'PT1S', '-P1D', 'P', 'PT', 'P1DT']],
  ['hexBinary', ['', '0aFF', 'abc', 'zz']],
  ['language', ['en', 'en-GB', 'toolonglanguage', '-en']],
  ['NCName', ['a', 'a:b', '1a', 'é']],
  ['QName', ['a:b', 'a', 'a:b:c', ':a']],
  ['NMTOKEN', ['1a', 'a b', '']],
];

describe('built-in lexical spaces as JSON Schema', () => {
  it.each(LEXICAL)('xs:%s: agrees with the XML validator', (name, values) => {
    const json = viaJsonSchema(builtinSchema(name));
    for (const value of values) {
      const xml = checkSimpleValue({ kind: 'builtin', name }, value).ok;
      expect(json(value), `xs:${name} on ${JSON.stringify(value)}`).toBe(xml);
    }
  });
});
