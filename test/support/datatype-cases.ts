/**
 * The cases of test/differential/datatypes-vs-libxml2.test.ts: every built-in simple type and a
 * set of derived types with facets, each with its runtime descriptor and the lexical values to
 * try: hand-picked edge cases plus seeded mutations of valid values (one or two edits each, the
 * kind fuzzers find bugs with). The same seed gives the same values.
 */
import type { SimpleTypeDescriptor } from '../../runtime/src/datatypes/index.js';
import { Prng } from './prng.js';

export interface TypeCase {
  /** How disagreements name the type. */
  readonly label: string;
  /** The body of <xs:simpleType name="T">, or the built-in to use directly. */
  readonly xsd: string | { readonly builtin: string };
  readonly descriptor: SimpleTypeDescriptor;
  readonly values: readonly string[];
  /** Extra top-level schema components (xs:notation). */
  readonly extra?: string;
}

const NOISE = ['0', '1', '9', '-', '+', '.', 'e', 'E', ' ', '\t', '\n', 'Z', 'T', ':', 'a', 'F', '=', '%', '#', '/', 'é', '٣', '１', '😀', '\u00A0', 'P', 'D', 'x', '_'];

/** Seeded mutations of valid values: one or two edits each, the kind fuzzers find bugs with. */
function mutations(seeds: readonly string[], count: number, rng: Prng): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let chars = Array.from(rng.pick(seeds));
    for (let edits = 1 + rng.int(2); edits > 0; edits--) {
      const at = rng.int(chars.length + 1);
      switch (rng.int(7)) {
        case 0:
          chars.splice(at, 0, rng.pick(NOISE));
          break;
        case 1:
          chars.splice(at, 1);
          break;
        case 2:
          chars.splice(at, 1, rng.pick(NOISE));
          break;
        case 3: {
          // Bump a digit, which walks values over month ends, ranges and leap days.
          const digits = chars.flatMap((c, k) => (/\d/.test(c) ? [k] : []));
          if (digits.length > 0) {
            const k = rng.pick(digits);
            chars[k] = String((Number(chars[k]) + 1 + rng.int(9)) % 10);
          }
          break;
        }
        case 4:
          chars = [...rng.pick([' ', '\n ', '\t']), ...chars, ...rng.pick(['', ' ', '\n'])];
          break;
        case 5:
          chars.splice(at, 0, ...'0'.repeat(1 + rng.int(3)));
          break;
        default:
          chars.splice(at, 0, ...String(rng.int(10 ** (1 + rng.int(12)))));
      }
    }
    out.push(chars.join(''));
  }
  return out;
}

/** Dates at every month end, in leap and common years, BCE and long years, with time zones. */
function calendarDates(rng: Prng): string[] {
  const years = ['2000', '1900', '2004', '2001', '2100', '-0004', '-0001', '-0400', '10000', '0001'];
  const out: string[] = [];
  for (const year of years) {
    for (let month = 1; month <= 12; month++) {
      const day = [28, 29, 30, 31, 32][rng.int(5)] ?? 28;
      const tz = rng.pick(['', 'Z', '+14:00', '-14:00', '+05:30', '+14:01', '-00:00']);
      out.push(`${year}-${String(month).padStart(2, '0')}-${day}${tz}`);
    }
  }
  return out;
}

function prefixed(values: readonly string[], prefix: string, suffix = ''): string[] {
  return values.map((v) => `${prefix}${v}${suffix}`);
}

