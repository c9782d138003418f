/**
 * The grammar of XSD 1.0 regular expressions (Part 2, Appendix F), read once into a small tree
 * that both the JavaScript translation and the linear-time matcher walk. XSD patterns are
 * implicitly anchored, have no ^ or $ anchors (both are ordinary characters), no
 * back-references, lookarounds, lazy quantifiers or (?...) groups, and add \i \c \I \C,
 * \p{IsBlock} and character-class subtraction [a-z-[aeiou]]. Every construct outside that
 * grammar is refused with a message naming it, rather than silently meaning something else.
 *
 * Patterns come from schemas nobody here wrote, so the parser keeps its own stack of open
 * groups and subtractions instead of recursing: 10,000 nested parentheses are just a deep tree.
 * Every walk of that tree goes through `foldXsdRegex`, which is iterative for the same reason.
 */
import { cut, printable } from '../messages.js';
import { blockRanges } from './unicode-blocks.js';

export class XsdRegexError extends Error {
  override readonly name = 'XsdRegexError';

  /**
   * @param reason what is wrong, without the pattern ("unknown Unicode block "IsKlingon"")
   * @param character how many characters (code points) of the pattern had been read
   */
  constructor(
    readonly reason: string,
    readonly character: number,
    readonly pattern: string,
    /** What usually fixes it, when that is known. */
    readonly hint?: string,
  ) {
    super(`${reason} at character ${character} of the XSD pattern ${quotePattern(pattern)}`);
  }
}

/** A pattern in a message, cut short: a hostile one may be megabytes long. */
export function quotePattern(pattern: string): string {
  // As the schema writes it: `"\d+"`, not JSON's `"\\d+"`.
  return `"${printable(cut(pattern, 200))}"`;
}

/** The letters of the multi-character escapes \s \S \i \I \c \C \d \D \w \W. */
export type MultiCharEscape = 's' | 'S' | 'i' | 'I' | 'c' | 'C' | 'd' | 'D' | 'w' | 'W';

/** One member of a character class, or an escape standing alone. */
export type ClassItem =
  /** One code point: written as itself inside a class, or as a single-character escape (\n, \.). */
  | { readonly kind: 'char'; readonly cp: number }
  | { readonly kind: 'range'; readonly from: number; readonly to: number }
  | { readonly kind: 'multi'; readonly letter: MultiCharEscape }
  /** \p{Lu} or \p{IsBasicLatin}, complemented for \P. */
  | { readonly kind: 'property'; readonly name: string; readonly negated: boolean };

/** [^items-[subtract]]: the complement applies before the subtraction (F.1.1). */
export interface CharClass {
  readonly negated: boolean;
  readonly items: readonly ClassItem[];
  readonly subtract: CharClass | undefined;
}

export type XsdRegexNode =
  | { readonly kind: 'empty' }
  /** An ordinary character written as itself outside a class. */
  | { readonly kind: 'literal'; readonly char: string }
  | { readonly kind: 'dot' }
  /** An escape outside a class: \n, \s, \p{L}... */
  | { readonly kind: 'escape'; readonly item: ClassItem }
  | { readonly kind: 'class'; readonly charClass: CharClass }
  | { readonly kind: 'group'; readonly body: XsdRegexNode }
  | { readonly kind: 'sequence'; readonly items: readonly XsdRegexNode[] }
  | { readonly kind: 'choice'; readonly branches: readonly XsdRegexNode[] }
  /** `max` undefined is unbounded; `quantifier` is the text as written ("*", "{2,}"). */
  | { readonly kind: 'repeat'; readonly body: XsdRegexNode; readonly min: number; readonly max: number | undefined; readonly quantifier: string };

