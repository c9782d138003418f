/**
 * What the readers of read-schema.ts share: the context of the <xs:schema> being read, and the
 * checks every XSD element goes through (its attributes known, its children in the XSD namespace,
 * QNames expanded with the prefixes in scope), each failing with a GeneratorError at the node.
 */
import { GeneratorError, type GeneratorErrorCode } from '../errors.js';
import { XSD_NAMESPACE, type QName } from '../ir/ir.js';
import type { XmlNode } from './xml-tree.js';
import { ALLOWED_ATTRIBUTES, UNSUPPORTED } from './xsd-vocabulary.js';

/** What every reader of a schema document's components needs from the <xs:schema> around it. */
export interface Context {
  readonly targetNamespace: string;
  readonly elementFormQualified: boolean;
  readonly attributeFormQualified: boolean;
  /** The schema's blockDefault and finalDefault, as written ('' when absent). */
  readonly blockDefault: string;
  readonly finalDefault: string;
}

/** Children in the XSD namespace; foreign elements are allowed only inside appinfo/documentation. */
export function xsdChildren(node: XmlNode): XmlNode[] {
  for (const child of node.children) {
    if (child.namespace !== XSD_NAMESPACE) {
      fail('xsd.construct.unknown', `<${child.name}> in namespace "${child.namespace}" is not allowed inside <xs:${node.name}>`, child, 'foreign content belongs in <xs:appinfo> or <xs:documentation>');
    }
  }
  return node.children as XmlNode[];
}

export function unexpected(node: XmlNode, where: string): never {
  const hint = UNSUPPORTED[node.name];
  if (hint) {
    return fail('xsd.construct.unsupported', `<xs:${node.name}> is not supported`, node, hint);
  }
  if (!(node.name in ALLOWED_ATTRIBUTES)) {
    return fail('xsd.construct.unknown', `<xs:${node.name}> is not an XSD 1.0 construct`, node);
  }
  return fail('xsd.construct.unknown', `<xs:${node.name}> is not allowed in ${where}`, node);
}

export function checkAttributes(node: XmlNode): void {
  const allowed = ALLOWED_ATTRIBUTES[node.name];
  if (!allowed) unexpected(node, 'this schema');
  for (const a of node.attributes) {
    if (a.namespace !== '') continue; // attributes of other namespaces are allowed everywhere
    if (a.name === 'id') continue;
    if (!allowed.includes(a.name)) {
      fail('xsd.attribute.unknown', `attribute "${a.name}" is not allowed on <xs:${node.name}>`, node, suggest(a.name, allowed));
    }
  }
}

function suggest(name: string, allowed: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const close = allowed.find((candidate) => {
    const c = candidate.toLowerCase();
    return c === lower || c.startsWith(lower.slice(0, 4)) || lower.startsWith(c.slice(0, 4));
  });
  return close ? `did you mean "${close}"?` : allowed.length ? `allowed: ${allowed.join(', ')}` : undefined;
}

export function attr(node: XmlNode, name: string): string | undefined {
  return node.attributes.find((a) => a.namespace === '' && a.name === name)?.value;
}

export function requireAttr(node: XmlNode, name: string): string {
  const value = attr(node, name);
  if (value === undefined) fail('xsd.attribute.missing', `<xs:${node.name}> needs a "${name}" attribute`, node);
  return value.trim();
}

export function booleanAttr(node: XmlNode, name: string): boolean {
  const value = attr(node, name)?.trim();
  if (value === undefined) return false;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return fail('xsd.attribute.invalid', `${name}="${value}" is not a boolean`, node, 'use true or false');
}

export function enumAttr<T extends string>(node: XmlNode, name: string, values: readonly T[]): T | undefined {
  const value = attr(node, name)?.trim();
  if (value === undefined) return undefined;
  if ((values as readonly string[]).includes(value)) return value as T;
  return fail('xsd.attribute.invalid', `${name}="${value}" is not one of ${values.join(', ')}`, node);
}

/**
 * A derivation set attribute (block, final): `#all` or a list of the `allowed` methods; absent,
 * the schema's default for it, keeping only what applies here (XSD 1.0 part 1, 3.3.2 and 3.4.2).
 */
export function derivationSet<T extends string>(node: XmlNode, name: 'block' | 'final', allowed: readonly T[], schemaDefault: string): T[] {
  const own = attr(node, name);
  const text = (own ?? schemaDefault).trim();
  if (text === '#all') return [...allowed];
  const tokens = text.split(/\s+/).filter(Boolean);
  const methods: T[] = [];
  for (const token of tokens) {
    if ((allowed as readonly string[]).includes(token)) methods.push(token as T);
    else if (own !== undefined) fail('xsd.attribute.invalid', `${name}="${own}" is not #all or a list of ${allowed.join(', ')}`, node);
  }
  return [...new Set(methods)];
}

export function nonNegative(node: XmlNode, name: string, text: string): number {
  if (!/^\s*\d+\s*$/.test(text)) fail('xsd.attribute.invalid', `${name}="${text}" is not a non-negative integer`, node);
  return Number(text);
}

export function requireQName(node: XmlNode, name: string): QName {
  return expandQName(node, requireAttr(node, name), name);
}

export function optionalQName<T>(node: XmlNode, name: string, wrap: (q: QName) => T): T | undefined {
  const value = attr(node, name);
  return value === undefined ? undefined : wrap(expandQName(node, value.trim(), name));
}

/** Expands a lexical QName with the prefixes in scope; unprefixed names take the default namespace. */
export function expandQName(node: XmlNode, lexical: string, attrName: string): QName {
  const colon = lexical.indexOf(':');
  const prefix = colon < 0 ? '' : lexical.slice(0, colon);
  const local = colon < 0 ? lexical : lexical.slice(colon + 1);
  if (prefix === 'xml') return { namespace: 'http://www.w3.org/XML/1998/namespace', name: local };
  const namespace = node.namespaces.get(prefix);
  if (namespace === undefined) {
    if (prefix === '') return { namespace: '', name: local };
    fail('xsd.qname.prefix', `prefix "${prefix}" in ${attrName}="${lexical}" is not declared`, node, `declare xmlns:${prefix}="..." on the schema`);
  }
  return { namespace, name: local };
}

export function fail(code: GeneratorErrorCode, message: string, node: XmlNode, hint?: string): never {
  throw new GeneratorError(code, message, node.source, hint);
}
