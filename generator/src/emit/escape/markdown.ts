/**
 * Schema text in the generated Markdown (docs/*.md, the package README): prose, code spans and
 * table cells of GitHub's dialect. Markdown passes raw HTML through, so text that could open a
 * tag, a link or a block is escaped with the backslash escapes CommonMark defines for ASCII
 * punctuation; the rendered page then shows the characters of the schema, as they are.
 */
import { isLineTerminator, isXmlChar, mapUnits, REPLACEMENT } from './characters.js';

/** Inline punctuation escaped wherever it stands: raw HTML (`<`), emphasis, code, links, escapes. */
const INLINE = new Set([0x5c, 0x60, 0x2a, 0x5f, 0x5b, 0x5d, 0x3c]);

/**
 * Prose. Inline punctuation is escaped everywhere; a line's first character is escaped when it
 * would open a block (`# `, `> `, `- `; the `.` of `1. `), so a value cannot add headings, lists
 * or quotes; a value is taken to start a line, since some do (a paragraph of documentation). In a
 * table cell (`cell`), `|` is escaped and line terminators become spaces: a new line ends the
 * table row. Characters Markdown cannot hold (controls, lone surrogates) become U+FFFD, which
 * is what CommonMark renders NUL as.
 */
export function markdownText(value: string, cell = false): string {
  return mapUnits(value, (code, i, loneSurrogate) => {
    if (code === 0x0d && value.charCodeAt(i + 1) === 0x0a) return '';
    if (isLineTerminator(code)) return code === 0x0a && !cell ? undefined : cell ? ' ' : '\n';
    if (!isXmlChar(code, loneSurrogate)) return REPLACEMENT;
    if (INLINE.has(code) || (cell && code === 0x7c)) return `\\${value[i]}`;
    if (!cell && (opensBlock(value, i) || orderedListMarker(value, i))) return `\\${value[i]}`;
    return undefined;
  });
}

/**
 * Whether the character at `i` starts a line and opens a block there, by CommonMark's rules: `>`
 * (a quote) and `|` (a table row) always; `#` before a space, another `#` or the line's end (a
 * heading); `-`, `+` and `=` before a space or the line's end (a list item, a setext underline),
 * and `-` and `=` before another of their kind (a thematic break or underline). `-90` opens
 * nothing and keeps its hyphen bare.
 */
function opensBlock(value: string, i: number): boolean {
  const c = value[i]!;
  if (!'>|#-+='.includes(c) || !lineStart(value, i)) return false;
  if (c === '>' || c === '|') return true;
  const next = value.charCodeAt(i + 1);
  const spaceOrEnd = Number.isNaN(next) || next === 0x20 || next === 0x09 || isLineTerminator(next);
  return spaceOrEnd || (c !== '+' && value[i + 1] === c);
}

function lineStart(value: string, i: number): boolean {
  return i === 0 || isLineTerminator(value.charCodeAt(i - 1));
}

/**
 * A code span of `value`: fenced by one more backtick than the longest run inside it (padded
 * with spaces when it starts or ends with one), so no backtick in the value can end it. Line
 * terminators become spaces (a span renders them so, and a blank line would end the paragraph);
 * in a table cell, `|` is escaped, which GitHub reads inside code spans too.
 */
export function markdownCode(value: string, cell = false): string {
  let longest = 0;
  let run = 0;
  const body = mapUnits(value, (code, _i, loneSurrogate) => {
    run = code === 0x60 ? run + 1 : 0;
    longest = Math.max(longest, run);
    if (isLineTerminator(code)) return ' ';
    if (!isXmlChar(code, loneSurrogate)) return REPLACEMENT;
    return cell && code === 0x7c ? '\\|' : undefined;
  });
  const ticks = '`'.repeat(longest + 1);
  const padded = value.startsWith('`') || value.endsWith('`') ? ` ${body} ` : body;
  return `${ticks}${padded}${ticks}`;
}

/**
 * Whether `i` is the `.` or `)` of `1. ` or `1)` at the start of a line and before a space or
 * the line's end, which opens an ordered list (`5.2` does not): that character is the one to
 * escape, since a backslash before a digit is no escape. At most nine digits open a list, so
 * the look back is bounded.
 */
function orderedListMarker(value: string, i: number): boolean {
  const c = value.charCodeAt(i);
  if (c !== 0x2e && c !== 0x29) return false;
  const next = value.charCodeAt(i + 1);
  if (!(Number.isNaN(next) || next === 0x20 || next === 0x09 || isLineTerminator(next))) return false;
  let j = i;
  while (j > 0 && i - j < 9 && value.charCodeAt(j - 1) >= 0x30 && value.charCodeAt(j - 1) <= 0x39) j--;
  return j < i && lineStart(value, j);
}
