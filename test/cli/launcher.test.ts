/**
 * The installed `evfw` runs the build in cli/dist only while every file it was built from is
 * unchanged, and the TypeScript sources otherwise, so an edit is never hidden by a stale build
 * (cli/bin/evfw.js, scripts/build-cli.mjs). EVFW_LAUNCH_TRACE makes the launcher say which.
 */
import { spawnSync } from 'node:child_process';
import { statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths.js';
import { runEvfw } from '../support/run-evfw.js';

const BUILD = path.join(REPO_ROOT, 'scripts/build-cli.mjs');
/** An input of the build that no test reads: only its modification time is changed, then restored. */
const SOURCE = path.join(REPO_ROOT, 'cli/src/cli-error.ts');

function build(): void {
  const run = spawnSync(process.execPath, [BUILD], { cwd: REPO_ROOT, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
}

const traced = (args: readonly string[]) => runEvfw(args, { env: { EVFW_LAUNCH_TRACE: '1', EVFW_FROM_SOURCES: undefined } });

describe('the evfw launcher', () => {
  const original = statSync(SOURCE);
  beforeAll(build, 60_000);
  afterAll(() => {
    utimesSync(SOURCE, original.atime, original.mtime);
    // Restored times may round; a fresh build makes the other tests' runs fast again.
    build();
  }, 60_000);

  it('runs the build when nothing has changed since it was made', () => {
    const run = traced(['--version']);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^evfw: running the build \w+$/m);
  });

  it('runs the sources once an input of the build has changed, with the same answer', () => {
    const fromBuild = traced(['validate', '--profile', 'xsd', 'schemas/examples/valid/minimal.xml']);
    utimesSync(SOURCE, new Date(), new Date(Date.now() + 60_000));
    const fromSources = traced(['validate', '--profile', 'xsd', 'schemas/examples/valid/minimal.xml']);
    expect(fromSources.stderr).toMatch(/^evfw: running the sources through tsx$/m);
    expect(fromSources.status).toBe(0);
    expect(fromSources.stdout).toBe(fromBuild.stdout);
  }, 30_000);

  it('runs the sources when asked to', () => {
    const run = runEvfw(['--version'], { env: { EVFW_LAUNCH_TRACE: '1', EVFW_FROM_SOURCES: '1' } });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^evfw: running the sources through tsx$/m);
  });
});