export const CATEGORIES: ReadonlySet<string> = new Set([
  'L', 'Lu', 'Ll', 'Lt', 'Lm', 'Lo', 'M', 'Mn', 'Mc', 'Me', 'N', 'Nd', 'Nl', 'No', 'P', 'Pc', 'Pd', 'Ps', 'Pe', 'Pi',
  'Pf', 'Po', 'Z', 'Zs', 'Zl', 'Zp', 'S', 'Sm', 'Sc', 'Sk', 'So', 'C', 'Cc', 'Cf', 'Co', 'Cn',
]);
const SINGLE_CHAR_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t' };
const ESCAPABLE = '\\|.?*+(){}-[]^';
const MULTI_CHAR_ESCAPES = 'sSiIcCdDwW';
const DIGITS = '0123456789';
const ESCAPE_HINT =
  'XSD knows the escapes \\n \\r \\t, \\ before one of \\|.?*+(){}-[]^, \\s \\S \\i \\I \\c \\C \\d \\D \\w \\W, ' +
  'and \\p{...} \\P{...}; write any other character as itself';

/** An open group while parsing: the branches read so far and the pieces of the current one. */
interface OpenGroup {
  readonly branches: XsdRegexNode[];
  pieces: XsdRegexNode[];
}

class Parser {
  private pos = 0;
  private readonly chars: readonly string[];

  constructor(private readonly pattern: string) {
    this.chars = Array.from(pattern);
  }

  parse(): XsdRegexNode {
    const open: OpenGroup[] = [{ branches: [], pieces: [] }];
    for (;;) {
      const group = open[open.length - 1]!;
      const c = this.peek();
      if (c === undefined || c === ')') {
        const body = choice([...group.branches, sequence(group.pieces)]);
        if (open.length === 1) {
          if (c !== undefined) this.fail('unmatched ")"', 'escape it as \\) or remove it');
          return body;
        }
        this.next(); // fails with "ends too early" when the pattern stops inside a group
        open.pop();
        open[open.length - 1]!.pieces.push(this.quantified({ kind: 'group', body }));
      } else if (c === '|') {
        this.pos++;
        group.branches.push(sequence(group.pieces));
        group.pieces = [];
      } else if (c === '(') {
        this.pos++;
        if (this.peek() === '?') this.fail('"(?" groups (non-capturing, lookaround) are not XSD', 'write a plain group (...)');
        open.push({ branches: [], pieces: [] });
      } else {
        group.pieces.push(this.quantified(this.atom()));
      }
    }
  }

  private peek(offset = 0): string | undefined {
    return this.chars[this.pos + offset];
  }

  private next(): string {
    const c = this.chars[this.pos++];
    if (c === undefined) this.fail('the pattern ends too early', 'close every "(", "[" and "{" it opens');
    return c;
  }

  private fail(what: string, hint?: string): never {
    throw new XsdRegexError(what, this.pos, this.pattern, hint);
  }

  /** Any atom but a group, which `parse` opens and closes itself. */
  private atom(): XsdRegexNode {
    const c = this.next();
    switch (c) {
      case '[':
        return { kind: 'class', charClass: this.charClass() };
      case '\\':
        return { kind: 'escape', item: this.escape(false) };
      case '.':
        return { kind: 'dot' };
      case '?':
      case '*':
      case '+':
        return this.fail(`"${c}" has nothing to repeat`, `escape it as \\${c} to mean the character`);
      case ']':
        return this.fail('unescaped "]"', 'escape it as \\]');
      // Not normal characters (F.1, Normal Character, as the W3C's test suite reads XSD 1.0 and
      // XSD 1.1 writes it): a "{" is the start of a quantifier, and a quantifier needs an atom.
      case '{':
        return this.fail('"{" has nothing to repeat', 'escape it as \\{ to mean the character');
      case '}':
        return this.fail('unescaped "}"', 'escape it as \\}');
      default:
        return { kind: 'literal', char: c };
    }
  }

