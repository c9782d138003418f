/**
 * The report of one run: per input, a table of every case (MB/s, documents/s, peak memory above
 * the process's baseline and its ratio to the input's size, and for ours the ratio to libxmljs2
 * and to the floors), then the targets. The same tables as plain text for the terminal and as
 * Markdown for bench/RESULTS.md.
 */
import type { Input } from './inputs.js';
import type { Outcome, Row } from './result.js';
import type { Verdict } from './targets.js';
import { hostileMarkdown, hostileText } from './hostile/run-hostile.js';

export interface Report {
  readonly title: string;
  readonly notes: readonly string[];
  readonly inputs: readonly Input[];
  readonly rows: readonly Row[];
  readonly startup: Readonly<Record<string, Outcome>>;
  readonly verdicts: readonly Verdict[];
  /** The budgets of issue 17 as table lines, header first; empty when they were not measured. */
  readonly hostile: readonly string[][];
}

const HOSTILE_HEADING = 'Hostile schemas (issue 17 budgets; peers capped at 10 s)';

const HEADER = ['case', 'MB/s', 'documents/s', 'spread', 'peak above baseline', 'peak / input', 'steady peak', 'vs libxmljs2', 'vs byte scan', 'vs JSON.parse'];
/** The cases ours are compared with, in the order of the last three columns. */
const REFERENCES = ['libxmljs2', 'byte-scan', 'json-parse'];

function significant(value: number): string {
  if (value >= 1000) return Math.round(value).toLocaleString('en-US');
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value >= 1 ? value.toFixed(2) : value.toPrecision(2);
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

function cells(row: Row, input: Input, rows: readonly Row[]): string[] {
  const { outcome } = row;
  if (outcome.status !== 'ok') return [row.label, `${outcome.status} (${outcome.reason})`];
  const seconds = outcome.timing.msPerRun / 1000;
  const memory = outcome.memory;
  const above = memory ? memory.peakRss - memory.baselineRss : undefined;
  const ratios = REFERENCES.map((id) => {
    if (row.group !== 'ours' || row.via !== 'in-process') return '';
    const other = rows.find((r) => r.caseId === id && r.inputId === input.id)?.outcome;
    return other?.status === 'ok' ? `${significant(other.timing.msPerRun / outcome.timing.msPerRun)}x` : 'n/a';
  });
  const label = outcome.version ? `${row.label} ${outcome.version}` : row.label;
  const { samples } = outcome.timing;
  const spread = samples.length > 1 ? `${Math.round(((Math.max(...samples) - Math.min(...samples)) / outcome.timing.msPerRun) * 100)}%` : 'n/a';
  return [
    label,
    significant(input.bytes / 1e6 / seconds),
    significant(input.documents / seconds),
    spread,
    above === undefined ? 'n/a' : `${megabytes(above)}${memory?.peakReset === false ? ' (peak not reset)' : ''}`,
    above === undefined ? 'n/a' : `${(above / input.bytes).toFixed(1)}x`,
    memory?.steadyPeakRss === undefined ? 'n/a' : megabytes(memory.steadyPeakRss - memory.baselineRss),
    ...ratios,
  ];
}

function inputHeading(input: Input): string {
  const documents = input.documents === 1 ? '1 document' : `${input.documents.toLocaleString('en-US')} documents`;
  return `${input.label}: ${documents}, ${input.events.toLocaleString('en-US')} events, ${input.bytes.toLocaleString('en-US')} bytes of XML (${input.jsonBytes.toLocaleString('en-US')} as JSON)`;
}

function textTable(lines: readonly string[][]): string {
  const widths = HEADER.map((_, c) => Math.max(...lines.filter((l) => l.length === HEADER.length).map((l) => l[c]!.length)));
  return lines
    .map((line) => (line.length === HEADER.length ? line.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ') : `${line[0]!.padEnd(widths[0]!)}  ${line[1]}`).trimEnd())
    .join('\n');
}

function markdownTable(lines: readonly string[][]): string {
  const row = (cellsOfRow: readonly string[]) => `| ${cellsOfRow.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  const padded = lines.map((line) => (line.length === HEADER.length ? line : [line[0]!, line[1]!, ...HEADER.slice(2).map(() => '')]));
  return [row(padded[0]!), row(HEADER.map((_, c) => (c === 0 ? '---' : '---:'))), ...padded.slice(1).map(row)].join('\n');
}

function sections(report: Report): { heading: string; lines: string[][] }[] {
  return report.inputs.map((input) => {
    const rows = report.rows.filter((r) => r.inputId === input.id);
    return { heading: inputHeading(input), lines: [HEADER, ...rows.map((r) => cells(r, input, report.rows))] };
  });
}

function startupLines(report: Report): string[] {
  return Object.entries(report.startup).map(([name, outcome]) =>
    outcome.status === 'ok'
      ? `${name}: ${outcome.timing.msPerRun.toFixed(1)} ms (median of ${outcome.timing.samples.length})`
      : `${name}: ${outcome.status} (${outcome.reason})`,
  );
}

const verdictLine = (v: Verdict) => `${v.verdict.padEnd(7)} ${v.target}: ${v.detail}`;

export function renderText(report: Report): string {
  const parts = [report.title, ...report.notes.map((n) => `  ${n}`), ''];
  for (const { heading, lines } of sections(report)) parts.push(heading, textTable(lines), '');
  parts.push('Start-up', ...startupLines(report).map((l) => `  ${l}`), '', 'Targets (issue 8)', ...report.verdicts.map(verdictLine));
  if (report.hostile.length > 1) parts.push('', HOSTILE_HEADING, hostileText(report.hostile));
  return parts.join('\n');
}

export function renderMarkdown(report: Report): string {
  const parts = [`## ${report.title}`, '', ...report.notes.map((n) => `- ${n}`), ''];
  for (const { heading, lines } of sections(report)) parts.push(`### ${heading}`, '', markdownTable(lines), '');
  parts.push('### Start-up', '', ...startupLines(report).map((l) => `- ${l}`), '', '### Targets (issue 8)', '');
  parts.push(...report.verdicts.map((v) => `- **${v.verdict}** ${v.target}: ${v.detail}`), '');
  if (report.hostile.length > 1) parts.push(`### ${HOSTILE_HEADING}`, '', hostileMarkdown(report.hostile), '');
  return parts.join('\n');
}
