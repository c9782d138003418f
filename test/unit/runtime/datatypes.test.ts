import { describe, expect, it } from 'vitest';
import {
  checkSimpleValue,
  compileXsdPattern,
  lexicalOf,
  translateXsdPattern,
  XsdRegexError,
  type Facets,
  type SimpleTypeDescriptor,
} from '../../../runtime/src/datatypes/index.js';
import { BUILTIN_TYPES } from '../../../generator/src/ir/builtins.js';

const builtin = (name: string): SimpleTypeDescriptor => ({ kind: 'builtin', name });
const restrict = (base: string | SimpleTypeDescriptor, facets: Facets): SimpleTypeDescriptor => ({
  kind: 'atomic',
  base: typeof base === 'string' ? builtin(base) : base,
  facets,
});
const CONTEXT = { lookupNamespace: (prefix: string) => (prefix === 't' ? 'urn:t' : undefined) };

function valid(type: SimpleTypeDescriptor, lexical: string): boolean {
  return checkSimpleValue(type, lexical, CONTEXT).ok;
}

/** [type, valid lexical forms, invalid lexical forms] */
const LEXICAL_SPACES: readonly (readonly [string, readonly string[], readonly string[]])[] = [
  ['string', ['', ' x ', '\t'], []],
  ['token', ['', ' a  b '], []],
  ['language', ['en', 'en-GB', 'i-klingon', 'abcdefgh', ' de-CH-1901 '], ['', 'en-', 'abcdefghi', 'en_US', '1-a', 'en--us']],
  ['Name', ['a', ':', 'a:b', '_1', 'é', 'a·', '\u{10000}'], ['', '-a', '1a', '·a', 'a b']],
  ['NCName', ['a', '_a', 'a.b-c'], ['a:b', ':a', 'a:', '']],
  ['NMTOKEN', ['-a', '1', ':', '.'], ['', 'a b', 'a,b']],
  ['NMTOKENS', ['a b', '', '1 2 3'], ['a,b']],
  ['ID', ['a1'], ['1a', 'a:b']],
  ['IDREFS', ['a b'], ['a 1']],
  ['ENTITY', ['a'], ['1a']],
  ['QName', ['a', 't:a', 'xml:lang'], ['x:a', 'xmlns:a', ':a', 'a:', 'a:b:c', 't:1a']],
  ['anyURI', ['', 'a', 'a:', 'http://[::1]/', 'http://a:b@c:80/p?q#f', 'a b', 'é', '#[', 'urn:a:b', '%20'],
    [':', ':a', '%', '%zz', '#a#b', 'http://[bad/', 'http://a:port/', 'http://a:/', '1a:b', 'a[1]', '?[', 'http://a@b@c/']],
  ['boolean', ['true', 'false', '1', '0', ' true '], ['TRUE', 'True', '01', '', 'yes']],
  ['decimal', ['0', '-0', '+.5', '5.', '00012.3400', '9'.repeat(60)], ['.', '+', '-', '1e5', '1,5', '١', '1.2.3', '']],
  ['integer', ['+0', '-0', '00', '-5', '9'.repeat(40)], ['1.0', '1.', '0x10', '']],
  ['nonPositiveInteger', ['0', '+0', '-1'], ['1', '+1']],
  ['negativeInteger', ['-1'], ['0', '-0', '+0']],
  ['nonNegativeInteger', ['-0', '0', '7'], ['-1']],
  ['positiveInteger', ['+1', '0001'], ['0', '-0']],
  ['long', ['9223372036854775807', '-9223372036854775808'], ['9223372036854775808', '-9223372036854775809']],
  ['unsignedLong', ['18446744073709551615', '-0'], ['18446744073709551616', '-1']],
  ['int', ['2147483647', '-2147483648', '+5'], ['2147483648', '-2147483649', '1.0']],
  ['short', ['32767', '-32768'], ['32768', '-32769']],
  ['byte', ['127', '-128', '+127', '-0'], ['128', '-129']],
  ['unsignedInt', ['4294967295', '0004294967295', '-0'], ['4294967296', '-1']],
  ['unsignedShort', ['65535'], ['65536']],
  ['unsignedByte', ['255', '+0'], ['256']],
  ['float', ['1', '-1.5e3', '.5e-3', '5.e1', 'INF', '-INF', 'NaN', '1e', '1E+', '1e999'], ['+INF', '-NaN', 'inf', '.', 'E5', '1d5', '0x10', '1 5']],
  ['double', ['1.7976931348623157e308', '00001e1'], ['Infinity', '']],
  ['dateTime', ['2000-02-29T00:00:00', '2000-01-01T24:00:00', '-0001-01-01T00:00:00Z', '10000-01-01T00:00:00+14:00',
    '2000-01-01T00:00:00.123456789012345Z'],
    ['1900-02-29T00:00:00', '0000-01-01T00:00:00', '01000-01-01T00:00:00', '2000-01-01T00:00', '2000-01-01t00:00:00',
      '+2000-01-01T00:00:00', '2000-01-01T24:00:01', '2000-01-01T00:00:00+14:01', '2147483648-01-01T00:00:00']],
  ['date', ['2000-02-29', '-0004-02-29', '2000-01-01Z', '2000-01-01-14:00'], ['2001-02-29', '-0001-02-29', '2000-04-31', '2000-13-01', '2000-1-01']],
  ['time', ['24:00:00', '24:00:00.000', '23:59:59.5', '00:00:00-00:00'], ['24:00:01', '23:59:60', '12:60:00', '1:00:00', '23:59:59.', '23:59:59.999999999999999']],
  ['duration', ['P1Y2M3DT4H5M6.7S', '-P1D', 'PT1.S', 'PT.5S', 'P0D', 'P178956970Y'],
    ['P', 'PT', '+P1D', 'P1DT', 'P1.5D', 'P-1D', 'PT1D', 'P1M1Y', 'PT.S', 'P178956971Y', 'P2147483647DT24H']],
  ['gYear', ['2000', '12345', '2000Z', '2000-14:00', '2147483647'], ['200', '0000', '012345', '2147483648']],
  ['gYearMonth', ['2000-02', '-0001-12Z'], ['2000-13', '2000-2']],
  ['gMonth', ['--02', '--12Z'], ['--13', '--00', '--02--', '-02']],
  ['gMonthDay', ['--02-29', '--12-31Z'], ['--02-30', '--04-31', '--1-01']],
  ['gDay', ['---01', '---31+01:00'], ['---32', '---00', '---1']],
  ['hexBinary', ['', '0F', 'aB', ' 00ff '], ['0', '0g', 'abc', 'AB CD']],
  ['base64Binary', ['', 'AAAA', 'AA==', 'AAA=', 'AA AA', 'AA= =', 'AA==-', 'aGVsbG8='], ['A===', 'AB==', 'AAB=', 'AA=', 'AAAAA', '====', 'AA==AAAA']],
];

