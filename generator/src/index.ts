/**
 * The generator, read top-down: load the schema files, read them into the IR, transform the
 * IR, and let each emitter write its files.
 *
 *   load (XSD files, local only) -> read + assemble (IR) -> transforms (in order) -> emitters
 */
import path from 'node:path';
import { GeneratorError } from './errors.js';
import { assembleSchemas } from './ir/assemble.js';
import type { SchemaSet } from './ir/ir.js';
import type { SchemaLimits } from './ir/schema-limits.js';
import { loadRules } from './load/load-rules.js';
import { loadSchemas } from './load/load-schemas.js';
import { SchemaAccess, type SchemaAccessOptions } from './load/schema-access.js';
import type { EmitContext, EmitMode, Emitter, OutputFiles } from './emit/emitter.js';
import { transpilePackage } from './emit/javascript/transpile-package.js';
import { packageEmitter } from './emit/package/emit-package.js';
import { typesEmitter } from './emit/types/emit-types.js';
import { descriptorsEmitter } from './emit/descriptors/emit-descriptors.js';
import { arbitrariesEmitter } from './emit/builders/emit-arbitraries.js';
import { buildersEmitter } from './emit/builders/emit-builders.js';
import { jsonSchemaEmitter } from './emit/json-schema/emit-json-schema.js';
import { docsEmitter } from './emit/docs/emit-docs.js';
import { assignNames } from './transform/assign-names.js';
import { collapseSingleParticleGroups } from './transform/collapse-single-particle-groups.js';
import { collectSubstitutionGroups } from './transform/collect-substitution-groups.js';
import { flattenAttributeGroups } from './transform/flatten-attribute-groups.js';
import { flattenModelGroups } from './transform/flatten-model-groups.js';
import { nameAnonymousTypes } from './transform/name-anonymous-types.js';

export { GeneratorError } from './errors.js';
export { diffSchemas, isBreaking, suggestSemver } from './diff/diff-schemas.js';
export type { ChangeKind, Effect, SchemaChange, SemverSuggestion, Witness } from './diff/diff-schemas.js';
export { schemaDescriptors } from './emit/descriptors/emit-descriptors.js';
export { writeOutput } from './write-output.js';
export { DEFAULT_SCHEMA_READ_LIMITS, type SchemaAccessOptions } from './load/schema-access.js';
export type { WriteOutputOptions, WriteOutputResult } from './write-output.js';
export type { EmitMode, OutputFiles } from './emit/emitter.js';
export type { SchemaSet } from './ir/ir.js';
export { DEFAULT_SCHEMA_LIMITS, type SchemaLimits } from './ir/schema-limits.js';

/**
 * The order matters: anonymous types are named while attribute and model groups are still
 * shared (so a type declared in a group, or a global attribute's type, is named once); groups
 * are flattened and collapsed before names are assigned (so properties are named where they
 * finally sit); names come last.
 */
export const TRANSFORMS: readonly ((set: SchemaSet) => SchemaSet)[] = [
  nameAnonymousTypes,
  flattenAttributeGroups,
  flattenModelGroups,
  collapseSingleParticleGroups,
  collectSubstitutionGroups,
  assignNames,
];

/** The package emitter comes last: it exports the files the others wrote. */
export const EMITTERS: readonly Emitter[] = [typesEmitter, descriptorsEmitter, buildersEmitter, arbitrariesEmitter, jsonSchemaEmitter, docsEmitter, packageEmitter];

/** `schemaPath` and the caps say which files the schema set may read, and how much (load/schema-access.ts). */
export interface GenerateOptions extends SchemaAccessOptions {
  /** Paths in the IR, positions and headers are relative to this folder. Default: cwd. */
  readonly rootDir?: string;
  readonly packageName?: string;
  readonly runtimePackage?: string;
  /** Caps on derivation depth, nesting and flattened size (ir/schema-limits.ts); defaults in DEFAULT_SCHEMA_LIMITS. */
  readonly limits?: Partial<SchemaLimits>;
  /**
   * `ts` (the default): TypeScript sources in src/ with the tsconfig.json their build uses;
   * `js`: dist/ only, JavaScript and declarations ready to import (emit/javascript/).
   */
  readonly emit?: EmitMode;
}

