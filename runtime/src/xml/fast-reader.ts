/**
 * The fast path of the XML reader: one pass over the decoded text, reporting start tags, text and
 * end tags to a handler (FastHandler). With TreeHandler (fast-tree.ts) it builds the same source tree as the
 * conformant parser (saxes, through TreeBuilder) for the documents that machines write, at
 * several times its speed; the streaming validator (validate/fast-validator.ts) is the other
 * handler.
 *
 * It claims only what it has checked in full. Whenever it meets something it does not handle,
 * or anything that is not well-formed, it gives up and returns undefined, and the caller reads
 * the document again on the conformant path, which decides and explains. So the fast path never
 * reports a problem and never decides that a document is not well-formed; it can only be slower
 * (it gave up) or wrong by accepting what it should not, and test/differential/fast-path.test.ts
 * compares its trees with the conformant path's on every sample, corpus instance and mutant.
 *
 * It gives up on: a DOCTYPE or any other `<!` declaration, an XML declaration other than a
 * plain version 1.0 one, a byte order mark in the text, names it cannot prove are QNames,
 * undeclared prefixes, declarations of the reserved prefixes or namespaces, an empty prefixed
 * declaration, a namespace URI with white space around it, duplicate attributes, references
 * other than the five predefined entities and character references to Chars, `]]>` in text,
 * empty CDATA sections, a malformed comment or processing instruction, text outside the root,
 * mismatched or missing end tags, and anything beyond the depth or text-length limits.
 *
 * The decoder has already checked that the text holds only XML Chars.
 */
import type { Limits } from '../limits.js';
import { firstNonNameChar } from './characters.js';
import {
  type Attribute,
  declaration,
  hasDuplicate,
  internedName,
  isAllSpace,
  isSpace,
  LINE_END,
  LINE_END_OR_SPACE,
  NAME_CHAR,
  Occurrences,
  resolveAttributes,
  resolveReferences,
  XML_DECLARATION,
} from './fast-lexical.js';
import { giveUp, isGiveUp } from './give-up.js';
import { LinePositions } from './line-positions.js';
import { NamespaceScope } from './namespace-scope.js';
import type { NamespaceDeclaration, SourceAttribute } from './source-tree.js';


const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUESTION = 0x3f;
const BANG = 0x21;
const EQUALS = 0x3d;
const COLON = 0x3a;
const DQUOTE = 0x22;
const SQUOTE = 0x27;

const NO_ATTRIBUTES: readonly never[] = Object.freeze([]);

/** What the fast reader reports, in document order; any method may give up by calling giveUp(). */
export interface FastHandler {
  /** A start tag. `tag` is reused for the next one: copy what is kept. */
  start(tag: FastTag, scope: NamespaceScope): void;
  /** Character data inside an element, adjacent pieces already merged, at its first piece. */
  text(text: string, line: number, column: number): void;
  /** False when white space in the open element means nothing: such text is not reported. */
  keepsWhiteSpace(): boolean;
  end(): void;
}

/** A start tag, namespaces resolved; line and column are 0 when positions are not wanted. */
export interface FastTag {
  namespace: string;
  name: string;
  prefix: string;
  attributes: readonly SourceAttribute[];
  namespaceDeclarations: readonly NamespaceDeclaration[];
  line: number;
  column: number;
}

/**
 * Reads `text` into `handler`; false when the reader or the handler gave up, and the caller
 * must take the conformant path. Positions cost a little: a handler that only wants to know
 * whether the document is valid can do without them.
 */
export function scanFast(text: string, limits: Limits, handler: FastHandler, positions: boolean): boolean {
  try {
    new FastReader(text, limits, handler, positions).document();
    return true;
  } catch (error) {
    if (isGiveUp(error)) return false;
    throw error;
  }
}

