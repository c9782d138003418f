/**
 * The characters every escaping function of this folder has to think about, and one linear scan
 * that rewrites them. Schema text is untrusted: it reaches the output only after one of the
 * context functions beside this file has decided, code point by code point, what each character
 * becomes. A scan by hand rather than regular expressions, so that every function is plainly
 * linear in its input and sees lone surrogates, which a `u`-flag expression cannot match.
 */

/**
 * Rewrites `value` code point by code point (a lone surrogate counts as one): `render` gets the
 * code point, its UTF-16 offset (to look at neighbours) and whether it is a lone surrogate, and
 * returns its replacement, or undefined to keep it. Kept runs are copied as slices, so text
 * with nothing to escape costs one pass and no allocation per character.
 */
export function mapUnits(value: string, render: (code: number, index: number, loneSurrogate: boolean) => string | undefined): string {
  let out = '';
  let kept = 0;
  let i = 0;
  while (i < value.length) {
    const code = value.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const replacement = render(code, i, code >= 0xd800 && code <= 0xdfff);
    if (replacement !== undefined) {
      out += value.slice(kept, i) + replacement;
      kept = i + width;
    }
    i += width;
  }
  return kept === 0 ? value : out + value.slice(kept);
}

/**
 * The line terminators of ECMAScript (LF, CR, LS, PS) and NEL, which some editors also break
 * lines at: each one would end a `//` comment, and LS and PS are easy to miss when reading.
 */
export function isLineTerminator(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029 || code === 0x85;
}

/**
 * Characters that a reader cannot see, or that make the text read differently from how the
 * compiler reads it: C0 and C1 controls and DEL, the line and paragraph separators, the
 * bidirectional formatting characters of "Trojan Source" (CVE-2021-42574), the byte order mark,
 * the noncharacters U+FFFE and U+FFFF. Lone surrogates are checked apart (see `mapUnits`).
 */
export function isInvisible(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff ||
    code === 0xfffe ||
    code === 0xffff
  );
}

/** Whether XML 1.0 (section 2.2, Char) allows the character at all, escaped or not. */
export function isXmlChar(c: number, loneSurrogate: boolean): boolean {
  if (loneSurrogate) return false;
  return c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000;
}

/** `\uXXXX` (four hex digits, upper case): the escape JavaScript, TypeScript and JSON all read. */
export function unicodeEscape(code: number): string {
  return `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What stands in for a character the target cannot hold (U+FFFD, the replacement character). */
export const REPLACEMENT = '\uFFFD';
