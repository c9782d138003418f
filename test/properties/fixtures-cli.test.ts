/**
 * The acceptance run of issue 19 with its full numbers, through the command line a user runs:
 * `evfw fixture --valid 1000 --invalid 1000` in each profile (one seed each, as three seeds of
 * every profile would take about ten minutes), then `evfw validate --profile <p> --format json`
 * over what it wrote. Nothing crashes, every valid file has no error and no warning, and every
 * invalid file's first error is the code its manifest entry names. fixtures-profiles.test.ts
 * covers 20 seeds of every profile with fewer documents each.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runEvfw } from '../support/run-evfw.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'evfw-fixture-full-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const COUNT = 1000;
/** Each run: about 40 s to write on two cores, about as long again to validate. */
const TIMEOUT = 600_000;

interface Manifest {
  profile: string;
  valid: string[];
  invalid: { file: string; code: string }[];
}

interface ValidateReport {
  files: { file: string; valid: boolean; diagnostics: { code: string; severity: string }[] }[];
}

/** Validates a folder; the exit status says whether every file has the verdict expected. */
function validate(dir: string, profile: string, verdict: 'valid' | 'invalid'): ValidateReport & { status: number | null } {
  const run = runEvfw(['validate', '--profile', profile, '--format', 'json', '--expect', verdict, dir], { timeout: TIMEOUT });
  expect(run.stderr).toBe('');
  return { ...(JSON.parse(run.stdout) as ValidateReport), status: run.status };
}

describe.each([
  ['xsd', 1],
  ['spec', 2],
  ['invite', 3],
] as const)('evfw fixture --profile %s --seed %i --valid 1000 --invalid 1000', (profile, seed) => {
  it('writes files that evfw validate, in that profile, finds as the manifest says', { timeout: TIMEOUT * 2 }, () => {
    const out = path.join(scratch, profile);
    const run = runEvfw(['fixture', '--profile', profile, '--seed', String(seed), '--valid', String(COUNT), '--invalid', String(COUNT), '--out', out], { timeout: TIMEOUT });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.profile).toBe(profile);
    expect(manifest.valid).toHaveLength(COUNT);
    expect(manifest.invalid).toHaveLength(COUNT);

    const valid = validate(path.join(out, 'valid'), profile, 'valid');
    expect(valid.files).toHaveLength(COUNT);
    const reported = valid.files.filter((f) => f.diagnostics.length > 0).map((f) => `${f.file}: ${f.diagnostics.map((d) => d.code).join(', ')}`);
    expect(reported).toEqual([]);
    expect(valid.status).toBe(0);

    const invalid = validate(path.join(out, 'invalid'), profile, 'invalid');
    expect(invalid.status).toBe(0);
    const firstErrors = new Map(invalid.files.map((f) => [path.basename(f.file), f.diagnostics.find((d) => d.severity === 'error')?.code ?? 'valid']));
    const wrong = manifest.invalid.filter((e) => firstErrors.get(path.basename(e.file)) !== e.code).map((e) => `${e.file}: ${firstErrors.get(path.basename(e.file))}, not ${e.code}`);
    expect(wrong).toEqual([]);
  });
});
