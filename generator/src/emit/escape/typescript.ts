/**
 * Schema values as TypeScript (and JavaScript) source: string literals, and JSON data written
 * into source or into .json files. A value can become code only by ending its literal, so both
 * functions make sure it cannot, and that what a reader sees in the file is what the compiler
 * reads: nothing invisible, nothing that reorders the text on screen.
 */
import { isInvisible, mapUnits, unicodeEscape } from './characters.js';

const SHORT_ESCAPES: Readonly<Record<number, string>> = { 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t' };

/**
 * A single-quoted TypeScript string literal of `value`, usable as an expression and as a
 * literal type. Escaped: the backslash and the single quote (which would end the literal);
 * line terminators (LF and CR end a literal; LS and PS do not since ES2019 but still break
 * lines in editors and older parsers); every other invisible character and lone surrogates,
 * as `\uXXXX`, so the file stays valid UTF-8 and reads as it runs. Double quotes, backticks and
 * `${` need nothing inside single quotes; other non-ASCII text stays as it is, readable.
 */
export function tsString(value: string): string {
  const body = mapUnits(value, (code, _i, loneSurrogate) => {
    if (code === 0x5c) return '\\\\';
    if (code === 0x27) return "\\'";
    if (SHORT_ESCAPES[code] !== undefined) return SHORT_ESCAPES[code];
    return loneSurrogate || isInvisible(code) ? unicodeEscape(code) : undefined;
  });
  return `'${body}'`;
}

/**
 * The one way emitters write a value into code: a string as `tsString` quotes it, a number as
 * JavaScript writes it (`1.5`, `-2`), a boolean as its keyword. A number that is not finite has
 * no literal (`Infinity` and `NaN` are identifiers), so it is refused rather than written.
 */
export function literal(value: string | number | boolean): string {
  if (typeof value === 'string') return tsString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (!Number.isFinite(value)) throw new TypeError(`literal: ${value} has no literal in TypeScript`);
  return String(value);
}

/**
 * JSON text of `value` (`JSON.stringify`, indented by `space`), safe both as a .json file and
 * embedded in TypeScript source (a descriptor's initializer, a key in double quotes).
 * `JSON.stringify` already escapes quotes, backslashes, C0 controls and lone surrogates; it
 * leaves LS and PS raw, which parsers before ES2019 read as line ends inside a string, and
 * leaves the other invisible characters raw. They can stand only inside JSON strings, where
 * `\uXXXX` means the same character, so they are escaped everywhere in the text.
 */
export function jsonText(value: unknown, space?: number): string {
  const text = JSON.stringify(value, null, space);
  if (text === undefined) throw new TypeError('jsonText: the value has no JSON form');
  return mapUnits(text, (code, _i, loneSurrogate) => (!loneSurrogate && code >= 0x20 && isInvisible(code) ? unicodeEscape(code) : undefined));
}
