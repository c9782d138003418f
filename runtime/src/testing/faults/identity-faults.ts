/**
 * Faults in values that must be unique: a field of an xs:unique or xs:key constraint (the
 * `index` of event-cpm-imap) repeated, and an xs:ID value repeated. Where a constraint selects
 * only one element, a copy of it is added beside it, when the content model allows one more.
 */
import { keyLocalName, type IdentityDescriptor } from '../../schema/descriptor.js';
import type { XmlElement } from '../../xml-node.js';
import { allNodes, contentVerdict, replaceAt, type TypedNode } from '../typed-tree.js';
import { fieldSlots, parsePath, selectElements, type FieldSlot } from '../xpath-subset.js';
import { attributeOf, setAttribute, textOf, withChildren, withText, type Fault, type MutationContext, type Site } from './fault.js';
import { holdsUniqueValues, idSlots } from './unique-slots.js';

export const duplicateUniqueValue: Fault<'duplicate-unique-value'> = {
  kind: 'duplicate-unique-value',
  code: 'evfw.identity.duplicate',
  summary: 'a value an xs:unique or xs:key requires to be unique (such as an index) is repeated',
  sites: (c) =>
    c.nodes.flatMap((scope) =>
      (scope.decl.identity ?? []).filter((k) => k.kind !== 'keyref').flatMap((constraint) => constraintSites(c, scope, constraint)),
    ),
};

function constraintSites(c: MutationContext, scope: TypedNode, constraint: IdentityDescriptor): Site[] {
  const selected = selectElements(scope.element, parsePath(constraint.selector, constraint));
  const fields = constraint.fields.map((f) => parsePath(f, constraint));
  const slotsOf = (e: XmlElement) => fields.map((f) => fieldSlots(e, f));
  const complete = (slots: FieldSlot[][]) => slots.every((s) => s.length === 1);
  const name = keyLocalName(constraint.name);
  const locate = locator(scope);
  const out: Site[] = [];
  for (const [i, first] of selected.entries()) {
    const firstSlots = slotsOf(first);
    if (!complete(firstSlots)) continue;
    for (const second of selected.slice(i + 1)) {
      const secondSlots = slotsOf(second);
      if (!complete(secondSlots) || secondSlots.some(([slot]) => !locate(slot!.owner))) continue;
      out.push({
        path: locate(second)?.path ?? scope.path,
        description: `a second <${second.name}> repeats the ${constraint.fields.join(', ')} of the first, which "${name}" requires to be unique`,
        apply: () => {
          let root = c.root;
          for (const [k, [slot]] of secondSlots.entries()) {
            const value = read(firstSlots[k]![0]!);
            root = replaceAt(root, locate(slot!.owner)!.location, (e) => write(e, slot!, value));
          }
          return root;
        },
      });
    }
  }
  // One selected element: add a copy of it beside it, if the content model takes one more.
  const only = selected.length === 1 ? locate(selected[0]!) : undefined;
  const parent = only?.parent;
  if (only && parent?.type?.content.kind === 'elements' && complete(slotsOf(only.element)) && !holdsOtherUniqueValues(c, only)) {
    const children = [...parent.element.children];
    children.splice(only.location.at(-1)! + 1, 0, only.element);
    if ('complete' in contentVerdict(c.registry, parent.type.content.particle, children)) {
      out.push({
        path: only.path,
        description: `<${only.decl.name}> is written twice, so its ${constraint.fields.join(', ')} repeats, which "${name}" requires to be unique`,
        apply: () => replaceAt(c.root, parent.location, (e) => withChildren(e, children)),
      });
    }
  }
  return out;
}

/** Unique values below `node` other than its own attributes (the fields the copy repeats on purpose). */
function holdsOtherUniqueValues(c: MutationContext, node: TypedNode): boolean {
  if (idSlots(c, [node]).length > 0) return true;
  return node.children.some((child) => holdsUniqueValues(c, child));
}

function locator(scope: TypedNode): (e: XmlElement) => TypedNode | undefined {
  const byElement = new Map(allNodes(scope).map((n) => [n.element, n]));
  return (e) => byElement.get(e);
}

function read(slot: FieldSlot): string {
  if (!slot.attribute) return textOf(slot.owner);
  return slot.owner.attributes.find((a) => (slot.attribute!.namespace ?? a.namespace) === a.namespace && (slot.attribute!.name ?? a.name) === a.name)!.value;
}

function write(e: XmlElement, slot: FieldSlot, value: string): XmlElement {
  if (!slot.attribute) return withText(e, value);
  const a = e.attributes.find((x) => (slot.attribute!.namespace ?? x.namespace) === x.namespace && (slot.attribute!.name ?? x.name) === x.name)!;
  return setAttribute(e, a.namespace, a.name, value);
}

export const duplicateId: Fault<'duplicate-id'> = {
  kind: 'duplicate-id',
  code: 'evfw.id.duplicate',
  summary: 'an xs:ID value is repeated',
  sites: (c) => {
    const slots = idSlots(c);
    return slots.slice(1).map((second, k): Site => {
      const first = slots[k]!;
      const value = first.attribute ? first.attribute.value : textOf(first.node.element);
      const where = second.attribute ? `attribute "${second.attribute.name}" of <${second.node.decl.name}>` : `<${second.node.decl.name}>`;
      return {
        path: second.node.path,
        description: `${where} repeats the ID "${value}" already used by <${first.node.decl.name}>`,
        apply: () =>
          replaceAt(c.root, second.node.location, (e) =>
            second.attribute && attributeOf(e, second.attribute.namespace, second.attribute.name)
              ? setAttribute(e, second.attribute.namespace, second.attribute.name, value)
              : withText(e, value),
          ),
      };
    });
  },
};
