/**
 * The source line under a diagnostic, with a caret under its column, as compilers print it.
 *
 * Columns count Unicode code points (as diagnostics do), so the caret line is built code point
 * by code point: a tab stays a tab (the terminal expands both lines alike), an East Asian wide
 * character takes two cells, and control characters are shown as their Unicode control pictures
 * (bidi controls and invisible characters as U+FFFD) so that a binary file cannot drive the
 * terminal or reorder what it shows. Long lines (a 10 MB document on one line) are
 * cut to a window around the column.
 */

export interface SourceExcerpt {
  readonly line: number;
  /** The line as printed: printable, and at most WINDOW code points with ellipses. */
  readonly text: string;
  /** Blanks (tabs where the line has tabs) up to the column, then `^`. */
  readonly marker: string;
}

const WINDOW = 120;
const CONTEXT_BEFORE = 60;

/** Decodes bytes for display only: the byte order mark picks UTF-16, otherwise UTF-8; never fails. */
export function decodeForDisplay(bytes: Uint8Array): string {
  const encoding = bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}

/** The excerpt of each position in `text`, or undefined where it has none (line 0). */
export function excerptsFor(text: string, positions: readonly { readonly line: number; readonly column: number }[]): (SourceExcerpt | undefined)[] {
  if (!positions.some((p) => p.line > 0)) return positions.map(() => undefined);
  // CR LF, CR and LF each end a line, as XML counts them.
  const lines = text.split(/\r\n|\r|\n/);
  // A long line with astral characters is split into code points once, however many errors it has.
  const split = new Map<number, string[]>();
  const codePoints = (line: number) => () => split.get(line) ?? split.set(line, [...lines[line - 1]!]).get(line)!;
  return positions.map((p) => sourceExcerpt(lines[p.line - 1], p.line, p.column, codePoints(p.line)));
}

export function sourceExcerpt(source: string | undefined, line: number, column: number, codePoints = () => [...source!]): SourceExcerpt | undefined {
  if (source === undefined || line < 1 || column < 1) return undefined;
  const { chars, start, total } = window(source, column - 1, codePoints);
  const at = Math.min(column - 1, total) - start;
  const before = start > 0 ? '…' : '';
  const after = start + chars.length < total ? '…' : '';
  const text = before + chars.map(printable).join('') + after;
  const marker = (before ? ' ' : '') + chars.slice(0, at).map(blank).join('') + '^';
  return { line, text, marker };
}

/** At most WINDOW code points of `source` around code point `at`, and where they start. */
function window(source: string, at: number, codePoints: () => string[]): { chars: string[]; start: number; total: number } {
  if (source.length <= WINDOW * 2) {
    const chars = [...source];
    if (chars.length <= WINDOW) return { chars, start: 0, total: chars.length };
    const start = Math.max(0, Math.min(at - CONTEXT_BEFORE, chars.length - WINDOW));
    return { chars: chars.slice(start, start + WINDOW), start, total: chars.length };
  }
  // Without surrogates a code point is a code unit, so the window is a plain slice.
  if (!/[\ud800-\udfff]/.test(source)) {
    const start = Math.max(0, Math.min(at - CONTEXT_BEFORE, source.length - WINDOW));
    return { chars: [...source.slice(start, start + WINDOW)], start, total: source.length };
  }
  const all = codePoints();
  const start = Math.max(0, Math.min(at - CONTEXT_BEFORE, all.length - WINDOW));
  return { chars: all.slice(start, start + WINDOW), start, total: all.length };
}

function printable(c: string): string {
  const code = c.codePointAt(0)!;
  if (code === 0x09) return c;
  if (code < 0x20) return String.fromCodePoint(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  // C1 controls, lone surrogates, the line and paragraph separators, bidi controls (which would
  // reorder the line on screen) and zero-width characters have no picture: the replacement
  // character stands in, one cell wide, so the caret below stays under its column.
  if ((code >= 0x80 && code < 0xa0) || (code >= 0xd800 && code <= 0xdfff) || INVISIBLE.has(code)) return '\ufffd';
  return c;
}

/** U+2028, U+2029; U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069; U+200B, U+2060, U+FEFF. */
const INVISIBLE = new Set([0x2028, 0x2029, 0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200b, 0x2060, 0xfeff]);

function blank(c: string): string {
  if (c === '\t') return '\t';
  return WIDE.test(c) ? '  ' : ' ';
}

/** The East Asian wide and fullwidth blocks (and emoji) that terminals draw two cells wide. */
const WIDE = /^[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]$/u;
