/**
 * What a measurement gives, the same for a case timed in a child process and for a command run
 * as a process of its own: the runner collects these and the report reads them.
 */

export interface Timing {
  /** The median of the samples: one run over every document of the input, in milliseconds. */
  readonly msPerRun: number;
  /** Each sample's time per run, in milliseconds, in the order taken. */
  readonly samples: readonly number[];
  /** Runs timed together in one sample, so that a sample of a small input lasts long enough to time. */
  readonly runsPerSample: number;
  /** Runs before the first sample (the check included). */
  readonly warmupRuns: number;
}

export interface Memory {
  /** Resident memory once the code is loaded, before the input is read, in bytes. */
  readonly baselineRss: number;
  /**
   * The process's peak resident memory (Linux's VmHWM, else maxRSS), in bytes, over one pass
   * over the input (the check before timing): what one parse, validation or serialization of it
   * needs. Repeated runs grow V8's heap further, as it collects lazily: that is `steadyPeakRss`.
   */
  readonly peakRss: number;
  /** The same peak at the end of the timed runs. */
  readonly steadyPeakRss?: number;
  /**
   * Whether the peak was reset to the baseline when it was taken (Linux's /proc/self/clear_refs):
   * when not, a higher peak while loading the code counts too.
   */
  readonly peakReset?: boolean;
}

export type Outcome =
  | { readonly status: 'ok'; readonly timing: Timing; readonly memory?: Memory; readonly version?: string }
  /** The peer could not be loaded or found: the reason says what to do. */
  | { readonly status: 'missing'; readonly reason: string }
  /** It ran and failed: it refused a valid document, crashed or took too long. */
  | { readonly status: 'failed'; readonly reason: string };

/** The line a child prints its outcome on, for the runner to find among anything else printed. */
export const RESULT_PREFIX = 'BENCH-RESULT ';

export interface TimingSettings {
  /** Runs before sampling go on until this many milliseconds have passed (the check counts). */
  readonly warmupMs: number;
  /** A sample times enough runs to last about this long. */
  readonly sampleMs: number;
  readonly minSamples: number;
  readonly maxSamples: number;
  /** Samples past minSamples are taken only while the sampling has lasted less than this. */
  readonly budgetMs: number;
}

/** One case on one input, as the runner collected it. */
export interface Row {
  readonly caseId: string;
  readonly label: string;
  readonly group: 'ours' | 'peer' | 'floor';
  /** In a child process of the harness, or a command run as a process of its own (start-up included). */
  readonly via: 'in-process' | 'command';
  readonly inputId: string;
  readonly outcome: Outcome;
}
