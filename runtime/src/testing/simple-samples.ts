/**
 * Deterministic values of simple types: the default a builder writes, the fallback an
 * arbitrary uses when a value must be unique, and the raw material of value mutations.
 *
 * Candidates come in order of preference (the enumeration's first value, the field's own name
 * for string-like types, a plain sample of the built-in, the bounds of a range), and each one is
 * kept only if checkSimpleValue accepts it, so a sample is valid whatever the facets say.
 */
import fc from 'fast-check';
import type { SimpleTypeDescriptor } from '../datatypes/index.js';
import { generationRegExp } from './pattern-generation.js';
import { INTEGER_RANGES, UNWRITABLE_BUILTINS, typeFacts, validLexical, type TypeFacts } from './type-facts.js';

/** Plain, valid-looking values of each built-in, most readable first. */
const BUILTIN_SAMPLES: Readonly<Record<string, readonly string[]>> = {
  boolean: ['false', 'true'],
  decimal: ['0', '1', '-1', '0.5', '12.25'],
  float: ['0', '1.5', '-1', 'INF', '-INF', 'NaN'],
  double: ['0', '1.5', '-1', 'INF', '-INF', 'NaN'],
  dateTime: ['2000-01-01T00:00:00Z', '2024-05-02T10:15:00+02:00', '1999-12-31T23:59:59'],
  date: ['2000-01-01', '2024-05-02Z'],
  time: ['00:00:00', '12:30:00Z'],
  gYearMonth: ['2000-01'],
  gYear: ['2000'],
  gMonthDay: ['--01-01'],
  gDay: ['---01'],
  gMonth: ['--01'],
  duration: ['PT0S', 'P1D', 'PT1.5S'],
  hexBinary: ['00', 'CAFE', ''],
  base64Binary: ['AA==', 'ZXZmdw==', ''],
  anyURI: ['sip:user@example.com', 'urn:example:fixture', 'tel:+15145550100', ''],
  language: ['en', 'en-GB'],
  QName: ['name'],
  Name: ['name'],
  NCName: ['name'],
  ID: ['id'],
  NMTOKEN: ['token'],
  NMTOKENS: ['token'],
  string: ['', 'x'],
  normalizedString: ['', 'x'],
  token: ['', 'x'],
  anySimpleType: ['', 'x'],
  anyType: ['', 'x'],
};

const INTEGER_SAMPLES = ['0', '1', '-1', '100'];

/** Valid lexical forms of `type`, normalized, most preferred first; empty when there are none. */
export function sampleLexicals(type: SimpleTypeDescriptor, name = ''): string[] {
  const out: string[] = [];
  for (const candidate of [...namedCandidates(type, name), ...typeSamples(type)]) {
    const valid = validLexical(type, candidate);
    if (valid !== undefined && !out.includes(valid)) out.push(valid);
  }
  return out;
}

/** The value a builder writes when nothing else is asked for. */
export function defaultLexical(type: SimpleTypeDescriptor, name = ''): string | undefined {
  return sampleLexicals(type, name)[0];
}

/**
 * A valid value `fresh` accepts (one not used yet), for xs:ID values and the fields of xs:unique
 * and xs:key: `index-1`, `index-2`, ... where the type allows it, else numbers, else samples.
 */
export function uniqueLexical(type: SimpleTypeDescriptor, name: string, fresh: (lexical: string) => boolean): string | undefined {
  const stem = /^[A-Za-z_][\w.-]*$/.test(name) ? name : 'value';
  for (let n = 1; n <= 1000; n++) {
    for (const candidate of [`${stem}-${n}`, `${n}`, `x${n}`, `${stem}${n}`]) {
      const valid = validLexical(type, candidate);
      if (valid !== undefined && fresh(valid)) return valid;
    }
  }
  return sampleLexicals(type, name).find(fresh);
}

