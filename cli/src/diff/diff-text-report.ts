/**
 * `evfw diff`'s text: read like a compiler's output and a changelog at once. Changes grouped
 * by namespace, one line each with the position, kind, subject, message and who it reaches,
 * then where it was, where it shows in documents and its witness; a summary with the semver
 * step last.
 */
import { witnessSide, type SchemaChange, type SemverSuggestion, type WitnessOutcome } from '@evfw/generator/diff';
import type { Colors } from '../terminal.js';

/** Instance paths shown per change; the JSON report has them all. */
const PATHS_SHOWN = 3;

export interface DiffReport {
  /** What was compared: `schemas/cpm-evfw.xsd`, `HEAD:schemas`. */
  readonly before: string;
  readonly after: string;
  readonly changes: readonly SchemaChange[];
  readonly semver: SemverSuggestion;
  readonly breaking: boolean;
  /** Per change, when witnesses were searched for. */
  readonly witnesses?: readonly WitnessOutcome[];
}

export function diffTextReport(report: DiffReport, c: Colors): string {
  const lines: string[] = [];
  let namespace: string | undefined;
  report.changes.forEach((change, i) => {
    if (change.namespace !== namespace) {
      if (namespace !== undefined) lines.push('');
      namespace = change.namespace;
      lines.push(c.bold(namespace || '(no namespace)'));
    }
    lines.push(...changeLines(change, report.witnesses?.[i], c));
  });
  if (lines.length > 0) lines.push('');
  lines.push(summary(report, c));
  return `${lines.join('\n')}\n`;
}

function changeLines(change: SchemaChange, witness: WitnessOutcome | undefined, c: Colors): string[] {
  const main = change.after ?? change.before;
  // Red for what a release breaks (producers or code written against the generated package).
  const colour = change.producers === 'breaking' || change.apiBreaking ? c.red : change.consumers === 'affected' ? c.yellow : c.dim;
  const effects = `producers: ${change.producers} / consumers: ${change.consumers}${change.apiBreaking ? ' / generated API: breaking' : ''}`;
  const lines = [`  ${main ? `${position(main)}: ` : ''}${colour(change.kind)} ${change.subject}: ${change.message} ${c.dim(`[${effects}]`)}`];
  if (change.before && change.after) lines.push(`      was ${position(change.before)}`);
  if (change.paths.length > 0) {
    const more = change.paths.length > PATHS_SHOWN ? ` and ${change.paths.length - PATHS_SHOWN} more` : '';
    lines.push(`      at ${change.paths.slice(0, PATHS_SHOWN).join(', ')}${more}`);
  }
  for (const w of witness?.witnesses ?? []) {
    const { rejection: r } = w;
    const [valid, refusing] = w.validUnder === 'before' ? ['old', 'new'] : ['new', 'old'];
    lines.push(`      witness for ${witnessSide(w)}: a document valid under the ${valid} version; the ${refusing} one reports ${r.code} at ${r.line}:${r.column} ${r.path}: ${r.message}`);
  }
  if (witness?.none) lines.push(c.dim(`      no witness: ${witness.none}`));
  return lines;
}

function position(s: { file: string; line: number; column: number }): string {
  return `${s.file}:${s.line}:${s.column}`;
}

function summary(report: DiffReport, c: Colors): string {
  const { changes } = report;
  if (changes.length === 0) return `${report.before} -> ${report.after}: no changes; semver: none`;
  const count = (test: (x: SchemaChange) => boolean) => changes.filter(test).length;
  const parts = [
    `${count((x) => x.producers === 'breaking')} breaking producers`,
    `${count((x) => x.consumers === 'affected')} affecting consumers`,
    `${count((x) => x.apiBreaking)} breaking the generated API`,
    `${count((x) => x.kind === 'documentation-changed')} documentation only`,
  ];
  const semver = report.breaking ? c.red(`semver: ${report.semver} (breaking)`) : `semver: ${report.semver}`;
  return `${report.before} -> ${report.after}: ${changes.length} change${changes.length === 1 ? '' : 's'} (${parts.join(', ')}); ${semver}`;
}
