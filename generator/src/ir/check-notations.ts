/**
 * The rules of xs:NOTATION (XSD 1.0 part 2, 3.2.19 and its constraint "enumeration facet value
 * required for NOTATION"), checked once the set is assembled:
 * - an element or attribute declaration may not have xs:NOTATION itself as its type, nor a
 *   restriction of it without an enumeration: its values must be listed;
 * - each enumeration value of a type derived from xs:NOTATION names a declared notation.
 *
 * A union may name xs:NOTATION as a member (the suite's stE056-stE065 are valid schemas): the
 * rule is about declarations, as in Xerces.
 */
import { GeneratorError } from '../errors.js';
import { XSD_NAMESPACE, qnameKey, type SchemaSet, type SimpleType, type Source, type TypeRef } from './ir.js';
import type { SchemaIndex } from './schema-index.js';
import { DEFAULT_SCHEMA_LIMITS } from './schema-limits.js';
import { visitSchemas } from './visit.js';

export function checkNotations(set: SchemaSet, index: SchemaIndex): void {
  const declaredLocalNames = new Set(set.schemas.flatMap((s) => (s.notations ?? []).map((n) => n.name.name)));
  const checkDeclaration = (what: string, type: TypeRef | undefined, source: Source) => {
    if (type === undefined) return;
    const chain = notationChain(type, index);
    if (chain === undefined || chain.some((step) => step.facets.some((f) => f.kind === 'enumeration'))) return;
    const direct = chain.length === 0;
    throw new GeneratorError(
      'xsd.enumeration-required-notation',
      direct ? `${what} has the type xs:NOTATION, which cannot be used directly` : `${what} has a type derived from xs:NOTATION without an enumeration of the notations allowed`,
      source,
      'derive a simple type from xs:NOTATION with one <xs:enumeration> per notation allowed, and use that type',
    );
  };
  visitSchemas(set, {
    element(decl) {
      checkDeclaration(`element "${decl.name.name}"`, decl.type, decl.source);
    },
    attributeUse(use) {
      if (use.kind === 'attribute') checkDeclaration(`attribute "${use.attribute.name.name}"`, use.attribute.type, use.attribute.source);
    },
    type(def) {
      if (def.kind !== 'simple' || def.variety !== 'atomic') return;
      const chain = def.base && notationChain(def.base, index);
      if (chain === undefined) return;
      // A NOTATION value is the QName of a declared notation, resolved with the prefixes in scope
      // at the facet (qname-enumerations.ts). Where those could not be kept (one prefix bound two
      // ways in one type), only the local part is compared: no notation has it, none is named.
      for (const facet of def.facets) {
        if (facet.kind !== 'enumeration') continue;
        const value = facet.value.trim();
        const colon = value.indexOf(':');
        const local = value.slice(colon + 1);
        const namespace = facet.namespaces?.[colon < 0 ? '' : value.slice(0, colon)];
        const names = facet.namespaces === undefined ? declaredLocalNames.has(local) : namespace !== undefined && index.notations.has(qnameKey({ namespace, name: local }));
        if (!names) {
          throw new GeneratorError(
            'xsd.enumeration-valid-restriction',
            `enumeration value "${facet.value}" of a type derived from xs:NOTATION names no declared notation`,
            facet.source,
            'declare it with <xs:notation name="..." public="..."/>, or correct the name',
          );
        }
      }
    },
  });
  for (const schema of set.schemas) {
    for (const decl of schema.attributes) checkDeclaration(`attribute "${decl.name.name}"`, decl.type, decl.source);
  }
}

/**
 * When `type` is xs:NOTATION or an atomic restriction of it: the restriction steps from `type`
 * down to xs:NOTATION (none for xs:NOTATION itself). Undefined for any other type. The steps
 * are bounded by the derivation depth cap; a cycle was refused before this check runs.
 */
function notationChain(type: TypeRef, index: SchemaIndex): SimpleType[] | undefined {
  const chain: SimpleType[] = [];
  let current: TypeRef | undefined = type;
  for (let steps = 0; current !== undefined && steps <= DEFAULT_SCHEMA_LIMITS.maxDerivationDepth; steps++) {
    if (current.kind === 'type-ref') {
      if (current.ref.namespace === XSD_NAMESPACE) return current.ref.name === 'NOTATION' ? chain : undefined;
      current = index.type(current.ref);
      continue;
    }
    if (current.kind !== 'simple' || current.variety !== 'atomic') return undefined;
    chain.push(current);
    current = current.base;
  }
  return undefined;
}