function namedCandidates(type: SimpleTypeDescriptor, name: string): string[] {
  const facts = typeFacts(type);
  if (facts.enumeration) return [...facts.enumeration];
  if (facts.builtin === undefined || !STRING_LIKE.has(facts.builtin) || name === '') return [];
  const padded = facts.minLength !== undefined && name.length < facts.minLength ? name.padEnd(facts.minLength, 'x') : name;
  return [name, padded];
}

const STRING_LIKE = new Set(['string', 'normalizedString', 'token', 'anySimpleType', 'anyType', 'Name', 'NCName', 'NMTOKEN', 'ID']);

const typeSampleCache = new WeakMap<SimpleTypeDescriptor, readonly string[]>();

function typeSamples(type: SimpleTypeDescriptor): readonly string[] {
  let samples = typeSampleCache.get(type);
  if (!samples) {
    samples = computeTypeSamples(type);
    typeSampleCache.set(type, samples);
  }
  return samples;
}

function computeTypeSamples(type: SimpleTypeDescriptor): string[] {
  const facts = typeFacts(type);
  const root = facts.root;
  let candidates: string[];
  if (root.kind === 'union') {
    candidates = root.members.flatMap((m) => sampleLexicals(m));
  } else if (root.kind === 'list' || (root.kind === 'builtin' && root.builtin.variety === 'list')) {
    const item: SimpleTypeDescriptor = root.kind === 'list' ? root.item : { kind: 'builtin', name: root.builtin.variety === 'list' ? root.builtin.item : 'string' };
    const items = sampleLexicals(item).filter((v) => v !== '' && !/\s/.test(v));
    const count = Math.max(1, facts.minLength ?? 1);
    candidates = items.length > 0 ? [Array(count).fill(items[0]).join(' '), items.slice(0, 2).join(' '), ''] : [''];
  } else {
    const name = facts.builtin ?? 'string';
    if (UNWRITABLE_BUILTINS.has(name)) return [];
    candidates = [...(BUILTIN_SAMPLES[name] ?? []), ...(name in INTEGER_RANGES ? INTEGER_SAMPLES : []), ...boundCandidates(facts), ...lengthCandidates(facts)];
  }
  candidates.push(...patternCandidates(facts));
  const valid = candidates.map((c) => validLexical(type, c)).filter((v): v is string => v !== undefined);
  return [...new Set(valid)];
}

/** Values at and just inside a range's bounds. */
function boundCandidates(facts: TypeFacts): string[] {
  const out: string[] = [];
  for (const [bound, step] of [[facts.lower, 1], [facts.upper, -1]] as const) {
    if (!bound) continue;
    out.push(bound.value);
    const n = Number(bound.value);
    if (Number.isFinite(n)) out.push(String(n + step), String(n + step / 2), String(Math.trunc(n + step)));
  }
  if (facts.lower && facts.upper) {
    const middle = (Number(facts.lower.value) + Number(facts.upper.value)) / 2;
    if (Number.isFinite(middle)) out.push(String(Math.trunc(middle)), String(middle));
  }
  return out;
}

function lengthCandidates(facts: TypeFacts): string[] {
  const n = facts.minLength ?? 0;
  return n > 0 ? ['x'.repeat(n), '0'.repeat(n), 'ab'.repeat(n).slice(0, n), '00'.repeat(n), 'AAAA'.repeat(Math.ceil(n / 3))] : [];
}

/**
 * Strings matching the patterns, drawn with a fixed seed so samples never change between runs;
 * used only when the type has patterns.
 */
function patternCandidates(facts: TypeFacts): string[] {
  const first = facts.patterns[0];
  if (!first) return [];
  const out: string[] = [];
  for (const pattern of first) {
    const regExp = generationRegExp(pattern);
    if (!regExp) continue;
    try {
      out.push(...fc.sample(fc.stringMatching(regExp), { seed: 1, numRuns: 40 }));
    } catch {
      // A pattern fast-check cannot generate from: the other candidates have to do.
    }
  }
  return out.sort((a, b) => a.length - b.length);
}
