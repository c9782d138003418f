/**
 * scripts/install-services.sh on a machine where it cannot install anything (no apt-get on the
 * PATH it is given): with CI set it fails, saying why; without, it says why and exits 0, so a
 * developer's machine still runs every other test.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths.js';

const SCRIPT = path.join(REPO_ROOT, 'scripts/install-services.sh');
/** A PATH with nothing on it: neither the services' commands nor apt-get. */
const empty = mkdtempSync(path.join(os.tmpdir(), 'evfw-empty-path-'));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

function install(ci: boolean) {
  const env: NodeJS.ProcessEnv = { PATH: empty, HOME: os.tmpdir() };
  if (ci) env.CI = 'true';
  return spawnSync('/bin/bash', [SCRIPT], { env, encoding: 'utf8' });
}

describe('scripts/install-services.sh when it cannot install', () => {
  it('fails with CI set, naming what is missing and why', () => {
    const run = install(true);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/cannot install .*sip-tester.*: apt-get not found/);
    expect(run.stderr).toContain('CI is set');
  });

  it('exits 0 without CI, saying the tests that need them will be skipped', () => {
    const run = install(false);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('will be skipped');
  });
});
