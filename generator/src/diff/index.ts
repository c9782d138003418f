/**
 * `@evfw/generator/diff`: two versions of a schema set compared, for a release.
 *
 *   diffSchemas        every change, classified for producers, consumers and the generated API
 *   suggestSemver      the release step the changes ask for
 *   findWitnesses      per change, documents that prove its classification (witnesses/)
 *   apiChanges         what a regeneration changed in the generated package's API, from its files
 *
 * `evfw diff` and `evfw generate --watch` print these; the comparisons themselves live here, so
 * that a script or another tool gets the same answers as the command.
 */
export { diffSchemas, isBreaking, suggestSemver } from './diff-schemas.js';
export type { ChangeKind, Effect, SchemaChange, SemverSuggestion, Witness } from './schema-change.js';
export { DEFAULT_BUDGET, findWitnesses, type WitnessOptions, type WitnessResult } from './witnesses/find-witnesses.js';
export { witnessSide, type WitnessOutcome } from './witnesses/witness-outcome.js';
export { apiChanges, moduleOfFile, type ApiChange, type PackageFiles } from './api-changes.js';
export { exportedDeclarations, type DeclarationKind, type ExportedDeclaration, type Member } from './exported-declarations.js';
