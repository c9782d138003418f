/**
 * check-examples: gives a verdict on every example document under schemas/examples/{valid,invalid}
 * and fails when a verdict contradicts the folder the file is in. Run by `npm start`, or alone:
 * `npx tsx scripts/check-examples.ts`.
 *
 * The verdict is libxml2's (scripts/libxml2-oracle.ts) until the project's own validator
 * exists; then the two must agree on every file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
const mismatches: string[] = [];
for (const expected of ['valid', 'invalid'] as const) {
  for (const file of xmlFiles(path.join(EXAMPLES, expected))) {
    const shown = path.relative(ROOT, file);
    const problem = oracle.verdict(readFileSync(file, 'utf8'));
    const verdict = problem === undefined ? 'valid' : 'invalid';
    counts[verdict] += 1;
    console.log(problem === undefined ? `valid   ${shown}` : `invalid ${shown}: ${problem}`);
    if (verdict !== expected) mismatches.push(`${shown} is ${verdict} but is under ${expected}/`);
  }
}
oracle.dispose();

for (const mismatch of mismatches) console.error(`expectation mismatch: ${mismatch}`);
const total = counts.valid + counts.invalid;
const summary = `${mismatches.length} expectation mismatch${mismatches.length === 1 ? '' : 'es'}`;
console.log(`${total} examples: ${counts.valid} valid, ${counts.invalid} invalid, ${summary}.`);
process.exit(mismatches.length > 0 || total === 0 ? 1 : 0);
