/**
 * The emitter contract: each artefact (types now; parsers, serializers, validators, builders,
 * JSON Schema and docs later) is one emitter that reads the final IR and adds files.
 */
import type { SchemaDescriptor } from '@evfw/runtime/schema';
import type { NamedSchemaSet, Schema } from '../ir/ir.js';

export interface EmitContext {
  /** The module name (file stem in generated/src) of each emitted namespace. */
  readonly modules: ReadonlyMap<string, string>;
  /** The npm name of the generated package. */
  readonly packageName: string;
  /** The runtime package the generated package depends on. */
  readonly runtimePackage: string;
  /** The runtime's entry for generated code, `<runtimePackage>/codegen`: every import of the runtime but the test helpers'. */
  readonly codegenEntry: string;
  /**
   * What the package ships: `ts`, TypeScript sources in src/ that the package's own build
   * compiles into dist/; `js`, dist/ alone, JavaScript and declarations ready as written.
   */
  readonly emit: EmitMode;
  /** The lower stage's descriptor of each namespace of the IR, in its order (lower/schema-descriptors.ts). */
  readonly descriptors: readonly SchemaDescriptor[];
  /** The namespaces that get a module (all but the built-in xml: one), in the IR's order: what emitters loop over. */
  readonly emitted: readonly EmittedModule[];
}

/** One namespace the package emits: its schema, its module name and its descriptor. */
export interface EmittedModule {
  readonly schema: Schema<'named'>;
  readonly module: string;
  readonly descriptor: SchemaDescriptor;
}

export type EmitMode = 'ts' | 'js';

/** Generated files by path relative to the output folder. */
export type OutputFiles = Map<string, string>;

export interface Emitter {
  readonly name: string;
  emit(ir: NamedSchemaSet, context: EmitContext, out: OutputFiles): void;
}
