/**
 * `npm run bench`'s command line (bench/run.ts), run as a process before it measures anything:
 * --help lists every case and input id and ends at once; an unknown option or id is a usage
 * error in one line, not a stack trace (issue 19, item 9).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CASES } from '../../bench/catalogue.js';
import { INPUT_SPECS } from '../../bench/inputs.js';
import { FROM_SOURCES, REPO_ROOT } from '../support/paths.js';

const bench = (args: readonly string[]) =>
  spawnSync(process.execPath, [FROM_SOURCES, '--import', 'tsx', path.join(REPO_ROOT, 'bench', 'run.ts'), ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });

describe('the bench command line', () => {
  it('--help names every case and input and exits 0 without measuring', () => {
    const run = bench(['--help']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    for (const id of [...CASES.map((c) => c.id), 'evfw-cli', 'xmllint-cli', 'hostile', ...INPUT_SPECS.map((s) => s.id)]) expect(run.stdout).toContain(id);
  });

  it.each([
    [['--bogus'], /^bench: Unknown option '--bogus'/],
    [['--cases', 'evfw-validate,nope'], /^bench: --cases: unknown "nope"; known: evfw-parse, /],
    [['--inputs', '2k'], /^bench: --inputs: unknown "2k"; known: 1k, 100k, 10m, batch$/m],
  ])('%j is a usage error: exit 2, one line and the usage, no stack', (args, message) => {
    const run = bench(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('usage: npm run bench');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
