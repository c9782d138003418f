/**
 * Runs the real `evfw` binary as a child process, the way a user or CI does, with an
 * environment that does not leak the test runner's colour settings.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './paths.js';

export const EVFW_BIN = path.join(REPO_ROOT, 'cli/bin/evfw.js');

export interface EvfwRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface EvfwRunOptions {
  /** Bytes or text for stdin. */
  readonly input?: string | Uint8Array;
  /** Variables to set (a value of undefined removes the variable). */
  readonly env?: Record<string, string | undefined>;
  readonly cwd?: string;
  readonly timeout?: number;
  /** An executable to run instead of `node cli/bin/evfw.js`, such as the installed node_modules/.bin/evfw. */
  readonly bin?: string;
  /** A copy of cli/bin/evfw.js elsewhere (an installed package, a scratch workspace), run with this Node. */
  readonly launcher?: string;
}

export function runEvfw(args: readonly string[], options: EvfwRunOptions = {}): EvfwRun {
  const { command, argv } = commandLine(args, options);
  const run = spawnSync(command, argv, {
    cwd: options.cwd ?? REPO_ROOT,
    env: environment(options),
    input: options.input,
    encoding: 'utf8',
    timeout: options.timeout ?? 60_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function commandLine(args: readonly string[], options: EvfwRunOptions): { command: string; argv: string[] } {
  if (options.bin) return { command: options.bin, argv: [...args] };
  return { command: process.execPath, argv: [options.launcher ?? EVFW_BIN, ...args] };
}

function environment(options: EvfwRunOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'CI']) delete env[name];
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/** The JSON report of a run with --format json. */
export interface JsonReport {
  readonly files: { file: string; valid: boolean; diagnostics: { code: string; severity: string; message: string; line: number; column: number; path: string }[] }[];
  readonly summary: { files: number; valid: number; invalid: number; errors: number; warnings: number; expect?: string; unexpected?: string[] };
}

export function jsonOf(run: EvfwRun): JsonReport {
  return JSON.parse(run.stdout) as JsonReport;
}