class FastReader {
  private pos = 0;
  private readonly end: number;
  // Lines and columns, when positions are wanted.
  private readonly lines: LinePositions | undefined;
  // Where the characters that need care occur next.
  private readonly amps: Occurrences;
  private readonly lts: Occurrences;
  private readonly tabs: Occurrences;
  private readonly lfs: Occurrences;
  private readonly crs: Occurrences;
  private readonly cdataEnds: Occurrences;
  // Text pieces of the current text node: adjacent text and CDATA become one node.
  private textParts: string[] = [];
  private textLine = 0;
  private textColumn = 0;
  private textUnits = 0;
  // What startTag found besides this.tag, and what qname() found besides the name.
  private scope = NamespaceScope.initial;
  private empty = false;
  /** The index of the colon in the last name read, -1 for none. */
  private colon = -1;
  private readonly tag: FastTag = {
    namespace: '',
    name: '',
    prefix: '',
    attributes: NO_ATTRIBUTES,
    namespaceDeclarations: NO_ATTRIBUTES,
    line: 0,
    column: 0,
  };

  constructor(
    private readonly text: string,
    private readonly limits: Limits,
    private readonly handler: FastHandler,
    positions: boolean,
  ) {
    this.end = text.length;
    this.amps = new Occurrences(text, '&');
    this.lts = new Occurrences(text, '<');
    this.tabs = new Occurrences(text, '\t');
    this.lfs = new Occurrences(text, '\n');
    this.crs = new Occurrences(text, '\r');
    this.cdataEnds = new Occurrences(text, ']]>');
    this.lines = positions ? new LinePositions(text) : undefined;
  }

  document(): void {
    const text = this.text;
    if (text.charCodeAt(0) === 0xfeff) giveUp();
    if (text.startsWith('<?xml', 0) && isSpace(text.charCodeAt(5))) this.xmlDeclaration();
    this.misc();
    if (text.charCodeAt(this.pos) !== LT) giveUp();
    this.elements();
    this.misc();
    if (this.pos !== this.end) giveUp();
  }

  /** White space, comments and processing instructions, before or after the root. */
  private misc(): void {
    const text = this.text;
    for (;;) {
      while (this.pos < this.end && isSpace(text.charCodeAt(this.pos))) this.pos++;
      if (text.charCodeAt(this.pos) !== LT) return;
      const next = text.charCodeAt(this.pos + 1);
      if (next === QUESTION) this.processingInstruction();
      else if (next === BANG && text.startsWith('<!--', this.pos)) this.comment();
      else return;
    }
  }

  /** `<?xml version="1.0" (encoding="...")? (standalone="yes|no")? ?>`, nothing else. */
  private xmlDeclaration(): void {
    const match = XML_DECLARATION.exec(this.text);
    if (!match) giveUp();
    this.pos = match[0].length;
  }

  /** The root element and everything in it, without recursion. */
  private elements(): void {
    const text = this.text;
    const handler = this.handler;
    // The qualified names and scopes of the open elements.
    const names: string[] = [];
    const scopes: NamespaceScope[] = [];
    for (;;) {
      const lt = text.indexOf('<', this.pos);
      if (lt < 0) giveUp();
      if (lt > this.pos) this.characters(this.pos, lt);
      this.pos = lt;
      const next = text.charCodeAt(lt + 1);
      if (next === SLASH) {
        const qname = names.pop();
        if (qname === undefined) giveUp();
        scopes.pop();
        this.endTag(qname);
        this.flushText();
        handler.end();
        if (names.length === 0) return;
      } else if (next === BANG) {
        if (text.startsWith('<!--', lt)) this.comment();
        else if (text.startsWith('<![CDATA[', lt)) this.cdata();
        else giveUp();
      } else if (next === QUESTION) {
        this.processingInstruction();
      } else {
        this.flushText();
        if (names.length >= this.limits.maxDepth) giveUp();
        const outer = names.length === 0 ? NamespaceScope.initial : scopes[scopes.length - 1]!;
        const qname = this.startTag(outer);
        const scope = this.scope;
        handler.start(this.tag, scope);
        if (this.empty) {
          handler.end();
          if (names.length === 0) return;
        } else {
          names.push(qname);
          scopes.push(scope);
        }
      }
    }
  }

