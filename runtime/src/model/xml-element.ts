/**
 * Source elements as the models carry them: XmlElement nodes (runtime/src/xml-node.ts), with
 * namespace, name, attributes, and every child and text node in order. Positions are dropped.
 *
 * Prefixes are not recorded: they are not part of what a document means, and a model that
 * carried them would not survive a round trip unchanged (the serializer declares every
 * namespace once on the root, so an element written in a default namespace comes back
 * prefixed). `prefix` stays a hint a program may set when it builds an XmlElement itself.
 */
import type { XmlAttribute, XmlElement, XmlNode } from '../xml-node.js';
import type { SourceElement } from '../xml/source-tree.js';

export function toXmlElement(source: SourceElement): XmlElement {
  const attributes: XmlAttribute[] = source.attributes.map((a) => ({ namespace: a.namespace, name: a.name, value: a.value }));
  const children: XmlNode[] = source.children.map((c) => (c.kind === 'text' ? { kind: 'text', text: c.text } : toXmlElement(c)));
  return { kind: 'element', namespace: source.namespace, name: source.name, attributes, children };
}
