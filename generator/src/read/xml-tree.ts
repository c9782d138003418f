/**
 * Parses one schema file into a tree of positioned, namespace-resolved elements.
 *
 * saxes is a conformant, namespace-aware XML 1.0 parser with no native code. A DOCTYPE is
 * refused outright: a schema has no use for one, and refusing it means no entity is ever
 * expanded and nothing is ever fetched on a document's behalf.
 */
import { SaxesParser } from 'saxes';
import { GeneratorError, type SourcePosition } from '../errors.js';
import { DEFAULT_SCHEMA_LIMITS } from '../ir/schema-limits.js';

export interface XmlAttr {
  readonly namespace: string;
  readonly name: string;
  readonly value: string;
}

export interface XmlNode {
  readonly namespace: string;
  readonly name: string;
  readonly attributes: readonly XmlAttr[];
  readonly children: readonly XmlNode[];
  /** Character data directly inside this element, concatenated. */
  readonly text: string;
  /** Prefix to namespace bindings in scope at this element ('' is the default namespace). */
  readonly namespaces: ReadonlyMap<string, string>;
  readonly source: SourcePosition;
}

interface OpenNode {
  namespace: string;
  name: string;
  attributes: XmlAttr[];
  children: XmlNode[];
  text: string;
  namespaces: Map<string, string>;
  source: SourcePosition;
}

/**
 * @param maxDepth how deeply elements may nest: every reader stage recurses along this nesting
 * (an anonymous type in an element in a sequence...), so it is capped here, where it is counted
 * without recursion.
 */
export function parseXmlTree(text: string, file: string, maxDepth = DEFAULT_SCHEMA_LIMITS.maxNestingDepth): XmlNode {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: OpenNode[] = [];
  let root: XmlNode | undefined;
  let tagStart: SourcePosition = { file, line: 1, column: 1 };
  let failure: GeneratorError | undefined;

  const here = (): SourcePosition => ({ file, line: parser.line, column: parser.column + 1 });

  parser.on('error', (error) => {
    // saxes reports an error and carries on; the first one is the one worth reading.
    failure ??= new GeneratorError(
      'xsd.xml.malformed',
      `the schema is not well-formed XML: ${stripPosition(error.message)}`,
      here(),
    );
  });
  parser.on('doctype', () => {
    failure ??= new GeneratorError(
      'xsd.xml.doctype',
      'the schema has a DOCTYPE; DTDs are refused so that no entity is expanded and nothing is fetched',
      here(),
      'remove the <!DOCTYPE ...> declaration',
    );
  });
  parser.on('opentagstart', (tag) => {
    // Called once the character after the tag name is read: step back over both, to the "<".
    tagStart = { file, line: parser.line, column: parser.column - tag.name.length - 1 };
  });
  parser.on('opentag', (tag) => {
    if (stack.length >= maxDepth) {
      failure ??= new GeneratorError(
        'xsd.schema.too-deep',
        `the schema's elements nest deeper than the cap of ${maxDepth.toLocaleString('en')} levels`,
        tagStart,
        'declare the nested types and groups globally and refer to them by name',
      );
    }
    const parent = stack[stack.length - 1];
    const namespaces = new Map(parent?.namespaces ?? []);
    for (const [prefix, uri] of Object.entries(tag.ns ?? {})) namespaces.set(prefix, uri);
    const attributes: XmlAttr[] = [];
    for (const attr of Object.values(tag.attributes)) {
      if (attr.prefix === 'xmlns' || attr.name === 'xmlns') continue;
      attributes.push({ namespace: attr.uri, name: attr.local, value: attr.value });
    }
    stack.push({
      namespace: tag.uri,
      name: tag.local,
      attributes,
      children: [],
      text: '',
      namespaces,
      source: tagStart,
    });
  });
  parser.on('text', (data) => {
    const top = stack[stack.length - 1];
    if (top) top.text += data;
  });
  parser.on('cdata', (data) => {
    const top = stack[stack.length - 1];
    if (top) top.text += data;
  });
  parser.on('closetag', () => {
    const done = stack.pop();
    if (!done) return;
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(done);
    else root = done;
  });

  // Fed in slices so that reading stops soon after the first error: saxes resolves prefixes
  // through one scope per open element, so each element past a refused depth would cost more.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let at = 0; at < body.length && !failure; at += PARSE_SLICE) parser.write(body.slice(at, at + PARSE_SLICE));
  if (failure) throw failure;
  parser.close();
  if (failure) throw failure;
  if (!root) {
    throw new GeneratorError('xsd.xml.malformed', 'the schema file has no root element', here());
  }
  return root;
}

const PARSE_SLICE = 64 * 1024;

/** saxes prefixes its messages with "line:column: "; we report the position separately. */
function stripPosition(message: string): string {
  return message.replace(/^[^:]*:\d+:\d+: /, '').replace(/^\d+:\d+: /, '');
}
