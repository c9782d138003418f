/**
 * The derivation of simple types as the runtime's xsi:type check reads it (XSD 1.0 part 1,
 * cos-st-derived-ok): each type's {base type definition}, and a union's {member type
 * definitions}. Named types are linked by key; anonymous ones are written inline.
 */
import type { SimpleTypeDerivation, SimpleTypeLink } from '@evfw/runtime/schema';
import { XSD_NAMESPACE, qnameKey, type SimpleType, type TypeRef } from '../ir/ir.js';
import type { SchemaIndex } from '../ir/schema-index.js';

const ANY_SIMPLE_TYPE = qnameKey({ namespace: XSD_NAMESPACE, name: 'anySimpleType' });

/**
 * A list or a union is based on xs:anySimpleType; a restriction on the type it restricts. A
 * restriction of a union keeps that union's members (3.14.1, {member type definitions}), but
 * they are written out only when no restriction on the way adds a facet: a member may then
 * stand for the union, while a faceted restriction would let xsi:type name a member to get
 * round the facets (W3C bug 5784, settled in XSD 1.1 as cos-st-derived-ok 2.2.4.3; D-nn).
 */
export function simpleDerivation(def: SimpleType, index: SchemaIndex): SimpleTypeDerivation {
  if (def.variety === 'list') return { base: ANY_SIMPLE_TYPE };
  if (def.variety === 'union') return { base: ANY_SIMPLE_TYPE, members: def.memberTypes.map((m) => simpleLink(m, index)) };
  const base = def.base ? simpleLink(def.base, index) : ANY_SIMPLE_TYPE;
  const union = restrictedUnion(def, index);
  return union ? { base, members: union.memberTypes.map((m) => simpleLink(m, index)) } : { base };
}

/** A named type by key; an anonymous one inline. */
export function simpleLink(ref: TypeRef, index: SchemaIndex): SimpleTypeLink {
  if (ref.kind === 'type-ref') return qnameKey(ref.ref);
  return ref.kind === 'simple' ? simpleDerivation(ref, index) : ANY_SIMPLE_TYPE;
}

/**
 * The union a chain of restrictions without facets starts from, if it starts from one. Walked with a visited
 * set: the check stage refuses circular derivations, but this must end even without it.
 */
function restrictedUnion(def: SimpleType, index: SchemaIndex): SimpleType | undefined {
  const seen = new Set<SimpleType>([def]);
  let current: SimpleType = def;
  for (;;) {
    if (current.facets.length > 0) return undefined;
    const ref = current.base;
    const next = ref?.kind === 'type-ref' ? index.type(ref.ref) : ref;
    if (next?.kind !== 'simple' || seen.has(next)) return undefined;
    if (next.variety === 'union') return next;
    if (next.variety === 'list') return undefined;
    seen.add(next);
    current = next;
  }
}
