/**
 * `@evfw/generator/limits`: the generator's caps on a schema set's shape, for code that parses
 * options for them (the CLI) without loading the generator: the package's main entry brings
 * the TypeScript compiler, ajv and fast-check with it, a few hundred milliseconds of every start.
 */
export { DEFAULT_SCHEMA_LIMITS, type SchemaLimits } from './ir/schema-limits.js';
