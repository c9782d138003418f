/**
 * What the tests need beyond node_modules, and what a test does when it is missing: on a
 * developer's machine it skips, saying why; with CI set it fails, since a green CI must mean the
 * tests ran (scripts/install-services.sh installs the services there, and CI lays ../shared beside
 * the checkout). test/ci/requirements.test.ts checks the whole list in one place.
 *
 *   describe.skipIf(skipUnlessCi(reason))(`... ${reason ? `: skipped, ${reason}` : ''}`, () => {...})
 *
 * runs the block in CI whatever the reason, so that it fails there on the missing service.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { it } from 'vitest';
import { chromiumUnavailable } from './chromium.js';
import { dovecotUnavailable } from './dovecot.js';
import { CORPUS_DIR, REPO_ROOT } from './paths.js';
import { sippUnavailable } from './pf-process.js';

export const IN_CI = Boolean(process.env.CI);

/** The reason to skip, for `skipIf`: the reason itself locally; nothing in CI, where the test must run (and fail). */
export function skipUnlessCi(reason: string | undefined): string | undefined {
  return IN_CI ? undefined : reason;
}

/**
 * For a block whose tests are made from material that may be absent (one test per corpus schema):
 * with the material absent there are no tests to skip, so this adds the one that says so, skipped
 * locally and failing in CI.
 */
export function testMissing(what: string, reason: string | undefined): void {
  if (reason === undefined) return;
  if (IN_CI) {
    it(`${what} (CI must run it)`, () => {
      throw new Error(`${reason}; CI must run every test`);
    });
  } else {
    it.skip(`${what}: skipped, ${reason}`, () => undefined);
  }
}

const SHARED_DIR = path.resolve(REPO_ROOT, '../shared');
const relative = (file: string) => path.relative(REPO_ROOT, file);

/** Why a file of the shared material cannot be read, or undefined when it is there. */
function sharedMissing(file: string, what: string): string | undefined {
  return existsSync(file) ? undefined : `${what} is absent (expected at ${relative(file)}, beside the checkout)`;
}

/** Why the shared corpus cannot be read, or undefined. */
export function corpusMissing(): string | undefined {
  return sharedMissing(CORPUS_DIR, 'the shared corpus');
}

export const SPEC_FILE = path.join(SHARED_DIR, 'spec/oma-cpm-evfw-cr.txt');

/** Why the source text cannot be read, or undefined. */
export function specMissing(): string | undefined {
  return sharedMissing(SPEC_FILE, 'the source text');
}

/** Every requirement, named, with why it is missing (or undefined): the list test/ci/ checks. */
export const REQUIREMENTS: readonly { readonly name: string; readonly missing: () => string | undefined }[] = [
  { name: 'the shared corpus of third-party XSDs', missing: corpusMissing },
  { name: 'the source text (the OMA change request)', missing: specMissing },
  { name: 'Dovecot, the Message Store', missing: dovecotUnavailable },
  { name: 'sipp, the SIP peer', missing: sippUnavailable },
  { name: 'Chromium, the browser', missing: chromiumUnavailable },
];
