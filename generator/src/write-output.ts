/**
 * Writing what `generate` returns to an output folder, or only saying what would change.
 *
 * Both `evfw generate` and the drift check in CI go through here, so "up to date" means one
 * thing: every generated file, and the manifest listing them (output-manifest.ts), has the same
 * bytes on disk, and no file a previous run generated is left behind.
 *
 * The folder may be anyone's, so the generator touches only what it can prove it wrote: a
 * folder that holds files and no manifest is refused unless `force`, and a regeneration deletes
 * only files the previous manifest lists.
 */
import { closeSync, constants, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { OutputFiles } from './emit/emitter.js';
import { GeneratorError } from './errors.js';
import { isWithin } from './load/schema-access.js';
import { MANIFEST_FILE, manifestText, readManifest } from './output-manifest.js';

export interface WriteOutputResult {
  /** Files whose bytes differ from the output folder's (or that are missing there), relative to it; the manifest included. */
  readonly changed: readonly string[];
  /** Files the previous run's manifest lists that this run no longer generates. */
  readonly stale: readonly string[];
}

export interface WriteOutputOptions {
  /** Change nothing on disk; only report what would change. */
  readonly check?: boolean;
  /**
   * Write into a folder that holds files but no manifest (one evfw did not generate, or did
   * before manifests). Files of the same names are overwritten; nothing is deleted.
   */
  readonly force?: boolean;
}

export function writeOutput(files: OutputFiles, outDir: string, options: WriteOutputOptions = {}): WriteOutputResult {
  const previous = readManifest(outDir);
  if (previous === undefined && !options.check && !options.force) refuseForeignFolder(outDir);
  const manifest = manifestText(files.keys());
  const changed: string[] = [];
  for (const [relative, text] of [...files, [MANIFEST_FILE, manifest] as const]) {
    if (currentText(path.join(outDir, relative)) !== text) changed.push(relative);
  }
  const stale = (previous?.files ?? []).filter((f) => !files.has(f) && isOwnFile(outDir, f)).sort();
  if (options.check) return { changed, stale };

  // Listed before they are written: if the run stops half-way, the next one still knows them as its own.
  const pending = manifestText(new Set([...(previous?.files ?? []), ...files.keys()]));
  if (changed.length > 0 || stale.length > 0) {
    mkdirSync(outDir, { recursive: true });
    writeFile(path.join(outDir, MANIFEST_FILE), pending);
  }
  for (const relative of changed) {
    if (relative === MANIFEST_FILE) continue;
    const target = path.join(outDir, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFile(target, files.get(relative)!);
  }
  for (const f of stale) rmSync(path.join(outDir, f));
  if (changed.length > 0 || stale.length > 0) writeFile(path.join(outDir, MANIFEST_FILE), manifest);
  return { changed, stale };
}

/** Never through a symbolic link at the target: the write would land wherever it points (ELOOP instead). */
function writeFile(target: string, text: string): void {
  const fd = openSync(target, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0), 0o666);
  try {
    writeFileSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

/** A folder that holds anything and no manifest was not written by the generator: refuse to write into it. */
function refuseForeignFolder(outDir: string): void {
  const entries = lstatSync(outDir, { throwIfNoEntry: false })?.isDirectory() ? readdirSync(outDir).sort() : [];
  if (entries.length === 0) return;
  const shown = entries.slice(0, 3).join(', ') + (entries.length > 3 ? ` and ${entries.length - 3} more` : '');
  throw new GeneratorError(
    'output.not-generated',
    `${outDir} holds files (${shown}) but no ${MANIFEST_FILE}, so @evfw/generator did not write it; nothing was written, so as not to overwrite or delete its owner's files`,
    undefined,
    'choose a new or empty folder, or pass --force (force: true in the library) to write into it: files of the same names are overwritten, no other file is touched',
  );
}

function currentText(file: string): string | undefined {
  const stats = lstatSync(file, { throwIfNoEntry: false });
  return stats?.isFile() ? readFileSync(file, 'utf8') : undefined;
}

/**
 * A listed file that is still there as a regular file in the folder itself: a symbolic link, or
 * a path through a linked folder, may lead elsewhere, and is left alone.
 */
function isOwnFile(outDir: string, relative: string): boolean {
  const target = path.join(outDir, relative);
  if (!lstatSync(target, { throwIfNoEntry: false })?.isFile()) return false;
  try {
    const folder = realpathSync.native(outDir);
    const parent = realpathSync.native(path.dirname(target));
    return parent === folder || isWithin(parent, folder);
  } catch {
    return false;
  }
}
