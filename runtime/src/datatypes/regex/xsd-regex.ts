/**
 * XSD 1.0 regular expressions (Part 2, Appendix F) translated to JavaScript RegExps with the `u`
 * flag. XSD patterns are implicitly anchored, have no ^ or $ anchors (both are ordinary
 * characters), no back-references, lookarounds, lazy quantifiers or (?...) groups, and add
 * \i \c \I \C, \p{IsBlock} and character-class subtraction [a-z-[aeiou]]. Every construct
 * outside that grammar is refused with a message naming it, rather than silently meaning
 * something else in JavaScript.
 *
 * A character class always matches exactly one code point, which is what makes subtraction
 * expressible without the `v` flag: [A-[B]] becomes (?!B)A.
 */
import { blockRanges } from './unicode-blocks.js';
import { classChar, complementClassBody, rangesClassBody } from './char-ranges.js';
import { INITIAL_NAME_CHARS, NAME_CHARS } from './xml-ed4-chars.js';

export class XsdRegexError extends Error {
  override readonly name = 'XsdRegexError';
}

/** One class member: text that goes inside [...], or a whole one-character pattern. */
type ClassItem = { readonly frag: string } | { readonly alt: string };

const CATEGORIES = new Set([
  'L', 'Lu', 'Ll', 'Lt', 'Lm', 'Lo', 'M', 'Mn', 'Mc', 'Me', 'N', 'Nd', 'Nl', 'No', 'P', 'Pc', 'Pd', 'Ps', 'Pe', 'Pi',
  'Pf', 'Po', 'Z', 'Zs', 'Zl', 'Zp', 'S', 'Sm', 'Sc', 'Sk', 'So', 'C', 'Cc', 'Cf', 'Co', 'Cn',
]);
const SINGLE_CHAR_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t' };
const ESCAPABLE = '\\|.?*+(){}-[]^';
const XML_SPACE = ' \t\n\r';
// XSD's \w is everything but punctuation, separators and "other" (F.1.1); \W is its complement.
const NOT_WORD = '\\p{P}\\p{Z}\\p{C}';

