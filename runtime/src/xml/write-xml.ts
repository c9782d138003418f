/**
 * Writes an XmlElement tree as XML text. Every namespace the tree uses is declared once, on the
 * root, with a stable prefix: the root's namespace is the default one (unless some element is
 * in no namespace), other namespaces take the prefix their schema prefers, else the prefix they
 * were read with, else ns1, ns2... in order of first use. Text and attribute values are escaped
 * so that reading the output gives back exactly the same characters.
 *
 * Pretty printing indents element-only content; an element holding any text is written as it
 * is, so that no whitespace is added to content where it could matter.
 */
import type { XmlElement, XmlNode } from '../xml-node.js';

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

export class UnwritableXmlError extends Error {}

export function writeXml(root: XmlElement, options: WriteXmlOptions = {}): string {
  const prefixes = assignPrefixes(root, options.prefixes ?? (() => undefined));
  const parts: string[] = [];
  if (options.declaration !== false) parts.push('<?xml version="1.0" encoding="UTF-8"?>', options.indent ? '\n' : '');
  const declarations = [...prefixes].map(([uri, prefix]) => ` ${prefix ? `xmlns:${prefix}` : 'xmlns'}="${escapeAttribute(uri)}"`).join('');
  new Writer(prefixes, options.indent ?? 0, options.verbatim ?? (() => false), parts).element(root, declarations, 0);
  if (options.indent) parts.push('\n');
  return parts.join('');
}

function assignPrefixes(root: XmlElement, preferred: (namespace: string) => string | undefined): Map<string, string> {
  const used: { uri: string; prefix: string | undefined; attribute: boolean }[] = [];
  let noNamespace = false;
  const visit = (e: XmlElement): void => {
    if (e.namespace === '') noNamespace = true;
    else used.push({ uri: e.namespace, prefix: e.prefix, attribute: false });
    for (const a of e.attributes) if (a.namespace !== '' && a.namespace !== XML_NAMESPACE) used.push({ uri: a.namespace, prefix: a.prefix, attribute: true });
    for (const c of e.children) if (c.kind === 'element') visit(c);
  };
  visit(root);
  const prefixes = new Map<string, string>();
  const taken = new Set<string>(['xml', 'xmlns']);
  // Attributes need a real prefix, so a namespace that attributes use is never the default one.
  const attributeNamespaces = new Set(used.filter((u) => u.attribute).map((u) => u.uri));
  if (root.namespace !== '' && !noNamespace && !attributeNamespaces.has(root.namespace)) {
    prefixes.set(root.namespace, '');
    taken.add('');
  }
  let counter = 1;
  for (const { uri, prefix } of used) {
    if (prefixes.has(uri)) continue;
    let chosen = [preferred(uri), prefix].find((p) => p && isNcName(p) && !taken.has(p) && !/^xml/i.test(p));
    while (chosen === undefined || taken.has(chosen)) chosen = `ns${counter++}`;
    prefixes.set(uri, chosen);
    taken.add(chosen);
  }
  return prefixes;
}

function qualified(namespace: string, name: string, prefixes: ReadonlyMap<string, string>, attribute: boolean): string {
  if (namespace === '') return name;
  if (namespace === XML_NAMESPACE) return `xml:${name}`;
  const prefix = prefixes.get(namespace)!;
  if (attribute && prefix === '') throw new UnwritableXmlError(`attribute ${name} in the default namespace ${namespace} needs a prefix`);
  return prefix ? `${prefix}:${name}` : name;
}

class Writer {
  constructor(
    private readonly prefixes: ReadonlyMap<string, string>,
    private readonly indent: number,
    private readonly verbatim: (element: XmlElement) => boolean,
    private readonly out: string[],
  ) {}

  element(e: XmlElement, declarations: string, depth: number, pretty = this.indent > 0): void {
    const out = this.out;
    const name = qualified(e.namespace, e.name, this.prefixes, false);
    out.push(`<${name}${declarations}`);
    for (const a of e.attributes) out.push(` ${qualified(a.namespace, a.name, this.prefixes, true)}="${escapeAttribute(a.value)}"`);
    if (e.children.length === 0) {
      out.push('/>');
      return;
    }
    out.push('>');
    const indentHere = pretty && !this.verbatim(e) && e.children.every((c) => c.kind === 'element');
    for (const child of e.children) {
      if (indentHere) out.push(`\n${' '.repeat(this.indent * (depth + 1))}`);
      if (child.kind === 'text') out.push(escapeText(child.text));
      else this.element(child, '', depth + 1, indentHere);
    }
    if (indentHere) out.push(`\n${' '.repeat(this.indent * depth)}`);
    out.push(`</${name}>`);
  }
}

// XML 1.0 Char: what can be written at all.
const NOT_A_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function checkChars(text: string): void {
  const bad = NOT_A_CHAR.exec(text);
  if (bad) throw new UnwritableXmlError(`U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} cannot appear in an XML 1.0 document`);
}

export function escapeText(text: string): string {
  checkChars(text);
  return text.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#xD;'));
}

export function escapeAttribute(text: string): string {
  checkChars(text);
  return text.replace(/[&<"\t\n\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '"' ? '&quot;' : `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`));
}

function isNcName(name: string): boolean {
  return /^[\p{L}_][\p{L}\p{N}._\-\u00B7\u0300-\u036F\u203F-\u2040]*$/u.test(name);
}
