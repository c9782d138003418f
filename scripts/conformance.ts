/**
 * `npm run conformance`: evfw on the W3C XML Schema Test Suite's Microsoft sets (XSD 1.0 tests),
 * a table per test set with xmllint's agreement beside evfw's when xmllint is installed
 * (scripts/install-services.sh installs it). The suite is unpacked into a cache folder outside
 * the repository (test/conformance/xsts-suite.ts).
 *
 *   npm run conformance                      the table
 *   npm run conformance -- --update-known    also rewrite test/conformance/known-disagreements.txt
 *   npm run conformance -- --no-xmllint      evfw alone (xmllint takes a process per test)
 *   npm run conformance -- --generate        also generate a package of every valid schema evfw accepts, and type-check them
 */
import { agrees, runEvfw } from '../test/conformance/run-evfw.js';
import { conformanceTable } from '../test/conformance/conformance-table.js';
import { changesAgainst, KNOWN_FILE, readKnown, writeKnown } from '../test/conformance/known-disagreements.js';
import { runGenerate } from '../test/conformance/run-generate.js';
import { runXmllint, xmllintVersion } from '../test/conformance/run-xmllint.js';
import { readSuite, unpackSuite } from '../test/conformance/xsts-suite.js';

const args = new Set(process.argv.slice(2));
for (const arg of args) {
  if (!['--update-known', '--no-xmllint', '--generate'].includes(arg)) {
    process.stderr.write(`conformance: unknown option ${arg}; the options are --update-known, --no-xmllint and --generate\n`);
    process.exit(2);
  }
}

const root = unpackSuite();
const suite = readSuite(root);
process.stderr.write(`conformance: ${suite.groups.length} test groups from ${root}; left out: ${[...suite.leftOut].map(([why, n]) => `${n} ${why}`).join(', ')}\n`);

let started = Date.now();
const results = runEvfw(suite);
const evfwSeconds = (Date.now() - started) / 1000;

const version = args.has('--no-xmllint') ? undefined : xmllintVersion();
let other: { name: string; results: ReturnType<typeof runXmllint> } | undefined;
if (version) {
  started = Date.now();
  other = { name: `xmllint (${version})`, results: runXmllint(suite.groups) };
  process.stderr.write(`conformance: xmllint took ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
} else if (!args.has('--no-xmllint')) {
  process.stderr.write('conformance: xmllint is not installed (apt-get install libxml2-utils): evfw alone\n');
}

process.stdout.write(`${conformanceTable(results, other)}\n\nevfw: ${results.length} tests in ${evfwSeconds.toFixed(1)} s, in process; ${results.filter((r) => !agrees(r)).length} disagreements.\n`);

const known = readKnown();
if (args.has('--update-known')) {
  const count = writeKnown(results, known);
  process.stdout.write(`${KNOWN_FILE}: ${count} known disagreements written.\n`);
} else {
  const changes = changesAgainst(known, results);
  if (changes.length > 0) process.stdout.write(`${changes.length} changes against the known list (run with --update-known after review):\n${changes.slice(0, 20).join('\n')}\n`);
}

if (args.has('--generate')) {
  const { tried, packages, failures, generateSeconds, typeCheckSeconds } = runGenerate(suite, results);
  const count = (kind: string) => failures.filter((f) => f.kind === kind).length;
  const byDetail = new Map<string, number>();
  for (const f of failures) byDetail.set(`${f.kind} ${f.detail}`, (byDetail.get(`${f.kind} ${f.detail}`) ?? 0) + 1);
  process.stdout.write(
    `\ngenerate: ${tried} valid schemas evfw accepts, in ${generateSeconds.toFixed(0)} s: ${packages} packages, ${count('refused')} refused, ${count('crash')} crashes; ` +
      `type-checked in ${typeCheckSeconds.toFixed(0)} s: ${count('type-error')} packages with type errors\n` +
      [...byDetail].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([what, n]) => `  ${n}\t${what}`).join('\n') + '\n',
  );
  for (const f of failures.slice(0, 10)) process.stdout.write(`  ${f.id}: ${f.kind} ${f.detail}\n`);
}
