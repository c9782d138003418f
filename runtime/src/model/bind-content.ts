/**
 * Puts the values of valid child elements into the model object, following the mapping the
 * types emitter used (generator/src/emit/types/emit-types.ts and the generated README):
 *
 * - an element or wildcard particle is one property; an array when it may repeat;
 * - a sequence without a property is flattened into its parent;
 * - a choice is a `{ $case, ... }` object (an array of them when it repeats); a sequence branch
 *   brings its own properties, a nested choice's branches count as the outer choice's;
 * - a repeated sequence is an array of item objects (or of choice objects when it holds just one
 *   choice); a substitution group is a `{ $case, [member]: value }` object.
 *
 * The content automaton has already said which leaf each child matched, so the walk needs no
 * lookahead: a particle takes the next child when that child's leaf lies inside it.
 */
import type { ElementDescriptor, GroupParticleDescriptor, ParticleDescriptor } from '../schema/descriptor.js';
import { componentKey } from '../schema/descriptor.js';
import type { Leaf } from '../validate/content-automaton.js';
import type { SourceElement } from '../xml/source-tree.js';

export interface BoundChild {
  readonly leaf: Leaf;
  readonly element: ElementDescriptor | undefined;
  readonly source: SourceElement;
  readonly value: unknown;
}

type Model = Record<string, unknown>;

export function isMany(p: ParticleDescriptor): boolean {
  return p.max === 'unbounded' || p.max > 1;
}

export function bindContent(target: Model, particle: ParticleDescriptor, children: readonly BoundChild[]): void {
  new Binder(children).into(target, particle);
}

const leavesInside = new WeakMap<ParticleDescriptor, ReadonlySet<Leaf>>();

/** The leaves of a particle's subtree. */
export function leavesOf(p: ParticleDescriptor): ReadonlySet<Leaf> {
  let leaves = leavesInside.get(p);
  if (!leaves) {
    leaves = p.kind === 'element' || p.kind === 'any' ? new Set([p]) : new Set(p.particles.flatMap((c) => [...leavesOf(c)]));
    leavesInside.set(p, leaves);
  }
  return leaves;
}

class Binder {
  private next = 0;

  constructor(private readonly children: readonly BoundChild[]) {}

  private startsWithin(p: ParticleDescriptor): boolean {
    const child = this.children[this.next];
    return child !== undefined && leavesOf(p).has(child.leaf);
  }

  /** Binds one particle's occurrences into `target`. */
  into(target: Model, p: ParticleDescriptor): void {
    switch (p.kind) {
      case 'element':
      case 'any': {
        const values: unknown[] = [];
        while (values.length < limit(p) && this.startsWithin(p)) values.push(this.leafValue(p, this.children[this.next++]!));
        this.store(target, p, values);
        return;
      }
      case 'choice': {
        const values: unknown[] = [];
        while (values.length < limit(p) && this.startsWithin(p)) values.push(this.branch(p));
        this.store(target, p, values);
        return;
      }
      case 'sequence':
      case 'all': {
        if (p.property === undefined) {
          this.flattened(target, p);
          return;
        }
        const only = p.particles.length === 1 ? p.particles[0] : undefined;
        const items: unknown[] = [];
        while (items.length < limit(p) && this.startsWithin(p)) {
          const before = this.next;
          if (only?.kind === 'choice' && only.property === p.property) {
            items.push(this.branch(only));
          } else {
            const item = initialize({}, p.particles);
            this.flattened(item, p);
            items.push(item);
          }
          // An occurrence that took no child (its particles all of maxOccurs 0) would repeat for ever.
          if (this.next === before) break;
        }
        target[p.property] = items;
        return;
      }
    }
  }

  /** A sequence's particles in order, or an xs:all group's in whatever order they come. */
  private flattened(target: Model, p: GroupParticleDescriptor): void {
    initialize(target, p.particles);
    if (p.kind === 'sequence') {
      for (const c of p.particles) this.into(target, c);
      return;
    }
    while (this.startsWithin(p)) {
      const before = this.next;
      const c = p.particles.find((x) => this.startsWithin(x))!;
      this.into(target, c);
      // A child its particle's count refuses (maxOccurs 0, or one too many) binds nowhere: the
      // validator's count check reports it, and binding stops here rather than loop on it.
      if (this.next === before) break;
    }
  }

  /** One occurrence of a choice: the `$case` object of the branch the next child starts. */
  private branch(choice: GroupParticleDescriptor): Model {
    const b = choice.particles.find((x) => this.startsWithin(x))!;
    if (b.kind === 'choice' && !isMany(b)) return this.branch(b);
    if ((b.kind === 'sequence' || b.kind === 'all') && !isMany(b)) {
      const item: Model = { $case: b.property };
      this.flattened(item, b);
      return item;
    }
    if (b.kind === 'element' && b.cases && !isMany(b)) return this.leafValue(b, this.children[this.next++]!) as Model;
    const item: Model = { $case: b.property };
    this.into(item, b);
    return item;
  }

