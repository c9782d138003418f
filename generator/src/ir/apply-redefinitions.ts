/**
 * Applies the `<xs:redefine>` elements of the read documents (XSD 1.0 part 1, 4.2.2), before
 * assembly merges the documents of a namespace.
 *
 * A redefinition replaces the component of the same name in the redefined document (or in a
 * document it includes): every reference to the name, in any document, then means the new
 * component. The original stays, as the base of a redefined type or the self-reference of a
 * redefined group, under an internal name: the XSD name followed by "@original" (with a number
 * after a second redefinition of the same name). "@" cannot occur in an XSD name, so the internal
 * name never clashes with a schema's own; the emitters name it like any other (`TypeOriginal`).
 */
import { GeneratorError } from '../errors.js';
import { documentKey, type DocumentRef } from '../load/load-schemas.js';
import type { SchemaPart } from '../read/read-schema.js';
import { groupRefsTo, type Redefinition } from '../read/read-redefine.js';
import { qnameKey, type AttributeGroupDef, type DeclaredType, type GroupDef, type Particle, type QName, type TypeRef } from './ir.js';

/** What the internal name of an original adds to its XSD name. */
export const ORIGINAL_SUFFIX = '@original';

/**
 * A group or attribute group redefined without a reference to itself: it must be a valid
 * restriction of its original (src-redefine 6.2.2 and 7.2.2), which check/redefine-restrictions.ts
 * checks once the set is assembled.
 */
export interface RedefinedRestriction {
  readonly kind: 'group' | 'attribute group';
  readonly name: QName;
  /** The original's internal name. */
  readonly original: QName;
}

/** The parts with every redefinition applied (originals renamed, redefinitions added to the redefining document), and the restrictions to check. */
export function applyRedefinitions(parts: readonly SchemaPart[]): { parts: SchemaPart[]; restrictions: RedefinedRestriction[] } {
  const restrictions: RedefinedRestriction[] = [];
  if (parts.every((p) => p.redefinitions.length === 0)) return { parts: [...parts], restrictions };
  const copies = parts.map((p) => ({ ...p, types: [...p.types], groups: [...p.groups], attributeGroups: [...p.attributeGroups] }));
  const byKey = new Map(copies.map((p) => [documentKey(p), p]));
  const internalNames = new Set<string>();
  const internalName = (name: QName): QName => {
    let candidate = { namespace: name.namespace, name: `${name.name}${ORIGINAL_SUFFIX}` };
    for (let n = 2; internalNames.has(qnameKey(candidate)); n++) candidate = { namespace: name.namespace, name: `${name.name}${ORIGINAL_SUFFIX}${n}` };
    internalNames.add(qnameKey(candidate));
    return candidate;
  };

  // The documents are in loading order, a redefined document after the one redefining it: the
  // last redefinitions first, so that when A redefines B which redefines C, A's finds B's.
  for (const part of [...copies].reverse()) {
    for (const redefinition of part.redefinitions) {
      if (redefinition.types.length + redefinition.groups.length + redefinition.attributeGroups.length === 0) continue;
      const reached = reachable(redefinition, byKey);
      const redefined = (kind: string, name: QName): never => {
        throw new GeneratorError(
          'xsd.src-redefine',
          `${kind} "${name.name}" is redefined, but ${redefinition.location} (with the documents it includes) declares no ${kind} of that name`,
          redefinition.source,
          `check the name, or declare the ${kind} outside <xs:redefine>`,
        );
      };
      for (const def of redefinition.types) {
        const original = takeOriginal(reached, 'types', def.name, internalName) ?? redefined('type', def.name);
        part.types.push(baseOnOriginal(def, original));
      }
      for (const def of redefinition.groups) {
        const original = takeOriginal(reached, 'groups', def.name, internalName) ?? redefined('group', def.name);
        if (groupRefsTo(def.particle, def.name).length === 0) restrictions.push({ kind: 'group', name: def.name, original });
        part.groups.push({ ...def, particle: renameGroupRefs(def.particle, def.name, original) as GroupDef['particle'] });
      }
      for (const def of redefinition.attributeGroups) {
        const original = takeOriginal(reached, 'attributeGroups', def.name, internalName) ?? redefined('attribute group', def.name);
        if (!def.attributes.some((use) => use.kind === 'attribute-group-ref' && qnameKey(use.ref) === qnameKey(def.name))) {
          restrictions.push({ kind: 'attribute group', name: def.name, original });
        }
        const attributes = def.attributes.map((use) => (use.kind === 'attribute-group-ref' && qnameKey(use.ref) === qnameKey(def.name) ? { ...use, ref: original } : use));
        part.attributeGroups.push({ ...def, attributes } satisfies AttributeGroupDef);
      }
    }
  }
  return { parts: copies, restrictions };
}

