/**
 * What every emitter is given besides the IR (EmitContext): the module names, the package names,
 * the output mode and the lower stage's descriptors, made once per run from the caller's options.
 * The options may come from a command line or a caller's JavaScript, so they are checked here.
 */
import { GeneratorError } from '../errors.js';
import type { NamedSchemaSet } from '../ir/ir.js';
import { schemaDescriptors } from '../lower/schema-descriptors.js';
import { moduleNames } from '../naming/module-names.js';
import type { EmitContext, EmitMode, EmittedModule } from './emitter.js';

export interface EmitOptions {
  readonly packageName?: string;
  readonly runtimePackage?: string;
  readonly emit?: EmitMode;
  /** The module of each namespace; by default named after its first file (naming/module-names.ts). */
  readonly modules?: ReadonlyMap<string, string>;
}

export function emitContext(ir: NamedSchemaSet, options: EmitOptions = {}): EmitContext {
  const descriptors = schemaDescriptors(ir);
  const modules = options.modules ?? moduleNames(ir);
  const runtimePackage = packageNameOption(options.runtimePackage ?? '@evfw/runtime', 'the runtime package name');
  const emitted = ir.schemas.flatMap((schema, i): EmittedModule[] => {
    const module = modules.get(schema.namespace);
    return module === undefined ? [] : [{ schema, module, descriptor: descriptors[i]! }];
  });
  return {
    emit: emitOption(options.emit),
    descriptors,
    emitted,
    modules,
    packageName: packageNameOption(options.packageName ?? '@evfw/model', 'the package name'),
    runtimePackage,
    codegenEntry: `${runtimePackage}/codegen`,
  };
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

/** Only the two modes pass. */
export function emitOption(value: unknown): EmitMode {
  if (value === undefined || value === 'ts' || value === 'js') return value ?? 'ts';
  throw new GeneratorError('options.invalid', `emit ${JSON.stringify(value)} is not an output mode`, undefined, "use 'ts' (TypeScript sources and a build) or 'js' (JavaScript and declarations, ready as written)");
}
