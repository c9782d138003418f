/**
 * `evfw diff --format json`: one object on stdout, {before, after, changes, semver, breaking},
 * and `witnesses` (one entry per change, in the same order) when they were searched for.
 */
import type { DiffReport } from './diff-text-report.js';

export function diffJsonReport(report: DiffReport): string {
  const { before, after, changes, semver, breaking, witnesses } = report;
  // Only what the outcome adds: the search's results may also carry the change they are for.
  const proofs = witnesses?.map((w) => ({ witnesses: w.witnesses, ...(w.none === undefined ? {} : { none: w.none }) }));
  return `${JSON.stringify({ before, after, changes, semver, breaking, ...(proofs ? { witnesses: proofs } : {}) })}\n`;
}