type Copy = SchemaPart & { types: DeclaredType[]; groups: GroupDef[]; attributeGroups: AttributeGroupDef[] };

/** The redefined document and every document it includes or redefines, transitively (an explicit stack). */
function reachable(redefinition: Redefinition, byKey: ReadonlyMap<string, Copy>): Copy[] {
  if (redefinition.target === undefined) {
    throw new GeneratorError('xsd.src-redefine', `the schema document ${redefinition.location} that <xs:redefine> names was not loaded`, redefinition.source, 'load the schema through loadSchemas, which follows redefines');
  }
  const found: Copy[] = [];
  const seen = new Set<string>();
  const stack: DocumentRef[] = [redefinition.target];
  for (let ref = stack.pop(); ref !== undefined; ref = stack.pop()) {
    const key = documentKey(ref);
    const part = byKey.get(key);
    if (seen.has(key) || !part) continue;
    seen.add(key);
    found.push(part);
    stack.push(...part.includes);
  }
  return found;
}

/** Renames the component `name` of the reached documents to its internal name, which it returns; undefined when none declares it. */
function takeOriginal(reached: readonly Copy[], kind: 'types' | 'groups' | 'attributeGroups', name: QName, internalName: (name: QName) => QName): QName | undefined {
  const key = qnameKey(name);
  for (const part of reached) {
    const list: { name: QName }[] = part[kind];
    const at = list.findIndex((c) => qnameKey(c.name) === key);
    if (at < 0) continue;
    const renamed = internalName(name);
    if (kind === 'types') part.types[at] = { ...part.types[at]!, name: renamed };
    else if (kind === 'groups') part.groups[at] = { ...part.groups[at]!, name: renamed };
    else part.attributeGroups[at] = { ...part.attributeGroups[at]!, name: renamed };
    return renamed;
  }
  return undefined;
}

/** A redefined type with its base (its own name, read-redefine.ts checked) pointing at the original. */
function baseOnOriginal(def: DeclaredType, original: QName): DeclaredType {
  const self = qnameKey(def.name);
  const retarget = (ref: TypeRef | undefined): TypeRef | undefined => (ref?.kind === 'type-ref' && qnameKey(ref.ref) === self ? { kind: 'type-ref', ref: original } : ref);
  if (def.kind === 'simple') return { ...def, base: retarget(def.base) };
  const derivation = def.derivation && { ...def.derivation, base: original };
  if (def.content.kind !== 'simple') return { ...def, derivation };
  // Simple content names its base as its value type, directly or as the base of a restriction's anonymous type.
  const type = def.content.type;
  const valueType: TypeRef = type.kind === 'simple' ? { ...type, base: retarget(type.base) } : retarget(type) ?? type;
  return { ...def, derivation, content: { kind: 'simple', type: valueType } };
}

/**
 * The particle with its `<xs:group ref>` to `self` pointing at the original. Recursive, but
 * only as deep as the schema document's elements nest, which the parser caps.
 */
function renameGroupRefs(p: Particle, self: QName, original: QName): Particle {
  if (p.kind === 'group-ref') return qnameKey(p.ref) === qnameKey(self) ? { ...p, ref: original } : p;
  if (p.kind === 'sequence' || p.kind === 'choice' || p.kind === 'all') return { ...p, particles: p.particles.map((c) => renameGroupRefs(c, self, original)) };
  return p;
}
