/**
 * Commands timed as processes of their own, start-up included, as a person or a script runs
 * them: `xmllint --noout --schema` on one file or on 10,000, `evfw validate` on the same 10,000,
 * and the start-up of `evfw --version` against `node -e 0`. Peak memory comes from GNU time's
 * maxRSS of one more run, above the same program's maxRSS doing nothing (`--version`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { median } from './child/timing.js';
import type { Memory, Outcome, Timing } from './result.js';

export interface Command {
  readonly program: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  /** The environment to run it in; default: the bench's own. */
  readonly env?: NodeJS.ProcessEnv;
}

const GNU_TIME = '/usr/bin/time';
const TIMEOUT_MS = 300_000;
/** Ten thousand file names fit well within the kernel's limit on arguments (ARG_MAX, 2 MB or more). */
const MAX_BUFFER = 64 * 1024 * 1024;

function execute(command: Command): { ms: number; problem?: string } {
  const start = performance.now();
  const result = spawnSync(command.program, command.args, { cwd: command.cwd, env: command.env, encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: MAX_BUFFER });
  const ms = performance.now() - start;
  if (result.error) return { ms, problem: result.error.message };
  if (result.status !== 0) {
    const said = `${result.stderr}\n${result.stdout}`.trim().split('\n').slice(-2).join(' / ');
    return { ms, problem: `exit status ${result.status ?? result.signal}: ${said.slice(0, 300)}` };
  }
  return { ms };
}

/** The command's maxRSS in bytes by GNU time, or undefined where GNU time is not installed. */
function maxRss(command: Command): number | undefined {
  if (!existsSync(GNU_TIME)) return undefined;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'evfw-bench-time-'));
  try {
    const out = path.join(dir, 'rss');
    spawnSync(GNU_TIME, ['-f', '%M', '-o', out, command.program, ...command.args], { cwd: command.cwd, stdio: 'ignore', timeout: TIMEOUT_MS });
    const kib = Number.parseInt(readFileSync(out, 'utf8').trim().split('\n').pop() ?? '', 10);
    return Number.isFinite(kib) ? kib * 1024 : undefined;
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One untimed run (which must exit 0: every document valid), then `times` timed runs and their
 * median; then the peak memory above `idle` (the same program doing nothing).
 */
export function timeCommand(command: Command, times: number, idle?: Command): Outcome {
  const first = execute(command);
  if (first.problem) return { status: 'failed', reason: first.problem };
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const run = execute(command);
    if (run.problem) return { status: 'failed', reason: run.problem };
    samples.push(run.ms);
  }
  const timing: Timing = { msPerRun: median(samples), samples, runsPerSample: 1, warmupRuns: 1 };
  const peakRss = maxRss(command);
  const baselineRss = idle ? maxRss(idle) : undefined;
  const memory: Memory | undefined = peakRss !== undefined && baselineRss !== undefined ? { baselineRss, peakRss } : undefined;
  return { status: 'ok', timing, ...(memory ? { memory } : {}) };
}

/** Start-up of several commands, their runs interleaved so that a slower moment of the machine falls on all alike. */
export function timeStartups(commands: Readonly<Record<string, Command>>, times: number): Record<string, Outcome> {
  const samples: Record<string, number[]> = {};
  const outcomes: Record<string, Outcome> = {};
  for (const [name, command] of Object.entries(commands)) {
    const first = execute(command);
    if (first.problem) outcomes[name] = { status: 'failed', reason: first.problem };
    samples[name] = [];
  }
  for (let i = 0; i < times; i++) {
    for (const [name, command] of Object.entries(commands)) {
      if (outcomes[name]) continue;
      const run = execute(command);
      if (run.problem) outcomes[name] = { status: 'failed', reason: run.problem };
      else samples[name]!.push(run.ms);
    }
  }
  for (const name of Object.keys(commands)) {
    outcomes[name] ??= { status: 'ok', timing: { msPerRun: median(samples[name]!), samples: samples[name]!, runsPerSample: 1, warmupRuns: 1 } };
  }
  return outcomes;
}

/** Where a program is on PATH, or undefined. */
export function which(program: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir, program);
    if (dir && existsSync(file)) return file;
  }
  return undefined;
}
