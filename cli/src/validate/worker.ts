/**
 * A validation worker: builds the validator from the settings it is started with, then answers
 * each chunk of jobs with their results, tagged with the chunk's start so that the main thread
 * puts them back in input order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Validator, type Job, type ValidatorSettings } from './validator.js';
import type { FileResult } from './file-result.js';

export interface ChunkRequest {
  readonly start: number;
  readonly jobs: readonly Job[];
}

export interface ChunkResponse {
  readonly start: number;
  readonly results: readonly FileResult[];
}

const port = parentPort;
if (port) {
  const validator = new Validator(workerData as ValidatorSettings);
  port.on('message', (request: ChunkRequest) => {
    const response: ChunkResponse = { start: request.start, results: request.jobs.map((job) => validator.check(job)) };
    port.postMessage(response);
  });
}
