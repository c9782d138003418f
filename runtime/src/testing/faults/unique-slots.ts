/**
 * Where a document holds values that must be unique: xs:ID values (declared attributes,
 * attributes a wildcard admits that a known schema types as xs:ID such as xml:id, element
 * values) and the fields of xs:unique and xs:key. Copying an element that holds one would add
 * a second fault, so the copying mutators look here first.
 */
import type { SimpleTypeDescriptor } from '../../datatypes/index.js';
import { componentKey, wildcardAllows } from '../../schema/descriptor.js';
import type { XmlAttribute } from '../../xml-node.js';
import { isIdType } from '../type-facts.js';
import { allNodes, type TypedNode } from '../typed-tree.js';
import type { MutationContext } from './fault.js';
import { valueType } from './value-faults.js';

export interface ValueSlot {
  readonly node: TypedNode;
  /** The attribute holding the value, or undefined for the element's own value. */
  readonly attribute: XmlAttribute | undefined;
}

/** The type of an attribute as the validator checks it: declared, or global through a wildcard. */
export function attributeType(c: MutationContext, node: TypedNode, a: XmlAttribute): SimpleTypeDescriptor | undefined {
  const use = node.type?.attributes.find((u) => u.namespace === a.namespace && u.name === a.name);
  if (use) return use.type;
  const w = node.type?.anyAttribute;
  if (!w || w.process === 'skip' || !wildcardAllows(w, a.namespace)) return undefined;
  return c.registry.attribute(componentKey(a.namespace, a.name))?.type;
}

export function idSlots(c: MutationContext, nodes: readonly TypedNode[] = c.nodes): ValueSlot[] {
  return nodes.flatMap((node): ValueSlot[] => {
    const out: ValueSlot[] = node.element.attributes
      .filter((a) => {
        const type = attributeType(c, node, a);
        return type !== undefined && isIdType(type);
      })
      .map((attribute) => ({ node, attribute }));
    const value = valueType(node);
    if (value && isIdType(value)) out.push({ node, attribute: undefined });
    return out;
  });
}

/** Whether the subtree of `node` holds an ID value or a field of a unique or key constraint. */
export function holdsUniqueValues(c: MutationContext, node: TypedNode): boolean {
  const nodes = allNodes(node);
  if (idSlots(c, nodes).length > 0) return true;
  return nodes.some((n) => {
    const pooledAttribute = n.type !== undefined && n.element.attributes.some((a) => c.fields.attribute(n.type!.key, a.namespace, a.name).length > 0);
    return pooledAttribute || c.fields.element(componentKey(n.decl.namespace, n.decl.name)).length > 0;
  });
}
