/**
 * `evfw diff --format json`: one object on stdout, {before, after, changes, semver, breaking}.
 * When witnesses were searched for, each change carries its own: `witnesses` (one per side
 * proved) and, when a side it reaches has none, `noWitness` saying why.
 */
import type { DiffReport } from './diff-text-report.js';

export function diffJsonReport(report: DiffReport): string {
  const { before, after, semver, breaking, witnesses } = report;
  const changes = report.changes.map((change, i) => {
    const outcome = witnesses?.[i];
    if (!outcome) return change;
    return { ...change, witnesses: outcome.witnesses, ...(outcome.none === undefined ? {} : { noWitness: outcome.none }) };
  });
  return `${JSON.stringify({ before, after, changes, semver, breaking })}\n`;
}
