/**
 * An example's text under repair: edits replace characters within one line (a repair never
 * adds or removes a line), and every edit is logged so a position in the repaired text maps back
 * to the line and column the author wrote. Columns count UTF-16 code units, which are code
 * points for the Basic Multilingual Plane the specifications' examples are written in.
 */

interface Edit {
  readonly line: number;
  /** 1-based column where the edit starts, in the text as it was when the edit was made. */
  readonly column: number;
  readonly removed: number;
  readonly inserted: number;
}

export class EditableText {
  private readonly lines: string[];
  private readonly edits: Edit[] = [];

  constructor(text: string) {
    this.lines = text.split('\n');
  }

  get text(): string {
    return this.lines.join('\n');
  }

  line(n: number): string {
    return this.lines[n - 1] ?? '';
  }

  get lineCount(): number {
    return this.lines.length;
  }

  /** Replaces `removed` characters at (line, column) by `insert`. */
  replace(line: number, column: number, removed: number, insert: string): void {
    const text = this.line(line);
    this.lines[line - 1] = text.slice(0, column - 1) + insert + text.slice(column - 1 + removed);
    this.edits.push({ line, column, removed, inserted: insert.length });
  }

  /** The position in the text before every edit. */
  original(line: number, column: number): { line: number; column: number } {
    let c = column;
    for (let i = this.edits.length - 1; i >= 0; i--) {
      const e = this.edits[i]!;
      if (e.line !== line || c < e.column) continue;
      c = c >= e.column + e.inserted ? c - e.inserted + e.removed : e.column;
    }
    return { line, column: c };
  }

  copy(): EditableText {
    const twin = new EditableText(this.text);
    twin.edits.push(...this.edits);
    return twin;
  }
}
