/**
 * The text format, read like a compiler's: one block per diagnostic, then a summary line.
 *
 *   imdn/status-value-with-text.xml:7:24: error evfw.content.text: <delivered> must be empty: no text, not even whitespace
 *     7 |     <status><delivered>yes</delivered></status>
 *       |                        ^
 *       = at /imdn/delivery-notification[1]/status[1]/delivered[1]
 *       = hint: write <delivered .../>
 *
 * `file:line:column: severity code: message` is the first line so editors and CI annotators
 * that understand GCC's format jump to the position.
 */
import { printable, type Severity } from '@evfw/runtime';
import type { Colors } from '../terminal.js';
import { unexpected, type Expectation, type FileResult, type Summary } from '../validate/file-result.js';
import { reportedFile } from './file-name.js';
import type { SourceExcerpt } from './source-excerpt.js';

export interface TextReportOptions {
  readonly colors: Colors;
  readonly expect?: Expectation;
}

export function textReport(results: readonly FileResult[], summary: Summary, options: TextReportOptions): string {
  const c = options.colors;
  const blocks: string[] = [];
  for (const result of results) {
    const file = reportedFile(result.file);
    result.diagnostics.forEach((d, i) => blocks.push(diagnosticBlock(file, d, result.excerpts?.[i], c)));
  }
  const lines = blocks.length > 0 ? [blocks.join('\n\n'), ''] : [];
  const broken = options.expect ? unexpected(results, options.expect) : [];
  for (const r of broken) lines.push(`${c.bold(printable(reportedFile(r.file)))}: ${c.red(`${verdict(r)}, but --expect ${options.expect}`)}`);
  lines.push(summaryLine(summary, c, options.expect, broken.length));
  return `${lines.join('\n')}\n`;
}

/** What a block shows: a diagnostic of a document, or an error of the generator in a schema. */
export interface Reportable {
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly path: string;
  readonly hint?: string;
}

/**
 * The runtime already shows document text through one escaping (printable); the report applies
 * it again to everything it prints from a diagnostic, so that no message, from any producer, can
 * put a line break or a terminal escape sequence on the terminal. Escaped text is unchanged by it.
 */
export function diagnosticBlock(file: string, d: Reportable, excerpt: SourceExcerpt | undefined, c: Colors): string {
  const where = d.line > 0 ? `${printable(file)}:${d.line}:${d.column}` : printable(file);
  const severity = d.severity === 'error' ? c.bold(c.red('error')) : c.bold(c.yellow('warning'));
  const lines = [`${c.bold(`${where}:`)} ${severity} ${c.dim(printable(d.code))}: ${c.bold(printable(d.message))}`];
  const gutter = excerpt ? String(excerpt.line).length : 1;
  const pad = ' '.repeat(gutter + 2);
  if (excerpt) {
    lines.push(`${c.blue(`  ${excerpt.line} |`)} ${excerpt.text}`);
    lines.push(`${c.blue(`${pad} |`)} ${d.severity === 'error' ? c.red(excerpt.marker) : c.yellow(excerpt.marker)}`);
  }
  if (d.path) lines.push(`${c.blue(`${pad} =`)} at ${printable(d.path)}`);
  if (d.hint) lines.push(`${c.blue(`${pad} =`)} ${c.bold('hint')}: ${printable(d.hint)}`);
  return lines.join('\n');
}

/** `3 files: 2 valid, 1 invalid (4 errors, 0 warnings)`, and how the run met --expect. */
export function summaryLine(s: Summary, c: Colors, expect: Expectation | undefined, broken: number): string {
  const counts = `${count(s.files, 'file')}: ${c.green(`${s.valid} valid`)}, ${s.invalid > 0 ? c.red(`${s.invalid} invalid`) : `${s.invalid} invalid`} (${count(s.errors, 'error')}, ${count(s.warnings, 'warning')})`;
  if (!expect) return counts;
  if (broken === 0) return `${counts}; ${c.green(`every file is ${expect}, as --expect ${expect} requires`)}`;
  return `${counts}; ${c.red(`${count(broken, 'file')} ${broken === 1 ? 'is' : 'are'} not ${expect}, as --expect ${expect} requires`)}`;
}

function verdict(r: FileResult): string {
  return r.valid ? 'valid' : 'invalid';
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
