/**
 * Where each component shows in documents: index-free instance paths such as
 * `/cpm-evfw/event-cpm-imap/operation/@flags`, found by walking from every global element
 * through content models, derivations and attribute types.
 *
 * A change inside a named type is reported once, at the type, and these paths say where a
 * reader meets it. The walk stops at a type already on the way down (a recursive schema gives
 * the path to its first recursion, not an endless list), and keeps a bounded number of paths per
 * component: enough to find the place, not a catalogue.
 */
import { qnameKey, type ElementDecl, type Particle, type QName, type SchemaSet, type TypeDef, type TypeRef } from '../ir/ir.js';
import { indexSchemas } from '../ir/schema-index.js';

export interface InstancePaths {
  /** Paths of the elements and attributes whose type is the named type (or derives from it). */
  ofType(name: QName): readonly string[];
  /** Paths where the global element appears: as the root, or through references and substitution. */
  ofElement(name: QName): readonly string[];
}

/** Per component; the rest are left out, shortest paths kept. */
const PATHS_PER_COMPONENT = 32;
/** Element steps below the root. */
const MAX_DEPTH = 24;
/** Visits in all: a schema with many shared types cannot make the walk explode. */
const MAX_VISITS = 50_000;

export function instancePaths(set: SchemaSet): InstancePaths {
  const index = indexSchemas(set);
  const types = new Map<string, Set<string>>();
  const elements = new Map<string, Set<string>>();
  let visits = 0;

  const record = (map: Map<string, Set<string>>, key: string, path: string) => {
    let paths = map.get(key);
    if (!paths) map.set(key, (paths = new Set()));
    paths.add(path);
  };

  const typeOfElement = (decl: ElementDecl, seen = new Set<string>()): TypeRef | undefined => {
    if (decl.type || !decl.substitutionGroup) return decl.type;
    const key = qnameKey(decl.substitutionGroup);
    const head = index.element(decl.substitutionGroup);
    if (!head || seen.has(key)) return undefined;
    return typeOfElement(head, new Set([...seen, key]));
  };

  const visitTypeRef = (ref: TypeRef | undefined, path: string, stack: readonly string[], depth: number) => {
    if (!ref) return;
    if (ref.kind !== 'type-ref') return visitType(ref, path, stack, depth);
    const def = index.type(ref.ref);
    if (def) visitType(def, path, stack, depth);
  };

  const visitType = (def: TypeDef, path: string, stack: readonly string[], depth: number) => {
    if (++visits > MAX_VISITS) return;
    const key = def.name ? qnameKey(def.name) : undefined;
    if (key) {
      record(types, key, path);
      if (stack.includes(key)) return;
    }
    const inner = key ? [...stack, key] : stack;
    if (def.kind === 'simple') {
      visitTypeRef(def.base, path, inner, depth);
      visitTypeRef(def.itemType, path, inner, depth);
      for (const member of def.memberTypes) visitTypeRef(member, path, inner, depth);
      return;
    }
    // A derived type's documents hold its base's content too: a change there shows here.
    if (def.derivation) {
      const base = index.type(def.derivation.base);
      if (base) visitType(base, path, inner, depth);
    }
    if (def.content.kind === 'simple') visitTypeRef(def.content.type, path, inner, depth);
    if (def.content.kind === 'elements') visitParticle(def.content.particle, path, inner, depth);
    for (const use of def.attributes) {
      if (use.kind === 'attribute' && use.use !== 'prohibited') visitTypeRef(use.attribute.type, `${path}/@${use.attribute.name.name}`, inner, depth);
    }
  };

  const visitElement = (decl: ElementDecl, path: string, stack: readonly string[], depth: number, global: boolean) => {
    if (global) record(elements, qnameKey(decl.name), path);
    if (depth > MAX_DEPTH) return;
    visitTypeRef(typeOfElement(decl), path, stack, depth + 1);
  };

  const visitParticle = (particle: Particle, path: string, stack: readonly string[], depth: number) => {
    switch (particle.kind) {
      case 'element':
        return visitElement(particle.element, `${path}/${particle.element.name.name}`, stack, depth, false);
      case 'element-ref': {
        for (const name of [particle.ref, ...(index.element(particle.ref)?.substitutes ?? [])]) {
          const decl = index.element(name);
          if (decl && !decl.abstract) visitElement(decl, `${path}/${name.name}`, stack, depth, true);
        }
        return;
      }
      case 'sequence':
      case 'choice':
      case 'all':
        for (const child of particle.particles) visitParticle(child, path, stack, depth);
        return;
      default:
        return;
    }
  };

  for (const schema of set.schemas) {
    if (schema.builtin) continue;
    for (const decl of schema.elements) visitElement(decl, `/${decl.name.name}`, [], 0, true);
  }

  const listed = (set: Set<string> | undefined) =>
    [...(set ?? [])].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)).slice(0, PATHS_PER_COMPONENT).sort();
  return {
    ofType: (name) => listed(types.get(qnameKey(name))),
    ofElement: (name) => listed(elements.get(qnameKey(name))),
  };
}
