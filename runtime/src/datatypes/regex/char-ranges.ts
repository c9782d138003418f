/**
 * Code-point range lists written as "0041-005A 005F ...", turned into the inside of a JavaScript
 * character class (for the `u` flag), and complemented for \I, \C and \P{IsBlock}.
 */
export type Range = readonly [number, number];

const MAX_CODE_POINT = 0x10ffff;

/** The ranges of such a list, sorted by their first code point. */
export function parseRanges(text: string): Range[] {
  return text
    .split(/\s+/)
    .filter((token) => token !== '')
    .map((token) => {
      const [from = '', to = from] = token.split('-');
      return [parseInt(from, 16), parseInt(to, 16)] as const;
    })
    .sort((a, b) => a[0] - b[0]);
}

/** A code point as a class-safe `\u{...}` escape. */
export function classChar(codePoint: number): string {
  return `\\u{${codePoint.toString(16).toUpperCase()}}`;
}

function toClassBody(ranges: readonly Range[]): string {
  return ranges.map(([a, b]) => (a === b ? classChar(a) : `${classChar(a)}-${classChar(b)}`)).join('');
}

export function rangesClassBody(text: string): string {
  return toClassBody(parseRanges(text));
}

export function complementClassBody(text: string): string {
  const out: Range[] = [];
  let next = 0;
  for (const [a, b] of parseRanges(text)) {
    if (a > next) out.push([next, a - 1]);
    next = Math.max(next, b + 1);
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return toClassBody(out);
}