const NUMBER_EDGES = [
  '0', '-0', '+0', '1', '+1', '-1', '00012', '12.5', '.5', '5.', '.', '+', '-', '', ' ', '1e5', '1E-2', 'INF', '-INF', '+INF',
  'NaN', '-NaN', 'inf', '1,5', '0x1F', '٣', '１', '1 2', '127', '128', '-128', '-129', '255', '256', '32767', '32768',
  '-32768', '-32769', '65535', '65536', '2147483647', '2147483648', '-2147483648', '-2147483649', '4294967295',
  '4294967296', '9223372036854775807', '9223372036854775808', '-9223372036854775808', '-9223372036854775809',
  '18446744073709551615', '18446744073709551616', '9'.repeat(40), `-${'9'.repeat(40)}`, `0.${'0'.repeat(30)}1`,
  '9007199254740993', ' 42 ', '\n7\t', '1e', '1e+', '3.4e38', '1e999', '-1e-999', '1.7976931348623157e308',
];

function numericCase(name: string, rng: Prng): TypeCase {
  return builtinCase(name, [...NUMBER_EDGES, ...mutations(NUMBER_EDGES.filter((v) => v.trim() !== ''), 200, rng)]);
}

function builtinCase(name: string, values: readonly string[]): TypeCase {
  return { label: name, xsd: { builtin: name }, descriptor: { kind: 'builtin', name }, values };
}

function derived(label: string, base: string, facetsXsd: string, descriptor: SimpleTypeDescriptor, values: readonly string[]): TypeCase {
  return { label, xsd: `<xs:restriction base="xs:${base}">${facetsXsd}</xs:restriction>`, descriptor, values };
}