describe('lexical spaces of the built-in types', () => {
  for (const [name, good, bad] of LEXICAL_SPACES) {
    it(`xs:${name}`, () => {
      expect(good.filter((v) => !valid(builtin(name), v)), 'wrongly refused').toEqual([]);
      expect(bad.filter((v) => valid(builtin(name), v)), 'wrongly accepted').toEqual([]);
    });
  }

  it('knows every built-in the generator maps', () => {
    const missing = Object.keys(BUILTIN_TYPES).filter((name) => {
      try {
        checkSimpleValue(builtin(name), '');
        return false;
      } catch {
        return true;
      }
    });
    expect(missing).toEqual([]);
  });

  it('checks a QName prefix only when there is a namespace context', () => {
    expect(checkSimpleValue(builtin('QName'), 'x:a').ok).toBe(true);
    expect(checkSimpleValue(builtin('QName'), 'x:a', CONTEXT).ok).toBe(false);
  });
});

describe('model values', () => {
  const value = (name: string, lexical: string): unknown => {
    const result = checkSimpleValue(builtin(name), lexical);
    if (!result.ok) throw new Error(result.message);
    return result.value;
  };

  it('maps each built-in to the kind BUILTIN_TYPES declares', () => {
    const samples: Record<string, string> = {
      boolean: 'true', int: '1', short: '1', byte: '1', unsignedInt: '1', unsignedShort: '1', unsignedByte: '1', float: '1', double: '1',
      NMTOKENS: 'a b', IDREFS: 'a b', ENTITIES: 'a b', decimal: '1', integer: '1', nonPositiveInteger: '0', negativeInteger: '-1',
      nonNegativeInteger: '1', positiveInteger: '1', long: '1', unsignedLong: '1', dateTime: '2000-01-01T00:00:00', date: '2000-01-01',
      time: '00:00:00', duration: 'P1D', gYear: '2000', gYearMonth: '2000-01', gMonth: '--01', gMonthDay: '--01-01', gDay: '---01',
      hexBinary: '0F', base64Binary: 'AA==', QName: 'a', NOTATION: 'a', anyURI: 'a', language: 'en', Name: 'a', NCName: 'a',
      NMTOKEN: 'a', ID: 'a', IDREF: 'a', ENTITY: 'a',
    };
    const kinds: Record<string, string> = { string: 'string', number: 'number', boolean: 'boolean', 'string-list': 'object', any: 'string' };
    for (const [name, kind] of Object.entries(BUILTIN_TYPES)) {
      expect(typeof value(name, samples[name] ?? 'x'), name).toBe(kinds[kind]);
    }
  });

  it('reads booleans, numbers and special floats', () => {
    expect(value('boolean', '1')).toBe(true);
    expect(value('boolean', ' false ')).toBe(false);
    expect(value('int', '+0042')).toBe(42);
    expect(Object.is(value('byte', '-0'), 0)).toBe(true);
    expect(value('double', 'INF')).toBe(Infinity);
    expect(value('float', '-INF')).toBe(-Infinity);
    expect(value('double', 'NaN')).toBeNaN();
    expect(value('float', '1e')).toBe(1);
  });

  it('keeps decimals, 64-bit integers and dates as normalized strings', () => {
    expect(value('unsignedLong', ' 18446744073709551615 ')).toBe('18446744073709551615');
    expect(value('decimal', '\n1.50\t')).toBe('1.50');
    expect(value('dateTime', ' 2000-01-01T00:00:00+01:00 ')).toBe('2000-01-01T00:00:00+01:00');
    expect(value('normalizedString', 'a\tb')).toBe('a b');
  });

  it('maps lists to arrays of item values and unions to the first member that fits', () => {
    expect(value('NMTOKENS', ' a  b ')).toEqual(['a', 'b']);
    const ints: SimpleTypeDescriptor = { kind: 'list', item: builtin('int'), facets: {} };
    expect(checkSimpleValue(ints, '1 -2 +3')).toMatchObject({ ok: true, value: [1, -2, 3], normalized: '1 -2 +3' });
    const union: SimpleTypeDescriptor = { kind: 'union', members: [builtin('int'), builtin('boolean'), builtin('date')], facets: {} };
    expect(checkSimpleValue(union, '1')).toMatchObject({ ok: true, value: 1 });
    expect(checkSimpleValue(union, 'true')).toMatchObject({ ok: true, value: true });
    expect(checkSimpleValue(union, '2000-01-01')).toMatchObject({ ok: true, value: '2000-01-01' });
  });

  it('gives an enumeration-restricted type the value kind of its base', () => {
    expect(checkSimpleValue(restrict('unsignedByte', { enumeration: ['1', '10'] }), '010')).toMatchObject({ ok: true, value: 10 });
  });
});

