/**
 * The workspace's packages as a consumer gets them: `npm pack`ed tarballs, installed into a
 * project of its own outside the repository. test/packaging/ and the bench's start-up of the
 * installed `evfw` use it.
 *
 *   const tarballs = packWorkspace(dir);                  // the build must be current (npm run build)
 *   const project = ConsumerProject.create('evfw-app-');  // in os.tmpdir(), outside the repository
 *   project.install([...tarballs.values()]);              // and their registry dependencies
 *   project.run('node', ['app.mjs']);
 *   project.dispose();
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Every package the project publishes, by folder, in the order they depend on each other. */
export const PUBLISHED_FOLDERS = ['runtime', 'generated', 'generator', 'protocol', 'pf', 'cli'] as const;

/** A command's outcome, with its output as text. */
export interface CommandRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Generous: npm's first install of the registry dependencies (typescript, ajv) into an empty cache. */
const INSTALL_TIMEOUT_MS = 300_000;

/**
 * npm run-script passes its configuration to the scripts it runs as npm_* variables (among them
 * the workspace's own prefix and flags), which an npm started inside would obey: a consumer's npm
 * must see none of them.
 */
export function cleanEnvironment(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(name) && name !== 'INIT_CWD' && name !== 'NODE_OPTIONS') env[name] = value;
  }
  return { ...env, ...extra };
}

export function run(command: string, args: readonly string[], cwd: string, options: { timeoutMs?: number; env?: NodeJS.ProcessEnv; input?: string } = {}): CommandRun {
  const result: SpawnSyncReturns<string> = spawnSync(command, args, {
    cwd,
    env: options.env ?? cleanEnvironment(),
    input: options.input,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw new Error(`${command} ${args.join(' ')} (in ${cwd}): ${result.error.message}`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Throws, with what it printed, unless the command exited 0. */
export function runOrThrow(command: string, args: readonly string[], cwd: string, options: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): CommandRun {
  const result = run(command, args, cwd, options);
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status} in ${cwd}\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
  }
  return result;
}

/** What `npm pack --json` says of one tarball. */
export interface PackedPackage {
  readonly name: string;
  readonly version: string;
  /** The tarball's full path. */
  readonly tarball: string;
  /** The paths inside the package, as npm lists them. */
  readonly files: readonly string[];
}

/**
 * `npm pack` of the given workspace folders into `destination`, without their prepack scripts:
 * those build, and the tests and the bench run after `npm run build` (running it again here,
 * while other tests run the CLI, would replace its build under them). So the build must be
 * current: `npm run build` first.
 */
export function packWorkspace(destination: string, folders: readonly string[] = PUBLISHED_FOLDERS): Map<string, PackedPackage> {
  mkdirSync(destination, { recursive: true });
  const args = ['pack', '--ignore-scripts', '--json', '--pack-destination', destination, ...folders.flatMap((f) => ['--workspace', f])];
  const { stdout } = runOrThrow('npm', args, REPO_ROOT);
  const packed = new Map<string, PackedPackage>();
  for (const entry of parsePackOutput(stdout)) {
    packed.set(entry.name, { name: entry.name, version: entry.version, tarball: path.join(destination, entry.filename), files: entry.files.map((f) => f.path) });
  }
  return packed;
}

interface PackJson {
  readonly name: string;
  readonly version: string;
  readonly filename: string;
  readonly files: readonly { readonly path: string }[];
}

/** npm prints the JSON array after whatever the packages' scripts printed. */
export function parsePackOutput(stdout: string): PackJson[] {
  const start = stdout.indexOf('[');
  if (start < 0) throw new Error(`npm pack printed no JSON:\n${stdout.slice(0, 2000)}`);
  return JSON.parse(stdout.slice(start)) as PackJson[];
}

/** A project of a consumer's, in a folder of its own under os.tmpdir(): outside the repository. */
export class ConsumerProject {
  private constructor(readonly dir: string) {}

  static create(prefix: string, manifest: Record<string, unknown> = {}): ConsumerProject {
    const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'evfw-consumer', version: '1.0.0', private: true, type: 'module', ...manifest }, null, 2)}\n`);
    return new ConsumerProject(dir);
  }

  /** npm install of tarballs, folders or registry names, as a consumer would type it. */
  install(specs: readonly string[]): CommandRun {
    return runOrThrow('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...specs], this.dir, { timeoutMs: INSTALL_TIMEOUT_MS });
  }

  write(file: string, text: string): string {
    const full = path.join(this.dir, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
    return full;
  }

  run(command: string, args: readonly string[], options: { timeoutMs?: number; env?: NodeJS.ProcessEnv; input?: string } = {}): CommandRun {
    return run(command, args, this.dir, options);
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
