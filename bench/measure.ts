/**
 * Runs the child harness (bench/.build/harness.mjs) once per case and input, one after the other
 * so that the cases never share the machine's two cores, and reads back its outcome.
 */
import { spawnSync } from 'node:child_process';

import { HARNESS } from './build.js';
import type { CaseInfo } from './catalogue.js';
import { RESULT_PREFIX, type Outcome, type TimingSettings } from './result.js';

export const SETTINGS: TimingSettings = { warmupMs: 500, sampleMs: 100, minSamples: 3, maxSamples: 7, budgetMs: 1_500 };
/** One sample of one run each: to try the bench itself, not to read its figures. */
export const QUICK_SETTINGS: TimingSettings = { warmupMs: 0, sampleMs: 0, minSamples: 1, maxSamples: 1, budgetMs: 0 };

/** A case that takes longer than this on one input is reported as failed. */
const CHILD_TIMEOUT_MS = 120_000;

export interface Where {
  readonly inputDir: string;
  readonly schemaFile: string;
}

export function measureCase(info: CaseInfo, inputId: string, where: Where, settings: TimingSettings): Outcome {
  const args = ['--expose-gc', HARNESS, info.id, where.inputDir, inputId, where.schemaFile, JSON.stringify(settings)];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: CHILD_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 });
  const line = child.stdout?.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  if (line) return JSON.parse(line.slice(RESULT_PREFIX.length)) as Outcome;
  if (child.error) return { status: 'failed', reason: (child.error as NodeJS.ErrnoException).code === 'ETIMEDOUT' ? `took more than ${CHILD_TIMEOUT_MS / 1000} s` : child.error.message };
  const said = (child.stderr ?? '').trim().split('\n').filter((l) => l.trim()).slice(-1)[0] ?? '';
  return { status: 'failed', reason: `the child exited with ${child.status ?? child.signal} and no result${said ? `: ${said.slice(0, 300)}` : ''}` };
}
