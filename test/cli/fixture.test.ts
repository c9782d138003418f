/**
 * `evfw fixture`, run as a process: it writes the files it promises, the same seed writes the
 * same bytes, every valid file validates and every invalid one fails with the code its
 * manifest names.
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
  valid: string[];
  invalid: { file: string; fault: string; code: string }[];
}

function write(out: string, seed: number): Manifest {
  const run = runEvfw(['fixture', '--namespace', 'cpm-evfw', '--valid', '5', '--invalid', '24', '--seed', String(seed), '--out', out]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
}

describe('evfw fixture', () => {
  const first = path.join(scratch, 'a');
  const manifest = write(first, 11);

  it('writes the valid and invalid files it lists, invalid ones named after their fault', () => {
    expect(manifest.valid).toHaveLength(5);
    expect(manifest.invalid).toHaveLength(24);
    for (const entry of manifest.invalid) expect(path.basename(entry.file)).toMatch(new RegExp(`^${entry.fault}-\\d+\\.xml$`));
    expect(readdirSync(path.join(first, 'invalid')).sort()).toEqual(manifest.invalid.map((e) => path.basename(e.file)).sort());
  });

  it('writes documents that validate, and mutants that fail with the code the manifest names', () => {
    for (const file of manifest.valid) {
      const result = parseDocument(registry, undefined, readFileSync(path.join(first, file)));
      expect(result.diagnostics, file).toEqual([]);
    }
    for (const entry of manifest.invalid) {
      const result = parseDocument(registry, undefined, readFileSync(path.join(first, entry.file)));
      expect(result.ok, entry.file).toBe(false);
      expect(result.diagnostics[0]?.code, entry.file).toBe(entry.code);
    }
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
