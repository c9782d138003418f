/**
 * fast-check arbitraries of lexical forms, one per simple type: enumerations pick among their
 * values, patterns generate from the translated RegExp, ranges stay within their bounds, and
 * each built-in has a generator of its own lexical space (dates with real month lengths, URIs,
 * names, binary, durations). Whatever a generator makes is kept only when checkSimpleValue
 * accepts it, and the type's deterministic samples are always among the sources, so the filter
 * never starves.
 *
 * Values come out normalized (as the model keeps them), so parse(serialize(x)) gives x back.
 */
import fc from 'fast-check';
import { normalizeWhiteSpace, type SimpleTypeDescriptor } from '../datatypes/index.js';
import { generationRegExp } from './pattern-generation.js';
import { sampleLexicals } from './simple-samples.js';
import { DATE_BUILTINS, INTEGER_RANGES, UNWRITABLE_BUILTINS, typeFacts, validLexical, type TypeFacts } from './type-facts.js';

export interface TextOptions {
  /** Longest string to generate where the type sets no maxLength. */
  readonly maxLength: number;
}

const cache = new WeakMap<SimpleTypeDescriptor, fc.Arbitrary<string> | null>();

/** Normalized valid lexical forms of `type`; undefined when the type has no value we can write. */
export function lexicalArbitrary(type: SimpleTypeDescriptor): fc.Arbitrary<string> | undefined {
  let arbitrary = cache.get(type);
  if (arbitrary === undefined) {
    arbitrary = build(type) ?? null;
    cache.set(type, arbitrary);
  }
  return arbitrary ?? undefined;
}

/**
 * Candidates from the type's patterns and from its built-in's generator, checked; a candidate
 * the type refuses becomes one of its samples instead. No filter, so nothing can loop: a type
 * whose generators rarely hit shows mostly its samples.
 */
function build(type: SimpleTypeDescriptor): fc.Arbitrary<string> | undefined {
  const facts = typeFacts(type);
  let samples = sampleLexicals(type);
  if (facts.enumeration) return samples.length > 0 ? fc.constantFrom(...samples) : undefined;
  const sources: fc.Arbitrary<string>[] = [];
  for (const pattern of facts.patterns[0] ?? []) {
    const regExp = generationRegExp(pattern);
    if (!regExp) continue;
    try {
      sources.push(fc.stringMatching(regExp));
    } catch {
      // A construct fast-check cannot generate from: the other sources have to do.
    }
  }
  const own = rootArbitrary(facts);
  if (own) sources.push(own);
  if (sources.length === 0) return samples.length > 0 ? fc.constantFrom(...samples) : undefined;
  const candidates = fc.oneof(...sources).map((lexical) => validLexical(type, lexical));
  if (samples.length === 0) samples = [...new Set(fc.sample(candidates, { seed: 1, numRuns: 200 }).filter((v): v is string => v !== undefined))];
  if (samples.length === 0) return undefined;
  const found = samples;
  const checked = fc.tuple(candidates, fc.nat({ max: found.length - 1 })).map(([v, i]) => v ?? found[i]!);
  return fc.oneof({ arbitrary: checked, weight: 4 }, { arbitrary: fc.constantFrom(...found), weight: 1 });
}

