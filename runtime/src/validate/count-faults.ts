/**
 * What a counter says when it refuses a child or the end of an element, and the words for it:
 * "<a> may appear at most 300 times here, and this is the 301st".
 */
import { keyLocalName, type ParticleDescriptor } from '../schema/descriptor.js';
import type { Leaf } from './content-automaton.js';

export interface CountFault {
  /** `max`: one more would be too many; `min`: too few to go on or to end. */
  readonly kind: 'max' | 'min';
  /** The counted particle: an element, a wildcard or a group. */
  readonly particle: ParticleDescriptor;
  readonly bound: number;
  /** Occurrences counted so far, the refused one not included. */
  readonly count: number;
  /** The first leaves of a group, to name it by. */
  readonly leaves: readonly Leaf[];
}

/** The fault as a clause of a message. */
export function describeCountFault(fault: CountFault): string {
  const { particle, bound, count } = fault;
  const leaf = particle.kind === 'element' || particle.kind === 'any';
  const subject = leaf ? leafName(particle) : `the ${particle.kind} of ${fault.leaves.map(leafName).join(', ')}${fault.leaves.length >= LEAVES_NAMED ? ', ...' : ''}`;
  const verb = leaf ? 'appear' : 'occur';
  if (fault.kind === 'max') {
    return `${subject} may ${verb} at most ${times(bound)} here, and this ${leaf ? 'is' : 'would be'} the ${ordinal(count + 1)}`;
  }
  return `${subject} must ${verb} at least ${times(bound)} here, and it ${verb}s ${times(count)}`;
}

/** How many leaves a group is named by. */
export const LEAVES_NAMED = 3;

function leafName(leaf: Leaf): string {
  if (leaf.kind === 'any') return 'any element';
  const name = leaf.element?.name ?? keyLocalName(leaf.ref!);
  return `<${name.length > 64 ? `${name.slice(0, 61)}...` : name}>`;
}

function times(n: number): string {
  return n === 1 ? 'once' : `${n} times`;
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}