  /** Reads a start tag into this.tag; returns its qualified name, and its scope in this.scope. */
  private startTag(outer: NamespaceScope): string {
    const text = this.text;
    // The element's point first: the line count only moves forward, and attributes come later.
    const column = this.lines ? this.lines.column(this.pos) : 0;
    const line = this.lines ? this.lines.line : 0;
    this.pos++;
    const qname = this.qname();
    const colon = this.colon;
    let attributes: Attribute[] | undefined;
    let declarations: NamespaceDeclaration[] | undefined;
    let prefixed = false;
    this.empty = false;
    for (;;) {
      const spaceStart = this.pos;
      while (isSpace(text.charCodeAt(this.pos))) this.pos++;
      const unit = text.charCodeAt(this.pos);
      if (unit === GT) {
        this.pos++;
        break;
      }
      if (unit === SLASH) {
        if (text.charCodeAt(this.pos + 1) !== GT) giveUp();
        this.pos += 2;
        this.empty = true;
        break;
      }
      // Attributes are separated from the name and from each other by white space.
      if (this.pos === spaceStart) giveUp();
      const nameAt = this.pos;
      const name = this.qname();
      const nameColon = this.colon;
      while (isSpace(text.charCodeAt(this.pos))) this.pos++;
      if (text.charCodeAt(this.pos) !== EQUALS) giveUp();
      this.pos++;
      while (isSpace(text.charCodeAt(this.pos))) this.pos++;
      const value = this.attributeValue();
      if (name === 'xmlns' || (nameColon === 5 && name.startsWith('xmlns'))) {
        (declarations ??= []).push(declaration(name, value));
        continue;
      }
      // Other names starting with xmlns are reserved: leave them to the conformant parser.
      if (name.startsWith('xmlns')) giveUp();
      const attribute: Attribute = {
        // Resolved below, once every declaration of the tag is known.
        namespace: '',
        name: nameColon < 0 ? name : name.slice(nameColon + 1),
        prefix: nameColon < 0 ? '' : name.slice(0, nameColon),
        value,
        line: 0,
        column: this.lines ? this.lines.column(nameAt) : 0,
      };
      if (this.lines) attribute.line = this.lines.line;
      if (nameColon >= 0) prefixed = true;
      if (attributes) attributes.push(attribute);
      else attributes = [attribute];
    }
    if (attributes && hasDuplicate(attributes, (a) => `${a.prefix}:${a.name}`)) giveUp();
    if (declarations && hasDuplicate(declarations, (d) => d.prefix)) giveUp();
    const scope = declarations ? outer.declare(declarations) : outer;
    if (attributes && prefixed) resolveAttributes(attributes, scope);

    const prefix = colon < 0 ? '' : qname.slice(0, colon);
    if (prefix === 'xml' || prefix === 'xmlns') giveUp();
    const namespace = scope.lookup(prefix);
    if (namespace === undefined) giveUp();
    const tag = this.tag;
    tag.namespace = namespace;
    tag.name = colon < 0 ? qname : qname.slice(colon + 1);
    tag.prefix = prefix;
    tag.attributes = attributes ?? NO_ATTRIBUTES;
    tag.namespaceDeclarations = declarations ?? NO_ATTRIBUTES;
    tag.line = line;
    tag.column = column;
    this.scope = scope;
    return qname;
  }

  /** A QName of ASCII name characters, or one the full Name production accepts. */
  private qname(): string {
    const text = this.text;
    const start = this.pos;
    let unit = text.charCodeAt(start);
    if (unit >= 0x80) return this.unicodeQname(start);
    if (NAME_CHAR[unit] !== 3 || unit === COLON) giveUp();
    let colon = -1;
    let i = start + 1;
    for (;;) {
      unit = text.charCodeAt(i);
      if (unit < 0x80 && NAME_CHAR[unit]) {
        if (unit === COLON) {
          if (colon >= 0) giveUp();
          colon = i;
          const after = text.charCodeAt(i + 1);
          // The local part is an NCName: it starts with a name-start character.
          if (!(after < 0x80 && NAME_CHAR[after] === 3)) giveUp();
        }
        i++;
      } else if (unit >= 0x80) {
        return this.unicodeQname(start);
      } else {
        break;
      }
    }
    this.pos = i;
    this.colon = colon < 0 ? -1 : colon - start;
    return internedName(text, start, i);
  }

