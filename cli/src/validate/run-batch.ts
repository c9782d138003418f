/**
 * Validates a list of documents, in this thread or, for a large batch, on worker threads
 * across the cores. Either way the results come back in input order, so the output of a run
 * does not depend on how it was split.
 */
import { statSync } from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { WORKER_MIN_BYTES, WORKER_MIN_FILES } from './batch-size.js';
import type { FileResult } from './file-result.js';
import { Validator, type Job, type ValidatorSettings } from './validator.js';
import type { ChunkRequest, ChunkResponse } from './worker.js';


export interface BatchOptions {
  /**
   * Threads to use, this one included: 1 validates here alone, n validates here and on n - 1
   * workers. Default: every core for a large batch, else 1.
   */
  readonly jobs?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export function threadsFor(jobs: readonly Job[], requested: number | undefined): number {
  if (requested !== undefined) return Math.max(1, Math.min(requested, jobs.length));
  if (jobs.length <= WORKER_MIN_FILES || totalBytes(jobs) < WORKER_MIN_BYTES) return 1;
  return Math.max(1, Math.min(os.availableParallelism(), jobs.length));
}

function totalBytes(jobs: readonly Job[]): number {
  let total = 0;
  for (const job of jobs) total += job.bytes?.length ?? statSync(job.input.file, { throwIfNoEntry: false })?.size ?? 0;
  return total;
}

export async function runBatch(jobs: readonly Job[], settings: ValidatorSettings, options: BatchOptions = {}): Promise<FileResult[]> {
  const threads = threadsFor(jobs, options.jobs);
  return threads === 1 ? runHere(jobs, settings, options.onProgress) : runOnWorkers(jobs, settings, threads, options.onProgress);
}

function runHere(jobs: readonly Job[], settings: ValidatorSettings, onProgress?: BatchOptions['onProgress']): FileResult[] {
  const validator = new Validator(settings);
  return jobs.map((job, i) => {
    const result = validator.check(job);
    onProgress?.(i + 1, jobs.length);
    return result;
  });
}

function runOnWorkers(jobs: readonly Job[], settings: ValidatorSettings, threads: number, onProgress?: BatchOptions['onProgress']): Promise<FileResult[]> {
  // Small chunks keep every thread busy to the end when documents differ in size.
  const chunkSize = Math.max(1, Math.min(32, Math.ceil(jobs.length / (threads * 8))));
  const results: FileResult[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const retired = new Set<Worker>();
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    /** Chunks sent to each worker and not yet answered. */
    const inFlight = new Map<Worker, number>();
    const feed = (worker: Worker) => {
      const pending = inFlight.get(worker) ?? 0;
      if (next >= jobs.length) {
        // Retired once it has answered everything it was sent.
        if (pending === 0) {
          retired.add(worker);
          void worker.terminate();
        }
        return;
      }
      const request: ChunkRequest = { start: next, jobs: jobs.slice(next, next + chunkSize) };
      next += request.jobs.length;
      inFlight.set(worker, pending + 1);
      worker.postMessage(request);
    };
    // This thread takes chunks too, between the workers' messages: it is warm before they are.
    const validator = new Validator(settings);
    const workHere = () => {
      if (failed || next >= jobs.length) return;
      const start = next;
      const chunk = jobs.slice(start, start + chunkSize);
      next += chunk.length;
      chunk.forEach((job, k) => (results[start + k] = validator.check(job)));
      done += chunk.length;
      onProgress?.(done, jobs.length);
      if (done === jobs.length) resolve(results);
      else setImmediate(workHere);
    };
    for (let i = 0; i < threads - 1; i++) {
      // From the build this is dist/worker-entry.js, one bundle. From the sources (a test that
      // imports this module) it is ./worker-entry.js, which loads worker.ts through tsx: the
      // condition makes our packages resolve to their sources there too, as in this thread.
      const execArgv = [...process.execArgv, '--conditions=@evfw/source'];
      const worker = new Worker(new URL('./worker-entry.js', import.meta.url), { workerData: settings, execArgv });
      workers.push(worker);
      worker.on('message', (response: ChunkResponse) => {
        inFlight.set(worker, inFlight.get(worker)! - 1);
        response.results.forEach((r, k) => (results[response.start + k] = r));
        done += response.results.length;
        onProgress?.(done, jobs.length);
        if (done === jobs.length) resolve(results);
        feed(worker);
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (!retired.has(worker)) fail(new Error(`a validation worker stopped with exit code ${code}`));
      });
      // Two chunks in flight: the worker starts its next while this thread answers the last.
      feed(worker);
      feed(worker);
    }
    setImmediate(workHere);
  });
}