describe('lexicalOf', () => {
  const ROUND_TRIPS: readonly (readonly [SimpleTypeDescriptor, string])[] = [
    [builtin('int'), '+0042'],
    [builtin('byte'), '-0'],
    [builtin('boolean'), '1'],
    [builtin('double'), '-INF'],
    [builtin('double'), 'NaN'],
    [builtin('float'), '1e'],
    [builtin('double'), '1.5e300'],
    [builtin('double'), '1e-7'],
    [builtin('decimal'), '-00.50'],
    [builtin('dateTime'), '2000-01-01T24:00:00Z'],
    [builtin('NMTOKENS'), ' a  b '],
    [builtin('IDREFS'), ''],
    [{ kind: 'list', item: builtin('float'), facets: {} }, '1 INF NaN'],
    [{ kind: 'union', members: [builtin('int'), builtin('token')], facets: {} }, 'x y'],
    [{ kind: 'union', members: [builtin('int'), builtin('token')], facets: {} }, '7'],
    [restrict('token', { enumeration: ['add', 'remove'] }), ' add '],
  ];

  it('writes a form that checks valid again, with the same value', () => {
    for (const [type, lexical] of ROUND_TRIPS) {
      const first = checkSimpleValue(type, lexical);
      if (!first.ok) throw new Error(first.message);
      const written = lexicalOf(type, first.value);
      expect(written, lexical).toBeDefined();
      const again = checkSimpleValue(type, written ?? '');
      expect(again, `${lexical} -> ${written}`).toMatchObject({ ok: true });
      if (again.ok) expect(again.value).toEqual(first.value);
    }
  });

  it('writes canonical numbers and booleans', () => {
    expect(lexicalOf(builtin('boolean'), true)).toBe('true');
    expect(lexicalOf(builtin('int'), -0)).toBe('0');
    expect(lexicalOf(builtin('double'), Infinity)).toBe('INF');
    expect(lexicalOf(builtin('double'), -Infinity)).toBe('-INF');
    expect(lexicalOf(builtin('float'), NaN)).toBe('NaN');
    expect(lexicalOf(builtin('double'), 1e21)).toBe('1E21');
  });

  it('returns undefined when the value does not fit the type kind', () => {
    expect(lexicalOf(builtin('int'), '5')).toBeUndefined();
    expect(lexicalOf(builtin('int'), 1.5)).toBeUndefined();
    expect(lexicalOf(builtin('boolean'), 1)).toBeUndefined();
    expect(lexicalOf(builtin('string'), 5)).toBeUndefined();
    expect(lexicalOf(builtin('NMTOKENS'), 'a b')).toBeUndefined();
    expect(lexicalOf({ kind: 'list', item: builtin('int'), facets: {} }, [1, 'x'])).toBeUndefined();
  });
});

