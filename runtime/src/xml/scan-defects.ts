/**
 * A lenient scanner for the defects of hand-written XML, run when the conformant parse has
 * failed. A conformant parser stops at the first fatal error; a person fixing a document copied
 * from a specification (Appendix M of the OMA CPM Event Reporting Framework has all of these)
 * wants every defect at once:
 *
 * - something before the XML declaration (a tab, a blank line);
 * - attribute values in typographic quotes, or opened straight and closed typographically;
 * - attribute values without quotes;
 * - end tags that close nothing (often after the element was self-closed), and elements never
 *   closed;
 * - characters such as { and } in element and attribute names.
 *
 * The scanner never fails and never backtracks: it reads tags one after another, recovers at the
 * next plausible boundary, and reports each defect with its line and column. It is a heuristic:
 * it may miss a defect the parser would find, and it judges nothing but these defects.
 */
import type { Diagnostic, DiagnosticCode } from '../diagnostics.js';
import { excerpt } from '../diagnostics.js';
import { describeChar, firstNonNameChar, isTypographicQuote, isXmlSpace } from './characters.js';
import { ElementPath, localName } from './element-path.js';
import { PointCursor } from './point-cursor.js';
import type { SourcePoint } from './source-tree.js';

export interface ScanOptions {
  /** Stop after this many defects. */
  readonly maxDefects: number;
  /** Stop at this nesting depth: deeper documents are the depth limit's business. */
  readonly maxDepth: number;
}

export function scanDefects(text: string, options: ScanOptions): Diagnostic[] {
  return new DefectScanner(text, options).scan();
}

interface OpenElement {
  readonly name: string;
  readonly point: SourcePoint;
}