function rootArbitrary(facts: TypeFacts): fc.Arbitrary<string> | undefined {
  const root = facts.root;
  if (root.kind === 'union') {
    const members = root.members.map(lexicalArbitrary).filter((a): a is fc.Arbitrary<string> => a !== undefined);
    return members.length > 0 ? fc.oneof(...members) : undefined;
  }
  if (root.kind === 'list') return listArbitrary(root.item, facts);
  if (root.builtin.variety === 'list') return listArbitrary({ kind: 'builtin', name: root.builtin.item }, facts);
  const name = root.builtin.name;
  if (UNWRITABLE_BUILTINS.has(name)) return undefined;
  if (name in INTEGER_RANGES) return integerArbitrary(name, facts);
  if (DATE_BUILTINS.has(name)) return dateArbitrary(name);
  switch (name) {
    case 'boolean':
      return fc.constantFrom('true', 'false', '1', '0');
    case 'decimal':
      return decimalArbitrary(facts);
    case 'float':
    case 'double':
      return fc.oneof(
        fc.constantFrom('INF', '-INF', 'NaN', '0', '-0', '1E3', '1.5e-2'),
        fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
        fc.integer({ min: -1000, max: 1000 }).map(String),
      );
    case 'duration':
      return durationArbitrary();
    case 'hexBinary':
      return bytes(facts).map((b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')).chain((h) => fc.constantFrom(h, h.toUpperCase()));
    case 'base64Binary':
      return bytes(facts).map(base64);
    case 'anyURI':
      return uriArbitrary();
    case 'language':
      return fc.stringMatching(/^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8}){0,2}$/);
    case 'Name':
    case 'NCName':
    case 'ID':
    case 'QName':
      return ncNameArbitrary();
    case 'NMTOKEN':
      return fc.array(nameChar, { minLength: 1, maxLength: 10 }).map((c) => c.join(''));
    default:
      return stringArbitrary(facts);
  }
}

// ---- Text and names -------------------------------------------------------------------------

/** Characters for string content: mostly plain, with markup, whitespace, non-ASCII and astral ones mixed in. */
export const xmlChar: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:/@') },
  { weight: 3, arbitrary: fc.constant(' ') },
  { weight: 2, arbitrary: fc.constantFrom('&', '<', '>', '"', "'", '\\', '{', '}', '%', '#', ']') },
  { weight: 1, arbitrary: fc.constantFrom('\t', '\n', '\r') },
  { weight: 2, arbitrary: fc.constantFrom('é', 'ß', 'Ω', 'ж', '中', '文', '\u00A0', '\u2028', '\u200B') },
  { weight: 1, arbitrary: fc.constantFrom('😀', '𝄞', '\u{10000}') },
);

const nameStart = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_', 'é', 'ß', 'Ω', 'ж', '中');
const nameChar = fc.oneof({ weight: 6, arbitrary: nameStart }, { weight: 2, arbitrary: fc.constantFrom(...'0123456789-.') }, { weight: 1, arbitrary: fc.constant('·') });

/** An NCName that does not start with "xml" (those names are reserved). */
export const ncNameArbitrary = (): fc.Arbitrary<string> =>
  fc.tuple(nameStart, fc.array(nameChar, { maxLength: 10 })).map(([first, rest]) => {
    const name = first + rest.join('');
    return /^xml/i.test(name) ? `x_${name}` : name;
  });

function stringArbitrary(facts: TypeFacts): fc.Arbitrary<string> {
  const minLength = facts.minLength ?? 0;
  const maxLength = Math.max(minLength, facts.maxLength ?? Math.max(minLength, 12));
  return fc.array(xmlChar, { minLength, maxLength }).map((chars) => normalizeWhiteSpace(chars.join(''), facts.whiteSpace));
}

function listArbitrary(item: SimpleTypeDescriptor, facts: TypeFacts): fc.Arbitrary<string> | undefined {
  const items = lexicalArbitrary(item);
  if (!items) return undefined;
  const minLength = facts.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(facts.maxLength ?? minLength + 3, minLength + 3));
  // An item with whitespace in it would read back as several: take its parts as they are.
  return fc.array(items, { minLength, maxLength }).map((words) => words.join(' ').replace(/[ \t\n\r]+/g, ' ').trim());
}

// ---- Numbers ------------------------------------------------------------------------------------

