/**
 * The test-fixture entry point (`@evfw/runtime/testing`): builders' defaults, fast-check
 * arbitraries, mutants with one named fault each, and the fixture writer. It needs fast-check
 * (an optional peer dependency); the main entry point never imports it.
 */
export { builder, defaultDocument, defaultValue, fullDocument } from './default-value.js';
export type { DefaultOptions } from './default-value.js';
export { documentArbitrary, typeArbitrary } from './arbitrary.js';
export type { ArbitraryOptions } from './arbitrary.js';
export { FIXTURE_ATTRIBUTE_NAMESPACE, FIXTURE_NAMESPACE } from './draw.js';
export type { GenerateOptions } from './draw.js';
export { GenerationError, newState } from './model-generator.js';
export type { GeneratorState } from './model-generator.js';
export { lexicalArbitrary } from './simple-arbitrary.js';
export { ALL_FAULT_KINDS, FAULTS, FAULT_KINDS, RULE_FAULT_KINDS, faultKindsFor, mutants, mutate, mutationSites, placeableKinds } from './mutate.js';
export type { FaultKind, MutateOptions, Mutant, RuleFaultKind, SchemaFaultKind, SiteOptions } from './mutate.js';
export type { Fault, RuleFault, RuleSite, Site } from './faults/fault.js';
export { RULE_FAULTS } from './faults/rule-faults.js';
export { fixtureFiles } from './fixtures.js';
export type { FixtureOptions, FixtureReport, InvalidFixture } from './fixtures.js';
