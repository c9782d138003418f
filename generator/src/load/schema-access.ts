/**
 * Which files a schema set may read, and how each is read (issue 17).
 *
 * Schemas come from other people, and a schemaLocation is a path they chose: without a fence,
 * `<xs:import schemaLocation="/proc/self/environ"/>` reads the environment, `/dev/zero` reads
 * until memory runs out and a FIFO blocks for ever. So:
 *
 * - The roots are the folder of each entry file the caller named and each folder of
 *   `schemaPath`. A directive may reach a regular file under a root and nothing else: `..` is
 *   judged on the resolved path before anything is touched, and a symbolic link on the real path
 *   of the file that was opened, so neither can lead out.
 * - Nothing under /proc, /sys or /dev is read, and nothing but a regular file, even when named
 *   by the caller: the file is checked before it is opened (opening some devices does
 *   something) and, through the descriptor, after (it may have been swapped in between). It is
 *   opened non-blocking, so a FIFO cannot hang the open.
 * - A file is read in chunks up to its cap plus one byte, never by its stated size (files of
 *   /proc state 0), and the set as a whole has a cap on bytes and on files.
 *
 * A refused file is never read, so no error can show a byte of it.
 */
import { closeSync, constants, fstatSync, openSync, readlinkSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { GeneratorError, type SourcePosition } from '../errors.js';

export interface SchemaAccessOptions {
  /** Folders whose files directives may reach besides the entry files' own folders (a file stands for its folder). */
  readonly schemaPath?: readonly string[];
  /** Largest schema file, in bytes. */
  readonly maxSchemaBytes?: number;
  /** Largest schema set (every file read, rules files included), in bytes. */
  readonly maxSchemaSetBytes?: number;
  /** Most files in a schema set. */
  readonly maxSchemaFiles?: number;
}

/** Generous: the largest real-world schema sets (UBL, HL7) are a few MB over a few hundred files. */
export const DEFAULT_SCHEMA_READ_LIMITS = {
  maxSchemaBytes: 16 * 1024 * 1024,
  maxSchemaSetBytes: 256 * 1024 * 1024,
  maxSchemaFiles: 10_000,
} as const;

/** Kernel file systems: their "regular" files are live state (environment, memory maps), never schemas. */
const KERNEL_FOLDERS = ['/proc', '/sys', '/dev'];
const CHUNK_BYTES = 64 * 1024;
const SCHEMA_PATH_HINT = 'copy the schema under the folder of the schemas you named, or add its folder with --schema-path <dir> (schemaPath in the library)';

interface Root {
  /** The folder as given, resolved: what a `..` in a location is judged against. */
  readonly given: string;
  /** Its real path: what a symbolic link is judged against. */
  readonly real: string;
}

export class SchemaAccess {
  readonly limits: Required<Omit<SchemaAccessOptions, 'schemaPath'>>;
  private readonly roots: readonly Root[];
  /** Text by real path: a file included twice (or peeked at, then read) is read and counted once. */
  private readonly texts = new Map<string, string>();
  private bytes = 0;

  constructor(entryFiles: readonly string[], options: SchemaAccessOptions = {}) {
    this.limits = {
      maxSchemaBytes: options.maxSchemaBytes ?? DEFAULT_SCHEMA_READ_LIMITS.maxSchemaBytes,
      maxSchemaSetBytes: options.maxSchemaSetBytes ?? DEFAULT_SCHEMA_READ_LIMITS.maxSchemaSetBytes,
      maxSchemaFiles: options.maxSchemaFiles ?? DEFAULT_SCHEMA_READ_LIMITS.maxSchemaFiles,
    };
    const folders = [...entryFiles.map((f) => path.dirname(path.resolve(f))), ...(options.schemaPath ?? []).map(schemaPathFolder)];
    const roots = new Map<string, Root>();
    for (const given of folders) roots.set(given, { given, real: realOrSelf(given) });
    this.roots = [...roots.values()];
  }

  /** A file the caller named: it makes a root rather than needing one, but it is still only read if it is a regular file. */
  readEntry(absolute: string, shown: string): string {
    const real = this.realPath(absolute, shown, undefined);
    return this.read(real, shown, { what: shown });
  }

  /** The target of `<xs:import>`/`<xs:include>` at `from`, whose schemaLocation is `location`. */
  readReferenced(absolute: string, shown: string, location: string, from: SourcePosition): string {
    const what = `schemaLocation ${JSON.stringify(location)}`;
    // Judged on the path alone first: a location outside every root is refused without a look at the file system.
    if (!this.roots.some((r) => isWithin(absolute, r.given) || isWithin(absolute, r.real))) {
      throw new GeneratorError('xsd.location.outside-roots', `${what} is outside the folders this schema set may read (${this.rootsShown()})`, from, SCHEMA_PATH_HINT);
    }
    const real = this.realPath(absolute, shown, from);
    this.requireWithinRoots(real, what, from);
    return this.read(real, shown, { what, from, confined: true });
  }

  /** A file that belongs beside a schema (its prose rules), or undefined when there is none. */
  readBeside(absolute: string, shown: string): string | undefined {
    if (statSync(absolute, { throwIfNoEntry: false }) === undefined) return undefined;
    const real = this.realPath(absolute, shown, undefined);
    this.requireWithinRoots(real, shown, undefined);
    return this.read(real, shown, { what: shown, confined: true });
  }

  private realPath(absolute: string, shown: string, from: SourcePosition | undefined): string {
    try {
      return realpathSync.native(absolute);
    } catch (error) {
      throw unreadable(shown, error, from);
    }
  }

  private requireWithinRoots(real: string, what: string, from: SourcePosition | undefined): void {
    if (this.roots.some((r) => isWithin(real, r.real))) return;
    throw new GeneratorError(
      'xsd.location.outside-roots',
      `${what} leads, through a symbolic link, outside the folders this schema set may read (${this.rootsShown()})`,
      from,
      SCHEMA_PATH_HINT,
    );
  }

  private read(real: string, shown: string, at: { what: string; from?: SourcePosition; confined?: boolean }): string {
    const cached = this.texts.get(real);
    if (cached !== undefined) return cached;
    refuseKernelFile(real, at.what, at.from);
    // Checked before opening: opening a device can have effects of its own (a tape rewinds, a watchdog starts).
    refuseIrregular(statOf(real, shown, at.from), at.what, at.from);
    if (this.texts.size >= this.limits.maxSchemaFiles) {
      throw new GeneratorError('xsd.set.too-many-files', `the schema set needs more than ${this.limits.maxSchemaFiles} files (${at.what} would be one more)`, at.from, 'raise the cap with --max-schema-files (maxSchemaFiles in the library), if the set is meant to be this large');
    }
    let fd: number;
    try {
      fd = openSync(real, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    } catch (error) {
      throw unreadable(shown, error, at.from);
    }
    try {
      // The descriptor is what will be read: what it is, and where it is, decide (no gap for a swap).
      refuseIrregular(fstatSync(fd), at.what, at.from);
      const opened = openedPath(fd) ?? real;
      refuseKernelFile(opened, at.what, at.from);
      if (at.confined) this.requireWithinRoots(opened, at.what, at.from);
      const text = this.readCapped(fd, shown, at.from);
      this.texts.set(real, text);
      return text;
    } finally {
      closeSync(fd);
    }
  }

  /** Reads at most one byte past the cap that applies, so an endless file costs the cap and no more. */
  private readCapped(fd: number, shown: string, from: SourcePosition | undefined): string {
    const { maxSchemaBytes, maxSchemaSetBytes } = this.limits;
    const limit = Math.min(maxSchemaBytes, maxSchemaSetBytes - this.bytes);
    const chunks: Buffer[] = [];
    let total = 0;
    try {
      while (total <= limit) {
        const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, limit + 1 - total));
        const n = readSync(fd, chunk, 0, chunk.length, null);
        if (n === 0) break;
        chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
        total += n;
      }
    } catch (error) {
      throw unreadable(shown, error, from);
    }
    if (total > maxSchemaBytes) {
      throw new GeneratorError('xsd.file.too-large', `schema file ${shown} is larger than ${bytesShown(maxSchemaBytes)}, the cap per schema file; reading stopped there`, from, 'raise the cap with --max-schema-bytes (maxSchemaBytes in the library), if the file is meant to be this large');
    }
    if (total > limit) {
      throw new GeneratorError('xsd.set.too-large', `the schema set is larger than ${bytesShown(maxSchemaSetBytes)}, the cap per schema set; reading stopped in ${shown}`, from, 'raise the cap with --max-schema-set-bytes (maxSchemaSetBytes in the library), if the set is meant to be this large');
    }
    this.bytes += total;
    return Buffer.concat(chunks, total).toString('utf8');
  }

  private rootsShown(): string {
    return this.roots.map((r) => r.real).join(', ');
  }
}

