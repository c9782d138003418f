/**
 * Enumeration values as values of their type (XSD 1.0 part 2, 4.3.5): the reader keeps each
 * `value` as written, and this pass normalizes it by the whiteSpace the type has, which is known
 * only once the set is assembled. `<xs:enumeration value=" a "/>` stays " a " on an xs:string,
 * whose values keep their spaces, and becomes "a" on an xs:token; every later stage (the types,
 * the descriptors, JSON Schema, the docs, the diff) then sees the value a document's text is
 * compared with.
 */
import { XSD_NAMESPACE, type Facet, type SchemaSet, type SimpleType, type TypeDef } from './ir.js';
import { mapSchemas } from './map.js';
import type { SchemaIndex } from './schema-index.js';
import { DEFAULT_SCHEMA_LIMITS } from './schema-limits.js';
import { visitSchemas } from './visit.js';

type WhiteSpace = 'preserve' | 'replace' | 'collapse';

export function normalizeEnumerations(set: SchemaSet, index: SchemaIndex): SchemaSet {
  const needed = (def: TypeDef): def is SimpleType => def.kind === 'simple' && def.facets.some((f) => f.kind === 'enumeration' && needsNormalizing(f.value));
  // Most schema sets have no value to normalize: leave them as they are, without rebuilding the set.
  let any = false;
  visitSchemas(set, {
    type(def) {
      any ||= needed(def);
    },
  });
  if (!any) return set;
  return mapSchemas(set, {
    type(def) {
      if (!needed(def)) return def;
      const whiteSpace = whiteSpaceOf(def, index);
      return { ...def, facets: def.facets.map((f): Facet => (f.kind === 'enumeration' ? { ...f, value: normalize(f.value, whiteSpace) } : f)) };
    },
  });
}

/** Whether any whiteSpace could change the value: most values have no tab, newline or edge space. */
function needsNormalizing(value: string): boolean {
  return /[\t\n\r]|^ | $| {2}/.test(value);
}

function normalize(value: string, whiteSpace: WhiteSpace): string {
  if (whiteSpace === 'preserve') return value;
  const replaced = value.replace(/[\t\n\r]/g, ' ');
  return whiteSpace === 'replace' ? replaced : replaced.replace(/ {2,}/g, ' ').trim();
}

/**
 * The whiteSpace of an atomic type: its own facet or the nearest base's, else its built-in
 * ancestor's (string keeps spaces, normalizedString replaces them, every other type collapses).
 * A list or union, and a type whose chain leaves the simple types, collapse. The chain is walked
 * within the derivation cap, which the component graph check has enforced.
 */
function whiteSpaceOf(def: SimpleType, index: SchemaIndex): WhiteSpace {
  let current: TypeDef | undefined = def;
  for (let steps = 0; current !== undefined && steps <= DEFAULT_SCHEMA_LIMITS.maxDerivationDepth; steps++) {
    if (current.kind !== 'simple' || current.variety !== 'atomic') return 'collapse';
    const own = current.facets.find((f) => f.kind === 'whiteSpace')?.value.trim();
    if (own === 'preserve' || own === 'replace' || own === 'collapse') return own;
    const base: SimpleType['base'] = current.base;
    if (base === undefined) return 'collapse';
    if (base.kind !== 'type-ref') current = base;
    else if (base.ref.namespace !== XSD_NAMESPACE) current = index.type(base.ref);
    else return base.ref.name === 'string' ? 'preserve' : base.ref.name === 'normalizedString' ? 'replace' : 'collapse';
  }
  return 'collapse';
}
