/**
 * How messages show untrusted text (runtime/src/datatypes/messages.ts): values as the document
 * writes them, never JSON-escaped, and every character that could break a report line, drive a
 * terminal or reorder what it shows as a visible `\u{...}` escape, through one function that
 * quote, listValues and excerpt all use.
 */
import { describe, expect, it } from 'vitest';
import { registry } from '../../../generated/src/registry.js';
import { excerpt, parseDocument, printable } from '../../../runtime/src/index.js';
import { listValues, quote } from '../../../runtime/src/datatypes/messages.js';
import { describeChar } from '../../../runtime/src/xml/characters.js';

/** A document whose one flags attribute is written as `flags` (already escaped for XML). */
const withFlags = (flags: string) =>
  `<cpm-evfw xmlns="urn:oma:xml:cpm:evfw"><event-cpm-imap type="flags" index="1"><operation name="add" flags="${flags}">` +
  `<object uid="1" folder-path="a"/></operation></event-cpm-imap></cpm-evfw>`;

describe('quote', () => {
  it('shows backslashes and quotes as written', () => {
    expect(quote('\\Flagged')).toBe('"\\Flagged"');
    expect(quote('\\\\Flagged')).toBe('"\\\\Flagged"');
    expect(quote('say "hi"')).toBe('"say "hi""');
    expect(quote('')).toBe('""');
    expect(quote('é 日本 😀')).toBe('"é 日本 😀"');
  });

  it('escapes C0 and C1 controls, DEL, line and paragraph separators', () => {
    expect(quote('a\u001b[31mb')).toBe('"a\\u{1B}[31mb"');
    expect(quote('a\tb\nc\rd\u0000')).toBe('"a\\u{9}b\\u{A}c\\u{D}d\\u{0}"');
    expect(quote('\u007f\u0080\u009b\u009f')).toBe('"\\u{7F}\\u{80}\\u{9B}\\u{9F}"');
    expect(quote('a\u2028b\u2029c')).toBe('"a\\u{2028}b\\u{2029}c"');
  });

  it('escapes bidi controls and invisible characters', () => {
    for (const c of ['\u061c', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200b', '\u2060', '\ufeff']) {
      expect(quote(`x${c}y`)).toBe(`"x\\u{${c.charCodeAt(0).toString(16).toUpperCase()}}y"`);
    }
  });

  it('escapes lone surrogates, and keeps pairs', () => {
    expect(quote('a\ud800b')).toBe('"a\\u{D800}b"');
    expect(quote('a\udc00b')).toBe('"a\\u{DC00}b"');
    expect(quote('\ud83d\ude00')).toBe('"\ud83d\ude00"');
    expect(quote('\ude00\ud83d')).toBe('"\\u{DE00}\\u{D83D}"');
  });

  it('cuts a long value to 40 characters before escaping, so no escape is cut in half', () => {
    expect(quote('x'.repeat(100))).toBe(`"${'x'.repeat(39)}…"`);
    expect(quote('\u001b'.repeat(100))).toBe(`"${'\\u{1B}'.repeat(39)}…"`);
    expect(quote('😀'.repeat(41))).toBe(`"${'😀'.repeat(39)}…"`);
  });

  it('keeps a message on one line whatever the value', () => {
    const nasty = Array.from({ length: 0x2070 }, (_, i) => String.fromCharCode(i)).join('');
    for (let at = 0; at < nasty.length; at += 30) expect(quote(nasty.slice(at, at + 30))).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
  });
});

describe('printable', () => {
  it('is the escaping of quote, without quotes or cut, and leaves escaped text unchanged', () => {
    const text = 'a\u001bb\u202ec\\u{1B}"';
    expect(printable(text)).toBe('a\\u{1B}b\\u{202E}c\\u{1B}"');
    expect(printable(printable(text))).toBe(printable(text));
  });

  it('is what excerpt and listValues use', () => {
    expect(excerpt('a\u001bb')).toBe('a\\u{1B}b');
    expect(excerpt(`\u001b${'x'.repeat(50)}`, 10)).toBe('\\u{1B}xxxxxxxxx... (51 characters)');
    expect(listValues(['\\Seen', 'a\u202eb', ''])).toBe('\\Seen, a\\u{202E}b, ""');
  });

  it('decides which characters describeChar may show, and which only by number', () => {
    expect(describeChar(0x7b)).toBe('"{" (U+007B)');
    expect(describeChar(0x9b)).toBe('U+009B');
    expect(describeChar(0x202e)).toBe('U+202E');
    expect(describeChar(0x200b)).toBe('U+200B');
  });
});

describe('messages of the validator', () => {
  it('quote an enumeration value as the document writes it (issue 19, item 6)', () => {
    const { diagnostics } = parseDocument(registry, undefined, withFlags('\\\\Flagged'));
    expect(diagnostics.map((d) => d.message)).toEqual(['attribute "flags": "\\\\Flagged" is not one of the allowed values: \\Seen, \\Deleted']);
  });

  it('show a control or bidi character of a value as an escape', () => {
    const { diagnostics } = parseDocument(registry, undefined, withFlags('\u009b31m&#10;\u202eX'));
    expect(diagnostics.map((d) => d.message)).toEqual(['attribute "flags": "\\u{9B}31m\\u{A}\\u{202E}X" is not one of the allowed values: \\Seen, \\Deleted']);
  });
});
