/**
 * The shape of a fault kind: a name, the diagnostic code the validator must report first for
 * it, and where in a valid document it can be made. A site changes one thing, so a mutant has
 * exactly one fault; a kind with no site in a document does not apply to it.
 */
import type { DiagnosticCode } from '../../diagnostics.js';
import type { RuleCheck, RuleCode, RuleDescriptor } from '../../rules/rule-descriptor.js';
import type { SchemaRegistry } from '../../schema/registry.js';
import type { XmlAttribute, XmlElement, XmlNode } from '../../xml-node.js';
import type { IdentityFields } from '../identity-fields.js';
import type { TypedNode } from '../typed-tree.js';

export interface MutationContext {
  readonly registry: SchemaRegistry;
  readonly root: XmlElement;
  readonly tree: TypedNode;
  /** Every validated element, root first, in document order. */
  readonly nodes: readonly TypedNode[];
  readonly fields: IdentityFields;
  /** The prose rules the profile applies, with the namespace of the elements each checks. */
  readonly rules: readonly { readonly namespace: string; readonly rule: RuleDescriptor }[];
}

export interface Site {
  /** Where the fault is, as diagnostics write paths. */
  readonly path: string;
  /** What was changed, in a sentence. */
  readonly description: string;
  /** The whole document with the fault in it. */
  apply(): XmlElement;
}

export interface Fault<K extends string = string> {
  readonly kind: K;
  readonly code: DiagnosticCode;
  /** What the kind does, for listings and the fixture manifest. */
  readonly summary: string;
  sites(context: MutationContext): Site[];
}

/** A site of a rule fault: the document breaks one prose rule, reported as `code`. */
export interface RuleSite extends Site {
  readonly code: RuleCode;
}

/**
 * A fault against a profile's prose rules: one kind per kind of rule check. Its sites are only
 * in documents whose elements a rule of the profile checks; each names the rule's code.
 */
export interface RuleFault<K extends string = string> {
  readonly kind: K;
  readonly check: RuleCheck['kind'];
  readonly summary: string;
  sites(context: MutationContext): RuleSite[];
}

export const UNDECLARED_ELEMENT = 'undeclared-element';
export const UNDECLARED_ATTRIBUTE = 'undeclared-attribute';

export function attributeOf(e: XmlElement, namespace: string, name: string): XmlAttribute | undefined {
  return e.attributes.find((a) => a.namespace === namespace && a.name === name);
}

export function setAttribute(e: XmlElement, namespace: string, name: string, value: string): XmlElement {
  const exists = attributeOf(e, namespace, name) !== undefined;
  const attributes = exists
    ? e.attributes.map((a) => (a.namespace === namespace && a.name === name ? { namespace, name, value } : a))
    : [...e.attributes, { namespace, name, value }];
  return { ...e, attributes };
}

export function removeAttribute(e: XmlElement, namespace: string, name: string): XmlElement {
  return { ...e, attributes: e.attributes.filter((a) => !(a.namespace === namespace && a.name === name)) };
}

export function textOf(e: XmlElement): string {
  return e.children.map((c) => (c.kind === 'text' ? c.text : '')).join('');
}

export function withText(e: XmlElement, text: string): XmlElement {
  const children: XmlNode[] = text === '' ? [] : [{ kind: 'text', text }];
  return { ...e, children };
}

export function withChildren(e: XmlElement, children: readonly XmlNode[]): XmlElement {
  return { ...e, children };
}

/** `@name` or `@prefix:name` as paths write attributes. */
export function attributePath(node: TypedNode, registry: SchemaRegistry, a: { namespace: string; name: string }): string {
  const prefix = a.namespace === '' ? '' : a.namespace === 'http://www.w3.org/XML/1998/namespace' ? 'xml:' : `${registry.preferredPrefix(a.namespace) ?? 'ns'}:`;
  return `${node.path}/@${prefix}${a.name}`;
}
