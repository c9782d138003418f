/**
 * The two versions `evfw diff` compares, as final IRs: from two paths (a schema file or a
 * folder of them), or from a git revision and the working tree. Paths are read relative to
 * the current directory; a revision's files read as `<rev>:schemas/x.xsd`, so every position
 * says which version it is in.
 */
import type { GeneratorError as GeneratorErrorType } from '@evfw/generator';
import { CliError } from '../cli-error.js';
import { schemaFiles } from '../inputs/schema-files.js';
import { generatorErrorBlock } from '../report/generator-error.js';
import type { Colors } from '../terminal.js';
import type { SchemaChange, SchemaSet } from './diff-api.js';
import { snapshotAt } from './git-schemas.js';

export interface Versions {
  readonly before: SchemaSet;
  readonly after: SchemaSet;
  /** What each side is, for the report: `schemas/cpm-evfw.xsd`, `HEAD:schemas`. */
  readonly beforeLabel: string;
  readonly afterLabel: string;
  /** Positions of the old version as the report shows them. */
  readonly showBefore: (change: SchemaChange) => SchemaChange;
}

export async function loadPaths(oldPath: string, newPath: string, c: Colors): Promise<Versions> {
  const before = await build(schemaFiles([oldPath], 'the old version'), process.cwd(), 'old', c);
  const after = await build(schemaFiles([newPath], 'the new version'), process.cwd(), 'new', c);
  return { before, after, beforeLabel: oldPath, afterLabel: newPath, showBefore: (change) => change };
}

export async function loadGit(revision: string, target: string, c: Colors): Promise<Versions> {
  const snapshot = snapshotAt(revision, target);
  try {
    const after = await build(schemaFiles([target], 'the working tree'), process.cwd(), 'working tree', c);
    const before = await build(snapshot.entries, snapshot.root, revision, c, (file) => `${revision}:${file}`);
    const showBefore = (change: SchemaChange): SchemaChange => (change.before ? { ...change, before: { ...change.before, file: `${revision}:${change.before.file}` } } : change);
    return { before, after, beforeLabel: `${revision}:${target}`, afterLabel: target, showBefore };
  } finally {
    snapshot.remove();
  }
}

async function build(entries: readonly string[], rootDir: string, side: string, c: Colors, shown?: (file: string) => string): Promise<SchemaSet> {
  // The generator loads only for the commands that need it.
  const { buildIr, GeneratorError } = await import('@evfw/generator');
  try {
    return buildIr(entries, { rootDir });
  } catch (error) {
    if (!(error instanceof GeneratorError)) throw error;
    const located = shown && error.source ? new GeneratorError(error.code, error.detail, { ...error.source, file: shown(error.source.file) }, error.hint) : error;
    process.stderr.write(`${generatorErrorBlock(located as GeneratorErrorType, c)}\n`);
    throw new CliError('evfw.cli.schema', `the schemas of the ${side} version cannot be read, so nothing was compared`);
  }
}