function bigBound(bound: TypeFacts['lower'], direction: 1 | -1): bigint | undefined {
  if (!bound || !/^[+-]?\d+(\.\d*)?$/.test(bound.value)) return undefined;
  const [whole = '0', fraction = ''] = bound.value.split('.');
  let n = BigInt(whole);
  const exact = /^0*$/.test(fraction);
  // Move inside the bound: up from a lower one, down from an upper one.
  if (!exact && direction === 1 && !whole.startsWith('-')) n += 1n;
  if (!exact && direction === -1 && whole.startsWith('-')) n -= 1n;
  if (exact && !bound.inclusive) n += BigInt(direction);
  return n;
}

function integerArbitrary(name: string, facts: TypeFacts): fc.Arbitrary<string> {
  const [typeMin, typeMax] = INTEGER_RANGES[name]!;
  const facetMin = bigBound(facts.lower, 1);
  const facetMax = bigBound(facts.upper, -1);
  const min = [typeMin, facetMin].reduce<bigint | undefined>((a, b) => (a === undefined ? b : b === undefined ? a : a > b ? a : b), undefined);
  const max = [typeMax, facetMax].reduce<bigint | undefined>((a, b) => (a === undefined ? b : b === undefined ? a : a < b ? a : b), undefined);
  const lo = min ?? (max !== undefined ? max - 10n ** 20n : -(10n ** 20n));
  const hi = max ?? lo + 10n ** 20n;
  if (lo > hi) return fc.constant('0'); // contradictory facets: the samples decide
  const smallLo = lo > -100n ? lo : -100n;
  const smallHi = hi < 100n ? hi : 100n;
  const small = smallLo <= smallHi ? [fc.bigInt({ min: smallLo, max: smallHi })] : [];
  const value = fc.oneof(...small, fc.bigInt({ min: lo, max: hi }));
  // String-valued integer types keep their lexical form, so "+7" and "007" are worth writing.
  return fc.tuple(value, fc.constantFrom('', '', '', '+', '0')).map(([n, prefix]) => (prefix && n >= 0n ? `${prefix}${n}` : String(n)));
}

function decimalArbitrary(facts: TypeFacts): fc.Arbitrary<string> {
  const lo = facts.lower && Number.isFinite(Number(facts.lower.value)) ? Number(facts.lower.value) : -1e6;
  const hi = facts.upper && Number.isFinite(Number(facts.upper.value)) ? Number(facts.upper.value) : Math.max(lo, 0) + 1e6;
  if (lo > hi) return fc.constant('0'); // contradictory facets: the samples decide
  const fractionDigits = Math.min(facts.fractionDigits ?? 4, 6);
  return fc
    .tuple(fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: fractionDigits }))
    .map(([n, digits]) => n.toFixed(digits))
    .chain((text) => fc.constantFrom(text, text.replace(/^(-?)0\./, '$1.'), `${text}${text.includes('.') ? '0' : ''}`));
}

// ---- Dates, durations, binary, URIs --------------------------------------------------------------

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const timeZone = fc.oneof(
  fc.constant(''),
  fc.constant('Z'),
  fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 13 }), fc.constantFrom(0, 15, 30, 45)).map(([s, h, m]) => `${s}${pad(h)}:${pad(m)}`),
  fc.constantFrom('+14:00', '-14:00'),
);

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const ymd = fc
  .tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([y, m, d]) => ({ y, m, d: Math.min(d, daysIn(y, m)) }));

const clock = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), fc.option(fc.integer({ min: 0, max: 999 }), { nil: undefined }))
  .map(([h, m, s, f]) => `${pad(h)}:${pad(m)}:${pad(s)}${f === undefined ? '' : `.${pad(f, 3).replace(/0+$/, '') || '0'}`}`);

