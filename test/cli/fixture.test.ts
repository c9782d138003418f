/**
 * `evfw fixture`, run as a process: it writes the files it promises, the same seed writes the
 * same bytes, every valid file validates in the profile asked for (default spec, as validate's)
 * and every invalid one fails there with the code its manifest names; its summary tells fault
 * kinds with no place from kinds not asked for.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registry } from '../../generated/src/registry.js';
import { parseDocument } from '../../runtime/src/index.js';
import { runEvfw } from '../support/run-evfw.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'evfw-fixture-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Manifest {
  profile: string;
  valid: string[];
  invalid: { file: string; fault: string; code: string }[];
  inapplicable: string[];
  notAsked: string[];
}

type Profile = 'xsd' | 'spec' | 'invite';

function write(out: string, seed: number, extra: readonly string[] = []): { manifest: Manifest; stdout: string } {
  const run = runEvfw(['fixture', '--namespace', 'cpm-evfw', '--valid', '5', '--invalid', '24', '--seed', String(seed), '--out', out, ...extra]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return { manifest: JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest, stdout: run.stdout };
}

/** Every valid file has no diagnostic in the profile; every invalid one's first error there is its manifest code. */
function expectVerdicts(out: string, manifest: Manifest, profile: Profile): void {
  for (const file of manifest.valid) {
    const result = parseDocument(registry, undefined, readFileSync(path.join(out, file)), { profile });
    expect(result.diagnostics, file).toEqual([]);
  }
  for (const entry of manifest.invalid) {
    const result = parseDocument(registry, undefined, readFileSync(path.join(out, entry.file)), { profile });
    expect(result.ok, entry.file).toBe(false);
    expect(result.diagnostics.find((d) => d.severity === 'error')?.code, entry.file).toBe(entry.code);
  }
}

describe('evfw fixture', () => {
  const first = path.join(scratch, 'a');
  const { manifest, stdout } = write(first, 11);

  it('writes the valid and invalid files it lists, invalid ones named after their fault', () => {
    expect(manifest.valid).toHaveLength(5);
    expect(manifest.invalid).toHaveLength(24);
    for (const entry of manifest.invalid) expect(path.basename(entry.file)).toMatch(new RegExp(`^${entry.fault}-\\d+\\.xml$`));
    expect(readdirSync(path.join(first, 'invalid')).sort()).toEqual(manifest.invalid.map((e) => path.basename(e.file)).sort());
  });

  it('writes documents that validate in the spec profile, and mutants that fail there with the code the manifest names', () => {
    expect(manifest.profile).toBe('spec');
    expectVerdicts(first, manifest, 'spec');
    expect(manifest.invalid.map((e) => e.fault)).toContain('rule-one-of-identifications');
  });

  it('says which fault kinds have no place, and nothing of the others', () => {
    expect(manifest.inapplicable).toEqual(['value-outside-enumeration', 'duplicate-id']);
    expect(manifest.notAsked).toEqual([]);
    expect(stdout).toContain('Not placeable: the schema offers no place for value-outside-enumeration, duplicate-id in any document drawn.');
    // Only the two kinds with no place are called that; a kind that only missed its turn is not.
    expect(stdout.split('\n').filter((line) => /place/i.test(line))).toHaveLength(1);
    expect(stdout).not.toMatch(/no place for [^\n]*(unknown-element|rule-)/);
  });

  it('with --invalid 0, says nothing about fault kinds', () => {
    const out = path.join(scratch, 'none');
    const run = runEvfw(['fixture', '--valid', '3', '--invalid', '0', '--seed', '2', '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).not.toMatch(/place|fault kind|No file yet/i);
    const none = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
    expect(none.inapplicable).toEqual([]);
    expect(none.notAsked.length).toBeGreaterThan(17);
  });

  it.each(['xsd', 'invite'] as const)('with --profile %s, writes files valid and invalid in that profile, and records it', (profile) => {
    const out = path.join(scratch, profile);
    const written = write(out, 5, ['--profile', profile]);
    expect(written.manifest.profile).toBe(profile);
    expectVerdicts(out, written.manifest, profile);
    const ruleKinds = written.manifest.invalid.map((e) => e.fault).filter((f) => f.startsWith('rule-'));
    if (profile === 'xsd') expect(ruleKinds).toEqual([]);
    else expect(ruleKinds).toContain('rule-required-child');
  });

  it('writes the unknown-element mutants it once crashed on (issue 19)', () => {
    const out = path.join(scratch, 'unknown-element');
    const run = runEvfw(['fixture', '--fault', 'unknown-element', '--valid', '0', '--invalid', '10', '--seed', '1', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const written = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
    expect(written.invalid).toHaveLength(10);
    expectVerdicts(out, written, 'spec');
  });

  it('refuses a rule fault kind the profile has no rule for, with exit status 2', () => {
    const run = runEvfw(['fixture', '--profile', 'xsd', '--fault', 'rule-uri', '--out', path.join(scratch, 'd')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('the xsd profile applies no rule that rule-uri can break');
    expect(run.stderr).toContain('--profile spec');
  });

  it('writes the same bytes for the same seed', () => {
    const second = path.join(scratch, 'b');
    write(second, 11);
    for (const file of [...manifest.valid, ...manifest.invalid.map((e) => e.file), 'manifest.json']) {
      expect(readFileSync(path.join(second, file), 'utf8'), file).toBe(readFileSync(path.join(first, file), 'utf8'));
    }
  });

  it('refuses an unknown namespace with exit status 2', () => {
    const run = runEvfw(['fixture', '--namespace', 'no-such-module', '--valid', '1', '--out', path.join(scratch, 'c')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no-such-module');
  });
});
