/**
 * Writes XML text, from an XmlElement tree (writeXml) or from a stream of open / attribute /
 * text / close calls (XmlTextWriter, which the model serializer drives directly, so that no
 * intermediate tree is built). Every namespace the document uses is declared once, on the root,
 * with a stable prefix: the root's namespace is the default one (unless some element is in no
 * namespace, or some attribute is in the root's namespace), other namespaces take the prefix
 * their schema prefers, else the prefix they were read with, else ns1, ns2... in order of first
 * use. Text and attribute values are escaped so that reading the output gives back exactly the
 * same characters.
 *
 * Pretty printing indents element-only content; an element holding any text is written as it
 * is, so that no whitespace is added to content where it could matter.
 */
import type { XmlSink } from '../model/xml-sink.js';
import type { XmlAttribute, XmlElement } from '../xml-node.js';

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

export interface WriteXmlOptions {
  /** Indent element-only content with this many spaces per level. Default: no whitespace added. */
  readonly indent?: number;
  /** Write `<?xml version="1.0" encoding="UTF-8"?>` first. Default true. */
  readonly declaration?: boolean;
  /** Prefixes to prefer per namespace URI. */
  readonly prefixes?: (namespace: string) => string | undefined;
  /** Elements written exactly as they are, never indented inside (extension content). */
  readonly verbatim?: (element: XmlElement) => boolean;
}

export type XmlTextOptions = Omit<WriteXmlOptions, 'verbatim'>;

export class UnwritableXmlError extends Error {}

export function writeXml(root: XmlElement, options: WriteXmlOptions = {}): string {
  const verbatim = options.verbatim ?? (() => false);
  return withXmlTextWriter(options, (writer) => {
    writer.element(root, writer.pretty, verbatim);
    return writer.finish();
  });
}

/**
 * Runs `write` with a fresh writer that takes the root's namespace as the default one. Whether
 * it may is known only once the whole document has been seen, so the writer assumes it may and
 * gives up (RootNamespaceNotDefault) as soon as an element in no namespace or an attribute in
 * the root's namespace proves it wrong; `write` then runs once more on a writer that gives the
 * root's namespace a prefix. This keeps serialization to one pass in the usual case.
 */
export function withXmlTextWriter<T>(options: XmlTextOptions, write: (writer: XmlTextWriter) => T): T {
  try {
    return write(new XmlTextWriter(options, true));
  } catch (error) {
    if (!(error instanceof RootNamespaceNotDefault)) throw error;
    return write(new XmlTextWriter(options, false));
  }
}

class RootNamespaceNotDefault extends Error {}

/** An element's start tag up to its attributes, and its end tag. */
interface Tags {
  readonly start: string;
  readonly end: string;
}

/**
 * Namespace URI -> prefix, assigned at first use. The order of first use is the writing order
 * (an element, then its attributes, then its children), so the prefixes are those of a pass
 * over the finished tree.
 */
class PrefixTable {
  private readonly prefixes = new Map<string, string>();
  private readonly taken = new Set<string>(['xml', 'xmlns']);
  private counter = 1;
  /** The namespace written without a prefix, if any. */
  defaultNamespace: string | undefined;

  constructor(private readonly preferred: (namespace: string) => string | undefined) {}

  setDefault(namespace: string): void {
    this.defaultNamespace = namespace;
    this.prefixes.set(namespace, '');
    this.taken.add('');
  }

  prefixOf(namespace: string, hint: string | undefined): string {
    const known = this.prefixes.get(namespace);
    if (known !== undefined) return known;
    let chosen = [this.preferred(namespace), hint].find((p) => p && isNcName(p) && !this.taken.has(p) && !/^xml/i.test(p));
    while (chosen === undefined || this.taken.has(chosen)) chosen = `ns${this.counter++}`;
    this.prefixes.set(namespace, chosen);
    this.taken.add(chosen);
    return chosen;
  }

  /** The xmlns attributes for the root, in order of assignment. */
  declarations(): string {
    let out = '';
    for (const [uri, prefix] of this.prefixes) out += ` ${prefix ? `xmlns:${prefix}` : 'xmlns'}="${escapeAttribute(uri)}"`;
    return out;
  }
}

/**
 * Streams one document as text. Each element's start tag stays open until its first child or its
 * end, which decides between `<a/>` and `<a>...</a>`; the root's namespace declarations are put
 * after its name when the document is finished, because only then are all namespaces known.
 *
 * A character XML 1.0 cannot hold is remembered and reported by finish(), after the namespace
 * declarations are checked, so the first fault reported is the one a pass over a finished tree
 * would meet first; the model serializer also reports a value that does not fit the schema
 * before any such fault.
 */
