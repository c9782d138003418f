/**
 * Turns offsets into the decoded text (UTF-16 indexes, what JavaScript strings count) into the
 * 1-based line and column that diagnostics and the source tree carry.
 *
 * Columns count Unicode code points, so a character outside the Basic Multilingual Plane is one
 * column although it takes two UTF-16 units. Lines break as XML 1.0 section 2.11 says: at LF, at
 * CR, and once at CR LF. The parser adapter and the defect scanner both ask for points in
 * document order, so the cursor only walks forward and the whole document costs one pass.
 */
import type { SourcePoint } from './source-tree.js';

const LF = 0x0a;
const CR = 0x0d;

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

export class PointCursor {
  private offset = 0;
  private line = 1;
  private column = 1;

  constructor(private readonly text: string) {}

  /** The point of the character that starts at `target` (or of the end, past the last one). */
  pointAt(target: number): SourcePoint {
    const end = Math.max(0, Math.min(target, this.text.length));
    // Asking for an earlier point is a caller's slip, not an input's: start over, stay correct.
    if (end < this.offset) {
      this.offset = 0;
      this.line = 1;
      this.column = 1;
    }
    const text = this.text;
    let { offset, line, column } = this;
    for (; offset < end; offset++) {
      const unit = text.charCodeAt(offset);
      if (unit === LF) {
        // The LF of a CR LF pair ends no second line.
        if (text.charCodeAt(offset - 1) !== CR) line++;
        column = 1;
      } else if (unit === CR) {
        line++;
        column = 1;
      } else if (!(isLowSurrogate(unit) && isHighSurrogate(text.charCodeAt(offset - 1)))) {
        // The second half of a surrogate pair is the same character as the first.
        column++;
      }
    }
    this.offset = offset;
    this.line = line;
    this.column = column;
    return { line, column };
  }
}

/** The offset where the character that ends just before `offset` starts (a pair is one). */
export function lastCharStart(text: string, offset: number): number {
  if (offset <= 0) return 0;
  const before = offset - 1;
  const pairStart = before - 1;
  return pairStart >= 0 && isLowSurrogate(text.charCodeAt(before)) && isHighSurrogate(text.charCodeAt(pairStart))
    ? pairStart
    : before;
}
