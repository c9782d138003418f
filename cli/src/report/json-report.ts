/**
 * The JSON format: one object on stdout, in exactly the shape the issue fixes, so scripts can
 * rely on it. With --expect, the summary also names the expectation and the files that broke it.
 */
import { unexpected, type Expectation, type FileResult, type Summary } from '../validate/file-result.js';
import { reportedFile } from './file-name.js';

export function jsonReport(results: readonly FileResult[], summary: Summary, expect?: Expectation): string {
  const files = results.map((r) => ({
    file: reportedFile(r.file),
    valid: r.valid,
    // `hint` only where a diagnostic has one, as the runtime's Diagnostic carries it.
    diagnostics: r.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, line: d.line, column: d.column, path: d.path, ...(d.hint ? { hint: d.hint } : {}) })),
  }));
  const extra = expect ? { expect, unexpected: unexpected(results, expect).map((r) => reportedFile(r.file)) } : {};
  return `${JSON.stringify({ files, summary: { ...summary, ...extra } })}\n`;
}