/** Where a value that opened with a straight quote was really meant to end: at a curly quote. */
const ENDS_AN_ATTRIBUTE = /[ \t\r\n]*\/?>|[ \t\r\n]+[^\s=<>"'/]+[ \t\r\n]*=/y;

class DefectScanner {
  private i = 0;
  private readonly cursor: PointCursor;
  private readonly path = new ElementPath();
  private readonly open: OpenElement[] = [];
  /** The last element of each name written self-closed, for the end tag that follows it. */
  private readonly selfClosed = new Map<string, SourcePoint>();
  private readonly found: Diagnostic[] = [];
  /** `line code` of what is reported: one defect of a kind per line is enough. */
  private readonly reported = new Set<string>();

  constructor(
    private readonly text: string,
    private readonly options: ScanOptions,
  ) {
    this.cursor = new PointCursor(text);
  }

  scan(): Diagnostic[] {
    const text = this.text;
    while (!this.done()) {
      const lt = text.indexOf('<', this.i);
      if (lt < 0) break;
      this.i = lt;
      if (text.startsWith('<!--', lt)) this.skipPast('-->', lt + 4);
      else if (text.startsWith('<![CDATA[', lt)) this.skipPast(']]>', lt + 9);
      else if (text.startsWith('<?', lt)) this.processingInstruction(lt);
      else if (text.startsWith('<!', lt)) this.skipPast('>', lt + 2);
      else if (text.startsWith('</', lt)) this.endTag(lt);
      else this.startTag(lt);
    }
    if (!this.done()) this.neverClosed();
    return this.found;
  }

  private done(): boolean {
    return this.found.length >= this.options.maxDefects || this.open.length > this.options.maxDepth;
  }

  private skipPast(end: string, from: number): void {
    const at = this.text.indexOf(end, from);
    this.i = at < 0 ? this.text.length : at + end.length;
  }

  private processingInstruction(lt: number): void {
    const isDeclaration = /<\?xml[ \t\r\n?]/y;
    isDeclaration.lastIndex = lt;
    if (lt > 0 && isDeclaration.test(this.text)) this.declarationNotAtStart(lt);
    this.skipPast('?>', lt + 2);
  }

  private declarationNotAtStart(lt: number): void {
    const before = this.text.slice(0, lt);
    if (/^[ \t\r\n]*$/.test(before)) {
      const first = describeChar(before.codePointAt(0) ?? 0);
      const more = lt > 1 ? ` and ${lt - 1} more white-space character${lt > 2 ? 's' : ''}` : '';
      this.report('evfw.xml.declaration-not-at-start', 0, {
        message: `the document starts with ${first}${more} before the XML declaration, which must come first`,
        hint: 'delete everything before "<?xml"',
      });
      return;
    }
    this.report('evfw.xml.declaration-not-at-start', lt, {
      message: 'an XML declaration appears after other content; it is allowed only at the very start',
      hint: 'move it to the start of the document, or delete it',
    });
  }

  private startTag(lt: number): void {
    const nameEnd = this.nameEnd(lt + 1);
    const name = this.text.slice(lt + 1, nameEnd);
    if (name === '') {
      // A "<" that starts no tag (as in "a < b"): the parser says so; nothing of ours.
      this.i = lt + 1;
      return;
    }
    const point = this.cursor.pointAt(lt);
    // Inside its own start tag, defects belong to the element: enter it before reading on.
    this.path.enter(localName(name));
    this.checkName(name, lt + 1, 'element name');
    const end = this.attributes(nameEnd);
    this.i = end.offset;
    if (end.selfClosed) {
      this.path.leave();
      this.selfClosed.set(name, point);
    } else {
      this.open.push({ name, point });
    }
  }

  /** Reads attributes up to the end of the start tag; returns where scanning goes on. */
  private attributes(from: number): { offset: number; selfClosed: boolean } {
    const text = this.text;
    let j = from;
    for (;;) {
      while (j < text.length && isXmlSpace(text.charCodeAt(j))) j++;
      const c = text[j];
      if (c === undefined || c === '<') return { offset: j, selfClosed: false };
      if (c === '>') return { offset: j + 1, selfClosed: false };
      if (c === '/' && text[j + 1] === '>') return { offset: j + 2, selfClosed: true };
      const nameEnd = this.nameEnd(j);
      if (nameEnd === j) {
        j++;
        continue;
      }
      const name = text.slice(j, nameEnd);
      this.checkName(name, j, 'attribute name', name);
      j = nameEnd;
      while (j < text.length && isXmlSpace(text.charCodeAt(j))) j++;
      if (text[j] !== '=') continue;
      j++;
      while (j < text.length && isXmlSpace(text.charCodeAt(j))) j++;
      j = this.value(j, name);
    }
  }

  /** Reads one attribute value starting at `j`; returns the offset after it. */
  private value(j: number, name: string): number {
    const text = this.text;
    const first = text.codePointAt(j);
    if (first === undefined || text[j] === '>' || text[j] === '<' || text.startsWith('/>', j)) return j;
    if (text[j] === '"' || text[j] === "'") return this.straightValue(j, name);
    if (isTypographicQuote(first)) return this.typographicValue(j, first, name);
    let end = j;
    while (end < text.length && !isXmlSpace(text.charCodeAt(end)) && !'<>'.includes(text[end]!) && !text.startsWith('/>', end)) end++;
    const value = text.slice(j, end);
    this.report('evfw.xml.attribute-unquoted', j, {
      message: `the value of attribute "${excerpt(name)}" is not in quotes`,
      hint: `put it in straight quotes: ${excerpt(name)}="${excerpt(value)}"`,
    }, name);
    return end;
  }

  /** A value opened by " or ': it may run on to a later quote past a typographic one. */
  private straightValue(j: number, name: string): number {
    const text = this.text;
    const quote = text[j]!;
    let close = j + 1;
    let lt = -1;
    let lineBreak = false;
    for (; close < text.length && text[close] !== quote; close++) {
      if (text[close] === '<' && lt < 0) lt = close;
      if (text[close] === '\n') lineBreak = true;
    }
    // A "<" and a line break before the closing quote: the value never closed, the tag ends at
    // the "<". A "<" on the value's own line is more likely a bad character inside the value.
    const end = lt >= 0 && (lineBreak || close === text.length) ? lt : close;
    for (let k = j + 1; k < end; k++) {
      const unit = text.charCodeAt(k);
      if (!isTypographicQuote(unit)) continue;
      ENDS_AN_ATTRIBUTE.lastIndex = k + 1;
      if (!ENDS_AN_ATTRIBUTE.test(text)) continue;
      this.report('evfw.xml.attribute-curly-close', k, {
        message: `the value of attribute "${excerpt(name)}" opens with a straight quote but is closed by the typographic quote ${describeChar(unit)}, so it runs on to the next straight quote`,
        hint: `close it with a straight quote: ${excerpt(name)}=${quote}${excerpt(text.slice(j + 1, k))}${quote}`,
      }, name);
      return k + 1;
    }
    return end === close ? Math.min(close + 1, text.length) : end;
  }

  /** A value delimited by typographic quotes: up to the next quote of any kind, or a space. */
  private typographicValue(j: number, open: number, name: string): number {
    const text = this.text;
    const start = j + (open > 0xffff ? 2 : 1);
    let end = start;
    while (end < text.length && !'<>\n"\''.includes(text[end]!) && !isTypographicQuote(text.codePointAt(end)!)) end++;
    const closed = end < text.length && (isTypographicQuote(text.codePointAt(end)!) || text[end] === '"' || text[end] === "'");
    const value = text.slice(start, end);
    this.report('evfw.xml.attribute-quote', j, {
      message: `the value of attribute "${excerpt(name)}" is delimited by the typographic quote ${describeChar(open)} instead of a straight one`,
      hint: `use straight quotes: ${excerpt(name)}="${excerpt(value)}"`,
    }, name);
    return closed ? end + 1 : end;
  }

  private endTag(lt: number): void {
    const text = this.text;
    const nameEnd = this.nameEnd(lt + 2);
    const name = text.slice(lt + 2, nameEnd);
    const close = text.indexOf('>', nameEnd);
    const next = text.indexOf('<', nameEnd);
    this.i = close < 0 ? text.length : next >= 0 && next < close ? next : close + 1;
    if (name === '') return;
    const point = this.cursor.pointAt(lt);
    this.checkName(name, lt + 2, 'end tag name');
    let depth = this.open.length - 1;
    while (depth >= 0 && this.open[depth]!.name !== name) depth--;
    if (depth < 0) {
      this.strayEndTag(name, point);
      return;
    }
    // Every element opened inside the one this end tag closes was never closed itself.
    for (let k = this.open.length - 1; k > depth; k--) {
      const unclosed = this.open[k]!;
      this.report('evfw.xml.unclosed-element', unclosed.point, {
        message: `<${excerpt(unclosed.name)}> is never closed: </${excerpt(name)}> on line ${point.line} ends its parent first`,
        hint: `add </${excerpt(unclosed.name)}> where the element ends, or write it self-closed: <${excerpt(unclosed.name)} .../>`,
      });
      this.leave();
    }
    this.leave();
  }

  private strayEndTag(name: string, point: SourcePoint): void {
    const selfClosed = this.selfClosed.get(name);
    const open = this.open.at(-1);
    const message = selfClosed
      ? `the end tag </${excerpt(name)}> closes nothing: <${excerpt(name)} .../> was already self-closed on line ${selfClosed.line}`
      : `the end tag </${excerpt(name)}> matches no open element${open ? ` (the open one is <${excerpt(open.name)}>)` : ''}`;
    const caseOnly = open !== undefined && open.name.toLowerCase() === name.toLowerCase();
    const hint = selfClosed
      ? `remove the end tag, or drop the "/" of <${excerpt(name)} .../> if what follows belongs inside it`
      : caseOnly
        ? `names are case-sensitive: write </${excerpt(open.name)}>`
        : 'remove the end tag, or add the start tag it belongs to';
    this.report('evfw.xml.tag-mismatch', point, { message, hint });
  }

  private neverClosed(): void {
    while (this.open.length > 0) {
      const unclosed = this.open.at(-1)!;
      this.report('evfw.xml.unclosed-element', unclosed.point, {
        message: `<${excerpt(unclosed.name)}> is never closed: the document ends first`,
        hint: `add </${excerpt(unclosed.name)}> where the element ends`,
      });
      this.leave();
    }
  }

  private leave(): void {
    this.open.pop();
    this.path.leave();
  }

  private checkName(name: string, offset: number, what: string, attribute?: string): void {
    const bad = firstNonNameChar(name);
    if (bad < 0) return;
    this.report('evfw.xml.invalid-name', offset + bad, {
      message: `the ${what} "${excerpt(name)}" contains ${describeChar(name.codePointAt(bad)!)}, which XML names cannot contain`,
      hint: 'names hold letters, digits, "-", "_" and "."; a placeholder such as {xxx} must be replaced by a real name',
    }, attribute);
  }

  /** Where a name that starts at `from` ends, read leniently: up to white space or a delimiter. */
  private nameEnd(from: number): number {
    const text = this.text;
    let j = from;
    while (j < text.length && !isXmlSpace(text.charCodeAt(j)) && !'<>/="\''.includes(text[j]!)) j++;
    return j;
  }

  /** Reports a defect of the current element, or of its `attribute`; paths are made only here. */
  private report(code: DiagnosticCode, where: number | SourcePoint, what: { message: string; hint: string }, attribute?: string): void {
    const point = typeof where === 'number' ? this.cursor.pointAt(where) : where;
    const key = `${point.line} ${code}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    const path = attribute === undefined ? this.path.toString() : this.path.toString(`@${excerpt(localName(attribute), 64)}`);
    this.found.push({ code, severity: 'error', ...what, line: point.line, column: point.column, path });
  }
}
