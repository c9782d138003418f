/**
 * The checked-in list of tests on which evfw and the suite disagree (known-disagreements.txt),
 * each with evfw's outcome and a reason. The CI test fails on any change against it: a new
 * disagreement, a listed test that now agrees (take it off: the list only shrinks), or a listed
 * test whose outcome changed. `npm run conformance -- --update-known` rewrites it from a run.
 *
 * One line a test, tab-separated: `id  outcome  reason`. Lines starting with # are comments. A
 * reason starting `D-nn:` (a decision) or `disputed:` (the test itself is in question) is written
 * by hand and kept by a rewrite; a rewrite marks any other `unexplained:`, which the list's test
 * refuses: every disagreement that stays has its reason.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { agrees, type TestResult } from './run-evfw.js';

export const KNOWN_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'known-disagreements.txt');

export interface Known {
  readonly outcome: string;
  readonly reason: string;
}

export function readKnown(file = KNOWN_FILE): Map<string, Known> {
  const known = new Map<string, Known>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [id = '', outcome = '', reason = ''] = line.split('\t');
    known.set(id, { outcome, reason });
  }
  return known;
}

/** What changed against the list: each a line a reader can act on. */
export function changesAgainst(known: ReadonlyMap<string, Known>, results: readonly TestResult[]): string[] {
  const changes: string[] = [];
  for (const result of results) {
    const listed = known.get(result.id);
    if (agrees(result)) {
      if (listed) changes.push(`${result.id}: now agrees (expected ${result.expected}): take it off the list`);
    } else if (!listed) {
      changes.push(`${result.id}: new disagreement: expected ${result.expected}, evfw says ${result.outcome}${result.detail ? ` (${result.detail})` : ''}`);
    } else if (listed.outcome !== result.outcome) {
      changes.push(`${result.id}: evfw now says ${result.outcome}${result.detail ? ` (${result.detail})` : ''}, the list says ${listed.outcome}`);
    }
  }
  return changes;
}

/**
 * What evfw did, for a disagreement nobody has explained yet: a rewrite writes it, and the list's
 * own test refuses it until a reason of a decision (`D-nn: ...`) or a disputed test replaces it.
 */
export function reasonFor(result: TestResult): string {
  const detail = result.detail ? ` (${result.detail})` : '';
  const what =
    result.outcome === 'crash' ? `crash${detail}`
    : result.outcome === 'unsupported' ? `construct not supported${detail}`
    : result.kind === 'schema' ? (result.expected === 'invalid' ? 'invalid schema accepted' : `valid schema refused${detail}`)
    : result.outcome === 'no schema' ? `its schema is refused${detail}`
    : result.expected === 'invalid' ? 'invalid document accepted' : `valid document refused${detail}`;
  return `unexplained: ${what}`;
}

const HAND_WRITTEN = /^(D-\d+|disputed)\b/;

/** A reason that names a decision in DECISIONS.md (`D-nn: ...`) or says the test is disputed. */
export function isExplained(reason: string): boolean {
  return HAND_WRITTEN.test(reason);
}

export function writeKnown(results: readonly TestResult[], previous: ReadonlyMap<string, Known>, file = KNOWN_FILE): number {
  const lines = results
    .filter((r) => !agrees(r))
    .map((r) => {
      const listed = previous.get(r.id);
      // A reason written by hand (a decision, `D-nn: ...`, or `disputed: ...`) survives a rewrite while the outcome holds.
      const reason = listed && listed.outcome === r.outcome && isExplained(listed.reason) ? listed.reason : reasonFor(r);
      return `${r.id}\t${r.outcome}\t${reason}`;
    });
  const header = [
    '# Tests of the W3C XML Schema Test Suite (msMeta, XSD 1.0) on which evfw disagrees with the',
    '# expected result: id, evfw\'s outcome, reason. Checked by test/conformance/msmeta.test.ts; the',
    '# list only shrinks. Rewrite with `npm run conformance -- --update-known`, then review the diff.',
  ];
  writeFileSync(file, `${[...header, ...lines].join('\n')}\n`);
  return lines.length;
}
