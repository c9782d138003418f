/**
 * Type derivation: "is type D validly derived from type B, avoiding these methods", as XSD 1.0
 * part 1 defines it in Type Derivation OK (Complex) (3.4.6) and Type Derivation OK (Simple)
 * (3.14.6). The check stage uses it for substitution groups and attribute restrictions; the
 * runtime's xsi:type needs the same answer, so it lives in one module.
 *
 * Built-in types take part as `{ kind: 'builtin', name }` nodes, with their bases from part 2.
 * Every walk along the bases is a loop: the component graph check (ir/check-component-graph.ts)
 * has already refused cycles and chains deeper than the cap, and a step counter guards again.
 */
import { builtinBase, builtinKind } from '../ir/builtins.js';
import { XSD_NAMESPACE, type ComplexType, type QName, type SimpleType, type TypeDef, type TypeRef } from '../ir/ir.js';
import type { SchemaIndex } from '../ir/schema-index.js';

/** A type definition, user-defined or built in. */
export type TypeNode = BuiltinType | TypeDef;

export interface BuiltinType {
  readonly kind: 'builtin';
  /** The local name in the XSD namespace: 'anyType', 'anySimpleType', 'string', ... */
  readonly name: string;
}

/** The derivation methods a check may avoid: an element's {disallowed substitutions} or {substitution group exclusions}. */
export type DerivationMethods = ReadonlySet<string>;

const ANY_TYPE: BuiltinType = { kind: 'builtin', name: 'anyType' };
const ANY_SIMPLE_TYPE: BuiltinType = { kind: 'builtin', name: 'anySimpleType' };


/** Walks longer than this are cut short (the component graph check caps real chains far below it). */
const MAX_STEPS = 10_000;

export function builtinType(name: string): BuiltinType {
  return { kind: 'builtin', name };
}

export function isBuiltin(node: TypeNode, name: string): boolean {
  return node.kind === 'builtin' && node.name === name;
}

/** The type a reference or name stands for; undefined only for a name assemble would have refused. */
export function resolveType(ref: TypeRef | QName, index: SchemaIndex): TypeNode | undefined {
  if ('kind' in ref && ref.kind !== 'type-ref') return ref;
  const name = 'kind' in ref ? ref.ref : ref;
  if (name.namespace === XSD_NAMESPACE && builtinKind(name)) return builtinType(name.name);
  return index.type(name);
}

export function sameType(a: TypeNode, b: TypeNode): boolean {
  return a === b || (a.kind === 'builtin' && b.kind === 'builtin' && a.name === b.name);
}

/** True for the built-in simple types and user simple types. */
export function isSimple(node: TypeNode): boolean {
  return node.kind === 'builtin' ? node.name !== 'anyType' : node.kind === 'simple';
}

/**
 * The {base type definition} of a type and how it was derived from it; undefined for anyType.
 * A simple type's base is always reached by restriction (a list or union restricts anySimpleType).
 */
export function baseOf(node: TypeNode, index: SchemaIndex): { base: TypeNode; method: 'extension' | 'restriction' } | undefined {
  if (node.kind === 'builtin') {
    if (node.name === 'anyType') return undefined;
    return { base: builtinType(builtinBase({ namespace: XSD_NAMESPACE, name: node.name })?.name ?? 'anySimpleType'), method: 'restriction' };
  }
  if (node.kind === 'complex') {
    if (!node.derivation) return { base: ANY_TYPE, method: 'restriction' };
    const base = resolveType(node.derivation.base, index);
    return base ? { base, method: node.derivation.method } : undefined;
  }
  const base = simpleBaseOf(node, index);
  return base ? { base, method: 'restriction' } : undefined;
}

/**
 * A simple type's base. The reader writes a simpleContent restriction with facets as an
 * anonymous simple type whose base names the complex base type: its real base is that complex
 * type's simple content type.
 */
export function simpleBaseOf(node: SimpleType, index: SchemaIndex): TypeNode | undefined {
  if (node.variety !== 'atomic' || !node.base) return ANY_SIMPLE_TYPE;
  const base = resolveType(node.base, index);
  if (base?.kind === 'complex') return simpleContentTypeOf(base, index);
  return base;
}

/**
 * The simple type of a complex type's simple content ({content type} when it is a simple type),
 * following simpleContent extensions and facet-less restrictions up to the simple type they carry.
 */
export function simpleContentTypeOf(node: ComplexType, index: SchemaIndex): TypeNode | undefined {
  let current: ComplexType = node;
  for (let steps = 0; steps < MAX_STEPS; steps++) {
    if (current.content.kind !== 'simple') return undefined;
    const next = resolveType(current.content.type, index);
    if (!next || next.kind !== 'complex') return next;
    if (next === current) return undefined;
    current = next;
  }
  return undefined;
}

/**
 * Type Derivation OK (Complex) and (Simple): D is B, or D's chain of bases reaches B with no step
 * by a method in `avoid` (nor a simple step whose base's {final} holds restriction), or B is a
 * union and D is validly derived from one of its members.
 */
export function isValidlyDerived(derived: TypeNode, base: TypeNode, avoid: DerivationMethods, index: SchemaIndex): boolean {
  if (sameType(derived, base)) return true;
  if (reachesAlongBases(derived, base, avoid, index)) return true;
  if (base.kind !== 'simple' || base.variety !== 'union' || avoid.has('restriction')) return false;
  // Clause 2.2.4 of Type Derivation OK (Simple): a member of the union (members' members too).
  const members: TypeNode[] = [];
  const seen = new Set<TypeNode>();
  const pending: SimpleType[] = [base];
  while (pending.length > 0 && seen.size < MAX_STEPS) {
    const union = pending.pop()!;
    if (seen.has(union)) continue;
    seen.add(union);
    for (const ref of union.memberTypes) {
      const member = resolveType(ref, index);
      if (!member) continue;
      members.push(member);
      if (member.kind === 'simple' && member.variety === 'union') pending.push(member);
    }
  }
  return members.some((member) => sameType(derived, member) || reachesAlongBases(derived, member, avoid, index));
}

function reachesAlongBases(derived: TypeNode, base: TypeNode, avoid: DerivationMethods, index: SchemaIndex): boolean {
  let current = derived;
  for (let steps = 0; steps < MAX_STEPS; steps++) {
    const step = baseOf(current, index);
    if (!step) return false;
    if (avoid.has(step.method)) return false;
    if (isSimple(current) && step.base.kind === 'simple' && step.base.final.includes('restriction')) return false;
    if (sameType(step.base, base)) return true;
    current = step.base;
  }
  return false;
}

/** "Is or is derived from xs:ID": the chain of bases, with the simple content of a complex type followed. */
export function isIdType(node: TypeNode | undefined, index: SchemaIndex): boolean {
  let current = node;
  for (let steps = 0; current && steps < MAX_STEPS; steps++) {
    if (isBuiltin(current, 'ID')) return true;
    current = current.kind === 'complex' ? simpleContentTypeOf(current, index) : baseOf(current, index)?.base;
  }
  return false;
}

/** A short name for messages: `type "T"`, `the built-in type xs:string`, `an anonymous simple type`. */
export function describeType(node: TypeNode): string {
  if (node.kind === 'builtin') return `xs:${node.name}`;
  if (node.name && !node.anonymous) return `${node.kind} type "${node.name.name}"`;
  return `an anonymous ${node.kind} type`;
}
