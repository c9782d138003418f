/**
 * check-examples: gives evfw's verdict on every example document under
 * schemas/examples/{valid,invalid}, with the first diagnostic of each invalid one, and fails
 * when a verdict contradicts the folder the file is in, or when libxml2 (the reference,
 * scripts/libxml2-oracle.ts) disagrees. Run by `npm start`, or alone: `npx tsx scripts/check-examples.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { registry } from '../generated/src/registry.js';
import { formatDiagnostic, parseDocument } from '../runtime/src/index.js';
import { Libxml2Oracle } from './libxml2-oracle.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLES = path.join(ROOT, 'schemas', 'examples');

/** The .xml files under `dir`, recursively, in a stable order. */
function xmlFiles(dir: string): string[] {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? xmlFiles(full) : entry.name.endsWith('.xml') ? [full] : [];
  });
}

const oracle = new Libxml2Oracle();
const counts = { valid: 0, invalid: 0 };
const problems: string[] = [];
for (const expected of ['valid', 'invalid'] as const) {
  for (const file of xmlFiles(path.join(EXAMPLES, expected))) {
    const shown = path.relative(ROOT, file);
    const bytes = readFileSync(file);
    const result = parseDocument(registry, undefined, new Uint8Array(bytes));
    const verdict = result.ok ? 'valid' : 'invalid';
    counts[verdict] += 1;
    const first = result.diagnostics.find((d) => d.severity === 'error');
    console.log(result.ok ? `valid   ${shown}` : `invalid ${first ? formatDiagnostic(first, shown) : shown}`);
    if (verdict !== expected) problems.push(`${shown} is ${verdict} but is under ${expected}/`);
    const reference = oracle.verdict(bytes.toString('utf8'));
    if ((reference === undefined) !== result.ok) problems.push(`${shown}: libxml2 says ${reference ?? 'valid'}`);
  }
}
oracle.dispose();

for (const problem of problems) console.error(`mismatch: ${problem}`);
const total = counts.valid + counts.invalid;
const summary = `${problems.length} mismatch${problems.length === 1 ? '' : 'es'}`;
console.log(`${total} examples: ${counts.valid} valid, ${counts.invalid} invalid (evfw's verdict; libxml2 agrees unless listed), ${summary}.`);
process.exit(problems.length > 0 || total === 0 ? 1 : 0);
