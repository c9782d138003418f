/**
 * XSD 1.0 regular expressions (Part 2, Appendix F): checked once, matched by a linear-time
 * automaton (xsd-automaton.ts), and translated to JavaScript RegExp source with the `u` flag
 * for the places that need a RegExp and never run it on untrusted values: generating values
 * from a pattern, and JSON Schema's `pattern`. Both read the one grammar of xsd-regex-syntax.ts.
 *
 * A character class always matches exactly one code point, which is what makes subtraction
 * expressible without the `v` flag: [A-[B]] becomes (?!B)A.
 */
import { blockRanges } from './unicode-blocks.js';
import { classChar, complementClassBody, rangesClassBody } from './char-ranges.js';
import { INITIAL_NAME_CHARS, NAME_CHARS } from './xml-ed4-chars.js';
import { automatonSize, MAX_PATTERN_STATES, XsdAutomaton, XsdPatternTooLargeError } from './xsd-automaton.js';
import {
  foldXsdRegex,
  parseXsdRegex,
  XsdRegexError,
  type CharClass,
  type ClassItem,
  type MultiCharEscape,
  type XsdRegexNode,
} from './xsd-regex-syntax.js';

export { MAX_PATTERN_STATES, XsdPatternTooLargeError, XsdRegexError };

/** One class member in JavaScript: text that goes inside [...], or a whole one-character pattern. */
type JsItem = { readonly frag: string } | { readonly alt: string };

const XML_SPACE = ' \t\n\r';
// XSD's \w is everything but punctuation, separators and "other" (F.1.1); \W is its complement.
const NOT_WORD = '\\p{P}\\p{Z}\\p{C}';
const SPECIAL = '^$\\.*+?()[]{}|/';

// Made when a pattern first uses them: the name tables are large, and most programs never do.
const MULTI_CHAR_ESCAPES: Readonly<Record<MultiCharEscape, () => JsItem>> = {
  s: () => ({ frag: Array.from(XML_SPACE, (c) => classChar(c.codePointAt(0) ?? 0)).join('') }),
  S: () => ({ frag: complementClassBody('0009-000A 000D 0020') }),
  i: () => ({ frag: rangesClassBody(INITIAL_NAME_CHARS) }),
  I: () => ({ frag: complementClassBody(INITIAL_NAME_CHARS) }),
  c: () => ({ frag: rangesClassBody(NAME_CHARS) }),
  C: () => ({ frag: complementClassBody(NAME_CHARS) }),
  d: () => ({ frag: '\\p{Nd}' }),
  D: () => ({ frag: '\\P{Nd}' }),
  w: () => ({ alt: `[^${NOT_WORD}]` }),
  W: () => ({ frag: NOT_WORD }),
};
const multiCharEscapes = new Map<MultiCharEscape, JsItem>();

function jsItem(item: ClassItem): JsItem {
  switch (item.kind) {
    case 'char':
      return { frag: classChar(item.cp) };
    case 'range':
      return { frag: `${classChar(item.from)}-${classChar(item.to)}` };
    case 'multi': {
      let made = multiCharEscapes.get(item.letter);
      if (made === undefined) multiCharEscapes.set(item.letter, (made = MULTI_CHAR_ESCAPES[item.letter]()));
      return made;
    }
    case 'property': {
      const block = item.name.startsWith('Is') ? blockRanges(item.name.slice(2)) : undefined;
      if (block !== undefined) return { frag: item.negated ? complementClassBody(block) : rangesClassBody(block) };
      return { frag: `\\${item.negated ? 'P' : 'p'}{${item.name}}` };
    }
  }
}

function itemPattern(item: JsItem): string {
  return 'frag' in item ? `[${item.frag}]` : item.alt;
}

/** One level of a class, without its subtraction. */
function classLevel(charClass: CharClass): string {
  const items = charClass.items.map(jsItem);
  const frags = items.flatMap((item) => ('frag' in item ? [item.frag] : []));
  const alts = items.flatMap((item) => ('alt' in item ? [item.alt] : []));
  if (alts.length === 0) return `[${charClass.negated ? '^' : ''}${frags.join('')}]`;
  const positive = `(?:${[...(frags.length > 0 ? [`[${frags.join('')}]`] : []), ...alts].join('|')})`;
  // Grouped, so that a quantifier after the class repeats the lookahead too.
  return charClass.negated ? `(?:(?!${positive})[\\s\\S])` : positive;
}

/** A class with its chain of subtractions, innermost first, without recursion. */
function classSource(charClass: CharClass): string {
  const levels: CharClass[] = [];
  for (let c: CharClass | undefined = charClass; c !== undefined; c = c.subtract) levels.push(c);
  let source = '';
  for (let i = levels.length - 1; i >= 0; i--) {
    const level = classLevel(levels[i]!);
    source = i === levels.length - 1 ? level : `(?:(?!${source})${level})`;
  }
  return source;
}

