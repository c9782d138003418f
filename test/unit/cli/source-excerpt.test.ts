/** The source line and caret under a diagnostic: columns in code points, on any input. */
import { describe, expect, it } from 'vitest';
import { decodeForDisplay, excerptsFor, sourceExcerpt } from '../../../cli/src/report/source-excerpt.js';

describe('sourceExcerpt', () => {
  it('puts the caret under the column, keeping tabs and giving wide characters two cells', () => {
    expect(sourceExcerpt('\tab<x/>', 1, 4)).toEqual({ line: 1, text: '\tab<x/>', marker: '\t  ^' });
    expect(sourceExcerpt('日本<x/>', 1, 3)!.marker).toBe('    ^');
    // An astral character is one code point, so one column, and two cells.
    expect(sourceExcerpt('😀<x/>', 1, 2)!.marker).toBe('  ^');
  });

  it('shows control characters as their pictures', () => {
    expect(sourceExcerpt('a\u0000b\u001b[31m', 1, 2)!.text).toBe('a\u2400b\u241b[31m');
  });

  it('cuts a long line to a window around the column', () => {
    const line = `${'a'.repeat(10_000)}<bad/>${'b'.repeat(10_000)}`;
    const excerpt = sourceExcerpt(line, 1, 10_001)!;
    expect([...excerpt.text].length).toBe(122);
    expect(excerpt.text.startsWith('…') && excerpt.text.endsWith('…')).toBe(true);
    expect(excerpt.marker.indexOf('^')).toBe(excerpt.text.indexOf('<bad/>'));
  });

  it('a column past the end of the line points just after it; no line, no excerpt', () => {
    expect(sourceExcerpt('<a>', 1, 9)!.marker).toBe('   ^');
    expect(sourceExcerpt(undefined, 3, 1)).toBeUndefined();
    expect(sourceExcerpt('x', 0, 0)).toBeUndefined();
  });
});

describe('excerptsFor', () => {
  it('counts lines as XML does: CR LF, CR and LF', () => {
    const [a, b, c] = excerptsFor('one\r\ntwo\rthree\nfour', [{ line: 2, column: 1 }, { line: 3, column: 2 }, { line: 4, column: 1 }]);
    expect([a!.text, b!.text, c!.text]).toEqual(['two', 'three', 'four']);
  });

  it('decodes UTF-16 by its byte order mark, and never fails on bad bytes', () => {
    expect(decodeForDisplay(new Uint8Array([0xff, 0xfe, 0x3c, 0x00, 0x61, 0x00]))).toBe('<a');
    expect(decodeForDisplay(new Uint8Array([0x3c, 0x80, 0x3e]))).toBe('<\ufffd>');
  });
});