/** Reads the schemas into the final IR, through every transform. */
export function buildIr(entryFiles: readonly string[], options: GenerateOptions = {}): SchemaSet {
  const access = new SchemaAccess(entryFiles, options);
  const documents = loadSchemas(entryFiles, { rootDir: options.rootDir, access, maxNestingDepth: options.limits?.maxNestingDepth });
  const ir = TRANSFORMS.reduce((set, transform) => transform(set), assembleSchemas(documents, options.limits));
  return withRules(ir, path.resolve(options.rootDir ?? process.cwd()), access);
}

/** Each namespace gets the prose rules declared beside its first schema file, if any (D-59). */
function withRules(ir: SchemaSet, rootDir: string, access: SchemaAccess): SchemaSet {
  return {
    ...ir,
    schemas: ir.schemas.map((schema) => {
      const rules = schema.builtin || schema.files.length === 0 ? undefined : loadRules(schema.files[0]!, rootDir, access);
      return rules ? { ...schema, rules } : schema;
    }),
  };
}

/**
 * The whole pipeline: schema files in, generated files (path -> text) out. With `emit: 'js'`
 * the emitters' TypeScript is transpiled last, file by file.
 */
export function generate(entryFiles: readonly string[], options: GenerateOptions = {}): OutputFiles {
  const mode = emitOption(options.emit);
  const files = emitWith(EMITTERS, buildIr(entryFiles, options), options);
  return mode === 'js' ? transpilePackage(files) : files;
}

/**
 * The reference alone (docs/), byte for byte what `generate` writes there: `evfw docs` needs
 * neither the types (ts-morph) nor the descriptors' emitters.
 */
export function generateDocs(entryFiles: readonly string[], options: GenerateOptions = {}): OutputFiles {
  return emitWith([docsEmitter], buildIr(entryFiles, options), options);
}

/**
 * npm's rule for a package name (lower case, URL-safe, at most 214 characters, an optional
 * @scope/): the names go into import specifiers, package.json and the README, so a name outside
 * it is refused here rather than escaped in each.
 */
const NPM_NAME = /^(?:@[a-z0-9~-][a-z0-9._~-]*\/)?[a-z0-9~-][a-z0-9._~-]*$/;

function packageNameOption(value: string, option: string): string {
  if (value.length > 214 || !NPM_NAME.test(value)) {
    throw new GeneratorError('options.invalid', `${option} ${JSON.stringify(value)} is not an npm package name`, undefined, 'use lower-case letters, digits and - . _ ~, with an optional @scope/ first, as npm requires (for example @acme/event-model)');
  }
  return value;
}

/** The option may come from a command line or a caller's JavaScript: only the two modes pass. */
function emitOption(value: unknown): EmitMode {
  if (value === undefined || value === 'ts' || value === 'js') return value ?? 'ts';
  throw new GeneratorError('options.invalid', `emit ${JSON.stringify(value)} is not an output mode`, undefined, "use 'ts' (TypeScript sources and a build) or 'js' (JavaScript and declarations, ready as written)");
}

function emitWith(emitters: readonly Emitter[], ir: SchemaSet, options: GenerateOptions): OutputFiles {
  const context: EmitContext = {
    emit: emitOption(options.emit),
    modules: moduleNames(ir),
    packageName: packageNameOption(options.packageName ?? '@evfw/model', 'the package name'),
    runtimePackage: packageNameOption(options.runtimePackage ?? '@evfw/runtime', 'the runtime package name'),
  };
  const out: OutputFiles = new Map();
  for (const emitter of emitters) emitter.emit(ir, context, out);
  return new Map([...out.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Each emitted namespace is named after the first file it was read from: cpm-evfw.xsd -> cpm-evfw. */
export function moduleNames(ir: SchemaSet): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>(['index']);
  for (const schema of ir.schemas) {
    if (schema.builtin) continue;
    const stem = path.posix.basename(schema.files[0]!).replace(/\.xsd$/i, '').toLowerCase().replace(/[^a-z0-9]+/g, '-');
    let name = stem;
    for (let n = 2; taken.has(name); n++) name = `${stem}-${n}`;
    taken.add(name);
    names.set(schema.namespace, name);
  }
  return names;
}
