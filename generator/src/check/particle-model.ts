/**
 * Content models as the particle checks read them: a tree of terms (element, wildcard, model
 * group) with every `<xs:group ref>` and `<xs:element ref>` resolved through the index, and
 * the {content type} of a complex type as XSD 1.0 part 1, 3.4.2, builds it (an extension's
 * content is its base's followed by its own).
 *
 * Occurrences are kept as numbers, `Infinity` for unbounded, so the range arithmetic of
 * 3.8.6 and 3.9.6 reads as arithmetic. The trees are as deep as the schema's model groups,
 * which ir/check-component-graph.ts has capped (maxNestingDepth) before the check stage runs,
 * so the walks below may recurse.
 */
import {
  type ComplexType,
  type ElementDecl,
  type Occurs,
  type Particle,
  type QName,
  type SchemaSet,
  type Source,
  type Wildcard,
} from '../ir/ir.js';
import type { SchemaIndex } from '../ir/schema-index.js';
import { visitSchemas } from '../ir/visit.js';
import { resolveType, type TypeNode } from './derivation-of.js';

export interface ElementTerm {
  readonly kind: 'element';
  readonly min: number;
  readonly max: number;
  readonly decl: ElementDecl;
  /** True for `<xs:element ref>`: the declaration is a global one (and may head a substitution group). */
  readonly global: boolean;
  readonly source: Source;
  /** The particle of the IR this term stands for: two terms of one origin are one particle. */
  readonly origin: object;
}

export interface WildcardTerm {
  readonly kind: 'any';
  readonly min: number;
  readonly max: number;
  readonly wildcard: Wildcard;
  readonly source: Source;
  readonly origin: object;
}

export interface GroupTerm {
  readonly kind: 'sequence' | 'choice' | 'all';
  readonly min: number;
  readonly max: number;
  readonly particles: readonly Term[];
  readonly source: Source;
  readonly origin: object;
}

export type Term = ElementTerm | WildcardTerm | GroupTerm;

/** {content type}: empty, a simple type (simpleContent), or element content, mixed or not. */
export type ContentType =
  | { readonly kind: 'empty' }
  | { readonly kind: 'simple' }
  | { readonly kind: 'elements'; readonly mixed: boolean; readonly particle: Term };

export function maxOf(occurs: Occurs): number {
  return occurs.max === 'unbounded' ? Infinity : occurs.max;
}

export function formatMax(max: number): string {
  return max === Infinity ? 'unbounded' : String(max);
}

/** A particle of the read-stage IR as a term tree; a reference the index cannot resolve (assemble refused those) becomes an empty sequence. */
export function termOf(particle: Particle, index: SchemaIndex): Term {
  const min = particle.min;
  const max = maxOf(particle);
  switch (particle.kind) {
    case 'element':
      return { kind: 'element', min, max, decl: particle.element, global: false, source: particle.element.source, origin: particle };
    case 'element-ref': {
      const decl = index.element(particle.ref);
      if (!decl) return emptySequence(particle.source, particle);
      return { kind: 'element', min, max, decl, global: true, source: particle.source, origin: particle };
    }
    case 'any':
      return { kind: 'any', min, max, wildcard: particle.wildcard, source: particle.wildcard.source, origin: particle };
    case 'group-ref': {
      const def = index.groups.get(keyOf(particle.ref));
      if (!def) return emptySequence(particle.source, particle);
      // The reference's occurrences on the group's model group: the particle XSD builds for a ref.
      const group = def.particle;
      return { kind: group.kind, min, max, particles: termsOf(group.particles, index), source: particle.source, origin: group };
    }
    default:
      return { kind: particle.kind, min, max, particles: termsOf(particle.particles, index), source: particle.source, origin: particle };
  }
}

/** A group's particles as terms; one of maxOccurs 0 is no particle at all (3.9.2), so it is left out. */
function termsOf(particles: readonly Particle[], index: SchemaIndex): Term[] {
  return particles.filter((p) => p.max !== 0).map((p) => termOf(p, index));
}