  private leafValue(p: Leaf, child: BoundChild): unknown {
    if (p.kind !== 'element' || !p.cases) return child.value;
    const key = componentKey(child.source.namespace, child.source.name);
    const property = p.cases.find((c) => c.ref === key)!.property;
    return { $case: property, [property]: child.value };
  }

  private store(target: Model, p: ParticleDescriptor, values: unknown[]): void {
    if (p.property === undefined) return;
    if (isMany(p)) target[p.property] = values;
    else if (values.length > 0) target[p.property] = values[0];
  }
}

/** The branch of a choice whose `$case` is `name`, nested choices flattened as the model flattens them. */
export function findBranch(choice: GroupParticleDescriptor, name: unknown): ParticleDescriptor | undefined {
  for (const b of choice.particles) {
    if (b.kind === 'choice' && !isMany(b)) {
      const inner = findBranch(b, name);
      if (inner) return inner;
    } else if (b.kind === 'element' && b.cases && !isMany(b)) {
      if (b.cases.some((c) => c.property === name)) return b;
    } else if (b.property === name) {
      return b;
    }
  }
  return undefined;
}

function limit(p: ParticleDescriptor): number {
  return p.max === 'unbounded' ? Infinity : p.max;
}

/** Array properties are always present, empty when nothing matched. */
export function initialize(target: Model, particles: readonly ParticleDescriptor[]): Model {
  for (const p of particles) {
    if (p.property !== undefined && isMany(p)) target[p.property] ??= [];
    else if (p.property === undefined && (p.kind === 'sequence' || p.kind === 'all')) initialize(target, p.particles);
  }
  return target;
}

/** Where one child's value goes when it can be put there at once, without the binder's walk. */
export interface DirectBinding {
  readonly property: string;
  /** The property is an array: the value is pushed. */
  readonly many: boolean;
  /** For a branch of a choice: the value is wrapped as `{ $case, [$case]: value }`. */
  readonly case: string | undefined;
  /** For a leaf of a sequence that is a branch of a single choice: the `$case` object it goes in. */
  readonly within: { readonly property: string; readonly case: string; readonly particles: readonly ParticleDescriptor[] } | undefined;
}

/**
 * How each leaf binds when every child's value can be stored the moment it is read: leaves in
 * sequences that have no property of their own (the model flattens them), each either
 * - an element or wildcard particle with its property;
 * - a single-occurrence branch of a choice with a property;
 * - in a single-occurrence sequence that is a branch of a single-occurrence choice.
 * Undefined when any leaf needs the binder's lookahead (repeated groups, substitution groups,
 * xs:all, deeper nesting).
 */
export function directBindings(content: ParticleDescriptor): ReadonlyMap<Leaf, DirectBinding> | undefined {
  const out = new Map<Leaf, DirectBinding>();
  const simpleLeaf = (p: ParticleDescriptor): p is Leaf & { property: string } =>
    (p.kind === 'element' || p.kind === 'any') && p.property !== undefined && !(p.kind === 'element' && p.cases);
  const visit = (p: ParticleDescriptor): boolean => {
    if (simpleLeaf(p)) {
      out.set(p, { property: p.property, many: isMany(p), case: undefined, within: undefined });
      return true;
    }
    if (p.kind === 'sequence' && p.property === undefined && p.max === 1) return p.particles.every(visit);
    if (p.kind !== 'choice' || p.property === undefined) return false;
    for (const b of p.particles) {
      if (b.max !== 1 || b.property === undefined) return false;
      if (simpleLeaf(b)) {
        out.set(b, { property: p.property, many: isMany(p), case: b.property, within: undefined });
      } else if (b.kind === 'sequence' && !isMany(p) && b.particles.every(simpleLeaf)) {
        const within = { property: p.property, case: b.property, particles: b.particles };
        for (const leaf of b.particles as (Leaf & { property: string })[]) {
          out.set(leaf, { property: leaf.property, many: isMany(leaf), case: undefined, within });
        }
      } else {
        return false;
      }
    }
    return true;
  };
  return visit(content) ? out : undefined;
}

/** Stores one child's value as its direct binding says. */
export function bindDirectly(model: Model, binding: DirectBinding, value: unknown): void {
  let target = model;
  const { within } = binding;
  if (within) {
    // The first child of the branch makes its object; the automaton keeps the rest in it.
    target = model[within.property] as Model;
    if (target === undefined) model[within.property] = target = initialize({ $case: within.case }, within.particles);
  }
  const stored = binding.case === undefined ? value : { $case: binding.case, [binding.case]: value };
  if (binding.many) (target[binding.property] as unknown[]).push(stored);
  else target[binding.property] = stored;
}
