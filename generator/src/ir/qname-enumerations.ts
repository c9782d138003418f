/**
 * Gives the enumeration facets of types derived from QName or NOTATION the prefixes their values
 * use (Facet.namespaces): such a value is a QName, resolved where it is written (XSD 1.0 part 2,
 * 3.2.18 and 3.2.19), and the runtime compares it with a document's value as an expanded name.
 * Which types those are is known only once the set is assembled, so the reader keeps the prefixes
 * in scope at every enumeration (read-notations.ts) and this pass picks the ones needed.
 */
import type { SchemaPart } from '../read/read-schema.js';
import { sourceKey } from '../read/read-notations.js';
import { XML_NAMESPACE, XSD_NAMESPACE, type Facet, type SchemaSet, type SimpleType, type TypeDef, type TypeRef } from './ir.js';
import { mapSchemas } from './map.js';
import { indexSchemas, type SchemaIndex } from './schema-index.js';
import { DEFAULT_SCHEMA_LIMITS } from './schema-limits.js';
import { visitSchemas } from './visit.js';

export function resolveQNameEnumerations(set: SchemaSet, parts: readonly SchemaPart[]): SchemaSet {
  const index = indexSchemas(set);
  const needed = (def: TypeDef): def is SimpleType =>
    def.kind === 'simple' && def.variety === 'atomic' && def.facets.some((f) => f.kind === 'enumeration') && qnamePrimitive(def, index);
  // Most schema sets have none: leave them as they are, without rebuilding the set.
  let any = false;
  visitSchemas(set, {
    type(def) {
      any ||= needed(def);
    },
  });
  if (!any) return set;
  const scopes = new Map(parts.flatMap((p) => [...p.enumerationScopes]));
  return mapSchemas(set, {
    type: (def) => (needed(def) ? { ...def, facets: withNamespaces(def.facets, scopes) } : def),
  });
}

/**
 * The facets, each enumeration given the bindings of the prefixes the values use (only those,
 * so that descriptors stay small). Values written under different bindings of one prefix cannot
 * share one map: they are left as written, compared by their lexical form as before.
 */
function withNamespaces(facets: readonly Facet[], scopes: ReadonlyMap<string, ReadonlyMap<string, string>>): Facet[] {
  const used: Record<string, string> = {};
  for (const facet of facets) {
    if (facet.kind !== 'enumeration') continue;
    const value = facet.value.trim();
    const prefix = value.includes(':') ? value.slice(0, value.indexOf(':')) : '';
    const scope = scopes.get(sourceKey(facet.source));
    // An unprefixed name without a default namespace is in no namespace; "xml" is always bound.
    const namespace = prefix === 'xml' ? XML_NAMESPACE : (scope?.get(prefix) ?? (prefix === '' && scope ? '' : undefined));
    // An undeclared prefix is no QName: check-notations.ts (NOTATION) or the runtime (QName) says so.
    if (namespace === undefined) continue;
    if (Object.hasOwn(used, prefix) && used[prefix] !== namespace) return [...facets];
    used[prefix] = namespace;
  }
  return facets.map((f) => (f.kind === 'enumeration' ? { ...f, namespaces: used } : f));
}

/** Whether an atomic type's primitive is QName or NOTATION: its base chain, bounded by the derivation cap. */
function qnamePrimitive(def: SimpleType, index: SchemaIndex): boolean {
  let current: TypeRef | undefined = def.base;
  for (let steps = 0; current !== undefined && steps <= DEFAULT_SCHEMA_LIMITS.maxDerivationDepth; steps++) {
    if (current.kind === 'type-ref') {
      if (current.ref.namespace === XSD_NAMESPACE) return current.ref.name === 'QName' || current.ref.name === 'NOTATION';
      current = index.type(current.ref);
    } else if (current.kind === 'simple' && current.variety === 'atomic') {
      current = current.base;
    } else {
      return false;
    }
  }
  return false;
}
