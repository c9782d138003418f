/**
 * `evfw generate --watch`: regenerates the package on every save in the schema folders and says
 * what the save did to the generated API, so that a standards editor sees the effect of an edit
 * at once. A schema error is printed as `evfw generate` prints it and leaves the package as it
 * was; the loop keeps running, and the next good save says it recovered.
 *
 *   watching schemas/ (*.xsd, *.rules.json) for generated/; Ctrl-C to stop
 *   [10:41:02] start: API unchanged; generated up to date (30 files)
 *   [10:41:17] schemas/cpm-evfw.xsd: API: 1 added, 1 changed; wrote 5 of 30 files in generated: ...
 *     cpm-evfw: + interface ObjectExtension
 *     cpm-evfw: ~ interface ObjectType (+ property priority?)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { OutputFiles } from '@evfw/generator';
import type { ApiChange, PackageFiles } from '@evfw/generator/diff';
import { CliError, EXIT, formatCliError } from '../cli-error.js';
import { generatorErrorBlock } from '../report/generator-error.js';
import { colors, type ColorChoice } from '../terminal.js';
import { declarationCount, formatApiChange } from './api-change-lines.js';
import { DEFAULT_POLL_MS, schemasSnapshot, watchSchemaFolders } from './watch-schemas.js';

type GeneratorModule = typeof import('@evfw/generator');
type DiffModule = typeof import('@evfw/generator/diff');

export interface WatchGenerateOptions {
  /** The --schemas arguments: folders, or files whose folder is watched. */
  readonly schemaArgs: readonly string[];
  /** The schema files to read now (a folder's .xsd files change); throws a CliError when there are none. */
  readonly entries: () => string[];
  readonly outDir: string;
  /** Schema files to generated files: the generator with the command's options. */
  readonly generate: (entries: readonly string[]) => OutputFiles;
  readonly generator: Pick<GeneratorModule, 'writeOutput' | 'GeneratorError'>;
  readonly color: ColorChoice;
  /** Write into a folder that has no manifest (generate --force). */
  readonly force?: boolean;
}

/** The files whose saves regenerate: schemas and the prose rules beside them (D-59). */
export function isSchemaInput(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith('.xsd') || lower.endsWith('.rules.json');
}

/**
 * A failed run is reported only once the files it read have stayed the same this long: an editor
 * that truncates a file and then writes it, or moves the old file away before writing the new
 * one, shows a half-written or missing schema for a moment, and that moment is not an error.
 */
const SETTLE_MS = 300;