// Made when a pattern first uses them: the name tables are large, and most programs never do.
const MULTI_CHAR_ESCAPES: Readonly<Record<string, () => ClassItem>> = {
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
const multiCharEscapes = new Map<string, ClassItem>();

function multiCharEscape(c: string): ClassItem | undefined {
  let item = multiCharEscapes.get(c);
  const make = Object.hasOwn(MULTI_CHAR_ESCAPES, c) ? MULTI_CHAR_ESCAPES[c] : undefined;
  if (item === undefined && make) multiCharEscapes.set(c, (item = make()));
  return item;
}

function itemPattern(item: ClassItem): string {
  return 'frag' in item ? `[${item.frag}]` : item.alt;
}

class Parser {
  private pos = 0;
  private readonly chars: readonly string[];

  constructor(private readonly pattern: string) {
    this.chars = Array.from(pattern);
  }

  translate(): string {
    const source = this.regExp();
    if (this.pos < this.chars.length) this.fail(`unmatched ")"`);
    return source;
  }

  private peek(offset = 0): string | undefined {
    return this.chars[this.pos + offset];
  }

  private next(): string {
    const c = this.chars[this.pos++];
    if (c === undefined) this.fail('the pattern ends too early');
    return c;
  }

  private fail(what: string): never {
    throw new XsdRegexError(`${what} at character ${this.pos} of the XSD pattern ${JSON.stringify(this.pattern)}`);
  }

  private regExp(): string {
    const branches = [this.branch()];
    while (this.peek() === '|') {
      this.pos++;
      branches.push(this.branch());
    }
    return branches.join('|');
  }

  private branch(): string {
    let out = '';
    for (let c = this.peek(); c !== undefined && c !== '|' && c !== ')'; c = this.peek()) {
      out += this.atom() + this.quantifier();
    }
    return out;
  }

  private atom(): string {
    const c = this.next();
    switch (c) {
      case '(': {
        if (this.peek() === '?') this.fail('"(?" groups (non-capturing, lookaround) are not XSD');
        const inner = this.regExp();
        if (this.next() !== ')') this.fail('missing ")"');
        return `(?:${inner})`;
      }
      case '[':
        return this.charClass();
      case '\\':
        return itemPattern(this.escape(false));
      case '.':
        return '[^\\n\\r]';
      case '?':
      case '*':
      case '+':
        return this.fail(`"${c}" has nothing to repeat`);
      case ']':
        return this.fail('unescaped "]"');
      default:
        // ^ and $ are ordinary characters in XSD: escaping them keeps JavaScript from anchoring.
        return /[\^$\\.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c;
    }
  }

  private quantifier(): string {
    const c = this.peek();
    if (c === '?' || c === '*' || c === '+') {
      this.pos++;
      if (this.peek() === '?') this.fail('lazy quantifiers ("*?", "+?", "??") are not XSD');
      return c;
    }
    if (c !== '{') return '';
    this.pos++;
    let text = '';
    while (this.peek() !== undefined && this.peek() !== '}') text += this.next();
    this.next();
    const match = /^(\d+)(?:(,)(\d*))?$/.exec(text);
    if (!match) this.fail(`"{${text}}" is not an XSD quantifier ({n}, {n,} or {n,m})`);
    const [, min = '', comma, max = ''] = match;
    if (max !== '' && Number(max) < Number(min)) this.fail(`quantifier {${text}} has its maximum below its minimum`);
    if (this.peek() === '?') this.fail('lazy quantifiers are not XSD');
    return comma ? `{${min},${max}}` : `{${min}}`;
  }

  /** After a backslash: a single character (as a code point) or a class item. */
  private escape(inClass: boolean): ClassItem & { readonly char?: string } {
    const c = this.next();
    const single = SINGLE_CHAR_ESCAPES[c] ?? (ESCAPABLE.includes(c) ? c : undefined);
    if (single !== undefined) return { frag: classChar(single.codePointAt(0) ?? 0), char: single };
    const multi = multiCharEscape(c);
    if (multi) return multi;
    if (c === 'p' || c === 'P') return this.property(c === 'P');
    return this.fail(`"\\${c}" is not an XSD escape${inClass ? ' inside a character class' : ''}`);
  }

  private property(negated: boolean): ClassItem {
    if (this.next() !== '{') this.fail('"\\p" must be followed by "{"');
    let name = '';
    while (this.peek() !== undefined && this.peek() !== '}') name += this.next();
    this.next();
    if (name.startsWith('Is')) {
      const ranges = blockRanges(name.slice(2));
      if (ranges === undefined) this.fail(`unknown Unicode block "${name}"`);
      return { frag: negated ? complementClassBody(ranges) : rangesClassBody(ranges) };
    }
    if (!CATEGORIES.has(name)) this.fail(`unknown Unicode category "${name}"`);
    return { frag: `\\${negated ? 'P' : 'p'}{${name}}` };
  }

  /** After "[": a positive or negative group, possibly minus a nested class. */
  private charClass(): string {
    const negated = this.peek() === '^';
    if (negated) this.pos++;
    const items: ClassItem[] = [];
    let subtracted: string | undefined;
    for (;;) {
      const c = this.peek();
      if (c === undefined) this.fail('missing "]"');
      if (c === ']') {
        if (items.length === 0) this.fail('empty character class');
        this.pos++;
        break;
      }
      if (c === '-' && this.peek(1) === '[') {
        if (items.length === 0) this.fail('character-class subtraction with nothing to subtract from');
        this.pos += 2;
        subtracted = this.charClass();
        if (this.next() !== ']') this.fail('a subtraction must end its character class');
        break;
      }
      items.push(this.classMember(items.length === 0));
    }
    const frags = items.flatMap((item) => ('frag' in item ? [item.frag] : []));
    const alts = items.flatMap((item) => ('alt' in item ? [item.alt] : []));
    let source: string;
    if (alts.length === 0) {
      source = `[${negated ? '^' : ''}${frags.join('')}]`;
    } else {
      const positive = `(?:${[...(frags.length > 0 ? [`[${frags.join('')}]`] : []), ...alts].join('|')})`;
      source = negated ? `(?!${positive})[\\s\\S]` : positive;
    }
    return subtracted === undefined ? source : `(?:(?!${subtracted})${source})`;
  }

  private classMember(first: boolean): ClassItem {
    const start = this.classChar(first);
    if (typeof start !== 'string') return start;
    if (this.peek() !== '-' || this.peek(1) === ']' || this.peek(1) === '[') return { frag: classChar(cp(start)) };
    this.pos++;
    const end = this.classChar(false);
    if (typeof end !== 'string') this.fail('a range cannot end in a multi-character escape');
    if (cp(end) < cp(start)) this.fail(`range "${start}-${end}" is out of order`);
    return { frag: `${classChar(cp(start))}-${classChar(cp(end))}` };
  }

  /** One character of a class (as a string) or a multi-character item. */
  private classChar(first: boolean): string | ClassItem {
    const c = this.next();
    if (c === '\\') {
      const item = this.escape(true);
      return item.char ?? item;
    }
    if (c === '[') this.fail('"[" must be escaped inside a character class');
    // A bare "-" is allowed only first or last in its group (F.1.1, charRange).
    if (c === '-' && !first && this.peek() !== ']' && this.peek() !== '[') this.fail('"-" must be escaped here');
    return c;
  }
}

function cp(c: string): number {
  return c.codePointAt(0) ?? 0;
}

/** The JavaScript source equivalent to an XSD pattern, not yet anchored. Throws XsdRegexError. */
export function translateXsdPattern(pattern: string): string {
  return new Parser(pattern).translate();
}

const cache = new Map<string, RegExp | XsdRegexError>();

/** The anchored RegExp for an XSD pattern, compiled once per distinct pattern. */
export function compileXsdPattern(pattern: string): RegExp | XsdRegexError {
  let compiled = cache.get(pattern);
  if (compiled === undefined) {
    try {
      compiled = new RegExp(`^(?:${translateXsdPattern(pattern)})$`, 'u');
    } catch (error) {
      compiled =
        error instanceof XsdRegexError
          ? error
          : new XsdRegexError(`the XSD pattern ${JSON.stringify(pattern)} does not compile: ${String(error)}`);
    }
    cache.set(pattern, compiled);
  }
  return compiled;
}
