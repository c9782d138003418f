/**
 * A chameleon include (XSD 1.0 part 1, 4.2.1): a schema document without a targetNamespace,
 * included into a schema with one, takes the includer's namespace, and so do the references in
 * it that name no namespace. `<xs:extension base="myType"/>` with no default namespace in scope
 * means the includer's myType, not a myType in no namespace.
 *
 * The reader expands QNames with each element's prefix bindings, an unprefixed name by the default
 * namespace; binding the default namespace to the includer's wherever it is unbound (or bound to
 * no namespace, xmlns="") gives exactly that. XPaths of identity constraints are not QNames in
 * this sense: an unprefixed name there is in no namespace whatever the default (the runtime's
 * identity-xpath.ts never reads the default binding).
 */
import type { XmlNode } from './xml-tree.js';

/** The tree with the default namespace bound to `namespace` where it named none. Depth is bounded by the parser's nesting cap. */
export function chameleonTree(node: XmlNode, namespace: string): XmlNode {
  const own = node.namespaces.get('');
  const namespaces = own === undefined || own === '' ? new Map([...node.namespaces, ['', namespace]]) : node.namespaces;
  return { ...node, namespaces, children: node.children.map((child) => chameleonTree(child, namespace)) };
}
