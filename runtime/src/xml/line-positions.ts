/**
 * Lines and columns for the fast reader (fast-reader.ts), of offsets asked about in document
 * order: where lines start is found lazily and only forward, so the positions of a whole
 * document cost one pass over it. A CR LF pair is one line end; a column counts characters, so a
 * surrogate pair is one column.
 */
const CR = 0x0d;
const LF = 0x0a;

export class LinePositions {
  /** The line of the offset last asked about. */
  line = 1;
  private lineStart = 0;
  private nextBreak: number;
  private readonly hasCr: boolean;
  private readonly hasPairs: boolean;
  // Columns on lines with characters outside the BMP: surrogate pairs counted so far this line.
  private pairsUpTo = 0;
  private pairs = 0;

  constructor(private readonly text: string) {
    this.hasCr = text.includes('\r');
    this.hasPairs = /[\ud800-\udfff]/.test(text);
    this.nextBreak = this.findBreak(0);
  }

  /** The column of `offset`, not before the last one asked about; `line` is then its line. */
  column(offset: number): number {
    while (this.nextBreak < offset) {
      const at = this.nextBreak;
      this.line++;
      this.lineStart = this.text.charCodeAt(at) === CR && this.text.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
      this.nextBreak = this.findBreak(this.lineStart);
      this.pairsUpTo = this.lineStart;
      this.pairs = 0;
    }
    if (!this.hasPairs) return offset - this.lineStart + 1;
    const text = this.text;
    for (let i = this.pairsUpTo; i < offset; i++) {
      const unit = text.charCodeAt(i);
      if (unit >= 0xdc00 && unit <= 0xdfff && i > this.lineStart) this.pairs++;
    }
    this.pairsUpTo = Math.max(this.pairsUpTo, offset);
    return offset - this.lineStart + 1 - this.pairs;
  }

  private findBreak(from: number): number {
    const lf = this.text.indexOf('\n', from);
    const cr = this.hasCr ? this.text.indexOf('\r', from) : -1;
    const found = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
    return found < 0 ? this.text.length : found;
  }
}
