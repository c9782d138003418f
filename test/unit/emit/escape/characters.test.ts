/**
 * The scan every escape of emit/escape/ is built on: code points whole, lone surrogates seen one
 * by one, kept text copied unchanged, and the character classes the escapes decide by.
 */
import { describe, expect, it } from 'vitest';
import { isInvisible, isLineTerminator, isXmlChar, mapUnits, unicodeEscape } from '../../../../generator/src/emit/escape/characters.js';

describe('mapUnits', () => {
  it('hands over code points whole, and each lone surrogate alone', () => {
    const seen: [number, number, boolean][] = [];
    mapUnits('a\u{1F600}\uD800b\uDC00', (code, index, lone) => {
      seen.push([code, index, lone]);
      return undefined;
    });
    expect(seen).toEqual([
      [0x61, 0, false],
      [0x1f600, 1, false],
      [0xd800, 3, true],
      [0x62, 4, false],
      [0xdc00, 5, true],
    ]);
  });

  it('returns the very string when nothing is replaced, and splices replacements in place', () => {
    const value = 'plain text, é and \u{1F600}';
    expect(mapUnits(value, () => undefined)).toBe(value);
    expect(mapUnits('a\u{1F600}b', (code) => (code === 0x1f600 ? '<emoji>' : undefined))).toBe('a<emoji>b');
    expect(mapUnits('xyz', (code) => (code === 0x78 || code === 0x7a ? '' : undefined))).toBe('y');
  });

  it('is linear: 4 million characters, every other one replaced, at once', () => {
    const value = 'a*'.repeat(2_000_000);
    const started = performance.now();
    const out = mapUnits(value, (code) => (code === 0x2a ? '\\*' : undefined));
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(out.length).toBe(6_000_000);
  });
});

describe('the character classes', () => {
  it('line terminators: the four of ECMAScript, and NEL', () => {
    expect([0x0a, 0x0d, 0x2028, 0x2029, 0x85].every(isLineTerminator)).toBe(true);
    expect([0x09, 0x0b, 0x0c, 0x20].some(isLineTerminator)).toBe(false);
  });

  it('invisible: controls, separators, bidi formatting, BOM and the two noncharacters', () => {
    for (const code of [0x00, 0x09, 0x1f, 0x7f, 0x85, 0x9f, 0x2028, 0x2029, 0x200e, 0x200f, 0x202a, 0x202e, 0x2066, 0x2069, 0xfeff, 0xfffe, 0xffff]) {
      expect(isInvisible(code), unicodeEscape(code)).toBe(true);
    }
    for (const code of [0x20, 0x41, 0xa0, 0xe9, 0x200b, 0x2030, 0xfffd, 0x1f600]) expect(isInvisible(code), unicodeEscape(code)).toBe(false);
  });

  it('XML 1.0 characters: tab, LF and CR among the controls, no surrogate alone, no U+FFFE or U+FFFF', () => {
    expect([0x09, 0x0a, 0x0d, 0x20, 0xd7ff, 0xe000, 0xfffd, 0x10000, 0x10ffff].every((c) => isXmlChar(c, false))).toBe(true);
    expect([0x00, 0x08, 0x0b, 0x1f, 0xfffe, 0xffff].some((c) => isXmlChar(c, false))).toBe(false);
    expect(isXmlChar(0xd800, true)).toBe(false);
  });

  it('writes \\uXXXX with four upper-case digits', () => {
    expect(unicodeEscape(0)).toBe('\\u0000');
    expect(unicodeEscape(0x202e)).toBe('\\u202E');
  });
});