function keyOf(name: QName): string {
  return name.namespace ? `{${name.namespace}}${name.name}` : name.name;
}

function emptySequence(source: Source, origin: object): GroupTerm {
  return { kind: 'sequence', min: 1, max: 1, particles: [], source, origin };
}

/**
 * Clause 2.1 of the complex type's {content type} (3.4.2): the particle a schema wrote counts as
 * no content when it is an empty sequence or all, an empty choice with minOccurs 0, or has maxOccurs 0.
 */
export function isEffectivelyEmpty(particle: Particle, index: SchemaIndex): boolean {
  if (particle.max === 0) return true;
  let group = particle;
  if (group.kind === 'group-ref') {
    const def = index.groups.get(keyOf(group.ref));
    if (!def) return true;
    group = def.particle;
  }
  if (group.kind === 'sequence' || group.kind === 'all') return group.particles.length === 0;
  if (group.kind === 'choice') return group.particles.length === 0 && particle.min === 0;
  return false;
}

/** The content model a type writes itself (its restriction, or what its extension adds). */
export function ownContent(type: ComplexType, index: SchemaIndex): ContentType {
  const content = type.content;
  if (content.kind === 'simple') return { kind: 'simple' };
  const mixed = content.kind === 'elements' && content.mixed;
  if (content.kind === 'empty' || isEffectivelyEmpty(content.particle, index)) {
    return mixed ? { kind: 'elements', mixed, particle: emptySequence(type.source, type) } : { kind: 'empty' };
  }
  return { kind: 'elements', mixed, particle: termOf(content.particle, index) };
}

/** True when a type has no content model of its own (clause 2.1), extension or not. */
export function addsNoContent(type: ComplexType, index: SchemaIndex): boolean {
  const content = type.content;
  if (content.kind === 'simple') return false;
  return content.kind === 'empty' || isEffectivelyEmpty(content.particle, index);
}

/** The wildcards of xs:anyType's content: a restriction may weaken their processContents (NSSubset clause 3). */
export const URTYPE_WILDCARDS = new WeakSet<Wildcard>();

/** xs:anyType's content: mixed, any element (lax), any number of times. */
function anyTypeContent(source: Source): ContentType {
  const wildcard: Wildcard = { namespaces: { kind: 'any' }, processContents: 'lax', documentation: undefined, source };
  URTYPE_WILDCARDS.add(wildcard);
  const any: WildcardTerm = { kind: 'any', min: 0, max: Infinity, wildcard, source, origin: wildcard };
  return { kind: 'elements', mixed: true, particle: { kind: 'sequence', min: 1, max: 1, particles: [any], source, origin: any } };
}

/**
 * The {content type} of a type and of each base it stands on, cached by type. Computed from the
 * top of the chain of extensions down, in a loop (the chain is capped by maxDerivationDepth).
 */
export class ContentTypes {
  private readonly cache = new Map<TypeNode, ContentType>();

  constructor(private readonly index: SchemaIndex) {}

  of(node: TypeNode): ContentType {
    const cached = this.cache.get(node);
    if (cached) return cached;
    // Collect the chain of complex types whose content depends on their base's (extensions).
    const chain: ComplexType[] = [];
    let current: TypeNode | undefined = node;
    let top: ContentType | undefined;
    const seen = new Set<TypeNode>();
    while (current && !top) {
      const known = this.cache.get(current);
      if (known) top = known;
      else if (current.kind === 'builtin') top = current.name === 'anyType' ? anyTypeContent(sourceOfChain(chain)) : { kind: 'simple' };
      else if (current.kind === 'simple') top = { kind: 'simple' };
      else if (seen.has(current)) top = { kind: 'empty' }; // a cycle: refused earlier, never reached
      else {
        seen.add(current);
        chain.push(current);
        if (current.derivation?.method !== 'extension') break;
        current = resolveType(current.derivation.base, this.index);
        if (!current) top = { kind: 'empty' };
      }
    }
    // Fold down: the last type of the chain is a restriction (or base-less); the others extend.
    let below = top;
    for (let i = chain.length - 1; i >= 0; i--) {
      const type = chain[i]!;
      const own = ownContent(type, this.index);
      const content = type.derivation?.method === 'extension' && below ? extend(below, own, type, this.index) : own;
      this.cache.set(type, content);
      below = content;
    }
    const result = this.cache.get(node) ?? below ?? { kind: 'empty' };
    this.cache.set(node, result);
    return result;
  }
}