export class XmlTextWriter implements XmlSink {
  readonly pretty: boolean;
  private readonly indent: number;
  private readonly prefixes: PrefixTable;
  /** Whether the root's namespace is still assumed to be the default one (see withXmlTextWriter). */
  private readonly rootMayBeDefault: boolean;
  /** The prolog and the root's start tag up to its name: the declarations follow it. */
  private head = '';
  private readonly out = new TextBuffer();
  /** The tags of each open element, innermost last, and whether its content is indented. */
  private readonly openTags: Tags[] = [];
  private readonly indented: boolean[] = [];
  /** Whether the innermost start tag is still open: its first child or its end decides how it ends. */
  private startTagOpen = false;
  // Strings built once per document, not once per use: tags by qualified name, the start of an
  // attribute (` name="`) by qualified name, newline and indentation by depth.
  private readonly tags = new Map<string, Tags>();
  private readonly attributeStarts = new Map<string, string>();
  private readonly newlines: string[] = [];
  private unwritable: string | undefined;

  constructor(options: XmlTextOptions, rootMayBeDefault: boolean) {
    this.indent = options.indent ?? 0;
    this.pretty = this.indent > 0;
    this.prefixes = new PrefixTable(options.prefixes ?? (() => undefined));
    this.rootMayBeDefault = rootMayBeDefault;
    if (options.declaration !== false) this.head = this.pretty ? '<?xml version="1.0" encoding="UTF-8"?>\n' : '<?xml version="1.0" encoding="UTF-8"?>';
  }

  /** Starts an element; `indentContent`: its children are all elements, so they may be indented. */
  open(namespace: string, name: string, indentContent: boolean, prefix?: string): void {
    const depth = this.openTags.length;
    if (depth > 0) this.startContent();
    else if (this.rootMayBeDefault && namespace !== '') this.prefixes.setDefault(namespace);
    const tags = this.tagsOf(this.elementName(namespace, name, prefix));
    // The root's name goes at the end of the head, before the namespace declarations.
    if (depth === 0) this.head += tags.start;
    else this.out.write(tags.start);
    this.startTagOpen = true;
    this.openTags.push(tags);
    this.indented.push(this.pretty && indentContent);
  }

  attribute(namespace: string, name: string, value: string, prefix?: string): void {
    const qname = this.attributeName(namespace, name, prefix);
    let start = this.attributeStarts.get(qname);
    if (start === undefined) this.attributeStarts.set(qname, (start = ` ${qname}="`));
    this.out.write(start);
    this.out.write(this.escapedAttribute(value));
    this.out.write('"');
  }

  /** Attributes as they are (xs:anyAttribute), with the prefixes they prefer. */
  attributes(attributes: readonly XmlAttribute[]): void {
    for (const a of attributes) {
      const value = a.valueNamespace === undefined ? a.value : this.qualifiedValue(a.valueNamespace, a.value);
      this.attribute(a.namespace, a.name, value, a.prefix);
    }
  }

  /**
   * A QName value (xsi:type): the local name with the prefix bound to its namespace. An
   * unprefixed QName is in the default namespace (XSD 1.0 part 2, 3.2.18), so a name in no
   * namespace needs a document without one.
   */
  private qualifiedValue(namespace: string, local: string): string {
    if (namespace === '') {
      if (this.prefixes.defaultNamespace !== undefined) throw new RootNamespaceNotDefault();
      return local;
    }
    if (namespace === this.prefixes.defaultNamespace) return local;
    return `${this.prefixes.prefixOf(namespace, undefined)}:${local}`;
  }

  text(text: string): void {
    this.startContent();
    this.out.write(this.escapedText(text));
  }

  close(): void {
    const tags = this.openTags.pop()!;
    const indented = this.indented.pop()!;
    if (this.startTagOpen) {
      this.out.write('/>');
      this.startTagOpen = false;
    } else {
      if (indented) this.out.write(this.newline(this.openTags.length));
      this.out.write(tags.end);
    }
  }

  /** Extension content: written exactly as it is, nothing indented inside. */
  verbatim(element: XmlElement): void {
    this.element(element, false, () => true);
  }

  /** A whole tree; `pretty`: its parent indents it, so it may indent its own element-only content. */
  element(e: XmlElement, pretty: boolean, verbatim: (element: XmlElement) => boolean): void {
    const indentHere = pretty && !verbatim(e) && e.children.every((c) => c.kind === 'element');
    this.open(e.namespace, e.name, indentHere, e.prefix);
    this.attributes(e.attributes);
    for (const child of e.children) {
      if (child.kind === 'text') this.text(child.text);
      else this.element(child, indentHere, verbatim);
    }
    this.close();
  }

