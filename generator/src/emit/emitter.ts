/**
 * The emitter contract: each artefact (types now; parsers, serializers, validators, builders,
 * JSON Schema and docs later) is one emitter that reads the final IR and adds files.
 */
import type { SchemaDescriptor } from '@evfw/runtime/schema';
import type { SchemaSet } from '../ir/ir.js';

export interface EmitContext {
  /** The module name (file stem in generated/src) of each emitted namespace. */
  readonly modules: ReadonlyMap<string, string>;
  /** The npm name of the generated package. */
  readonly packageName: string;
  /** The runtime package generated code imports. */
  readonly runtimePackage: string;
  /**
   * What the package ships: `ts`, TypeScript sources in src/ that the package's own build
   * compiles into dist/; `js`, dist/ alone, JavaScript and declarations ready as written.
   */
  readonly emit: EmitMode;
  /** The lower stage's descriptor of each namespace of the IR, in its order (lower/schema-descriptors.ts). */
  readonly descriptors: readonly SchemaDescriptor[];
}

export type EmitMode = 'ts' | 'js';

/** Generated files by path relative to the output folder. */
export type OutputFiles = Map<string, string>;

export interface Emitter {
  readonly name: string;
  emit(ir: SchemaSet, context: EmitContext, out: OutputFiles): void;
}