  /** A name with characters beyond ASCII: checked against production [5], colons by hand. */
  private unicodeQname(start: number): string {
    const text = this.text;
    let i = start;
    while (i < this.end) {
      const unit = text.charCodeAt(i);
      if (isSpace(unit) || unit === EQUALS || unit === SLASH || unit === GT) break;
      i++;
    }
    const name = text.slice(start, i);
    if (name === '' || firstNonNameChar(name) !== -1) giveUp();
    const colon = name.indexOf(':');
    if (colon !== name.lastIndexOf(':') || colon === 0 || colon === name.length - 1) giveUp();
    if (colon > 0 && firstNonNameChar(name.slice(colon + 1)) !== -1) giveUp();
    this.pos = i;
    this.colon = colon;
    return name;
  }

  /** A quoted value, references resolved and white space normalized (XML 1.0 section 3.3.3). */
  private attributeValue(): string {
    const text = this.text;
    const quote = text.charCodeAt(this.pos);
    if (quote !== DQUOTE && quote !== SQUOTE) giveUp();
    const start = this.pos + 1;
    const close = text.indexOf(quote === DQUOTE ? '"' : "'", start);
    if (close < 0) giveUp();
    if (this.lts.from(start) < close) giveUp();
    if (close - start > this.limits.maxTextLength) giveUp();
    this.pos = close + 1;
    const hasAmp = this.amps.from(start) < close;
    const hasBreak = this.lfs.from(start) < close || this.tabs.from(start) < close || this.crs.from(start) < close;
    if (!hasAmp && !hasBreak) return text.slice(start, close);
    let raw = text.slice(start, close);
    // Line ends first (CR LF is one), then each literal white space character becomes a space;
    // a character reference to white space stays what it names, so references go last.
    if (hasBreak) raw = raw.replace(LINE_END_OR_SPACE, ' ');
    return hasAmp ? resolveReferences(raw) : raw;
  }

  /** Character data from `start` to the `<` at `end`: kept for the current text node. */
  private characters(start: number, end: number): void {
    const text = this.text;
    if (this.textParts.length === 0 && !this.handler.keepsWhiteSpace() && isAllSpace(text, start, end)) return;
    if (this.cdataEnds.from(start) < end) giveUp();
    let piece = text.slice(start, end);
    if (this.crs.from(start) < end) piece = piece.replace(LINE_END, '\n');
    if (this.amps.from(start) < end) piece = resolveReferences(piece);
    this.addText(piece, start);
  }

  private cdata(): void {
    const start = this.pos + 9;
    const close = this.text.indexOf(']]>', start);
    if (close < 0 || close === start) giveUp();
    let piece = this.text.slice(start, close);
    if (this.crs.from(start) < close) piece = piece.replace(LINE_END, '\n');
    this.addText(piece, this.pos);
    this.pos = close + 3;
  }

  private addText(piece: string, at: number): void {
    if (this.textParts.length === 0) {
      this.textColumn = this.lines ? this.lines.column(at) : 0;
      this.textLine = this.lines ? this.lines.line : 0;
      this.textUnits = 0;
    }
    this.textUnits += piece.length;
    if (this.textUnits > this.limits.maxTextLength) giveUp();
    this.textParts.push(piece);
  }

  private flushText(): void {
    const parts = this.textParts;
    if (parts.length === 0) return;
    this.textParts = [];
    this.handler.text(parts.length === 1 ? parts[0]! : parts.join(''), this.textLine, this.textColumn);
  }

  /** `</qname S?>` closing the element opened as `qname`. */
  private endTag(qname: string): void {
    const text = this.text;
    const nameStart = this.pos + 2;
    if (!text.startsWith(qname, nameStart)) giveUp();
    let i = nameStart + qname.length;
    while (isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== GT) giveUp();
    this.pos = i + 1;
  }

  /** `<!-- ... -->` with no `--` inside and no `-` before the end. */
  private comment(): void {
    const start = this.pos + 4;
    const close = this.text.indexOf('--', start);
    if (close < 0 || this.text.charCodeAt(close + 2) !== GT) giveUp();
    this.pos = close + 3;
  }

  /** `<?target ...?>`: a target that is an NCName other than xml in any case. */
  private processingInstruction(): void {
    const text = this.text;
    this.pos += 2;
    const target = this.qname();
    if (target.includes(':') || target.toLowerCase() === 'xml') giveUp();
    const close = text.indexOf('?>', this.pos);
    if (close < 0) giveUp();
    if (close > this.pos && !isSpace(text.charCodeAt(this.pos))) giveUp();
    this.pos = close + 2;
  }
}
