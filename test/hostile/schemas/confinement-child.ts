/**
 * Loads one schema set in a process of its own, for confinement.test.ts: the cases a test
 * process cannot survive if confinement fails (a FIFO blocks a synchronous read for ever,
 * /dev/zero fills memory), and the one that needs its own environment (/proc/self/environ
 * holds what the process started with, not what a test sets later).
 *
 *   tsx confinement-child.ts <entry.xsd> [options as JSON]
 *
 * Prints one JSON line: { ok: true, files } or the GeneratorError's { code, message, source, hint }.
 */
import { GeneratorError } from '../../../generator/src/errors.js';
import { loadSchemas } from '../../../generator/src/load/load-schemas.js';

const [entry, options] = process.argv.slice(2);
try {
  const documents = loadSchemas([entry!], JSON.parse(options ?? '{}') as Parameters<typeof loadSchemas>[1]);
  process.stdout.write(`${JSON.stringify({ ok: true, files: documents.map((d) => d.file) })}\n`);
} catch (error) {
  if (!(error instanceof GeneratorError)) throw error;
  process.stdout.write(`${JSON.stringify({ ok: false, code: error.code, message: error.message, source: error.source, hint: error.hint })}\n`);
}