describe('facets', () => {
  it('compares enumerations in the value space for numbers and lexically for strings', () => {
    const decimals = restrict('decimal', { enumeration: ['1.0', '-0'] });
    expect(['1', '01.00', '+1', '0', '-0.0'].filter((v) => !valid(decimals, v))).toEqual([]);
    expect(valid(decimals, '2')).toBe(false);
    const floats = restrict('float', { enumeration: ['1.5', 'NaN'] });
    expect(valid(floats, '15e-1')).toBe(true);
    expect(valid(floats, 'NaN')).toBe(true);
    const tokens = restrict('token', { enumeration: ['add'] });
    expect(valid(tokens, ' add ')).toBe(true);
    expect(checkSimpleValue(tokens, 'remove')).toEqual({ ok: false, fault: 'enum', message: '"remove" is not one of the allowed values: add' });
  });

  it('counts code points for strings, octets for binary and items for lists', () => {
    expect(valid(restrict('string', { length: 2 }), '😀a')).toBe(true);
    expect(valid(restrict('hexBinary', { length: 2 }), 'ABCD')).toBe(true);
    expect(valid(restrict('base64Binary', { length: 2 }), 'AAA=')).toBe(true);
    expect(valid(restrict('base64Binary', { length: 2 }), 'AA==')).toBe(false);
    const list: SimpleTypeDescriptor = { kind: 'list', item: builtin('int'), facets: { minLength: 2, maxLength: 3 } };
    expect(['1 2', '1 2 3'].every((v) => valid(list, v))).toBe(true);
    expect(['1', '1 2 3 4'].some((v) => valid(list, v))).toBe(false);
    expect(valid(restrict('QName', { length: 1 }), 't:abc')).toBe(true);
  });

  it('compares decimal bounds exactly', () => {
    const big = restrict('integer', { maxInclusive: '9007199254740992' });
    expect(valid(big, '9007199254740992')).toBe(true);
    expect(valid(big, '9007199254740993')).toBe(false);
    const range = restrict('decimal', { minExclusive: '-0.1', maxInclusive: '100' });
    expect(['0', '-0.09', '100.000'].every((v) => valid(range, v))).toBe(true);
    expect(checkSimpleValue(range, '100.0001')).toMatchObject({ ok: false, fault: 'facet', message: '"100.0001" is above the maximum 100' });
  });

  it('orders dates as libxml2 does when they are comparable', () => {
    const after = restrict('dateTime', { minInclusive: '2000-01-01T00:00:00Z' });
    expect(valid(after, '2000-01-01T01:00:00+01:00')).toBe(true);
    expect(valid(after, '2000-01-01T00:59:59+01:00')).toBe(false);
    // An unzoned value is compared as if UTC; only an exact tie is indeterminate.
    expect(valid(after, '2000-01-01T13:59:59')).toBe(true);
    expect(valid(after, '2000-01-01T00:00:00')).toBe(false);
    // libxml2 keeps 24:00:00 on its own day.
    expect(valid(after, '1999-12-31T24:00:00Z')).toBe(false);
    const month = restrict('duration', { maxInclusive: 'P1M' });
    expect(valid(month, 'PT1H')).toBe(true);
    expect(valid(month, 'P28D')).toBe(false);
    expect(valid(month, 'P32D')).toBe(false);
  });

  it('checks totalDigits and fractionDigits on significant digits', () => {
    const money = restrict('decimal', { totalDigits: 3, fractionDigits: 1 });
    expect(['123', '12.3', '00123', '123.0', '12.30', '0.00'].filter((v) => !valid(money, v))).toEqual([]);
    expect(checkSimpleValue(money, '1234')).toMatchObject({ ok: false, message: '"1234" has 4 digits; at most 3 are allowed' });
    expect(checkSimpleValue(money, '1.23')).toMatchObject({ ok: false, message: '"1.23" has 2 fraction digits; at most 1 are allowed' });
  });

  it('ANDs pattern steps and ORs the patterns of one step', () => {
    const inner = restrict('string', { patterns: [['.{2,3}', 'x+']] });
    const outer = restrict(inner, { patterns: [['[a-z]+']] });
    expect(['ab', 'xxxxx'].every((v) => valid(outer, v))).toBe(true);
    expect(['abcd', 'AB', 'a'].some((v) => valid(outer, v))).toBe(false);
  });

  it('applies the outermost whiteSpace facet', () => {
    expect(checkSimpleValue(restrict('string', { whiteSpace: 'collapse' }), ' a  b ')).toMatchObject({ ok: true, normalized: 'a b' });
    expect(checkSimpleValue(restrict('string', { whiteSpace: 'replace' }), 'a\tb')).toMatchObject({ ok: true, normalized: 'a b' });
  });
});

