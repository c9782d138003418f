/**
 * A sequence, choice or all that holds a single particle says no more than that particle with
 * the occurrences multiplied, when one of the two occurs at most once:
 * `<xs:sequence maxOccurs="unbounded"><xs:element name="list"/></xs:sequence>` is `list*`.
 * Collapsing them gives the model `lists: List[]` rather than an array of one-field objects.
 * A group's name moves to the particle that replaces it when that particle is itself a group.
 */
import type { Occurs, Particle, SchemaSet } from '../ir/ir.js';
import { mapSchemas } from '../ir/map.js';

export function collapseSingleParticleGroups(set: SchemaSet): SchemaSet {
  return mapSchemas(set, {
    particle(p) {
      if (p.kind !== 'sequence' && p.kind !== 'choice' && p.kind !== 'all') return p;
      if (p.particles.length !== 1) return p;
      const only = p.particles[0]!;
      if (only.kind === 'group-ref' || only.kind === 'all') return p;
      if (p.max !== 1 && only.max !== 1) return p;
      const occurs: Occurs = { min: p.min * only.min, max: multiply(p.max, only.max) };
      const merged: Particle = { ...only, ...occurs };
      if ((merged.kind === 'sequence' || merged.kind === 'choice') && p.groupName && !merged.groupName) {
        return { ...merged, groupName: p.groupName, documentation: merged.documentation ?? p.documentation };
      }
      return merged;
    },
  });
}

function multiply(a: number | 'unbounded', b: number | 'unbounded'): number | 'unbounded' {
  if (a === 0 || b === 0) return 0;
  return a === 'unbounded' || b === 'unbounded' ? 'unbounded' : a * b;
}
