/**
 * XSD 1.0 conformance, measured on the W3C XML Schema Test Suite's Microsoft sets (every
 * msMeta test set, about 9,700 schema tests and 4,700 instance tests), evfw in process: the
 * verdicts must match test/conformance/known-disagreements.txt exactly, so a change that makes a
 * test disagree fails here, and so does one that makes a listed test agree (take it off the list:
 * it only shrinks). `npm run conformance` prints the table, with xmllint's figures beside.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { changesAgainst, isExplained, readKnown } from './known-disagreements.js';
import { runEvfw } from './run-evfw.js';
import { readSuite, unpackSuite, XSTS_ARCHIVE } from './xsts-suite.js';
import { skipUnlessCi } from '../support/requirements.js';

const missing = existsSync(XSTS_ARCHIVE) ? undefined : `the W3C suite's archive is absent (expected at ../shared/w3c-xsd/xsts-ms.tar.xz)`;

describe('the list of known disagreements', () => {
  it('gives every test on it a reason: a decision (D-nn) or a disputed test', () => {
    const unexplained = [...readKnown()].filter(([, { reason }]) => !isExplained(reason)).map(([id, { reason }]) => `${id}: ${reason}`);
    expect(unexplained).toEqual([]);
  });
});

describe.skipIf(skipUnlessCi(missing))(`the W3C XML Schema Test Suite, msMeta XSD 1.0 tests${missing ? `: skipped, ${missing}` : ''}`, () => {
  it('gives the verdicts of the known list, and never crashes', { timeout: 180_000 }, () => {
    const suite = readSuite(unpackSuite());
    const results = runEvfw(suite);
    expect(results.length).toBeGreaterThan(14_000);
    expect(results.filter((r) => r.outcome === 'crash').map((r) => `${r.id}: ${r.detail}`)).toEqual([]);
    expect(changesAgainst(readKnown(), results)).toEqual([]);
  });
});
