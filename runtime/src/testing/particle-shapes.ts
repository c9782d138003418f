/**
 * What the model generator (model-generator.ts) needs to know of a particle's shape, worked out
 * from the descriptor alone: the element names it can hold, whether it may match nothing, and
 * how its occurrences read back.
 */
import { isMany } from '../model/bind-content.js';
import { componentKey, type GroupParticleDescriptor, type ParticleDescriptor } from '../schema/descriptor.js';

const names = new WeakMap<ParticleDescriptor, ReadonlySet<string>>();

/** The elements (`{namespace}name`) a particle can hold as its own children; wildcards add none. */
export function namesOf(p: ParticleDescriptor): ReadonlySet<string> {
  let out = names.get(p);
  if (!out) {
    const set = new Set<string>();
    if (p.kind === 'element') {
      if (p.element) set.add(componentKey(p.element.namespace, p.element.name));
      if (p.ref) set.add(p.ref);
      for (const c of p.cases ?? []) set.add(c.ref);
    } else if (p.kind !== 'any') {
      for (const c of p.particles) for (const key of namesOf(c)) set.add(key);
    }
    names.set(p, set);
    out = set;
  }
  return out;
}

/** Whether a particle may match nothing at all. */
export function emptiable(p: ParticleDescriptor): boolean {
  if (p.min === 0) return true;
  if (p.kind === 'element' || p.kind === 'any') return false;
  return p.kind === 'choice' ? p.particles.some(emptiable) : p.particles.every(emptiable);
}

/** A repeated group holding one choice of the same property: the model is an array of that choice's branches. */
export function isSingleChoice(p: ParticleDescriptor): boolean {
  if (p.kind !== 'sequence' && p.kind !== 'all') return false;
  const only = p.particles.length === 1 ? p.particles[0] : undefined;
  return only?.kind === 'choice' && only.property === p.property;
}

/** A choice's branches as the model sees them: a nested choice that does not repeat adds its own. */
export function branchesOf(choice: GroupParticleDescriptor): ParticleDescriptor[] {
  return choice.particles.flatMap((b) => (b.kind === 'choice' && !isMany(b) ? branchesOf(b) : [b]));
}

/**
 * Whether two occurrences in a row stay two when read back: one element per occurrence, or a
 * sequence that starts with an element that must occur exactly once.
 */
export function selfSeparating(p: ParticleDescriptor): boolean {
  if (p.kind === 'element' || p.kind === 'any') return p.max === 1;
  if (p.kind !== 'sequence') return false;
  const first = p.particles[0];
  return first !== undefined && (first.kind === 'element' || first.kind === 'any') && first.min >= 1 && first.max === 1;
}

