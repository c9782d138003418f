/**
 * The names transform/assign-names gives by position, which the IR's types cannot require:
 * a choice or repeated group that becomes a property, or a sequence that is one case of a
 * choice, has a `property`; a choice's union, a repeated group's item type and a substitution
 * group's union have a `tsName`. An inline sequence has neither: its particles are its owner's
 * properties. Emitters ask for a name only where naming gave one; a missing name is a defect of
 * the generator, and says where.
 */
import type { ElementRefParticle, ModelGroup, Source } from '../ir/ir.js';

type Positioned = ModelGroup<'named'> | ElementRefParticle<'named'>;

/** The property (or case) a group that stands for itself is read from. */
export function groupProperty(p: ModelGroup<'named'>): string {
  return p.property ?? unnamed('property', p.kind, p.source);
}

/** The TypeScript name of a choice's or substitution group's union, or a repeated group's item type. */
export function unionName(p: Positioned): string {
  return p.tsName ?? unnamed('type name', p.kind, p.source);
}

function unnamed(what: string, kind: string, source: Source): never {
  throw new Error(`evfw: internal error: naming gave no ${what} to the ${kind} at ${source.file}:${source.line}:${source.column}`);
}
