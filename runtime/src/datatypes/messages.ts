/**
 * How messages show text that came from a document or a schema. Such text is untrusted: it can
 * hold an escape sequence that would drive a terminal, a line break that would forge a second
 * report line, or a bidi control that would reorder what a reader sees. `printable` is the one
 * escaping every message uses (quote, listValues and diagnostics.ts's excerpt all go through it),
 * so a message is one line and shows every character that could mislead as a visible escape.
 *
 * Everything else is shown as written: `"\Seen"`, not JSON's `"\\Seen"`, since the reader
 * compares the message with their document. A value that itself spells `\u{1B}` reads the same
 * as an escaped ESC; the JSON and SARIF reports carry the message as JSON text either way.
 */
const MAX_QUOTED = 40;

/**
 * Characters shown as `\u{...}`: C0 controls (tab and line breaks too), DEL, C1 controls, the
 * line and paragraph separators, bidi controls (U+061C, U+200E, U+200F, U+202A-U+202E,
 * U+2066-U+2069), invisible characters that make two values look alike (zero-width space, word
 * joiner, byte order mark) and lone surrogates, which no terminal can draw.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` with every unsafe character as `\u{1B}` (hexadecimal, upper case); the rest as written. */
export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u{${c.charCodeAt(0).toString(16).toUpperCase()}}`);
}

/** At most `max` code points of `text`, the cut marked by `…`; whole characters are never split. */
export function cut(text: string, max: number): string {
  // Code units bound code points from above: most values need no split into characters.
  if (text.length <= max) return text;
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/** A value in a message: `"\Seen"`, cut to a short excerpt and made printable. */
export function quote(value: string): string {
  return `"${printable(cut(value, MAX_QUOTED))}"`;
}

/** "a, b, c" with the list cut short when long: enumerations can have hundreds of values. */
export function listValues(values: readonly string[], max = 8): string {
  const shown = values.slice(0, max).map((v) => (v === '' ? '""' : printable(cut(v, MAX_QUOTED))));
  return values.length > max ? `${shown.join(', ')}, ... (${values.length} in all)` : shown.join(', ');
}
