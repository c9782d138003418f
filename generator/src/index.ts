/**
 * The generator, read top-down, one stage a line (buildIr, then emitWith):
 *
 *   load           load/load-schemas.ts     the XSD files, local only, within the set's roots and caps
 *   read           read/read-schema.ts      each document into its part of a namespace
 *   assemble       ir/assemble.ts           the parts into one SchemaSet, every reference resolved
 *   check          check/check-schema-set.ts  the schema component constraints of XSD part 1
 *   transforms     transform/*.ts           in the order of TRANSFORMS; the last, assign-names,
 *                                           gives every name and returns a NamedSchemaSet
 *   attach rules   load/attach-rules.ts     the prose rules beside each namespace's first file
 *   lower          lower/schema-descriptors.ts  the runtime's descriptors, once
 *   emit           emit/*                   each emitter of EMITTERS adds its files
 */
import path from 'node:path';
import type { SchemaDescriptor } from '@evfw/runtime/schema';
import { assembleSchemas } from './ir/assemble.js';
import { checkSchemaSet } from './check/check-schema-set.js';
import type { NamedSchemaSet, SchemaSet } from './ir/ir.js';
import type { SchemaLimits } from './ir/schema-limits.js';
import { attachRules } from './load/attach-rules.js';
import { loadSchemas } from './load/load-schemas.js';
import { SchemaAccess, type SchemaAccessOptions } from './load/schema-access.js';
import { readDocument } from './read/read-schema.js';
import { emitContext, emitOption } from './emit/emit-context.js';
import type { EmitMode, Emitter, OutputFiles } from './emit/emitter.js';
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

import type { GeneratorError } from './errors.js';
export { GeneratorError } from './errors.js';
export { diffSchemas, isBreaking, suggestSemver } from './diff/diff-schemas.js';
export type { ChangeKind, Effect, SchemaChange, SemverSuggestion, Witness } from './diff/diff-schemas.js';
import { schemaDescriptors } from './lower/schema-descriptors.js';
import { moduleNames } from './naming/module-names.js';
export { schemaDescriptors, moduleNames };
export { writeOutput } from './write-output.js';
export { DEFAULT_SCHEMA_READ_LIMITS, type SchemaAccessOptions } from './load/schema-access.js';
export { BUILTIN_SCHEMA_FILES } from './load/builtin-schemas.js';
export type { WriteOutputOptions, WriteOutputResult } from './write-output.js';
export type { EmitContext, EmitMode, OutputFiles } from './emit/emitter.js';
export { emitContext, type EmitOptions } from './emit/emit-context.js';
/** What buildIr returns, every name given: the only schema set a caller of the generator sees. */
export type { NamedSchemaSet, NamedSchemaSet as SchemaSet } from './ir/ir.js';
export { DEFAULT_SCHEMA_LIMITS, type SchemaLimits } from './ir/schema-limits.js';

/**
 * The order matters: anonymous types are named while attribute and model groups are still
 * shared (so a type declared in a group, or a global attribute's type, is named once); groups
 * are flattened and collapsed before names are assigned (so properties are named where they
 * finally sit); names come last.
 */
const SHAPING_TRANSFORMS: readonly ((set: SchemaSet) => SchemaSet)[] = [
  nameAnonymousTypes,
  flattenAttributeGroups,
  flattenModelGroups,
  collapseSingleParticleGroups,
  collectSubstitutionGroups,
];
export const TRANSFORMS = [...SHAPING_TRANSFORMS, assignNames] as const;

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
  /**
   * A content model that breaks Unique Particle Attribution (XSD 1.0 part 1, 3.8.6, cos-nonambig):
   * 'error' (the default, as XSD 1.0 says) or 'warning', for schemas such as RFC 4826's
   * resource-lists that real documents use anyway (D-113). Either way the validator takes the
   * first particle, in schema order, that can take an element (D-46).
   */
  readonly uniqueParticleAttribution?: 'error' | 'warning';
  /**
   * Told of each warning as it is found: what XSD allows but an author would want to know (a
   * schemaLocation not followed, a content model that breaks UPA with 'warning' above). Without
   * it, `loadSchemaSet` still returns them; `generate` and `generateDocs` drop them.
   */
  readonly onWarning?: (warning: GeneratorError) => void;
}

/** The schemas, from their files to the final IR: every stage before lowering. */
export function buildIr(entryFiles: readonly string[], options: GenerateOptions = {}): NamedSchemaSet {
  const access = new SchemaAccess(entryFiles, options);
  const warn = options.onWarning ?? (() => {});
  const documents = loadSchemas(entryFiles, { rootDir: options.rootDir, access, maxNestingDepth: options.limits?.maxNestingDepth, onWarning: warn });
  const parts = documents.map(readDocument);
  const assembled = assembleSchemas(parts, options.limits);
  checkSchemaSet(assembled, { uniqueParticleAttribution: options.uniqueParticleAttribution ?? 'error', onWarning: warn });
  const named = assignNames(SHAPING_TRANSFORMS.reduce((set, transform) => transform(set), assembled));
  return attachRules(named, path.resolve(options.rootDir ?? process.cwd()), access);
}

/** Every stage before emit, once: what tools that read a schema set without writing a package use. */
export interface LoadedSchemaSet {
  /** The final IR: what `evfw diff` compares, and what the emitters read. */
  readonly ir: NamedSchemaSet;
  /** The lower stage: one descriptor per namespace, in the IR's order, what `new SchemaRegistry(...)` of @evfw/runtime takes. */
  readonly descriptors: readonly SchemaDescriptor[];
  /** The module of each namespace (`urn:oma:xml:cpm:evfw` -> `cpm-evfw`), as in a generated package. */
  readonly modules: ReadonlyMap<string, string>;
  /** Every warning, in the order found (each also given to `onWarning`, when there is one). */
  readonly warnings: readonly GeneratorError[];
}

/**
 * The schema set for `evfw validate --schema`, `evfw fixture --schemas` and `evfw diff`. A schema
 * that cannot be read throws a GeneratorError; showing it is the caller's.
 */
export function loadSchemaSet(entryFiles: readonly string[], options: GenerateOptions = {}): LoadedSchemaSet {
  const warnings: GeneratorError[] = [];
  const onWarning = (warning: GeneratorError) => {
    warnings.push(warning);
    options.onWarning?.(warning);
  };
  const ir = buildIr(entryFiles, { ...options, onWarning });
  return { ir, descriptors: schemaDescriptors(ir), modules: moduleNames(ir), warnings };
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
 * neither the types nor the descriptors' emitters.
 */
export function generateDocs(entryFiles: readonly string[], options: GenerateOptions = {}): OutputFiles {
  return emitWith([docsEmitter], buildIr(entryFiles, options), options);
}

/** The lower stage (the descriptors, in the emit context), then every emitter in order. */
function emitWith(emitters: readonly Emitter[], ir: NamedSchemaSet, options: GenerateOptions): OutputFiles {
  const context = emitContext(ir, options);
  const out: OutputFiles = new Map();
  for (const emitter of emitters) emitter.emit(ir, context, out);
  return new Map([...out.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}