function sourceOfChain(chain: readonly ComplexType[]): Source {
  return chain[chain.length - 1]?.source ?? { file: '', line: 0, column: 0 };
}

/** Clause 3.2 of {content type} for an extension: the base's content, then the type's own. */
function extend(base: ContentType, own: ContentType, type: ComplexType, index: SchemaIndex): ContentType {
  if (addsNoContent(type, index)) return base;
  if (base.kind !== 'elements' || own.kind !== 'elements') return own;
  return {
    kind: 'elements',
    mixed: own.mixed,
    particle: { kind: 'sequence', min: 1, max: 1, particles: [base.particle, own.particle], source: type.source, origin: type },
  };
}

/** The type an element declaration has: its own, its substitution group head's, or xs:anyType. */
export function elementType(decl: ElementDecl, index: SchemaIndex): TypeNode {
  let current: ElementDecl | undefined = decl;
  const seen = new Set<ElementDecl>();
  while (current && !seen.has(current)) {
    seen.add(current);
    if (current.type) return resolveType(current.type, index) ?? { kind: 'builtin', name: 'anyType' };
    current = current.substitutionGroup ? index.element(current.substitutionGroup) : undefined;
  }
  return { kind: 'builtin', name: 'anyType' };
}

/**
 * The global elements that may stand for a global element: itself and every member of its
 * substitution group, transitively; only itself when its {disallowed substitutions} hold
 * substitution. Computed once per schema set.
 */
export class SubstitutionGroups {
  private readonly members = new Map<string, ElementDecl[]>();
  private readonly cache = new Map<ElementDecl, readonly ElementDecl[]>();

  constructor(index: SchemaIndex) {
    for (const { decl } of index.elements.values()) {
      if (!decl.substitutionGroup) continue;
      const key = keyOf(decl.substitutionGroup);
      const list = this.members.get(key) ?? [];
      list.push(decl);
      this.members.set(key, list);
    }
  }

  /** The head first, then its members (direct and indirect), each once. */
  of(head: ElementDecl): readonly ElementDecl[] {
    const cached = this.cache.get(head);
    if (cached) return cached;
    const result: ElementDecl[] = [head];
    this.cache.set(head, result);
    if (head.block.includes('substitution')) return result;
    const seen = new Set<ElementDecl>([head]);
    for (let i = 0; i < result.length; i++) {
      for (const member of this.members.get(keyOf(result[i]!.name)) ?? []) {
        if (seen.has(member)) continue;
        seen.add(member);
        result.push(member);
      }
    }
    return result;
  }
}

/** Every complex type of the set, global or anonymous, with how messages name it. */
export function complexTypesOf(set: SchemaSet): Map<ComplexType, string> {
  const types = new Map<ComplexType, string>();
  visitSchemas(set, {
    element(decl) {
      if (decl.type?.kind === 'complex' && !types.has(decl.type)) types.set(decl.type, `the anonymous complex type of element "${decl.name.name}"`);
    },
    type(def) {
      if (def.kind === 'complex' && !types.has(def)) types.set(def, def.name ? `complex type "${def.name.name}"` : 'an anonymous complex type');
    },
  });
  return types;
}