export function typeCases(): TypeCase[] {
  const rng = new Prng(0x5eed);
  const cases: TypeCase[] = [];
  const strings = ['', ' ', 'a', ' a  b ', 'a\tb\nc\r', 'é😀', '\u00A0x\u00A0', 'x'.repeat(100)];
  for (const name of ['string', 'normalizedString', 'token', 'anySimpleType']) cases.push(builtinCase(name, strings));

  const names = [
    'a', 'A', '_a', ':', 'a:b', ':a', 'a:', 'a:b:c', '-a', '.a', '1a', 'a-1.b_c', 'é', '·a', 'a·', '\u0300a', 'a\u0300',
    '\u0E01', '\u3005', 'A\u3005', '\u{10000}', '\u2070', '\u0132', '\u0559', 'a b', '', ' a ', 'x\u00A0', '\u2040a', 'a\u2040',
    '\u037E', '\u00D7', '\u{EFFFF}', '\u{F0000}', 'ab\u200D', '\u200C', 'en', 'en-GB', 'i-klingon', 'x-1', 'abcdefgh',
    'abcdefghi', 'en-', '-en', 'en--us', '1-a', 'en-US-x-abcdefghi', 'de-CH-1901',
  ];
  const nameValues = [...names, ...mutations(names.filter((n) => n.trim() !== ''), 150, rng)];
  for (const name of ['Name', 'NCName', 'NMTOKEN', 'ID', 'IDREF', 'ENTITY', 'language', 'QName']) cases.push(builtinCase(name, nameValues));
  const tokenLists = ['', ' ', 'a b', 'a  b', '\na\tb\n', 'a 1', '1 2 3', 'a,b', 'a:b c', 'é x'];
  for (const name of ['NMTOKENS', 'IDREFS', 'ENTITIES']) cases.push(builtinCase(name, [...tokenLists, ...mutations(tokenLists, 30, rng)]));
  cases.push(builtinCase('QName', ['t:a', 'x:a', 'xml:lang', 'xmlns:a', 't:', 't:1a', ' t:a ']));

  const uris = [
    '', 'a', ':', ':a', 'a:', '%', '%zz', '%2', '%20', '#a#b', 'a#b', 'http://[::1]/', 'http://[bad/', 'http://a:b@c:80/p?q#f',
    'a b', 'é', '\\', '{}', '|^`', '<>"', 'http://a:port/', 'http://a:99999999999/', 'http://a:/', 'http://a:80', '//a',
    '///', '?', '#', 'urn:a:b', 'a:b:c', '1a:b', '-a:b', 'a+b:c', 'a[1]', '[a]', 'http://a/[b]', 'http://[v1.x]/', 'mailto:a@b',
    "it's", 'http://a@b@c/', 'http://[::1', 'http://a]/', 'x:[', '?[', '#[', '/[', 'a?b?c', 'a#b?c', 'http://%41/', 'http://a%/',
    'file:///C:/x', 'C:\\x', '😀', 'tel:+1-555', 'sip:alice@example.com;transport=tcp',
  ];
  cases.push(builtinCase('anyURI', [...uris, ...mutations(uris.filter((u) => u !== ''), 250, rng)]));

  const booleans = ['true', 'false', '1', '0', 'TRUE', 'True', '01', '', 'yes', ' true ', '\tfalse\n'];
  cases.push(builtinCase('boolean', [...booleans, ...mutations(booleans, 20, rng)]));

  for (const name of ['decimal', 'integer', 'nonPositiveInteger', 'negativeInteger', 'nonNegativeInteger', 'positiveInteger',
    'long', 'unsignedLong', 'int', 'short', 'byte', 'unsignedInt', 'unsignedShort', 'unsignedByte', 'float', 'double']) {
    cases.push(numericCase(name, rng));
  }

  const calendar = calendarDates(rng);
  const times = ['00:00:00', '23:59:59', '24:00:00', '24:00:00.000', '24:00:00.0001', '23:59:60', '12:60:00', '1:00:00',
    '12:00:00.', '12:00:00.5Z', '23:59:59.999999999999999', '23:59:59.99999999999999', '23:59:59.9999999999999',
    '12:00:00+14:00', '12:00:00+14:01', '12:00:00+00:60', '12:00:00-00:00', '12:00:00+1:00', ' 12:00:00', '12:00:00 '];
  const dateTimes = [...calendar.map((d) => d.replace(/(Z|[+-]\d\d:\d\d)?$/, (tz) => `T${rng.pick(times.slice(0, 12))}${tz}`)),
    '2000-01-01T24:00:00', '2000-12-31T24:00:00Z', '0000-01-01T00:00:00', '-0001-01-01T00:00:00', '01000-01-01T00:00:00',
    '2147483647-12-31T00:00:00', '2147483648-01-01T00:00:00', '-2147483647-01-01T00:00:00', '2000-01-01t00:00:00',
    '2000-01-01T00:00:00z', '+2000-01-01T00:00:00', '2000-01-01T00:00', '2000-01-01 00:00:00'];
  cases.push(builtinCase('dateTime', [...dateTimes, ...mutations(dateTimes, 200, rng)]));
  cases.push(builtinCase('date', [...calendar, '2000-1-01', '2000-01-01T', ...mutations(calendar, 150, rng)]));
  cases.push(builtinCase('time', [...times, ...mutations(times, 150, rng)]));
  const gYears = ['2000', '0001', '0000', '-0000', '200', '12345', '012345', '2147483647', '2147483648', '-2147483647',
    '-2147483648', '2000Z', '2000+14:00', '2000-14:00', '2000-14:30', '99999999999'];
  cases.push(builtinCase('gYear', [...gYears, ...mutations(gYears, 40, rng)]));
  const gYearMonths = ['2000-02', '2000-13', '2000-00', '2000-2', '-0001-12Z', '2000-12+01:00'];
  cases.push(builtinCase('gYearMonth', [...gYearMonths, ...mutations(gYearMonths, 30, rng)]));
  const gMonths = ['--02', '--13', '--00', '--02--', '--02Z', '--2', '-02', '--12-05:00'];
  cases.push(builtinCase('gMonth', [...gMonths, ...mutations(gMonths, 30, rng)]));
  const gMonthDays = ['--02-29', '--02-30', '--04-31', '--04-30', '--12-31Z', '--1-01', '--01-32', '--06-15+14:00'];
  cases.push(builtinCase('gMonthDay', [...gMonthDays, ...mutations(gMonthDays, 30, rng)]));
  const gDays = ['---01', '---31', '---32', '---00', '---1', '---01Z', '---15-13:59'];
  cases.push(builtinCase('gDay', [...gDays, ...mutations(gDays, 30, rng)]));
  const durations = ['P', 'PT', 'P1Y2M3DT4H5M6.7S', '-P1D', '+P1D', 'P1DT', 'PT1.S', 'PT.5S', 'PT.S', 'P1.5D', 'P-1D', 'P1S', 'PT1D',
    'P1M1Y', 'P0D', 'PT0S', 'P178956970Y', 'P178956971Y', 'P178956970Y7M', 'P178956970Y8M', 'P2147483647D', 'P2147483648D',
    'P2147483647DT24H', 'P2147483647DT23H59M59S', 'PT2147483647S', 'PT2147483647H', 'PT1H1H', 'P1YT', 'P1Y1M1DT1H1M1.1S'];
  cases.push(builtinCase('duration', [...durations, ...mutations(durations, 200, rng)]));

  const hex = ['', '0', '0F', 'aB', 'abc', '0g', 'AB CD', ' ', '00ff00FF', '\n0A\n'];
  cases.push(builtinCase('hexBinary', [...hex, ...mutations(hex, 30, rng)]));
  const base64 = ['', 'AAAA', 'AA==', 'AAA=', 'A===', 'AB==', 'AQ==', 'AAB=', 'AAE=', 'AA AA', 'A A A A', 'AA= =', 'AA=', 'AAAAA',
    '====', 'AA==AAAA', 'AAAA\nAAAA', 'AA-_', 'A', 'AAAAAA==', 'aGVsbG8=', 'aGVsbG8gd29ybGQ='];
  cases.push(builtinCase('base64Binary', [...base64, ...mutations(base64, 120, rng)]));

  cases.push({
    label: 'NOTATION (enumeration)',
    extra: '<xs:notation name="png" public="image/png"/><xs:notation name="gif" public="image/gif"/>',
    xsd: '<xs:restriction base="xs:NOTATION"><xs:enumeration value="t:png"/><xs:enumeration value="t:gif"/></xs:restriction>',
    descriptor: { kind: 'atomic', base: { kind: 'builtin', name: 'NOTATION' }, facets: { enumeration: ['t:png', 't:gif'] } },
    values: ['t:png', 't:gif', ' t:png ', 'png', 't:jpg', 'x:png', ''],
  });
  cases.push(...derivedCases(rng));
  return cases;
}

