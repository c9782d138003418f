/**
 * A simple type seen as what a generator of its values needs: the built-in at the bottom of the
 * restriction chain and the facets of every step, merged to their tightest. Generators only use
 * these facts to aim; every value is still checked with checkSimpleValue before it is used.
 */
import { checkSimpleValue, type SimpleTypeDescriptor, type WhiteSpace } from '../datatypes/index.js';
import { INT_RANGES } from '../datatypes/builtins.js';
import { resolveType, type Root } from '../datatypes/resolve.js';
import { hasPatterns, isPortable } from './pattern-generation.js';

export interface TypeFacts {
  readonly root: Root;
  /** The atomic built-in at the root, or undefined for a list or union. */
  readonly builtin: string | undefined;
  readonly whiteSpace: WhiteSpace;
  /** The allowed values of the outermost step that enumerates them (inner steps still apply). */
  readonly enumeration: readonly string[] | undefined;
  /** One entry per step with patterns; a value must match one pattern of each. */
  readonly patterns: readonly (readonly string[])[];
  readonly minLength: number | undefined;
  readonly maxLength: number | undefined;
  readonly lower: Bound | undefined;
  readonly upper: Bound | undefined;
  readonly totalDigits: number | undefined;
  readonly fractionDigits: number | undefined;
}

export interface Bound {
  readonly value: string;
  readonly inclusive: boolean;
}

const cache = new WeakMap<SimpleTypeDescriptor, TypeFacts>();

export function typeFacts(type: SimpleTypeDescriptor): TypeFacts {
  let facts = cache.get(type);
  if (!facts) {
    facts = computeFacts(type);
    cache.set(type, facts);
  }
  return facts;
}

function computeFacts(type: SimpleTypeDescriptor): TypeFacts {
  const { root, steps, whiteSpace } = resolveType(type);
  let enumeration: readonly string[] | undefined;
  const patterns: (readonly string[])[] = [];
  let minLength: number | undefined;
  let maxLength: number | undefined;
  let lower: Bound | undefined;
  let upper: Bound | undefined;
  let totalDigits: number | undefined;
  let fractionDigits: number | undefined;
  const tighter = (a: number | undefined, b: number | undefined, pick: (x: number, y: number) => number) =>
    a === undefined ? b : b === undefined ? a : pick(a, b);
  // Steps run from the inside out, so a later bound is an outer step's: it may only narrow.
  for (const f of steps) {
    if (f.enumeration) enumeration = f.enumeration;
    if (f.patterns) patterns.push(...f.patterns);
    minLength = tighter(minLength, f.length ?? f.minLength, Math.max);
    maxLength = tighter(maxLength, f.length ?? f.maxLength, Math.min);
    if (f.minInclusive !== undefined) lower = { value: f.minInclusive, inclusive: true };
    if (f.minExclusive !== undefined) lower = { value: f.minExclusive, inclusive: false };
    if (f.maxInclusive !== undefined) upper = { value: f.maxInclusive, inclusive: true };
    if (f.maxExclusive !== undefined) upper = { value: f.maxExclusive, inclusive: false };
    totalDigits = tighter(totalDigits, f.totalDigits, Math.min);
    fractionDigits = tighter(fractionDigits, f.fractionDigits, Math.min);
  }
  const builtin = root.kind === 'builtin' && root.builtin.variety === 'atomic' ? root.builtin.name : undefined;
  return { root, builtin, whiteSpace, enumeration, patterns, minLength, maxLength, lower, upper, totalDigits, fractionDigits };
}

/**
 * The normalized form of `lexical` when it is valid for `type` and writable in XML; else
 * undefined. Values of patterned types must also be portable (see pattern-generation.ts).
 */
export function validLexical(type: SimpleTypeDescriptor, lexical: string): string | undefined {
  if (!isXmlText(lexical) || (hasPatterns(type) && !isPortable(lexical))) return undefined;
  const result = checkSimpleValue(type, lexical);
  return result.ok ? result.normalized : undefined;
}

// XML 1.0 Char: what a document can hold at all.
const NOT_A_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

export function isXmlText(text: string): boolean {
  return !NOT_A_CHAR.test(text);
}

/** Built-ins whose values name something elsewhere (an ID, a DTD entity or notation): no value is valid on its own. */
export const UNWRITABLE_BUILTINS: ReadonlySet<string> = new Set(['IDREF', 'IDREFS', 'ENTITY', 'ENTITIES', 'NOTATION']);

/** Least and greatest value of each integer built-in (undefined: unbounded). */
export const INTEGER_RANGES: Readonly<Record<string, readonly [bigint | undefined, bigint | undefined]>> = Object.fromEntries(
  INT_RANGES.map(([name, min, max]) => [name, [min, max] as const]),
);

export const DATE_BUILTINS: ReadonlySet<string> = new Set(['dateTime', 'date', 'time', 'gYearMonth', 'gYear', 'gMonthDay', 'gDay', 'gMonth']);

/** Whether the type is xs:ID or restricts it: its values must be unique in the document. */
export function isIdType(type: SimpleTypeDescriptor): boolean {
  if (type.kind === 'builtin') return type.name === 'ID';
  return type.kind === 'atomic' && isIdType(type.base);
}
