/**
 * How every command runs the generator on the schemas it was given, and what it says when one
 * cannot be read: the error printed as a diagnostic (position, source line, caret, hint; see
 * report/generator-error.ts), then a line saying what the command did not do, exit status 2.
 *
 *   schemas/broken.xsd:4:27: error xsd.attribute.unknown: ...
 *   evfw: evfw.cli.schema: a schema cannot be read, so nothing was generated
 *
 * The generator is loaded here, when a command first needs it: its main entry brings the TypeScript
 * compiler, ajv and fast-check, which `evfw validate` without --schema never loads.
 */
import type { GenerateOptions, GeneratorError, LoadedSchemaSet } from '@evfw/generator';
import { CliError } from '../cli-error.js';
import { generatorErrorBlock } from '../report/generator-error.js';
import type { Colors } from '../terminal.js';

type Generator = typeof import('@evfw/generator');

export interface SchemaFailure {
  /** What the command did not do, the message of evfw.cli.schema: `a schema cannot be read, so no docs were written`. */
  readonly sentence: string;
  /** The colours of stderr. */
  readonly colors: Colors;
  /**
   * How the message names a schema file the generator named relative to its root: `evfw diff`
   * reads a git revision's files from a temporary folder and shows them as `HEAD:schemas/x.xsd`.
   */
  readonly shownFile?: (file: string) => string;
}

/** The final IR, its descriptors and its modules (the generator's loadSchemaSet), or the command ends as described above. */
export function loadSchemaSet(entries: readonly string[], options: GenerateOptions, failure: SchemaFailure): Promise<LoadedSchemaSet> {
  return withGenerator((generator, onWarning) => generator.loadSchemaSet(entries, { ...options, onWarning }), failure);
}

/**
 * `run` with the generator, for the commands that go on to emit (generate, docs). A GeneratorError
 * of writeOutput (`output.*`: a folder the generator did not write) is not the schemas' and ends
 * the command with evfw.cli.out-not-generated instead.
 */
export async function withGenerator<T>(run: (generator: Generator, onWarning: (warning: GeneratorError) => void) => T, failure: SchemaFailure): Promise<T> {
  const generator = await import('@evfw/generator');
  // Warnings (a schemaLocation not followed, --upa warning) go to stderr as they are found, shown like errors.
  const onWarning = (warning: GeneratorError) => process.stderr.write(`${generatorErrorBlock(shownAs(warning, failure.shownFile, generator), failure.colors, 'warning')}\n`);
  try {
    return run(generator, onWarning);
  } catch (error) {
    if (!(error instanceof generator.GeneratorError)) throw error;
    if (error.code.startsWith('output.')) throw new CliError('evfw.cli.out-not-generated', error.detail, error.hint);
    process.stderr.write(`${generatorErrorBlock(shownAs(error, failure.shownFile, generator), failure.colors)}\n`);
    throw new CliError('evfw.cli.schema', failure.sentence);
  }
}

/** The error with its file named as the command shows it (`HEAD:schemas/x.xsd` for `evfw diff --git`). */
function shownAs(error: GeneratorError, shownFile: SchemaFailure['shownFile'], generator: Generator): GeneratorError {
  return shownFile && error.source ? new generator.GeneratorError(error.code, error.detail, { ...error.source, file: shownFile(error.source.file) }, error.hint) : error;
}