  private quantified(body: XsdRegexNode): XsdRegexNode {
    const c = this.peek();
    if (c === '?' || c === '*' || c === '+') {
      this.pos++;
      if (this.peek() === '?') this.fail('lazy quantifiers ("*?", "+?", "??") are not XSD', 'remove the second "?"');
      return { kind: 'repeat', body, min: c === '+' ? 1 : 0, max: c === '?' ? 1 : undefined, quantifier: c };
    }
    if (c !== '{') return body;
    this.pos++;
    let text = '';
    for (let c = this.peek(); c !== undefined && (DIGITS.includes(c) || c === ','); c = this.peek()) text += this.next();
    if (this.peek() !== '}') this.fail(`"{${text}" does not start a quantifier ({n}, {n,} or {n,m})`, 'escape it as \\{ to mean the character');
    this.pos++;
    const comma = text.indexOf(',');
    const min = comma < 0 ? text : text.slice(0, comma);
    const max = comma < 0 ? undefined : text.slice(comma + 1);
    if (!isDigits(min) || (max !== undefined && max !== '' && !isDigits(max))) {
      this.fail(`"{${text}}" is not an XSD quantifier ({n}, {n,} or {n,m})`, 'write {n}, {n,} or {n,m} with decimal digits');
    }
    if (max !== undefined && max !== '' && Number(max) < Number(min)) this.fail(`quantifier {${text}} has its maximum below its minimum`);
    if (this.peek() === '?') this.fail('lazy quantifiers are not XSD', 'remove the "?" after the quantifier');
    return {
      kind: 'repeat',
      body,
      min: Number(min),
      max: max === undefined ? Number(min) : max === '' ? undefined : Number(max),
      quantifier: max === undefined ? `{${min}}` : `{${min},${max}}`,
    };
  }

  /** After a backslash: a single character or a multi-character item. */
  private escape(inClass: boolean): ClassItem {
    const c = this.next();
    const single = SINGLE_CHAR_ESCAPES[c] ?? (ESCAPABLE.includes(c) ? c : undefined);
    if (single !== undefined) return { kind: 'char', cp: cp(single) };
    if (MULTI_CHAR_ESCAPES.includes(c)) return { kind: 'multi', letter: c as MultiCharEscape };
    if (c === 'p' || c === 'P') return this.property(c === 'P');
    return this.fail(`"\\${c}" is not an XSD escape${inClass ? ' inside a character class' : ''}`, ESCAPE_HINT);
  }

  private property(negated: boolean): ClassItem {
    if (this.next() !== '{') this.fail('"\\p" must be followed by "{"', 'write \\p{Lu} or \\p{IsBasicLatin}');
    let name = '';
    while (this.peek() !== undefined && this.peek() !== '}') name += this.next();
    this.next();
    if (name.startsWith('Is')) {
      if (blockRanges(name.slice(2)) === undefined) this.fail(`unknown Unicode block "${name}"`, 'block names are written without spaces, as in \\p{IsBasicLatin}');
    } else if (!CATEGORIES.has(name)) {
      this.fail(`unknown Unicode category "${name}"`, `the categories are ${[...CATEGORIES].join(', ')}`);
    }
    return { kind: 'property', name, negated };
  }

  /**
   * After "[": a positive or negative group, possibly minus a nested class. Each nested class
   * of a subtraction chain is read in turn; their closing brackets come together at the end.
   */
  private charClass(): CharClass {
    const chain: { negated: boolean; items: ClassItem[] }[] = [];
    for (let closed = false; !closed; ) {
      const negated = this.peek() === '^';
      if (negated) this.pos++;
      const items: ClassItem[] = [];
      chain.push({ negated, items });
      for (;;) {
        const c = this.peek();
        if (c === undefined) this.fail('missing "]"');
        if (c === ']') {
          if (items.length === 0) this.fail('empty character class', 'a class needs at least one character; escape a "]" meant as one');
          this.pos++;
          closed = true;
          break;
        }
        if (c === '-' && this.peek(1) === '[') {
          if (items.length === 0) this.fail('character-class subtraction with nothing to subtract from');
          this.pos += 2;
          break;
        }
        items.push(this.classMember(items.length === 0));
      }
    }
    let result: CharClass | undefined;
    for (let i = chain.length - 1; i >= 0; i--) {
      if (result !== undefined && this.next() !== ']') this.fail('a subtraction must end its character class', 'move the subtraction -[...] to the end of its class');
      result = { negated: chain[i]!.negated, items: chain[i]!.items, subtract: result };
    }
    return result!;
  }

