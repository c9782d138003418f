/**
 * Schema text inside comments: JSDoc (`/** ... *\/`), line comments (`// ...`) and XML/HTML
 * comments (`<!-- ... -->`). A comment ends at a fixed sequence (`*\/`, a line terminator,
 * `-->`); text that can hold that sequence can end the comment and become code or markup. Each
 * function makes the ending impossible, and renders what a reader could not see as visible
 * `\uXXXX` text: a comment is for people, so a visible escape beats a faithful copy.
 */
import { isInvisible, isLineTerminator, mapUnits, unicodeEscape } from './characters.js';

/**
 * Text for a JSDoc block. `*\/` would close the comment: every `/` after a `*` becomes `\/`, and
 * every `*` after a `/` becomes `\*`, so neither `*\/` nor `/*` survives in any mix (`*\/*`
 * becomes `*\/\*`). A line starting with `@` (or `{@` anywhere) is read as a tag by TypeScript
 * and editors: an `@` at the start of a word becomes `\@`, the escape of TSDoc. Line terminators
 * become `\n` (LS, PS, CR and NEL would start lines without the ` * ` prefix); other invisible
 * characters and lone surrogates become visible `\uXXXX`.
 */
export function jsdocText(value: string): string {
  return mapUnits(value, (code, i, loneSurrogate) => {
    if (code >= 0x41 && code <= 0x7e) return undefined; // letters and most punctuation: the common case
    const before = i > 0 ? value.charCodeAt(i - 1) : -1;
    if (code === 0x2f && before === 0x2a) return '\\/';
    if (code === 0x2a && before === 0x2f) return '\\*';
    if (code === 0x40 && (before === -1 || before === 0x7b || isSpace(before))) return '\\@';
    if (code === 0x0d && value.charCodeAt(i + 1) === 0x0a) return '';
    if (code === 0x0a) return undefined;
    if (isLineTerminator(code)) return '\n';
    if (code === 0x09) return undefined;
    return loneSurrogate || isInvisible(code) ? unicodeEscape(code) : undefined;
  });
}

/**
 * Text for a `//` comment (the generated-file header names the schema files, and a file name
 * may hold anything but `/` and NUL): no line terminator of any kind may reach it, so every one
 * becomes visible `\uXXXX`, as do the other invisible characters and lone surrogates.
 */
export function lineCommentText(value: string): string {
  return mapUnits(value, (code, _i, loneSurrogate) => (loneSurrogate || isInvisible(code) || isLineTerminator(code) ? unicodeEscape(code) : undefined));
}

/**
 * Text for one line of an XML or HTML comment (`<!-- text -->`): what `lineCommentText` does,
 * and no `--` (XML forbids it in comments, and `-->` would end the comment early): a space goes
 * between two hyphens, and after a final one, so the closing `-->` is not `--->`.
 */
export function xmlCommentText(value: string): string {
  const line = lineCommentText(value);
  return mapUnits(line, (code, i) => (code === 0x2d && (i === line.length - 1 || line.charCodeAt(i + 1) === 0x2d) ? '- ' : undefined));
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || isLineTerminator(code);
}