  /** The document, once the root is closed. Throws UnwritableXmlError for a character XML cannot hold. */
  finish(): string {
    const declarations = this.prefixes.declarations();
    if (this.unwritable !== undefined) throw new UnwritableXmlError(this.unwritable);
    if (this.pretty) this.out.write('\n');
    return this.out.text(`${this.head}${declarations}`);
  }

  /** Before a child: ends the parent's start tag, and indents when the parent's content is. */
  private startContent(): void {
    if (this.startTagOpen) {
      this.out.write('>');
      this.startTagOpen = false;
    }
    const depth = this.openTags.length;
    if (this.indented[depth - 1]) this.out.write(this.newline(depth));
  }

  private tagsOf(qname: string): Tags {
    let tags = this.tags.get(qname);
    if (!tags) this.tags.set(qname, (tags = { start: `<${qname}`, end: `</${qname}>` }));
    return tags;
  }

  private newline(depth: number): string {
    return (this.newlines[depth] ??= `\n${' '.repeat(this.indent * depth)}`);
  }

  private elementName(namespace: string, name: string, prefix: string | undefined): string {
    if (namespace === '') {
      // An element in no namespace needs a document without a default namespace.
      if (this.prefixes.defaultNamespace !== undefined) throw new RootNamespaceNotDefault();
      return name;
    }
    if (namespace === this.prefixes.defaultNamespace && namespace !== XML_NAMESPACE) return name;
    const assigned = this.prefixes.prefixOf(namespace, prefix);
    if (namespace === XML_NAMESPACE) return `xml:${name}`;
    return assigned ? `${assigned}:${name}` : name;
  }

  private attributeName(namespace: string, name: string, prefix: string | undefined): string {
    if (namespace === '') return name;
    if (namespace === XML_NAMESPACE) return `xml:${name}`;
    // Attributes need a real prefix, so a namespace that attributes use is never the default one.
    if (namespace === this.prefixes.defaultNamespace) throw new RootNamespaceNotDefault();
    return `${this.prefixes.prefixOf(namespace, prefix)}:${name}`;
  }

  // Extension content comes from programs, and a value in it may not be a string after all: it
  // takes the slow path, which fails on it as writing a tree always has.
  private escapedText(text: string): string {
    if (typeof text === 'string' && !TEXT_NEEDS_WORK.test(text)) return text;
    this.unwritable ??= unwritableIn(text);
    return replaceInText(text);
  }

  private escapedAttribute(text: string): string {
    if (typeof text === 'string' && !ATTRIBUTE_NEEDS_WORK.test(text)) return text;
    this.unwritable ??= unwritableIn(text);
    return replaceInAttribute(text);
  }
}

/**
 * The text written so far. Appending with `+=` is the cheapest way to build a string in V8, but
 * it builds a tree of the pieces (a "cons string") that the garbage collector copies about for as
 * long as it lives: on a 10 MB document that made writing three to four times slower. So every
 * CHUNK characters the tree is made flat, and the flat chunks are joined at the end.
 */
class TextBuffer {
  private current = '';
  private readonly chunks: string[] = [];

  write(piece: string): void {
    this.current += piece;
    if (this.current.length > CHUNK) this.flush();
  }

  /** Everything written, after `before`, as one flat string. */
  text(before: string): string {
    this.flush();
    return [before, ...this.chunks].join('');
  }

  private flush(): void {
    // Reading a character is what makes V8 flatten a cons string; there is no direct way to ask.
    this.current.charCodeAt(0);
    this.chunks.push(this.current);
    this.current = '';
  }
}

const CHUNK = 65536;

// What a value may hold that needs more than copying: a character to escape, or one that may not
// be writable (C0 controls, surrogates, U+FFFE and U+FFFF). Most values hold none, and one test
// of these costs less than the replace and the full check it spares.
const TEXT_NEEDS_WORK = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const ATTRIBUTE_NEEDS_WORK = /[&<"\t\n\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

// XML 1.0 Char: what can be written at all.
const NOT_A_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function unwritableIn(text: string): string | undefined {
  const bad = NOT_A_CHAR.exec(text);
  return bad ? `U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} cannot appear in an XML 1.0 document` : undefined;
}

function checkChars(text: string): void {
  const message = unwritableIn(text);
  if (message !== undefined) throw new UnwritableXmlError(message);
}

export function escapeText(text: string): string {
  checkChars(text);
  return replaceInText(text);
}

export function escapeAttribute(text: string): string {
  checkChars(text);
  return replaceInAttribute(text);
}

function replaceInText(text: string): string {
  return text.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#xD;'));
}

function replaceInAttribute(text: string): string {
  return text.replace(/[&<"\t\n\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '"' ? '&quot;' : `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`));
}

function isNcName(name: string): boolean {
  return /^[\p{L}_][\p{L}\p{N}._\-\u00B7\u0300-\u036F\u203F-\u2040]*$/u.test(name);
}