/** The JavaScript source equivalent to an XSD pattern, not yet anchored. Throws XsdRegexError. */
export function translateXsdPattern(pattern: string): string {
  return translateXsdRegex(parseXsdRegex(pattern));
}

/** The JavaScript source equivalent to a parsed pattern or a part of one. */
export function translateXsdRegex(root: XsdRegexNode): string {
  return foldXsdRegex<string>(root, (node, children) => {
    switch (node.kind) {
      case 'empty':
        return '';
      // ^ and $ are ordinary characters in XSD: escaping them keeps JavaScript from anchoring.
      case 'literal':
        return SPECIAL.includes(node.char) ? `\\${node.char}` : node.char;
      case 'dot':
        return '[^\\n\\r]';
      case 'escape':
        return itemPattern(jsItem(node.item));
      case 'class':
        return classSource(node.charClass);
      case 'group':
        return `(?:${children[0]!})`;
      case 'sequence':
        return children.join('');
      case 'choice':
        return children.join('|');
      case 'repeat':
        return children[0]! + node.quantifier;
    }
  });
}

/**
 * Whether a pattern can be used: undefined when it can, else the error naming what is wrong
 * (XsdPatternTooLargeError over the state budget). Costs a parse, not a compilation.
 */
export function checkXsdPattern(pattern: string): XsdRegexError | undefined {
  try {
    if (automatonSize(parseXsdRegex(pattern)) > MAX_PATTERN_STATES) return new XsdPatternTooLargeError(pattern, MAX_PATTERN_STATES + 1);
    return undefined;
  } catch (error) {
    if (error instanceof XsdRegexError) return error;
    throw error;
  }
}

/** A compiled XSD pattern: whether a whole value matches, in time linear in the value. */
export interface XsdPattern {
  readonly pattern: string;
  test(value: string): boolean;
}

/**
 * Compiled patterns are kept up to this many automaton states in all (some tens of MB), oldest
 * dropped first: enough for every pattern of any real schema set, and bounded for a hostile one.
 */
const CACHED_STATES = 1_000_000;
const cache = new Map<string, { readonly compiled: XsdPattern | XsdRegexError; readonly states: number }>();
let cachedStates = 0;

/** The matcher for an XSD pattern, compiled once per distinct pattern while it stays cached. */
export function compileXsdPattern(pattern: string): XsdPattern | XsdRegexError {
  const hit = cache.get(pattern);
  if (hit) return hit.compiled;
  let compiled: XsdPattern | XsdRegexError;
  let states = 1;
  try {
    const automaton = new XsdAutomaton(parseXsdRegex(pattern), pattern);
    states = automaton.size;
    compiled = { pattern, test: (value) => automaton.test(value) };
  } catch (error) {
    if (!(error instanceof XsdRegexError)) throw error;
    compiled = error;
  }
  for (const [key, entry] of cache) {
    if (cachedStates + states <= CACHED_STATES) break;
    cache.delete(key);
    cachedStates -= entry.states;
  }
  cache.set(pattern, { compiled, states });
  cachedStates += states;
  return compiled;
}

/**
 * One pattern facet of one derivation step, as the JSON-side object validators use it: a value
 * matches when it matches one of the step's alternatives (XSD 1.0 Part 2, 4.3.4.3), each in time
 * linear in the value. A pattern that cannot be used matches nothing: the generator has refused
 * such a schema already, so only a hand-edited module gets here.
 */
export function xsdPatternStep(alternatives: readonly string[]): { test(value: string): boolean } {
  const compiled = alternatives.map(compileXsdPattern);
  return { test: (value) => compiled.some((c) => !(c instanceof XsdRegexError) && c.test(value)) };
}

const regExps = new Map<string, RegExp | XsdRegexError>();

/**
 * The translation compiled as an anchored JavaScript RegExp, for generating values from a
 * pattern. It backtracks: never test an untrusted value with it; `compileXsdPattern` is for that.
 */
export function xsdPatternRegExp(pattern: string): RegExp | XsdRegexError {
  let compiled = regExps.get(pattern);
  if (compiled === undefined) {
    try {
      compiled = new RegExp(`^(?:${translateXsdPattern(pattern)})$`, 'u');
    } catch (error) {
      compiled =
        error instanceof XsdRegexError
          ? error
          : new XsdRegexError(`the translation does not compile (${String(error)})`, Array.from(pattern).length, pattern);
    }
    regExps.set(pattern, compiled);
  }
  return compiled;
}

