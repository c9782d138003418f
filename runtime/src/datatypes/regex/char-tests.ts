/**
 * What one position of an XSD pattern accepts, as a test on a single code point: sorted,
 * merged code-point ranges for characters, ranges, \s, \i, \c and blocks; a native `\p{...}`
 * RegExp run on one code point for Unicode categories (constant time, so no backtracking can
 * arise); complement and subtraction as boolean operations. The automaton calls these once per
 * character of the value and state, never on the value as a whole.
 *
 * The meanings are those of the JavaScript translation in xsd-regex.ts (which libxml2 checks in
 * test/differential), code point for code point: a lone surrogate is one code point, as it is
 * for a RegExp with the `u` flag.
 */
import { parseRanges, type Range } from './char-ranges.js';
import type { CharClass, ClassItem, MultiCharEscape } from './xsd-regex-syntax.js';
import { blockRanges } from './unicode-blocks.js';
import { INITIAL_NAME_CHARS, NAME_CHARS } from './xml-ed4-chars.js';

export type CodePointTest = (cp: number) => boolean;

/** A class item as positive ranges, or as categories (any of them), possibly complemented. */
type ItemSet =
  | { readonly ranges: readonly Range[]; readonly negated: boolean }
  | { readonly categories: readonly string[]; readonly negated: boolean };

const XML_SPACE: readonly Range[] = [[0x9, 0xa], [0xd, 0xd], [0x20, 0x20]];
const NEWLINES: readonly Range[] = [[0xa, 0xa], [0xd, 0xd]];
// XSD's \w is everything but punctuation, separators and "other" (F.1.1); \W is its complement.
const NOT_WORD = ['P', 'Z', 'C'];

let nameRanges: { initial: readonly Range[]; name: readonly Range[] } | undefined;

// Parsed when a pattern first uses \i or \c: the tables are large, and most programs never do.
function names(): { initial: readonly Range[]; name: readonly Range[] } {
  return (nameRanges ??= { initial: parseRanges(INITIAL_NAME_CHARS), name: parseRanges(NAME_CHARS) });
}

const MULTI: Readonly<Record<MultiCharEscape, () => ItemSet>> = {
  s: () => ({ ranges: XML_SPACE, negated: false }),
  S: () => ({ ranges: XML_SPACE, negated: true }),
  i: () => ({ ranges: names().initial, negated: false }),
  I: () => ({ ranges: names().initial, negated: true }),
  c: () => ({ ranges: names().name, negated: false }),
  C: () => ({ ranges: names().name, negated: true }),
  d: () => ({ categories: ['Nd'], negated: false }),
  D: () => ({ categories: ['Nd'], negated: true }),
  w: () => ({ categories: NOT_WORD, negated: true }),
  W: () => ({ categories: NOT_WORD, negated: false }),
};

function itemSet(item: ClassItem): ItemSet {
  switch (item.kind) {
    case 'char':
      return { ranges: [[item.cp, item.cp]], negated: false };
    case 'range':
      return { ranges: [[item.from, item.to]], negated: false };
    case 'multi':
      return MULTI[item.letter]();
    case 'property': {
      const block = item.name.startsWith('Is') ? blockRanges(item.name.slice(2)) : undefined;
      return block !== undefined
        ? { ranges: parseRanges(block), negated: item.negated }
        : { categories: [item.name], negated: item.negated };
    }
  }
}

const categoryRegExps = new Map<string, RegExp>();

function inCategory(name: string): CodePointTest {
  let re = categoryRegExps.get(name);
  if (!re) categoryRegExps.set(name, (re = new RegExp(`\\p{${name}}`, 'u')));
  const regExp = re;
  return (cp) => regExp.test(String.fromCodePoint(cp));
}

/** Sorted, merged ranges: membership by binary search. */
function inRanges(unsorted: readonly Range[]): CodePointTest {
  const sorted = [...unsorted].sort((a, b) => a[0] - b[0]);
  const bounds: number[] = [];
  for (const [from, to] of sorted) {
    const last = bounds.length - 1;
    if (bounds.length > 0 && from <= bounds[last]! + 1) bounds[last] = Math.max(bounds[last]!, to);
    else bounds.push(from, to);
  }
  const flat = Int32Array.from(bounds);
  const pairs = flat.length / 2;
  if (pairs === 1) {
    const [from, to] = [flat[0]!, flat[1]!];
    return (cp) => cp >= from && cp <= to;
  }
  return (cp) => {
    let lo = 0;
    let hi = pairs - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (cp < flat[2 * mid]!) hi = mid - 1;
      else if (cp > flat[2 * mid + 1]!) lo = mid + 1;
      else return true;
    }
    return false;
  };
}

function setTest(set: ItemSet): CodePointTest {
  const positive = 'ranges' in set ? inRanges(set.ranges) : anyOf(set.categories.map(inCategory));
  return set.negated ? (cp) => !positive(cp) : positive;
}

function anyOf(tests: readonly CodePointTest[]): CodePointTest {
  if (tests.length === 1) return tests[0]!;
  return (cp) => {
    for (const test of tests) if (test(cp)) return true;
    return false;
  };
}

/** One level of a class, without its subtraction: the union of its items, then the complement. */
function levelTest(charClass: CharClass): CodePointTest {
  const ranges: Range[] = [];
  const others: CodePointTest[] = [];
  for (const item of charClass.items) {
    const set = itemSet(item);
    if ('ranges' in set && !set.negated) ranges.push(...set.ranges);
    else others.push(setTest(set));
  }
  const positive = anyOf(ranges.length > 0 ? [inRanges(ranges), ...others] : others);
  return charClass.negated ? (cp) => !positive(cp) : positive;
}

/** A character class [...], subtractions included; the chain is walked without recursion. */
export function classTest(charClass: CharClass): CodePointTest {
  const levels: CodePointTest[] = [];
  for (let c: CharClass | undefined = charClass; c !== undefined; c = c.subtract) levels.push(levelTest(c));
  if (levels.length === 1) return levels[0]!;
  return (cp) => {
    // Level i is its own set minus level i + 1, so the innermost is decided first.
    let inside = false;
    for (let i = levels.length - 1; i >= 0; i--) inside = !inside && levels[i]!(cp);
    return inside;
  };
}

/** An escape standing alone: \n, \s, \p{Lu}. */
export function itemTest(item: ClassItem): CodePointTest {
  return setTest(itemSet(item));
}

/** "." is every character but newline and carriage return (F.1.1). */
export const dotTest: CodePointTest = ((newline) => (cp: number) => !newline(cp))(inRanges(NEWLINES));

export function literalTest(char: string): CodePointTest {
  const expected = char.codePointAt(0);
  return (cp) => cp === expected;
}