function dateArbitrary(name: string): fc.Arbitrary<string> {
  const date = ymd.map(({ y, m, d }) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`);
  const withZone = (a: fc.Arbitrary<string>) => fc.tuple(a, timeZone).map(([v, z]) => v + z);
  switch (name) {
    case 'dateTime':
      return withZone(fc.tuple(date, clock).map(([d, t]) => `${d}T${t}`));
    case 'date':
      return withZone(date);
    case 'time':
      return withZone(clock);
    case 'gYearMonth':
      return withZone(ymd.map(({ y, m }) => `${pad(y, 4)}-${pad(m)}`));
    case 'gYear':
      return withZone(ymd.map(({ y }) => pad(y, 4)));
    case 'gMonthDay':
      return withZone(ymd.map(({ m, d }) => `--${pad(m)}-${pad(d)}`));
    case 'gDay':
      return withZone(ymd.map(({ d }) => `---${pad(d)}`));
    default:
      return withZone(ymd.map(({ m }) => `--${pad(m)}`));
  }
}

function durationArbitrary(): fc.Arbitrary<string> {
  const part = (max: number) => fc.option(fc.integer({ min: 0, max }), { nil: undefined });
  return fc
    .tuple(fc.boolean(), part(99), part(11), part(30), part(23), part(59), part(59), fc.boolean())
    .map(([negative, y, mo, d, h, mi, s, fraction]) => {
      const date = `${y === undefined ? '' : `${y}Y`}${mo === undefined ? '' : `${mo}M`}${d === undefined ? '' : `${d}D`}`;
      const seconds = s === undefined ? '' : `${s}${fraction ? '.5' : ''}S`;
      const time = `${h === undefined ? '' : `${h}H`}${mi === undefined ? '' : `${mi}M`}${seconds}`;
      const body = date + (time ? `T${time}` : '');
      return `${negative ? '-' : ''}P${body || 'T0S'}`;
    });
}

function bytes(facts: TypeFacts): fc.Arbitrary<Uint8Array> {
  const minLength = facts.minLength ?? 0;
  return fc.uint8Array({ minLength, maxLength: Math.max(minLength, facts.maxLength ?? minLength + 8) });
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64(octets: Uint8Array): string {
  let out = '';
  for (let i = 0; i < octets.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [octets[i], octets[i + 1], octets[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += BASE64[n >> 18]! + BASE64[(n >> 12) & 63]!;
    out += i + 1 < octets.length ? BASE64[(n >> 6) & 63]! : '=';
    out += i + 2 < octets.length ? BASE64[n & 63]! : '=';
  }
  return out;
}

const uriText = (chars: string, max = 8) => fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: max }).map((c) => c.join(''));
const host = fc.tuple(uriText('abcdefghijklmnopqrstuvwxyz0123456789-'), fc.constantFrom('.example.com', '.example.org', '.test')).map(([a, b]) => a + b);

function uriArbitrary(): fc.Arbitrary<string> {
  const segment = fc.oneof(uriText("abcdefghijklmnopqrstuvwxyzABC0123456789-._~!$&'()*+,;=@"), fc.constantFrom('%41', '%e2%82%ac', 'caf%C3%A9'));
  const path = fc.array(segment, { maxLength: 3 }).map((s) => s.join('/'));
  return fc.oneof(
    fc.tuple(uriText('abcdefghijklmnopqrstuvwxyz0123456789._-'), host).map(([user, h]) => `sip:${user}@${h}`),
    fc.integer({ min: 1000000, max: 999999999 }).map((n) => `tel:+1${n}`),
    fc.tuple(fc.constantFrom('http', 'https'), host, path, fc.option(segment, { nil: undefined })).map(([s, h, p, q]) => `${s}://${h}/${p}${q ? `?q=${q}` : ''}`),
    fc.tuple(uriText('abcdefghijklmnopqrstuvwxyz'), uriText('abcdefghijklmnopqrstuvwxyz0123456789:-')).map(([a, b]) => `urn:${a}:${b}`),
    path,
    segment.map((s) => `#${s}`),
    fc.constantFrom('', 'mailto:bob@example.org', 'http://[::1]:8080/', 'a b', 'ü'),
  );
}
