/**
 * A large batch: worker threads give the same output, in the same order, as one thread; the
 * progress bar appears on a terminal and nowhere else.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleDocuments } from '../support/documents.js';
import { EVFW_BIN, jsonOf, runEvfw } from '../support/run-evfw.js';
import { skipUnlessCi } from '../support/requirements.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'evfw-cli-batch-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** 300 documents: every sample, then again, in folders of 50, valid and invalid interleaved. */
const batch = path.join(scratch, 'batch');
const samples = sampleDocuments();
for (let i = 0; i < 300; i++) {
  const doc = samples[i % samples.length]!;
  const folder = path.join(batch, `part-${Math.floor(i / 50)}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, `${String(i).padStart(3, '0')}-${path.basename(doc.name)}`), doc.bytes);
}

describe('evfw validate on a batch of 300 files', () => {
  it('gives the same JSON and text on 3 worker threads as in one thread', () => {
    const single = runEvfw(['validate', '--profile', 'xsd', '--format', 'json', '--jobs', '1', batch]);
    const workers = runEvfw(['validate', '--profile', 'xsd', '--format', 'json', '--jobs', '3', batch]);
    // No progress bar either: stderr is not a terminal.
    expect(workers.stderr).toBe('');
    expect(workers.status).toBe(single.status);
    expect(workers.stdout).toBe(single.stdout);
    const report = jsonOf(workers);
    expect(report.summary.files).toBe(300);
    const expectedValid = Array.from({ length: 300 }, (_, i) => samples[i % samples.length]!.expectValid);
    expect(report.files.map((f) => f.valid)).toEqual(expectedValid);

    const textSingle = runEvfw(['validate', '--profile', 'xsd', '--jobs', '1', batch]);
    const textWorkers = runEvfw(['validate', '--profile', 'xsd', '--jobs', '3', batch]);
    expect(textWorkers.stdout).toBe(textSingle.stdout);
    expect(textWorkers.stdout).toMatch(/300 files: \d+ valid, \d+ invalid/);
  });

  // util-linux script(1) gives the command a terminal; elsewhere its options differ.
  const script = spawnSync('script', ['--version'], { encoding: 'utf8' });
  const hasScript = script.status === 0 && script.stdout.includes('util-linux');
  it.skipIf(skipUnlessCi(hasScript ? undefined : 'no util-linux script(1)'))(`on a terminal, colours the output and shows a progress bar${hasScript ? '' : ' (skipped: util-linux script(1) is not available)'}`, () => {
    const env = { ...process.env };
    for (const name of ['CI', 'NO_COLOR', 'FORCE_COLOR']) delete env[name];
    const command = [process.execPath, EVFW_BIN, 'validate', '--jobs', '1', batch].map((a) => `'${a}'`).join(' ');
    const run = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { ...env, TERM: 'xterm' }, timeout: 60_000 });
    expect(run.stdout).toMatch(/validating .* \d+\/300 files/);
    expect(run.stdout).toContain('\u001b[');
    expect(run.stdout).toMatch(/300 files: /);
  });
});