function derivedCases(rng: Prng): TypeCase[] {
  const b = (name: string): SimpleTypeDescriptor => ({ kind: 'builtin', name });
  const atomic = (base: string, facets: object): SimpleTypeDescriptor => ({ kind: 'atomic', base: b(base), facets });
  const decimals = ['0', '1', '1.0', '1.00', '01', '-0', '-0.0', '+0', '2', '123', '1234', '12.3', '1.23', '0.1', '0.01', '00123',
    '123.0', '12.30', '0.00', '-999', '.5', '1.20', '-100.5', '-100.51', '999.99', '1000', '999.995', '99.999'];
  const pattern = (label: string, p: string, values: readonly string[]): TypeCase =>
    derived(`string (pattern ${p})`, 'string', `<xs:pattern value="${escapeXml(p)}"/>`, atomic('string', { patterns: [[p]] }), values);
  const text = ['', 'a', 'b', 'abc', 'bcd', 'aeiou', 'xyz', 'ABC', '^a$', 'a$', '^', '1', '12', 'a1', '_x', ':x', '-x', 'a b',
    'é', 'ß', 'Ω', 'ж', '一', '丁', '中', '\u3400', 'Ａ', '٣', '😀', '\u0300', '\u00B7', '.', ',', '\t', '\u00A0', '\u2028', 'x'.repeat(5)];
  return [
    derived('decimal (totalDigits 3, fractionDigits 1)', 'decimal', '<xs:totalDigits value="3"/><xs:fractionDigits value="1"/>',
      atomic('decimal', { totalDigits: 3, fractionDigits: 1 }), [...decimals, ...mutations(decimals, 80, rng)]),
    derived('integer (totalDigits 2)', 'integer', '<xs:totalDigits value="2"/>', atomic('integer', { totalDigits: 2 }),
      ['99', '100', '-99', '007', '0', '-0', '10']),
    derived('decimal (totalDigits 1)', 'decimal', '<xs:totalDigits value="1"/>', atomic('decimal', { totalDigits: 1 }),
      ['0', '0.1', '0.01', '1', '10', '1.5', '0.0', '-0.5']),
    derived('decimal (-100.5 <= v < 1000)', 'decimal', '<xs:minInclusive value="-100.5"/><xs:maxExclusive value="1000"/>',
      atomic('decimal', { minInclusive: '-100.5', maxExclusive: '1000' }), [...decimals, ...mutations(decimals, 80, rng)]),
    derived('decimal (enumeration 1.0, -0)', 'decimal', '<xs:enumeration value="1.0"/><xs:enumeration value="-0"/>',
      atomic('decimal', { enumeration: ['1.0', '-0'] }), decimals),
    derived('unsignedByte (enumeration 1, 10)', 'unsignedByte', '<xs:enumeration value="1"/><xs:enumeration value="10"/>',
      atomic('unsignedByte', { enumeration: ['1', '10'] }), ['1', '01', '+1', '10', '010', '2', '256', '-1']),
    derived('float (enumeration 1.5, NaN, INF)', 'float', '<xs:enumeration value="1.5"/><xs:enumeration value="NaN"/><xs:enumeration value="INF"/>',
      atomic('float', { enumeration: ['1.5', 'NaN', 'INF'] }), ['1.5', '1.50', '15e-1', 'NaN', 'INF', '1e39', '-INF', '2', '1.5000001', '0']),
    derived('double (0 < v <= 1)', 'double', '<xs:minExclusive value="0"/><xs:maxInclusive value="1"/>',
      atomic('double', { minExclusive: '0', maxInclusive: '1' }), ['0', '-0', '1e-300', '1', '1.0000000000000002', 'NaN', 'INF', '0.5']),
    derived('token (enumeration add, remove)', 'token', '<xs:enumeration value="add"/><xs:enumeration value="remove"/>',
      atomic('token', { enumeration: ['add', 'remove'] }), ['add', ' add ', 'remove', 'Add', 'delete', '', 'add remove']),
    derived('string (length 3)', 'string', '<xs:length value="3"/>', atomic('string', { length: 3 }),
      ['abc', 'ab', 'abcd', '😀ab', '😀😀😀', ' a ', 'é\u0301a']),
    derived('token (2 to 4 chars)', 'token', '<xs:minLength value="2"/><xs:maxLength value="4"/>', atomic('token', { minLength: 2, maxLength: 4 }),
      ['a', 'ab', ' ab ', 'abcd', 'abcde', '  a  ', 'a  b']),
    derived('hexBinary (length 2)', 'hexBinary', '<xs:length value="2"/>', atomic('hexBinary', { length: 2 }), ['ABCD', 'AB', 'ABCDEF', 'abcd']),
    derived('base64Binary (maxLength 2)', 'base64Binary', '<xs:maxLength value="2"/>', atomic('base64Binary', { maxLength: 2 }),
      ['AAA=', 'AA==', 'AAAA', '', 'AA AA']),
    derived('anyURI (maxLength 5)', 'anyURI', '<xs:maxLength value="5"/>', atomic('anyURI', { maxLength: 5 }), ['a', 'abcde', 'abcdef', 'a b c', '😀😀']),
    derived('QName (length 3)', 'QName', '<xs:length value="3"/>', atomic('QName', { length: 3 }), ['t:a', 'abc', 'ab', 't:abcdef']),
    derived('dateTime (>= 2000-01-01T00:00:00Z)', 'dateTime', '<xs:minInclusive value="2000-01-01T00:00:00Z"/>',
      atomic('dateTime', { minInclusive: '2000-01-01T00:00:00Z' }),
      ['2000-01-01T00:00:00Z', '1999-12-31T23:59:59Z', '2000-01-01T00:00:00', '2000-01-01T14:00:00', '2000-01-01T13:59:59',
        '1999-12-31T10:00:00', '1999-12-31T23:59:59.9', '2000-01-01T01:00:00+01:00', '2000-01-01T00:59:59+01:00',
        '1999-12-31T24:00:00Z', '1999-12-31T19:00:00-05:00', '1999-12-31T18:59:59-05:00']),
    derived('dateTime (< 2000-01-01T00:00:00)', 'dateTime', '<xs:maxExclusive value="2000-01-01T00:00:00"/>',
      atomic('dateTime', { maxExclusive: '2000-01-01T00:00:00' }),
      ['1999-12-31T23:59:59', '2000-01-01T00:00:00', '1999-12-31T23:59:59Z', '2000-01-01T00:00:00Z', '2000-01-01T00:00:00+01:00',
        '1999-12-31T23:00:00-01:00', '1999-12-31T10:00:01Z', '2000-01-01T13:59:59Z']),
    derived('date (<= 2000-01-01Z)', 'date', '<xs:maxInclusive value="2000-01-01Z"/>', atomic('date', { maxInclusive: '2000-01-01Z' }),
      ['2000-01-01', '2000-01-02', '1999-12-31', '2000-01-01Z', '2000-01-01+01:00', '2000-01-01-01:00', '1999-12-31-14:00']),
    derived('time (>= 10:00:00Z)', 'time', '<xs:minInclusive value="10:00:00Z"/>', atomic('time', { minInclusive: '10:00:00Z' }),
      ['10:00:00Z', '09:59:59Z', '11:00:00+01:00', '10:00:00+01:00', '09:00:00-01:00', '10:00:01', '09:59:59', '23:00:00Z']),
    derived('gYear (>= 2000)', 'gYear', '<xs:minInclusive value="2000"/>', atomic('gYear', { minInclusive: '2000' }),
      ['2000', '1999', '2001', '2000Z', '2001Z', '1999Z', '2000+01:00', '2000-01:00']),
    derived('duration (<= P1M)', 'duration', '<xs:maxInclusive value="P1M"/>', atomic('duration', { maxInclusive: 'P1M' }),
      ['P1M', 'P27D', 'P28D', 'P29D', 'P30D', 'P31D', 'P32D', 'PT1H', 'P2M', '-P1Y', 'PT671H', 'PT672H', 'P0Y1M', 'P1MT0S']),
    pattern('subtraction', '[a-z-[aeiou]]+', text),
    pattern('negated subtraction', '[^a-z-[aeiou]]', text),
    pattern('caret', '^a$', text),
    pattern('dollar', 'a$', text),
    pattern('name chars', '\\i\\c*', text),
    pattern('not name', '\\I\\C?', text),
    pattern('word', '\\w+', text),
    pattern('not word', '[\\W\\d]+', text),
    pattern('repeated negated word', '[^c\\w]{2,}', [...text, '-!', '-a', '--a', '  ', 'c-']),
    pattern('spaces', '\\S\\s\\S', text),
    pattern('dot', '.{1,3}', text),
    pattern('letter', '\\p{L}+', text),
    pattern('upper or digit', '[\\p{Lu}\\p{Nd}]+', text),
    pattern('not letter', '\\P{L}', text),
    pattern('block', '\\p{IsBasicLatin}+', text),
    pattern('not block', '\\P{IsBasicLatin}', text),
    pattern('cyrillic block', '[\\p{IsCyrillic}\\p{IsGreek}]+', text),
    pattern('cjk block', '\\p{IsCJKUnifiedIdeographs}', text),
    pattern('escapes', '[\\-\\^\\[\\]]|\\.|\\\\', [...text, '-', '^', '[', ']', '\\']),
    pattern('quantities', '(ab){2}|a{2,}|b{0,1}c', ['abab', 'ab', 'aa', 'aaa', 'c', 'bc', 'bbc', '']),
    pattern('alternation', 'a|bc|', ['', 'a', 'bc', 'b', 'abc']),
    pattern('digits', '\\d{3}-\\d{4}', ['555-1234', '555-123', '٣٣٣-٣٣٣٣', '５５５-１２３４', '5551234']),
    {
      label: 'string (two pattern steps)',
      xsd: '<xs:restriction base="t:P"><xs:pattern value="[a-z]+"/></xs:restriction>',
      extra: '<xs:simpleType name="P"><xs:restriction base="xs:string"><xs:pattern value=".{2,3}"/><xs:pattern value="x+"/></xs:restriction></xs:simpleType>',
      descriptor: { kind: 'atomic', base: atomic('string', { patterns: [['.{2,3}', 'x+']] }), facets: { patterns: [['[a-z]+']] } },
      values: ['ab', 'abc', 'abcd', 'x', 'xxxxx', 'X', 'AB', 'a'],
    },
    {
      label: 'list of int (length 3)',
      xsd: '<xs:restriction><xs:simpleType><xs:list itemType="xs:int"/></xs:simpleType><xs:length value="3"/></xs:restriction>',
      descriptor: { kind: 'atomic', base: { kind: 'list', item: b('int'), facets: {} }, facets: { length: 3 } },
      values: ['1 2 3', '1 2', '1  2\n3', '1 2 3 4', '1 x 3', '', '+1 -0 2147483647', '1 2 2147483648'],
    },
    {
      label: 'list of token (enumeration "a b")',
      xsd: '<xs:restriction><xs:simpleType><xs:list itemType="xs:token"/></xs:simpleType><xs:enumeration value="a b"/></xs:restriction>',
      descriptor: { kind: 'atomic', base: { kind: 'list', item: b('token'), facets: {} }, facets: { enumeration: ['a b'] } },
      values: ['a b', ' a  b ', 'a', 'b a', 'a b c'],
    },
    {
      label: 'list of decimal (pattern)',
      xsd: '<xs:restriction><xs:simpleType><xs:list itemType="xs:decimal"/></xs:simpleType><xs:pattern value="\\d+( \\d+)*"/></xs:restriction>',
      descriptor: { kind: 'atomic', base: { kind: 'list', item: b('decimal'), facets: {} }, facets: { patterns: [['\\d+( \\d+)*']] } },
      values: ['1 2', '1.5 2', ' 1  2 ', '1', '-1'],
    },
    {
      label: 'union of int, date',
      xsd: '<xs:union memberTypes="xs:int xs:date"/>',
      descriptor: { kind: 'union', members: [b('int'), b('date')], facets: {} },
      values: ['1', ' 2 ', '2000-02-29', '2001-02-29', 'x', '2147483648', ''],
    },
    {
      label: 'union of (token enumeration), boolean, with enumeration',
      xsd: '<xs:restriction><xs:simpleType><xs:union memberTypes="xs:boolean"><xs:simpleType><xs:restriction base="xs:token"><xs:enumeration value="maybe"/></xs:restriction></xs:simpleType></xs:union></xs:simpleType><xs:enumeration value="1"/><xs:enumeration value="maybe"/></xs:restriction>',
      descriptor: {
        kind: 'atomic',
        base: { kind: 'union', members: [b('boolean'), atomic('token', { enumeration: ['maybe'] })], facets: {} },
        facets: { enumeration: ['1', 'maybe'] },
      },
      values: ['1', 'true', 'maybe', ' maybe ', 'false', '0', 'no'],
    },
  ];
}

/** A value as attribute value or text of a document: markup and line-break characters as references. */
export function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}