/** Runs until SIGINT or SIGTERM, then closes the watchers and resolves with exit status 0. */
export async function watchGenerate(options: WatchGenerateOptions): Promise<number> {
  // The generator's API comparison loads with this command only, as the generator itself does.
  const api = await import('@evfw/generator/diff');
  const folders = schemaFolders(options.schemaArgs);
  const where = shown(options.outDir);
  const out = process.stdout;
  const err = process.stderr;
  let failed = false;
  let run = 0;
  let settle: NodeJS.Timeout | undefined;

  out.write(`watching ${folders.map((f) => `${shown(f)}/`).join(', ')} (*.xsd, *.rules.json) for ${where}/; Ctrl-C to stop\n`);

  const regenerate = (cause: string) => {
    const id = ++run;
    clearTimeout(settle);
    const before = schemasSnapshot(folders, isSchemaInput);
    let files: OutputFiles;
    try {
      files = options.generate(options.entries());
    } catch (error) {
      // Only a failure of files that have stopped changing is the schema's; otherwise the save under way brings another run.
      settle = setTimeout(() => {
        if (id === run && schemasSnapshot(folders, isSchemaInput) === before) report(cause, error);
      }, SETTLE_MS);
      return;
    }
    // A file saved while the generator read it: that save's own run writes the package.
    if (schemasSnapshot(folders, isSchemaInput) !== before) return;
    try {
      const previous = packageModules(options.outDir, api.moduleOfFile);
      const result = options.generator.writeOutput(files, options.outDir, { force: options.force === true });
      // The modules' type files first: the ones an editor opens next.
      const written = [...result.changed.filter(api.moduleOfFile), ...result.changed.filter((f) => !api.moduleOfFile(f)), ...result.stale.map((f) => `${f} (removed)`)];
      out.write(`${stamp()} ${cause}: ${failed ? 'recovered; ' : ''}${summary(api.apiChanges(previous, files), written, files.size, where)}`);
      failed = false;
    } catch (error) {
      report(cause, error);
    }
  };

  /** Printed as `evfw generate` prints it, after a line that says the package was left alone; then the loop goes on. */
  const report = (cause: string, error: unknown) => {
    failed = true;
    if (error instanceof options.generator.GeneratorError && error.code.startsWith('output.')) {
      err.write(`${stamp()} ${cause}: cannot write ${where}\n${formatCliError(new CliError('evfw.cli.out-not-generated', error.detail, error.hint))}\n`);
    } else if (error instanceof options.generator.GeneratorError) {
      err.write(`${stamp()} ${cause}: schema error; ${where} left as it was\n${generatorErrorBlock(error, colors(err, options.color))}\n`);
    } else if (error instanceof CliError) {
      err.write(`${stamp()} ${cause}: cannot read the schemas; ${where} left as it was\n${formatCliError(error)}\n`);
    } else if (isSystemError(error)) {
      err.write(`${stamp()} ${cause}: cannot write ${where}: ${error.message}\n`);
    } else {
      const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
      err.write(`${stamp()} ${cause}: evfw.cli.internal: the run failed unexpectedly; this is a bug in evfw, please report it\n${reason}\n`);
    }
  };

  // Watching before the first run: a save during it must bring another.
  const watcher = watchSchemaFolders(folders, {
    relevant: isSchemaInput,
    onChange: (changed) => regenerate(causeOf(changed)),
    onFallback: (folder, reason) => err.write(`${stamp()} ${shown(folder)}/: cannot watch for changes (${reason}); checking every ${DEFAULT_POLL_MS / 1000} s instead\n`),
  });
  regenerate('start');

  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      watcher.close();
      clearTimeout(settle);
      out.write(`${stamp()} stopped watching\n`);
      resolve(EXIT.ok);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** The folders to watch: each folder argument, and the folder of each file argument. */
function schemaFolders(args: readonly string[]): string[] {
  const folders = args.map((arg) => (statSync(arg, { throwIfNoEntry: false })?.isDirectory() ? arg : path.dirname(arg)));
  return [...new Set(folders.map((f) => path.resolve(f)))];
}

/**
 * One line when the API is unchanged; otherwise a line, then one line per change:
 * `API: 4 added, 1 changed; wrote 5 of 30 files in generated: src/cpm-evfw.ts, ... (+1 more)`.
 */
function summary(changes: readonly ApiChange[], written: readonly string[], total: number, where: string): string {
  const counts = (['+', '~', '-'] as const).map((sign) => [declarationCount(changes.filter((c) => c.sign === sign)), sign] as const);
  const words = { '+': 'added', '~': 'changed', '-': 'removed' };
  const api = changes.length === 0 ? 'API unchanged' : `API: ${counts.filter(([n]) => n > 0).map(([n, sign]) => `${n} ${words[sign]}`).join(', ')}`;
  const files = written.length === 0 ? `${where} up to date (${total} files)` : `wrote ${written.length} of ${total} files in ${where}: ${listed(written, 4)}`;
  return [`${api}; ${files}`, ...changes.map((c) => `  ${formatApiChange(c)}`)].join('\n') + '\n';
}

/** The package's module type files on disk, before a run overwrites them: what the API was. */
function packageModules(outDir: string, moduleOfFile: DiffModule['moduleOfFile']): PackageFiles {
  const src = path.join(outDir, 'src');
  if (!existsSync(src)) return new Map();
  const modules = new Map<string, string>();
  for (const name of readdirSync(src)) {
    const file = `src/${name}`;
    if (!moduleOfFile(file)) continue;
    const text = readFileSync(path.join(outDir, file), 'utf8');
    // A hand-written file there is not part of what the generator owns (as for writeOutput's stale files).
    if (text.includes('DO NOT EDIT')) modules.set(file, text);
  }
  return modules;
}

/** An error of the file system (EACCES, ENOSPC, ...), not of evfw. */
function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

function causeOf(changed: readonly string[]): string {
  return listed(changed.map(shown), 2);
}

function listed(items: readonly string[], max: number): string {
  const more = items.length - max;
  return items.slice(0, max).join(', ') + (more > 0 ? ` (+${more} more)` : '');
}

/** Relative to the working directory, as every other path evfw prints. */
function shown(file: string): string {
  return path.relative(process.cwd(), file) || '.';
}

function stamp(): string {
  const now = new Date();
  return `[${[now.getHours(), now.getMinutes(), now.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':')}]`;
}
