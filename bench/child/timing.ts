/**
 * Times one operation: warm-up runs, then samples of one or more runs each, and their median.
 * A sample of a fast operation times many runs together, so that each lasts long enough for the
 * clock; a slow one takes as few samples as the settings allow.
 */
import type { Timing, TimingSettings } from '../result.js';

/**
 * Node's collector, with --expose-gc: called once, before the warm-up, so that the check's
 * garbage is gone. Not before each sample: a forced full collection also shrinks V8's young
 * generation, and code that allocates (every JavaScript parser here) then runs at half speed
 * until it has grown back, which a long-running process never sees. Measured on evfw's validate
 * at 100 KB: 1.5 ms a run in steady state, 3.3 to 3.7 ms with a collection before every sample.
 */
const collect = (globalThis as { gc?: () => void }).gc;

/** Where results go so that no run can be optimised away. */
let sink = 0;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function runs(run: () => number | Promise<number>, times: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < times; i++) {
    const result = run();
    sink ^= typeof result === 'number' ? result : await result;
  }
  return performance.now() - start;
}

/**
 * `spentMs` is what the check already took: it is a run too, and counts towards the warm-up.
 * Warm-up runs go in batches that double, so that a fast operation is not timed (and its clock
 * read, and a promise made) once per run.
 */
export async function time(run: () => number | Promise<number>, settings: TimingSettings, spentMs: number): Promise<Timing> {
  collect?.();
  let warmupRuns = 1;
  let warmedMs = spentMs;
  let estimate = spentMs;
  for (let batch = 1; warmedMs < settings.warmupMs; batch *= 2) {
    const ms = await runs(run, batch);
    warmupRuns += batch;
    warmedMs += ms;
    estimate = ms / batch;
  }
  const runsPerSample = Math.max(1, Math.round(settings.sampleMs / Math.max(estimate, 0.0001)));

  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < settings.minSamples || (samples.length < settings.maxSamples && performance.now() - start < settings.budgetMs)) {
    samples.push((await runs(run, runsPerSample)) / runsPerSample);
  }
  if (sink === 0.5) console.log('unreachable');
  return { msPerRun: median(samples), samples, runsPerSample, warmupRuns };
}
