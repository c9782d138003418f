/**
 * XmlParser on saxes: strict XML 1.0 (a version="1.1" declaration does not switch the rules),
 * namespace-aware, no DTD processing at all.
 *
 * saxes reports events after the fact (a start tag once its name is read, a text once the next
 * "<" is seen, an error at the character it had just read), and its `column` is the 0-based
 * column of the next character, in code points. We do not use its line and column: we find
 * where each construct starts in the text and let one PointCursor turn offsets into the 1-based
 * code-point columns of the source tree.
 *
 * Six handlers, no more: saxes keeps them as properties of the parser object, and with a
 * seventh V8 turns that object into a slow dictionary, which made every character cost about
 * five times as much (measured on a 10 MB text node). Comments, processing instructions and the
 * XML declaration are therefore not listened to; we step over them in the text where it matters.
 */
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes';
import { excerpt } from '../diagnostics.js';
import type { NamespaceDeclaration, SourceAttribute } from './source-tree.js';
import type { ParsedStartTag, XmlEventHandler, XmlParser } from './xml-parser.js';
import { explainDoctype, explainSaxesError, type AttributeAt, type Explained, type OpenTagAt } from './saxes-messages.js';
import { isXmlSpace } from './characters.js';
import { lastCharStart, PointCursor } from './point-cursor.js';

export const saxesParser: XmlParser = {
  parse(text, handler) {
    new SaxesRun(text, handler).run();
  },
};

/** Thrown from inside a saxes callback to end the parse the moment the handler has stopped. */
class StopParsing {}

interface StartTagInProgress {
  readonly qname: string;
  readonly offset: number;
}

class SaxesRun {
  private readonly parser = new SaxesParser({
    xmlns: true,
    position: true,
    defaultXMLVersion: '1.0',
    forceXMLVersion: true,
  });
  private readonly cursor: PointCursor;
  /** The end of the last tag, text or CDATA section reported. */
  private lastEnd = 0;
  private startTag: StartTagInProgress | undefined;
  private readonly open: OpenTagAt[] = [];

  constructor(
    private readonly text: string,
    private readonly handler: XmlEventHandler,
  ) {
    this.cursor = new PointCursor(text);
  }

  run(): void {
    // saxes reports a DOCTYPE only after reading all of it; one in the prolog is refused first.
    const doctype = prologDoctype(this.text);
    if (doctype !== undefined) {
      this.report(explainDoctype(doctype));
      return;
    }
    // saxes would skip a leading U+FEFF as a byte order mark, but the text comes without one.
    if (this.text.charCodeAt(0) === 0xfeff) {
      const message = 'the document starts with U+FEFF: a second byte order mark, or text before the root element';
      this.report({ code: 'evfw.xml.not-well-formed', message, hint: 'remove it', offset: 0 });
      return;
    }
    this.listen();
    try {
      this.parser.write(this.text).close();
    } catch (error) {
      if (!(error instanceof StopParsing)) throw error;
    }
  }

  private listen(): void {
    const p = this.parser;
    p.on('text', (text) => this.after(this.onText(text)));
    p.on('cdata', (text) => this.after(this.onCdata(text)));
    p.on('opentagstart', (tag) => this.after(this.onOpenTagStart(tag.name)));
    p.on('opentag', (tag) => this.after(this.onOpenTag(tag)));
    p.on('closetag', (tag) => this.after(this.onCloseTag(tag)));
    p.on('error', (error) => this.after(this.onError(error.message)));
  }

  /** Runs after each event: once the handler has stopped, the parse ends at once. */
  private after(_event: void): void {
    if (this.handler.stopped) throw new StopParsing();
  }

  private onText(text: string): void {
    const at = this.cursor.pointAt(this.textStart());
    // Reported when the "<" after it is read, or at the end of the document.
    const position = this.parser.position;
    this.lastEnd = this.text.charCodeAt(position - 1) === 0x3c ? position - 1 : position;
    // White space around the root element belongs to no element.
    if (this.open.length > 0) this.handler.characters(text, at);
  }

  private onCdata(text: string): void {
    const at = this.cursor.pointAt(this.textStart());
    this.lastEnd = this.parser.position;
    this.handler.characters(text, at);
  }

  private onOpenTagStart(qname: string): void {
    // Reported after the name and one more character; a name holds no "<".
    this.startTag = { qname, offset: this.text.lastIndexOf('<', this.parser.position - 1) };
  }

  private onOpenTag(tag: SaxesTagNS): void {
    const offset = this.startTag?.offset ?? this.lastEnd;
    const point = this.cursor.pointAt(offset);
    // saxes keeps attributes in document order, as attributesOf finds them.
    const written = attributesOf(this.text, offset, this.parser.position);
    const attributes: SourceAttribute[] = written.length === 0 ? NONE : [];
    const namespaceDeclarations: NamespaceDeclaration[] = written.length === 0 ? NONE : [];
    let index = 0;
    // Most elements have no attributes; saxes' attribute object is slow to walk even then.
    for (const attribute of written.length === 0 ? NONE : Object.values<SaxesAttributeNS>(tag.attributes)) {
      const { name, prefix, local, uri, value } = attribute;
      const found = written[index]?.qname === name ? written[index] : written.find((w) => w.qname === name);
      index++;
      if (prefix === 'xmlns' || name === 'xmlns') {
        const declared = prefix === 'xmlns' ? local : '';
        // saxes trims the URI it binds; report the binding it resolves names with.
        namespaceDeclarations.push({ prefix: declared, uri: tag.ns[declared] ?? value });
        continue;
      }
      const at = this.cursor.pointAt(found?.offset ?? offset);
      attributes.push({ namespace: uri, name: local, prefix, value, line: at.line, column: at.column });
    }
    const parsed: ParsedStartTag = {
      namespace: tag.uri,
      name: tag.local,
      prefix: tag.prefix,
      attributes,
      namespaceDeclarations,
      line: point.line,
      column: point.column,
    };
    this.open.push({ qname: tag.name, offset, line: point.line });
    this.startTag = undefined;
    this.lastEnd = this.parser.position;
    this.handler.startElement(parsed);
  }

