/**
 * Characters as XML 1.0 (fifth edition) classifies them, and how messages name them: the
 * decoder, the parser adapter and the defect scanner must agree on what a space, a Char and a
 * name character are.
 */
import { printable } from '../datatypes/messages.js';

/** S (production [3]): space, tab, LF, CR; nothing else counts as white space in XML. */
export function isXmlSpace(unit: number): boolean {
  return unit === 0x20 || unit === 0x09 || unit === 0x0a || unit === 0x0d;
}

/** Char (production [2]): what may appear in a document at all. */
export function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x09 ||
    codePoint === 0x0a ||
    codePoint === 0x0d ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

const NAME_START =
  ':A-Z_a-z\\u{C0}-\\u{D6}\\u{D8}-\\u{F6}\\u{F8}-\\u{2FF}\\u{370}-\\u{37D}\\u{37F}-\\u{1FFF}' +
  '\\u{200C}-\\u{200D}\\u{2070}-\\u{218F}\\u{2C00}-\\u{2FEF}\\u{3001}-\\u{D7FF}\\u{F900}-\\u{FDCF}' +
  '\\u{FDF0}-\\u{FFFD}\\u{10000}-\\u{EFFFF}';
const NAME_REST = `${NAME_START}\\-.0-9\\u{B7}\\u{300}-\\u{36F}\\u{203F}-\\u{2040}`;

const NAME_START_CHAR = new RegExp(`^[${NAME_START}]`, 'u');
const NOT_NAME_CHAR = new RegExp(`[^${NAME_REST}]`, 'gu');

/** UTF-16 index of the first character that XML names (production [5]) cannot hold; -1 for none. */
export function firstNonNameChar(name: string): number {
  if (name === '') return -1;
  if (!NAME_START_CHAR.test(name)) return 0;
  NOT_NAME_CHAR.lastIndex = name.codePointAt(0)! > 0xffff ? 2 : 1;
  return NOT_NAME_CHAR.exec(name)?.index ?? -1;
}

/** Typographic quotes that word processors put where straight quotes belong. */
const TYPOGRAPHIC_QUOTES = new Set([0x201c, 0x201d, 0x2018, 0x2019, 0x201e, 0x201a, 0x00ab, 0x00bb]);

export function isTypographicQuote(codePoint: number): boolean {
  return TYPOGRAPHIC_QUOTES.has(codePoint);
}

const NAMED: ReadonlyMap<number, string> = new Map([
  [0x09, 'a tab'],
  [0x0a, 'a line break'],
  [0x0d, 'a carriage return'],
  [0x20, 'a space'],
  [0xa0, 'a no-break space'],
  [0xfeff, 'a zero-width no-break space (U+FEFF)'],
]);

/** How a message names one character: `a tab`, `"{" (U+007B)`, `U+0000`. */
export function describeChar(codePoint: number): string {
  const named = NAMED.get(codePoint);
  if (named) return named;
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  // Controls, bidi controls and non-characters would print as nothing, garble a terminal or
  // reorder the line: give the number alone (printable() is the one judge of what may be shown).
  const char = String.fromCodePoint(codePoint);
  const shown = isXmlChar(codePoint) && codePoint >= 0x20 && printable(char) === char;
  return shown ? `"${char}" (${hex})` : hex;
}

/** Characters (code points) in a string: its UTF-16 length less one per surrogate pair. */
export function codePointLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        i++;
      }
    }
  }
  return length;
}
