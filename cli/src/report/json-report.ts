/**
 * The JSON format: one object on stdout, in exactly the shape the issue fixes, so scripts can
 * rely on it. With --expect, the summary also names the expectation and the files that broke it.
 */
import { unexpected, type Expectation, type FileResult, type Summary } from '../validate/file-result.js';

export function jsonReport(results: readonly FileResult[], summary: Summary, expect?: Expectation): string {
  const files = results.map((r) => ({
    file: r.file,
    valid: r.valid,
    diagnostics: r.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, line: d.line, column: d.column, path: d.path })),
  }));
  const extra = expect ? { expect, unexpected: unexpected(results, expect).map((r) => r.file) } : {};
  return `${JSON.stringify({ files, summary: { ...summary, ...extra } })}\n`;
}
