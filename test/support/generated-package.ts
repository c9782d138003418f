/**
 * Generated packages written to a temporary folder and used as a consumer would: type-checked
 * (many packages in one compiler run) and imported in a child process that records every side
 * effect importing has (import-recorder.mjs). The hostile-schema tests use it to show that
 * schema text reaches generated code only as data.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { OutputFiles } from '../../generator/src/index.js';
import { FROM_SOURCES, REPO_ROOT } from './paths.js';

const RECORDER = path.join(REPO_ROOT, 'test/support/import-recorder.mjs');
const TSX = pathToFileURL(createRequire(path.join(REPO_ROOT, 'package.json')).resolve('tsx')).href;

/**
 * A temp folder of generated packages: `packages/<name>/` each, and one `node_modules` link to
 * the workspace's beside `packages/`, so every package's imports of @evfw/runtime and fast-check
 * resolve as they do in generated/, and `typeErrors(folder.packages)` checks them all in one
 * compiler run without walking into node_modules.
 */
export class PackageFolder {
  readonly root: string;
  readonly packages: string;

  constructor(prefix: string) {
    this.root = mkdtempSync(path.join(os.tmpdir(), prefix));
    this.packages = path.join(this.root, 'packages');
    mkdirSync(this.packages);
    symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(this.root, 'node_modules'), 'dir');
  }

  /** Writes `files` as package `name` and returns its folder. */
  write(name: string, files: OutputFiles): string {
    const dir = path.join(this.packages, name);
    for (const [file, text] of files) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    return dir;
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

export interface ImportReport {
  /** Each module: whether it loaded, its export names, and its exports that are data. */
  readonly modules: Record<string, { ok: boolean; error?: string; exports?: string[]; values?: Record<string, unknown> }>;
  /** Calls that wrote somewhere: `console.log`, `fs.writeFileSync`, `process.stdout.write`... */
  readonly effects: string[];
  /** Properties of globalThis and the built-in prototypes added, changed or deleted. */
  readonly changed: string[];
  /** Entries that appeared in or vanished from the working directory of the importing process. */
  readonly cwdChanges: string[];
}

/** Imports every module in a fresh process whose working directory is an empty temp folder. */
export function importRecorded(modules: readonly string[]): ImportReport {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'evfw-import-'));
  const cwd = path.join(scratch, 'cwd');
  mkdirSync(cwd);
  const results = path.join(scratch, 'results.json');
  execFileSync(process.execPath, [FROM_SOURCES, '--import', TSX, RECORDER, results, ...modules], { cwd, stdio: 'pipe', timeout: 120_000 });
  const report = JSON.parse(readFileSync(results, 'utf8')) as Omit<ImportReport, 'cwdChanges'>;
  return { ...report, cwdChanges: readdirSync(cwd) };
}

/** The TypeScript modules of a written package, for importing (the .js validators come with them). */
export function packageModules(dir: string): string[] {
  return readdirSync(path.join(dir, 'src'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .sort()
    .map((f) => path.join(dir, 'src', f));
}

/** Every file under `dir` with its content, to show a run changed none (node_modules left out). */
export function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => !f.startsWith('node_modules'))
    .sort()
    .map((f) => {
      const stat = statSync(path.join(dir, f));
      return stat.isFile() ? `${f} ${readFileSync(path.join(dir, f)).toString('base64')}` : `${f}/`;
    });
}