describe('messages', () => {
  it('name the type, say what is expected and quote at most 40 characters', () => {
    expect(checkSimpleValue(builtin('unsignedInt'), 'abc')).toEqual({
      ok: false,
      fault: 'datatype',
      message: '"abc" is not a valid xs:unsignedInt (digits only, 0 to 4294967295)',
    });
    const long = checkSimpleValue(builtin('int'), 'x'.repeat(1000));
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.message.length).toBeLessThan(120);
    const list = checkSimpleValue(builtin('IDREFS'), 'a 1b');
    expect(list).toMatchObject({ ok: false, fault: 'datatype', message: 'item 2 of the list: "1b" is not a valid xs:IDREF (an XML name without ":")' });
  });
});

describe('XSD regular expressions', () => {
  const matches = (pattern: string, value: string): boolean => {
    const compiled = compileXsdPattern(pattern);
    if (compiled instanceof XsdRegexError) throw compiled;
    return compiled.test(value);
  };

  it('are implicitly anchored, and ^ and $ are ordinary characters', () => {
    expect(matches('ab', 'xab')).toBe(false);
    expect(matches('^a$', '^a$')).toBe(true);
    expect(matches('^a$', 'a')).toBe(false);
    expect(matches('a|b', 'b')).toBe(true);
  });

  it('support character-class subtraction, also nested and negated', () => {
    expect(matches('[a-z-[aeiou]]+', 'bcd')).toBe(true);
    expect(matches('[a-z-[aeiou]]+', 'bad')).toBe(false);
    expect(matches('[a-z-[b-y-[m]]]+', 'azm')).toBe(true);
    expect(matches('[a-z-[b-y-[m]]]', 'c')).toBe(false);
    expect(matches('[^a-z-[0-9]]', 'A')).toBe(true);
    expect(matches('[^a-z-[0-9]]', '5')).toBe(false);
    expect(matches('[\\p{L}-[\\p{Lu}]]+', 'abc')).toBe(true);
    expect(matches('[\\p{L}-[\\p{Lu}]]+', 'aBc')).toBe(false);
    // The last "-" of a group may stand right before its subtraction (F.1.1, the W3C suite's reF56).
    expect(matches('[a-z--[b-z]]', 'a')).toBe(true);
    expect(matches('[a-z--[b-z]]', '-')).toBe(true);
    expect(matches('[a-z--[b-z]]', 'b')).toBe(false);
  });

  it('support Unicode blocks and categories', () => {
    expect(matches('\\p{IsBasicLatin}+', 'abc')).toBe(true);
    expect(matches('\\p{IsBasicLatin}', 'é')).toBe(false);
    expect(matches('\\P{IsBasicLatin}', 'é')).toBe(true);
    expect(matches('\\p{IsLatin-1Supplement}', 'é')).toBe(true);
    expect(matches('\\p{IsCJKUnifiedIdeographs}', '中')).toBe(true);
    expect(matches('\\p{IsPrivateUse}', '\u{F0000}')).toBe(true);
    expect(matches('\\p{Lu}\\p{Ll}+', 'Ωmega')).toBe(true);
    expect(matches('\\P{L}', '1')).toBe(true);
  });

  it('support the XSD multi-character escapes', () => {
    expect(matches('\\i\\c*', '_a-1.b:c')).toBe(true);
    expect(matches('\\i', '1')).toBe(false);
    // \i and \c use XML 1.0 Second Edition letters, in which U+0132 and U+2070 are not.
    expect(matches('\\i', '\u0132')).toBe(false);
    expect(matches('\\I', '\u2070')).toBe(true);
    expect(matches('\\w+', 'a1é')).toBe(true);
    expect(matches('\\w', '_')).toBe(false);
    expect(matches('[\\w-]+', 'a-b')).toBe(true);
    expect(matches('\\W', '-')).toBe(true);
    expect(matches('\\d+', '٣٣')).toBe(true);
    expect(matches('\\s\\S', ' x')).toBe(true);
    expect(matches('\\s', '\u00A0')).toBe(false);
    expect(matches('.', '\n')).toBe(false);
    expect(matches('.', '😀')).toBe(true);
    expect(matches('[^a]', '\n')).toBe(true);
  });

  it('support XSD escapes and quantifiers', () => {
    expect(matches('\\-\\^\\[\\]\\{\\}\\.\\\\\\|', '-^[]{}.\\|')).toBe(true);
    expect(matches('[\\-\\^\\]]+', '-^]')).toBe(true);
    expect(matches('[a-]+', 'a-')).toBe(true);
    expect(matches('(ab){2}c{1,}d{0,1}', 'ababcc')).toBe(true);
    expect(matches('\\n\\t\\r', '\n\t\r')).toBe(true);
    expect(translateXsdPattern('a{2,}')).toBe('a{2,}');
  });

  it('refuse constructs XSD regular expressions do not have, naming them', () => {
    for (const [pattern, phrase] of [
      ['(?:a)', '"(?" groups'],
      ['a*?', 'lazy quantifiers'],
      ['\\b', '"\\b" is not an XSD escape'],
      ['\\x41', '"\\x" is not an XSD escape'],
      ['\\u0041', '"\\u" is not an XSD escape'],
      ['\\1', '"\\1" is not an XSD escape'],
      ['a{,3}', 'not an XSD quantifier'],
      ['a{2,1}', 'maximum below its minimum'],
      ['[z-a]', 'out of order'],
      ['[]', 'empty character class'],
      ['[a-c-e]', '"-" must be escaped'],
      ['[a-z-[m]x]', 'a subtraction must end'],
      ['\\p{IsKlingon}', 'unknown Unicode block'],
      ['\\p{Lx}', 'unknown Unicode category'],
      ['*a', 'has nothing to repeat'],
      // "{" and "}" are not normal characters (the suite's reB65, RegexTest_24-26 and 311-313).
      ['{1}a', '"{" has nothing to repeat'],
      ['hello {5 world', '"{5" does not start a quantifier'],
      ['[abcd]*{0,5}', '"{" has nothing to repeat'],
      ['a}', 'unescaped "}"'],
      ['[a--b]', '"-" must be escaped'],
      ['a)', 'unmatched ")"'],
      ['(a', 'ends too early'],
    ] as const) {
      const compiled = compileXsdPattern(pattern);
      expect(compiled, pattern).toBeInstanceOf(XsdRegexError);
      expect((compiled as Error).message, pattern).toContain(phrase);
    }
  });

  it('report an unusable pattern as a facet fault of the value', () => {
    expect(checkSimpleValue(restrict('string', { patterns: [['(?:a)']] }), 'a')).toMatchObject({
      ok: false,
      fault: 'facet',
      message: expect.stringContaining('the type\'s pattern cannot be used'),
    });
  });

  it('compile each distinct pattern once', () => {
    expect(compileXsdPattern('[0-9]{4}')).toBe(compileXsdPattern('[0-9]{4}'));
  });
});
