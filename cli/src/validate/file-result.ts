/**
 * The verdict on one document, as every output format and the exit status see it, and the
 * totals of a run. Plain data, so that worker threads can send it back as it is.
 */
import type { Diagnostic } from '@evfw/runtime';
import type { SourceExcerpt } from '../report/source-excerpt.js';

export interface FileResult {
  /** The path as given, or as found under a given folder; `-` for stdin. */
  readonly file: string;
  /** No errors (and, with --deny-warnings, no warnings either). */
  readonly valid: boolean;
  readonly diagnostics: readonly Diagnostic[];
  /** The source line of each diagnostic, for the text format; parallel to `diagnostics`. */
  readonly excerpts?: readonly (SourceExcerpt | undefined)[];
  /** Set when the file could not be read: the run then ends with exit status 2. */
  readonly failure?: string;
}

export interface Summary {
  readonly files: number;
  readonly valid: number;
  readonly invalid: number;
  readonly errors: number;
  readonly warnings: number;
}

export type Expectation = 'valid' | 'invalid';

export function summarize(results: readonly FileResult[]): Summary {
  let valid = 0;
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    if (r.valid) valid++;
    for (const d of r.diagnostics) {
      if (d.severity === 'error') errors++;
      else warnings++;
    }
  }
  return { files: results.length, valid, invalid: results.length - valid, errors, warnings };
}

/** The files whose verdict is not the expected one. */
export function unexpected(results: readonly FileResult[], expect: Expectation): FileResult[] {
  return results.filter((r) => r.valid !== (expect === 'valid'));
}
