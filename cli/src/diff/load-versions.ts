/**
 * The two versions `evfw diff` compares, as final IRs: from two paths (a schema file or a
 * folder of them), or from a git revision and the working tree. Paths are read relative to
 * the current directory; a revision's files read as `<rev>:schemas/x.xsd`, so every position
 * says which version it is in.
 */
import type { NamedSchemaSet } from '@evfw/generator';
import type { SchemaChange } from '@evfw/generator/diff';
import type { SchemaReadOptions } from '../inputs/schema-options.js';
import { loadSchemaSet } from '../inputs/load-schema-set.js';
import { schemaFiles } from '../inputs/schema-files.js';
import type { Colors } from '../terminal.js';
import { snapshotAt } from './git-schemas.js';

export interface Versions {
  readonly before: NamedSchemaSet;
  readonly after: NamedSchemaSet;
  /** What each side is, for the report: `schemas/cpm-evfw.xsd`, `HEAD:schemas`. */
  readonly beforeLabel: string;
  readonly afterLabel: string;
  /** Positions of the old version as the report shows them. */
  readonly showBefore: (change: SchemaChange) => SchemaChange;
}

/** `access` (--schema-path and the caps) applies to both versions. */
export async function loadPaths(oldPath: string, newPath: string, c: Colors, access: SchemaReadOptions = {}): Promise<Versions> {
  const before = await build(schemaFiles([oldPath], 'the old version'), { rootDir: process.cwd(), ...access }, 'old', c);
  const after = await build(schemaFiles([newPath], 'the new version'), { rootDir: process.cwd(), ...access }, 'new', c);
  return { before, after, beforeLabel: oldPath, afterLabel: newPath, showBefore: (change) => change };
}

/**
 * `access` applies to the working tree as given; the revision's only root is the folder it was
 * extracted into, with the same caps (a --schema-path names folders of the working tree, not of
 * the revision).
 */
export async function loadGit(revision: string, target: string, c: Colors, access: SchemaReadOptions = {}): Promise<Versions> {
  const snapshot = snapshotAt(revision, target);
  try {
    const after = await build(schemaFiles([target], 'the working tree'), { rootDir: process.cwd(), ...access }, 'working tree', c);
    const before = await build(snapshot.entries, { rootDir: snapshot.root, ...access, schemaPath: [snapshot.extracted] }, revision, c, (file) => `${revision}:${file}`);
    const showBefore = (change: SchemaChange): SchemaChange => (change.before ? { ...change, before: { ...change.before, file: `${revision}:${change.before.file}` } } : change);
    return { before, after, beforeLabel: `${revision}:${target}`, afterLabel: target, showBefore };
  } finally {
    snapshot.remove();
  }
}

async function build(entries: readonly string[], options: SchemaReadOptions & { rootDir: string }, side: string, c: Colors, shown?: (file: string) => string): Promise<NamedSchemaSet> {
  const set = await loadSchemaSet(entries, options, { sentence: `the schemas of the ${side} version cannot be read, so nothing was compared`, colors: c, shownFile: shown });
  return set.ir;
}