  private onCloseTag(tag: SaxesTagNS): void {
    // On a mismatched end tag saxes closes open elements until one matches; refuse it first.
    const endTag = this.text.lastIndexOf('<', this.parser.position - 1);
    const written = tag.isSelfClosing ? tag.name : endTagName(this.text, endTag);
    if (written !== undefined && written !== tag.name) {
      const open = this.open.at(-1);
      this.report({
        code: 'evfw.xml.tag-mismatch',
        message: `the end tag </${excerpt(written)}> does not match the open element <${excerpt(tag.name)}> (line ${open?.line ?? 0})`,
        hint: `close <${excerpt(tag.name)}> first, or remove the end tag if the element was already closed`,
        offset: endTag,
      });
      return;
    }
    this.open.pop();
    this.lastEnd = this.parser.position;
    this.handler.endElement();
  }

  private onError(saxesMessage: string): void {
    // saxes prefixes "line:column: "; the offset says the same, in our terms.
    const message = saxesMessage.replace(/^\d+:\d+: /, '');
    const offset = lastCharStart(this.text, this.parser.position);
    const startTag = this.startTag && { ...this.startTag, attributes: attributesOf(this.text, this.startTag.offset, offset + 1) };
    this.report(
      explainSaxesError(message, {
        text: this.text,
        offset,
        markupStart: Math.max(0, this.text.lastIndexOf('<', offset)),
        textStart: this.textStart(),
        startTag,
        open: this.open,
      }),
    );
  }

  /** Where the character data after the last tag or CDATA starts: past comments and PIs. */
  private textStart(): number {
    let i = this.lastEnd;
    let next: number | undefined;
    while ((next = skipCommentOrPi(this.text, i)) !== undefined) i = next;
    return i;
  }

  private report(explained: Explained): void {
    const point = this.cursor.pointAt(explained.offset);
    this.handler.problem({
      code: explained.code,
      message: explained.message,
      ...(explained.hint ? { hint: explained.hint } : {}),
      line: point.line,
      column: point.column,
      ...(this.startTag ? { inStartTag: this.startTag.qname } : {}),
    });
  }
}

/** Shared by every element without attributes; the source tree is read-only. */
const NONE: never[] = Object.freeze([]) as unknown as never[];

/** The name in the end tag that starts at `offset`, or undefined if none is there. */
function endTagName(text: string, offset: number): string | undefined {
  if (!text.startsWith('</', offset)) return undefined;
  let end = offset + 2;
  while (end < text.length && !isXmlSpace(text.charCodeAt(end)) && text[end] !== '>') end++;
  return text.slice(offset + 2, end);
}

/**
 * The attributes of the start tag at `tagStart`, read up to `end`, with the offsets of their
 * names: saxes does not say where an attribute is. Tolerant of a tag broken before `end`.
 */
function attributesOf(text: string, tagStart: number, end: number): AttributeAt[] {
  const found: AttributeAt[] = [];
  let i = tagStart + 1;
  while (i < end && !isNameEnd(text.charCodeAt(i))) i++;
  for (;;) {
    while (i < end && isXmlSpace(text.charCodeAt(i))) i++;
    if (i >= end || text[i] === '>' || text[i] === '/') return found;
    const nameStart = i;
    while (i < end && !isNameEnd(text.charCodeAt(i))) i++;
    found.push({ qname: text.slice(nameStart, i), offset: nameStart });
    while (i < end && (isXmlSpace(text.charCodeAt(i)) || text[i] === '=')) i++;
    const quote = text[i];
    if (quote !== '"' && quote !== "'") return found;
    const close = text.indexOf(quote, i + 1);
    if (close < 0 || close >= end) return found;
    i = close + 1;
  }
}

/** White space, "=", "/" or ">": what ends a name inside a well-formed tag. */
function isNameEnd(unit: number): boolean {
  return isXmlSpace(unit) || unit === 0x3d || unit === 0x2f || unit === 0x3e;
}

/**
 * The offset of a DOCTYPE in the prolog, before the root element: after white space, the XML
 * declaration, comments and processing instructions only. Anything else ends the search.
 */
function prologDoctype(text: string): number | undefined {
  let i = 0;
  for (;;) {
    while (i < text.length && isXmlSpace(text.charCodeAt(i))) i++;
    if (text.startsWith('<!DOCTYPE', i)) return i;
    const next = skipCommentOrPi(text, i);
    if (next === undefined) return undefined;
    i = next;
  }
}

/** The offset after the comment or processing instruction at `i`; undefined if none is there. */
function skipCommentOrPi(text: string, i: number): number | undefined {
  const [open, close] = text.startsWith('<!--', i) ? ['<!--', '-->'] : text.startsWith('<?', i) ? ['<?', '?>'] : [];
  if (open === undefined || close === undefined) return undefined;
  const end = text.indexOf(close, i + open.length);
  return end < 0 ? undefined : end + close.length;
}
