/**
 * What a module under bench/hostile/ exports: budgets of issue 17 (hostile schemas), each a
 * piece of work run in a child process of its own, timed, and judged against its budget. A case
 * may name peers doing the same work (native RegExp, libxml2); they run under the same time cap,
 * and a peer that does not finish is reported as such, not waited for.
 */

export interface HostileRun {
  /** Does the work once and returns a short outcome ("valid", "refused evfw.x.y") for the report. */
  run(): string | Promise<string>;
}

export interface HostileCase {
  /** Stable id, kebab-case: `pattern-a-or-a-star-b`. */
  readonly id: string;
  /** What the case does, for the report: `(a|a)*b on 100,000 "a"`. */
  readonly label: string;
  /** The budget issue 17 sets for our run, in milliseconds. */
  readonly budgetMs: number;
  /** Optional memory budget for our run, in MB of peak RSS. */
  readonly budgetMb?: number;
  /** Builds the inputs (untimed) and returns our run. */
  prepare(): HostileRun | Promise<HostileRun>;
  /** Named peers doing the same work, prepared the same way. */
  readonly peers?: readonly { readonly name: string; prepare(): HostileRun | Promise<HostileRun> }[];
}

/** The line a child prints its outcome on (hostile-child.ts), and what follows it as JSON. */
export const HOSTILE_RESULT = 'HOSTILE-RESULT ';

export interface HostileOutcome {
  readonly msMedian: number;
  readonly msMax: number;
  readonly runs: number;
  readonly outcome: string;
  readonly peakMb: number | undefined;
}
