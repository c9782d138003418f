/**
 * Which members of a substitution group a document may put in place of its head (XSD 1.0 part 1,
 * Substitution Group OK (Transitive), cos-equiv-derived-ok-rec). The head's {disallowed
 * substitutions} decide: `substitution` blocks every member; `extension` or `restriction`
 * blocks the members whose type derives from the head's type by that method, as do the
 * {prohibited substitutions} of the head's type and of the types between the two.
 */
import { XSD_NAMESPACE, qnameKey, type ElementDecl, type QName, type TypeDef, type TypeRef } from '../ir/ir.js';
import type { SchemaIndex } from '../ir/schema-index.js';
import { builtinBase } from '../ir/builtins.js';

/** A type on a derivation chain: its name when it has one (built-in ones too), and its definition when the schema has one. */
interface TypeNode {
  readonly name: QName | undefined;
  readonly def: TypeDef | undefined;
}

const ANY_TYPE: QName = { namespace: XSD_NAMESPACE, name: 'anyType' };
const ANY_SIMPLE_TYPE: QName = { namespace: XSD_NAMESPACE, name: 'anySimpleType' };

export function substitutionAllowed(member: ElementDecl, head: ElementDecl, index: SchemaIndex): boolean {
  if (qnameKey(member.name) === qnameKey(head.name)) return true;
  if (head.block.includes('substitution')) return false;
  const target = elementType(head, index);
  const blocking = new Set<string>(head.block);
  if (target.def?.kind === 'complex') for (const method of target.def.block) blocking.add(method);
  const methods = new Set<string>();
  const seen = new Set<TypeNode['def'] | string>();
  let node = elementType(member, index);
  for (let first = true; !sameType(node, target); first = false) {
    const id = node.name ? qnameKey(node.name) : node.def;
    // A cycle, or a type not derived from the head's: the check stage reports those schemas.
    if (seen.has(id)) return true;
    seen.add(id);
    if (!first && node.def?.kind === 'complex') for (const method of node.def.block) blocking.add(method);
    const step = baseOf(node, index);
    if (!step) return true;
    methods.add(step.method);
    node = step.base;
  }
  return ![...methods].some((method) => blocking.has(method));
}

/** The type of a declaration: its own, else its head's (transitively), else xs:anyType. */
function elementType(decl: ElementDecl, index: SchemaIndex): TypeNode {
  const seen = new Set<ElementDecl>();
  let current: ElementDecl | undefined = decl;
  while (current && !seen.has(current)) {
    seen.add(current);
    if (current.type) return typeNode(current.type, index);
    current = current.substitutionGroup ? index.element(current.substitutionGroup) : undefined;
  }
  return named(ANY_TYPE, index);
}

function typeNode(ref: TypeRef, index: SchemaIndex): TypeNode {
  return ref.kind === 'type-ref' ? named(ref.ref, index) : { name: ref.name, def: ref };
}

function named(name: QName, index: SchemaIndex): TypeNode {
  return { name, def: index.type(name) };
}

function sameType(a: TypeNode, b: TypeNode): boolean {
  return a.name && b.name ? qnameKey(a.name) === qnameKey(b.name) : a.def === b.def;
}

function baseOf(node: TypeNode, index: SchemaIndex): { method: 'extension' | 'restriction'; base: TypeNode } | undefined {
  const def = node.def;
  if (def?.kind === 'complex') {
    return def.derivation ? { method: def.derivation.method, base: named(def.derivation.base, index) } : { method: 'restriction', base: named(ANY_TYPE, index) };
  }
  if (def?.kind === 'simple') {
    const base = def.variety === 'atomic' && def.base ? typeNode(def.base, index) : named(ANY_SIMPLE_TYPE, index);
    return { method: 'restriction', base };
  }
  const builtin = node.name && builtinBase(node.name);
  return builtin ? { method: 'restriction', base: named(builtin, index) } : undefined;
}
