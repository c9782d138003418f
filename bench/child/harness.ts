/**
 * The child process that measures one case on one input, started by the runner for each pair so
 * that no case shares a heap, a JIT or a peak-memory figure with another:
 *
 *   node --expose-gc .build/harness.mjs <case> <input dir> <input id> <schema file> <settings JSON>
 *
 * It loads the case (and its peer), takes the baseline memory (and resets the peak to it), reads
 * the input in the case's form, prepares and checks the case once, times it, and prints its
 * outcome as one line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { caseInfo, type InputForm } from '../catalogue.js';
import type { Prepare } from '../cases/case.js';
import { peerVersion } from '../cases/peer.js';
import { RESULT_PREFIX, type Outcome, type TimingSettings } from '../result.js';
import { time } from './timing.js';

const collect = (globalThis as { gc?: () => void }).gc;

function emit(outcome: Outcome): void {
  console.log(RESULT_PREFIX + JSON.stringify(outcome));
}

/** The documents of an input in one form (see inputs.ts for the files). */
function readDocs(dir: string, id: string, form: InputForm): unknown[] {
  if (form === 'json' || form === 'model') {
    const lines = readFileSync(path.join(dir, `${id}.jsonl`), 'utf8').split('\n');
    return form === 'json' ? lines : lines.map((line) => JSON.parse(line) as unknown);
  }
  const offsets = JSON.parse(readFileSync(path.join(dir, `${id}.offsets.json`), 'utf8')) as number[];
  const bytes = readFileSync(path.join(dir, `${id}.xml`));
  const docs: unknown[] = [];
  for (let i = 0; i + 1 < offsets.length; i++) {
    const [start, end] = [offsets[i]!, offsets[i + 1]!];
    docs.push(form === 'bytes' ? bytes.subarray(start, end) : bytes.toString('utf8', start, end));
  }
  return docs;
}

/**
 * Sets the process's peak resident memory back to what it holds now (Linux 4.0 and later), so that
 * the peak read at the end is this case's and not that of loading the code. False where it cannot.
 */
function resetPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * The peak resident memory since the reset, in bytes: Linux's VmHWM. Not maxRSS, which also holds
 * the parent's memory at the fork that started this process (the kernel carries it over exec).
 */
function peakRss(): number {
  try {
    const kib = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kib) return Number(kib) * 1024;
  } catch {
    // Not Linux: maxRSS below.
  }
  return process.resourceUsage().maxRSS * 1024;
}

async function main(): Promise<void> {
  const [caseId, inputDir, inputId, schemaFile, settingsJson] = process.argv.slice(2);
  if (!caseId || !inputDir || !inputId || !schemaFile || !settingsJson) throw new Error('usage: harness.mjs <case> <input dir> <input id> <schema file> <settings JSON>');
  const info = caseInfo(caseId);
  const settings = JSON.parse(settingsJson) as TimingSettings;

  let prepare: Prepare<unknown>;
  let version: string | undefined;
  try {
    const module = (await import(new URL(`./cases/${info.module}.mjs`, import.meta.url).href)) as Record<string, Prepare<unknown>>;
    prepare = module[info.prepare]!;
    if (info.peer) version = peerVersion(info.peer);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    // A peer that does not load is not installed; our own code that does not load is broken.
    return emit(info.peer ? { status: 'missing', reason: `${message}; run npm run bench:setup` } : { status: 'failed', reason: message });
  }

  collect?.();
  const peakReset = resetPeak();
  const baselineRss = process.memoryUsage.rss();
  const docs = readDocs(inputDir, inputId, info.form);
  const prepared = await prepare(docs, { schemaFile });
  const checkStart = performance.now();
  const problem = await prepared.check();
  if (problem) return emit({ status: 'failed', reason: problem });
  const onePass = peakRss();
  const timing = await time(() => prepared.run(), settings, performance.now() - checkStart);
  emit({ status: 'ok', timing, memory: { baselineRss, peakRss: onePass, steadyPeakRss: peakRss(), peakReset }, ...(version ? { version } : {}) });
}

main().catch((error: unknown) => {
  emit({ status: 'failed', reason: error instanceof Error ? error.message.split('\n')[0]! : String(error) });
});
