/**
 * A schema the generator cannot read, printed like a diagnostic (position, source line, caret,
 * hint), for `validate --schema` and `generate` alike; and the generator's warnings.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { GeneratorError } from '@evfw/generator';
import type { Colors } from '../terminal.js';
import { excerptsFor } from './source-excerpt.js';
import { diagnosticBlock } from './text-report.js';

/** A warning of the generator (a GeneratorError given to onWarning) is printed the same way, as a warning. */
export function generatorErrorBlock(error: GeneratorError, c: Colors, severity: 'error' | 'warning' = 'error'): string {
  const { source } = error;
  const excerpt = source ? excerptsFor(readOrEmpty(source.file), [source])[0] : undefined;
  const d = { severity, code: error.code, message: error.detail, line: source?.line ?? 0, column: source?.column ?? 0, path: '', ...(error.hint ? { hint: error.hint } : {}) } as const;
  return diagnosticBlock(source ? shown(source.file) : 'evfw', d, excerpt, c);
}

/** The generator names files relative to the working directory; one outside it reads better absolute. */
function shown(file: string): string {
  return file.startsWith('../') ? path.resolve(file) : file;
}

/** Larger than any schema file the generator reads by default: the excerpt is not worth more. */
const MAX_EXCERPT_SOURCE_BYTES = 16 * 1024 * 1024;

/**
 * The file the error points into, which the generator has read already; it is read again only if
 * it is still a regular file of a schema's size (a FIFO swapped in meanwhile would block).
 */
function readOrEmpty(file: string): string {
  try {
    const stats = statSync(file);
    if (!stats.isFile() || stats.size > MAX_EXCERPT_SOURCE_BYTES) return '';
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
