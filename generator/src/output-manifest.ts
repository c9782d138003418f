/**
 * The manifest a generated package keeps of what the generator wrote into it (issue 17, item 6).
 *
 * `generate --out` may be pointed at any folder. Only this list lets a later run tell its own
 * files from the owner's: a file is deleted when the previous manifest names it and this run no
 * longer generates it, never because of what it contains. The bytes depend on the file list
 * alone (sorted, no timestamp), so generating twice gives the same manifest, and generated/,
 * which is checked in, does not drift.
 */
import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GENERATOR_NAME, GENERATOR_VERSION } from './emit/generated-file.js';
import { GeneratorError } from './errors.js';

/** A dotfile at the package root: not a module, not published as one, seen by `ls -a` and git. */
export const MANIFEST_FILE = '.evfw-manifest.json';

export interface OutputManifest {
  /** Who wrote the folder: `@evfw/generator 0.1.0`. */
  readonly generator: string;
  /** Every file the run wrote, relative to the folder, with forward slashes, sorted. */
  readonly files: readonly string[];
}

/** A manifest larger than this is not one the generator wrote (ours are a few KB). */
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
const NOTE = 'Files @evfw/generator wrote into this folder. A later run deletes only files listed here that it no longer generates. Do not edit.';

export function manifestText(files: Iterable<string>): string {
  const listed = [...files].filter((f) => f !== MANIFEST_FILE).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `${JSON.stringify({ generator: `${GENERATOR_NAME} ${GENERATOR_VERSION}`, note: NOTE, files: listed }, null, 2)}\n`;
}

/**
 * The manifest of `outDir`, or undefined when it has none. One that is not a regular file, is
 * not the generator's shape, or names a path that leaves the folder is refused: it is then
 * someone else's file, and trusting it would let it choose what gets deleted.
 */
export function readManifest(outDir: string): OutputManifest | undefined {
  const file = path.join(outDir, MANIFEST_FILE);
  const stats = lstatSync(file, { throwIfNoEntry: false });
  if (!stats) return undefined;
  const invalid = (reason: string) =>
    new GeneratorError('output.manifest-invalid', `${file} is not a manifest @evfw/generator wrote: ${reason}`, undefined, `remove ${MANIFEST_FILE} and pass --force (force: true in the library) to write into the folder anyway`);
  if (!stats.isFile()) throw invalid('it is not a regular file');
  if (stats.size > MAX_MANIFEST_BYTES) throw invalid(`it is larger than ${MAX_MANIFEST_BYTES} bytes`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw invalid('it is not JSON');
  }
  const generator = typeof data === 'object' && data !== null && 'generator' in data ? data.generator : undefined;
  const files = typeof data === 'object' && data !== null && 'files' in data ? data.files : undefined;
  if (typeof generator !== 'string' || !generator.startsWith(`${GENERATOR_NAME} `)) throw invalid(`"generator" does not name ${GENERATOR_NAME}`);
  if (!Array.isArray(files)) throw invalid('"files" is not a list');
  const outside = files.find((entry) => !isPackagePath(entry));
  if (outside !== undefined) throw invalid(`${JSON.stringify(outside)} is not a path inside the folder`);
  return { generator, files: files.filter(isPackagePath) };
}

/** A relative path that stays in the folder: forward slashes, no `.` or `..` segment, nothing absolute. */
function isPackagePath(entry: unknown): entry is string {
  if (typeof entry !== 'string' || entry === '' || entry === MANIFEST_FILE || entry.length > 4096) return false;
  if (entry.includes('\\') || entry.includes('\0') || entry.startsWith('/') || /^[A-Za-z]:/.test(entry)) return false;
  return entry.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}