  private classMember(first: boolean): ClassItem {
    const start = this.classChar(first);
    if (typeof start !== 'number') return start;
    if (this.peek() !== '-' || this.peek(1) === ']' || this.peek(1) === '[') return { kind: 'char', cp: start };
    this.pos++;
    const end = this.classChar(false);
    if (typeof end !== 'number') this.fail('a range cannot end in a multi-character escape');
    if (end < start) this.fail(`range "${String.fromCodePoint(start)}-${String.fromCodePoint(end)}" is out of order`, 'write the lower character first');
    return { kind: 'range', from: start, to: end };
  }

  /** One character of a class (as a code point) or a multi-character item. */
  private classChar(first: boolean): number | ClassItem {
    const c = this.next();
    if (c === '\\') {
      const item = this.escape(true);
      return item.kind === 'char' ? item.cp : item;
    }
    if (c === '[') this.fail('"[" must be escaped inside a character class', 'escape it as \\[');
    // A bare "-" is allowed only first or last in its group (F.1.1, charRange).
    // "[a-z--[b-z]]": the last "-" of a group may come right before its subtraction.
    const endsGroup = this.peek() === ']' || this.peek() === '[' || (this.peek() === '-' && this.peek(1) === '[');
    if (c === '-' && !first && !endsGroup) this.fail('"-" must be escaped here', 'escape it as \\-');
    return cp(c);
  }
}

function isDigits(text: string): boolean {
  if (text === '') return false;
  for (const c of text) if (!DIGITS.includes(c)) return false;
  return true;
}

function cp(c: string): number {
  return c.codePointAt(0) ?? 0;
}

function sequence(pieces: XsdRegexNode[]): XsdRegexNode {
  return pieces.length === 0 ? { kind: 'empty' } : pieces.length === 1 ? pieces[0]! : { kind: 'sequence', items: pieces };
}

function choice(branches: XsdRegexNode[]): XsdRegexNode {
  return branches.length === 1 ? branches[0]! : { kind: 'choice', branches };
}

/** The tree of an XSD pattern. Throws XsdRegexError, naming what is wrong and where. */
export function parseXsdRegex(pattern: string): XsdRegexNode {
  return new Parser(pattern).parse();
}

function childrenOf(node: XsdRegexNode): readonly XsdRegexNode[] {
  switch (node.kind) {
    case 'group':
    case 'repeat':
      return [node.body];
    case 'sequence':
      return node.items;
    case 'choice':
      return node.branches;
    default:
      return [];
  }
}

/**
 * Combines the tree bottom-up: `combine` gets each node with its children's results, children
 * before parents, left to right. Iterative, so a tree as deep as the pattern is long is fine.
 */
export function foldXsdRegex<T>(root: XsdRegexNode, combine: (node: XsdRegexNode, children: T[]) => T): T {
  const work: { node: XsdRegexNode; children: readonly XsdRegexNode[]; next: number }[] = [{ node: root, children: childrenOf(root), next: 0 }];
  const results: T[] = [];
  while (work.length > 0) {
    const top = work[work.length - 1]!;
    if (top.next < top.children.length) {
      const child = top.children[top.next++]!;
      work.push({ node: child, children: childrenOf(child), next: 0 });
    } else {
      work.pop();
      const children = results.splice(results.length - top.children.length, top.children.length);
      results.push(combine(top.node, children));
    }
  }
  return results[0]!;
}