/** A schemaPath entry: a folder, or a file standing for its folder. */
function schemaPathFolder(entry: string): string {
  const absolute = path.resolve(entry);
  const stats = statSync(absolute, { throwIfNoEntry: false });
  if (!stats) throw new GeneratorError('xsd.file.unreadable', `the schema path ${JSON.stringify(entry)} does not exist`, undefined, 'name an existing folder with --schema-path (schemaPath in the library)');
  return stats.isDirectory() ? absolute : path.dirname(absolute);
}

function statOf(file: string, shown: string, from: SourcePosition | undefined): Stats {
  try {
    return statSync(file);
  } catch (error) {
    throw unreadable(shown, error, from);
  }
}

function realOrSelf(folder: string): string {
  try {
    return realpathSync.native(folder);
  } catch {
    return folder;
  }
}

/** Whether `file` lies strictly inside `folder` (both absolute and normalised). */
export function isWithin(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

function refuseKernelFile(real: string, what: string, from: SourcePosition | undefined): void {
  const folder = KERNEL_FOLDERS.find((k) => real === k || isWithin(real, k));
  if (folder === undefined) return;
  throw new GeneratorError('xsd.file.not-regular', `${what} is in ${folder}, a kernel file system; nothing there is read as a schema`, from, 'save the schema as a file and name that file');
}

function refuseIrregular(stats: Stats, what: string, from: SourcePosition | undefined): void {
  if (stats.isFile()) return;
  throw new GeneratorError('xsd.file.not-regular', `${what} is ${kindOf(stats)}, not a regular file; only regular files are read as schemas`, from, 'save the schema as a file and name that file');
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'not a file';
}

/** Where an open descriptor really is, where the system says (Linux); undefined elsewhere. */
function openedPath(fd: number): string | undefined {
  try {
    const link = readlinkSync(`/proc/self/fd/${fd}`);
    return path.isAbsolute(link) ? link : undefined;
  } catch {
    return undefined;
  }
}

function unreadable(shown: string, error: unknown, from: SourcePosition | undefined): GeneratorError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new GeneratorError('xsd.file.missing', `there is no schema file ${shown}`, from);
  const reason = code === 'ELOOP' ? 'ELOOP: it was replaced by a symbolic link while being opened' : (code ?? String(error));
  return new GeneratorError('xsd.file.unreadable', `cannot read schema file ${shown} (${reason})`, from);
}

function bytesShown(bytes: number): string {
  const mb = 1024 * 1024;
  return bytes % mb === 0 ? `${bytes / mb} MB` : `${bytes} bytes`;
}
