/**
 * The text format with `--quiet`: one line for a set of files that all have the expected verdict,
 * and the diagnostics only of the files that broke it. For a run over sample sets (`npm start`)
 * where success must be plain at a glance:
 *
 *   schemas/examples/valid: 52 files, all valid (profile xsd)
 *   schemas/examples/invalid: 96 files, all invalid as expected (profile xsd)
 *
 * and, when one sample does not do what its set promises, its diagnostics (or, for a file that
 * should have been refused, its name and verdict), then the line saying how many broke it.
 */
import { printable, type Profile } from '@evfw/runtime';
import type { Colors } from '../terminal.js';
import { summarize, unexpected, type Expectation, type FileResult } from '../validate/file-result.js';
import { reportedFile } from './file-name.js';
import { diagnosticBlock } from './text-report.js';

export interface QuietReportOptions {
  readonly colors: Colors;
  /** The verdict every file should have: --expect, else valid. */
  readonly expect: Expectation;
  /** Whether --expect was given, so the summary can say "as expected". */
  readonly expectGiven: boolean;
  /** The inputs as given on the command line, which name the set. */
  readonly inputs: readonly string[];
  readonly profile: Profile;
}

export function quietTextReport(results: readonly FileResult[], options: QuietReportOptions): string {
  const c = options.colors;
  const { expect } = options;
  const broken = unexpected(results, expect);
  const lines: string[] = [];
  for (const result of broken) {
    const file = reportedFile(result.file);
    // A file that should have been refused has no error to show: say so instead.
    if (expect === 'valid') result.diagnostics.forEach((d, i) => lines.push(diagnosticBlock(file, d, result.excerpts?.[i], c), ''));
    else lines.push(`${c.bold(printable(file))}: ${c.red(`valid, but --expect ${expect}`)}`);
  }
  const set = printable(options.inputs.map(reportedFile).join(' '));
  const files = count(results.length, 'file');
  const profile = c.dim(`(profile ${options.profile})`);
  if (broken.length === 0) {
    const warnings = summarize(results).warnings;
    const aside = warnings > 0 && expect === 'valid' ? `, ${count(warnings, 'warning')}` : '';
    lines.push(`${set}: ${files}, ${c.green(`all ${expect}${options.expectGiven ? ' as expected' : ''}`)}${aside} ${profile}`);
  } else {
    lines.push(`${set}: ${files}, ${c.red(`${broken.length} not ${expect}${options.expectGiven ? ` as --expect ${expect} requires` : ''}`)} ${profile}`);
  }
  return `${lines.join('\n')}\n`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
