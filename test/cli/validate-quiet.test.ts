/**
 * `evfw validate --quiet` and the sample check `npm start` ends with: one line a set of files
 * that all have the verdict expected of them, and the diagnostics only of those that do not.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, SCHEMAS_DIR } from '../support/paths.js';
import { runEvfw } from '../support/run-evfw.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'evfw-cli-quiet-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const sample = (name: string) => path.join(SCHEMAS_DIR, 'examples', name);

/** Two valid documents and one invalid one. */
const mixed = path.join(scratch, 'mixed');
mkdirSync(mixed);
for (const name of ['valid/minimal.xml', 'valid/app-event-only.xml', 'invalid/accuracy-negative.xml']) {
  writeFileSync(path.join(mixed, path.basename(name)), readFileSync(sample(name)));
}

describe('evfw validate --quiet', () => {
  it('says a set that meets its expectation in one line, naming the set and the profile', () => {
    const valid = runEvfw(['validate', '-q', '--profile', 'xsd', sample('valid')]);
    expect(valid.status).toBe(0);
    expect(valid.stdout).toMatch(/^\S+examples\/valid: \d+ files, all valid \(profile xsd\)\n$/);
    const invalid = runEvfw(['validate', '--quiet', '--profile', 'xsd', '--expect', 'invalid', sample('invalid')]);
    expect(invalid.status).toBe(0);
    expect(invalid.stdout).toMatch(/^\S+examples\/invalid: \d+ files, all invalid as expected \(profile xsd\)\n$/);
  });

  it('shows the diagnostics of the files that are not valid, and only theirs', () => {
    const run = runEvfw(['validate', '-q', mixed]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`${mixed}/accuracy-negative.xml:`);
    expect(run.stdout).not.toContain('minimal.xml');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(`${mixed}: 3 files, 1 not valid (profile spec)`);
  });

  it('names the files that should have been refused, and how many broke --expect invalid', () => {
    const run = runEvfw(['validate', '-q', '--expect', 'invalid', mixed]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      [`${mixed}/app-event-only.xml: valid, but --expect invalid`, `${mixed}/minimal.xml: valid, but --expect invalid`, `${mixed}: 3 files, 2 not invalid as --expect invalid requires (profile spec)`, ''].join('\n'),
    );
  });

  it('is a usage error with the JSON and SARIF formats, which programs filter for themselves', () => {
    const run = runEvfw(['validate', '-q', '--format', 'json', mixed]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--quiet');
    expect(run.stdout).toBe('');
  });
});

describe('the sample check npm start ends with', () => {
  it('prints one line per sample set, each saying the set met its expectation, and exits 0', () => {
    const run = spawnSync('bash', ['scripts/check-samples.sh'], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toMatch(/^schemas\/examples\/\S+: \d+ files?, all (valid|invalid as expected) \(profile (xsd|invite)\)$/);
  });
});
