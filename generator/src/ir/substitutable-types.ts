/**
 * Which complex types an element's value may be of, for the model types: its declared type, and
 * every global type derived from it that xsi:type may name in its place (XSD 1.0 part 1,
 * cvc-elt 4.3 and cos-ct-derived-ok): not abstract, not anonymous, and derived through no
 * method that the element's {disallowed substitutions} or the declared type's {prohibited
 * substitutions} blocks. The runtime checks the same (runtime/src/validate/xsi-type.ts), and
 * reads and writes the type as `$type`, the type's key (runtime/src/model/xsi-type-model.ts).
 */
import { qnameKey, type ComplexDerivationMethod, type DeclaredComplexType, type ElementDecl } from './ir.js';
import type { SchemaIndex } from './schema-index.js';

/** The complex types derived directly from each type, by the base's key; one map per index. */
const derivedByIndex = new WeakMap<SchemaIndex<'named'>, ReadonlyMap<string, readonly DeclaredComplexType<'named'>[]>>();

function directlyDerived(index: SchemaIndex<'named'>): ReadonlyMap<string, readonly DeclaredComplexType<'named'>[]> {
  const known = derivedByIndex.get(index);
  if (known) return known;
  const built = new Map<string, DeclaredComplexType<'named'>[]>();
  for (const { def } of index.types.values()) {
    if (def.kind !== 'complex' || !def.derivation) continue;
    const base = qnameKey(def.derivation.base);
    const list = built.get(base) ?? [];
    list.push(def);
    built.set(base, list);
  }
  derivedByIndex.set(index, built);
  return built;
}

/**
 * The types derived from `declared` that an element declared by `decl` may hold, in the order
 * a walk down the derivations meets them (each once). Empty for a type nothing derives from,
 * which is every type of most schemas.
 */
export function substitutableTypes(index: SchemaIndex<'named'>, decl: ElementDecl, declared: DeclaredComplexType<'named'>): DeclaredComplexType<'named'>[] {
  const children = directlyDerived(index);
  const blocked = new Set<ComplexDerivationMethod>(declared.block);
  for (const method of decl.block) if (method !== 'substitution') blocked.add(method);
  const out: DeclaredComplexType<'named'>[] = [];
  const seen = new Set<string>([qnameKey(declared.name)]);
  // An explicit stack, not recursion: a schema's derivation chains can be long.
  const stack = [...(children.get(qnameKey(declared.name)) ?? [])].reverse();
  for (let def = stack.pop(); def !== undefined; def = stack.pop()) {
    const key = qnameKey(def.name);
    if (seen.has(key)) continue;
    seen.add(key);
    // A blocked step blocks every type derived through it.
    if (!def.derivation || blocked.has(def.derivation.method)) continue;
    if (!def.abstract && !def.anonymous) out.push(def);
    stack.push(...[...(children.get(key) ?? [])].reverse());
  }
  return out;
}

/**
 * The global complex types in whose place xsi:type may name `def`, the nearest first: each base
 * up its derivation chain whose {prohibited substitutions} block no method on the way down.
 * Empty for an abstract or anonymous type, or one derived from nothing. An element's own `block`
 * may still refuse it; `substitutableTypes` says so per element.
 */
export function xsiTypeBases(index: SchemaIndex<'named'>, def: DeclaredComplexType<'named'>): DeclaredComplexType<'named'>[] {
  if (def.abstract || def.anonymous) return [];
  const out: DeclaredComplexType<'named'>[] = [];
  const methods = new Set<ComplexDerivationMethod>();
  const seen = new Set<string>([qnameKey(def.name)]);
  for (let current = def; current.derivation; ) {
    methods.add(current.derivation.method);
    const base = index.type(current.derivation.base);
    if (base === undefined || base.kind !== 'complex' || seen.has(qnameKey(base.name))) break;
    seen.add(qnameKey(base.name));
    if (!base.block.some((method) => methods.has(method))) out.push(base);
    current = base;
  }
  return out;
}
