/**
 * xmllint's verdicts on the same tests, for the table `npm run conformance` prints beside
 * evfw's: one process per test (xmllint has no batch mode), each given the group's first schema
 * document (the others are reached through its imports and includes, as the suite lays them out).
 * A schema test checks an empty document: exit status 5 means the schema did not compile.
 * xmllint's exit status 3 is an invalid document.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { schemaHints, type Outcome, type TestResult } from './run-evfw.js';
import type { TestGroup } from './xsts-suite.js';

/** `xmllint: using libxml version 20914` as `libxml2 2.9.14`, or undefined when xmllint is not installed. */
export function xmllintVersion(): string | undefined {
  const run = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (run.error || run.status !== 0) return undefined;
  const digits = /libxml version (\d+)/.exec(run.stderr + run.stdout)?.[1];
  if (!digits) return 'libxml2';
  const n = Number(digits);
  return `libxml2 ${Math.floor(n / 10000)}.${Math.floor(n / 100) % 100}.${n % 100}`;
}

const SCHEMA_FAILED = 5;
/** Not xmllint's: a document checked against no schema, whose root no declaration covers. */
const NO_SCHEMA = 3;

export function runXmllint(groups: readonly TestGroup[]): TestResult[] {
  const empty = path.join(os.tmpdir(), `evfw-xsts-empty-${process.pid}.xml`);
  writeFileSync(empty, '<empty/>\n');
  const results: TestResult[] = [];
  for (const group of groups) {
    const schema = group.schemaFiles[0];
    if (group.schema) {
      const { id, expected } = group.schema;
      const outcome: Outcome = schema && xmllint(schema, empty) === SCHEMA_FAILED ? 'invalid' : 'valid';
      results.push({ id, kind: 'schema', expected, outcome, detail: '' });
    }
    for (const test of group.instances) {
      // As run-evfw.ts: the instance's own hint when the group gives no schema, else no schema at all (its root undeclared).
      const own = schema ?? schemaHints(test.file)[0];
      const status = own ? xmllint(own, test.file) : NO_SCHEMA;
      const outcome: Outcome = status === 0 ? 'valid' : status === SCHEMA_FAILED ? 'no schema' : 'invalid';
      results.push({ id: test.id, kind: 'instance', expected: test.expected, outcome, detail: '' });
    }
  }
  return results;
}

function xmllint(schema: string, document: string): number {
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, document], { stdio: 'ignore', timeout: 30_000 });
  return run.status ?? -1;
}
