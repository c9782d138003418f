/**
 * The diff API of @evfw/generator as the command uses it, in one place: the comparison and the
 * semver step come from the generator, and so do the change record and the witness shape.
 */
export type { SchemaChange, SchemaSet, SemverSuggestion, Witness } from '@evfw/generator';
export { suggestSemver } from '@evfw/generator';
