/**
 * Validates a list of documents, in this thread or, for a large batch, on worker threads
 * across the cores. Either way the results come back in input order, so the output of a run
 * does not depend on how it was split.
 */
import { statSync } from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileResult } from './file-result.js';
import { Validator, type Job, type ValidatorSettings } from './validator.js';
import type { ChunkRequest, ChunkResponse } from './worker.js';

/**
 * A worker takes about 0.4 s to start (it loads tsx and the runtime), and the validator reads
 * small documents at about 3,000 a second and large ones at about 6 MB a second in one thread.
 * So workers pay only for a batch that is large in both senses; below either mark, one thread
 * finishes first.
 */
export const WORKER_MIN_FILES = 64;
export const WORKER_MIN_BYTES = 8 * 1024 * 1024;

export interface BatchOptions {
  /** Threads to use; 1 validates in this thread. Default: every core for a large batch, else 1. */
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
    const feed = (worker: Worker) => {
      if (next >= jobs.length) {
        retired.add(worker);
        void worker.terminate();
        return;
      }
      const request: ChunkRequest = { start: next, jobs: jobs.slice(next, next + chunkSize) };
      next += request.jobs.length;
      worker.postMessage(request);
    };
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(new URL('./worker-entry.js', import.meta.url), { workerData: settings });
      workers.push(worker);
      worker.on('message', (response: ChunkResponse) => {
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
      feed(worker);
    }
  });
}
