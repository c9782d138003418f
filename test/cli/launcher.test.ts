/**
 * The evfw command runs its build (cli/dist, scripts/build-cli.mjs) and nothing else
 * (cli/bin/evfw.js): with no build, or one older than a file it was built from, it says so in
 * one line and exits with the usage status; installed from a package, which has no sources and
 * no list of inputs, it just runs.
 *
 * Everything happens in scratch copies, never in the repository's own cli/dist: the other test
 * files run that build at the same time, and would fail on a build made stale or under way.
 *   workspace/  cli/ (without dist) and scripts/build-cli.mjs copied, the root tsconfig files
 *               copied, node_modules and schemas linked to the repository's
 *   installed/  bin/, package.json and dist/ without inputs.json, as npm unpacks the CLI
 *               package, with node_modules linked to the repository's
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../cli/src/cli-error.js';
import { REPO_ROOT, SCHEMAS_DIR } from '../support/paths.js';
import { runEvfw, type EvfwRun } from '../support/run-evfw.js';

const MINIMAL = path.join(SCHEMAS_DIR, 'examples/valid/minimal.xml');
const VALID = path.join(SCHEMAS_DIR, 'examples/valid');
const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'cli/package.json'), 'utf8')) as { version: string };

let scratch: string;
let workspace: string;

beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'evfw-launcher-'));
  workspace = path.join(scratch, 'workspace');
  mkdirSync(path.join(workspace, 'scripts'), { recursive: true });
  cpSync(path.join(REPO_ROOT, 'scripts/build-cli.mjs'), path.join(workspace, 'scripts/build-cli.mjs'));
  cpSync(path.join(REPO_ROOT, 'cli'), path.join(workspace, 'cli'), { recursive: true, filter: (from) => from !== path.join(REPO_ROOT, 'cli/dist') });
  for (const name of readdirSync(REPO_ROOT)) {
    if (/^tsconfig.*\.json$/.test(name)) cpSync(path.join(REPO_ROOT, name), path.join(workspace, name));
  }
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(workspace, 'node_modules'), 'dir');
  // The build's warm-up run validates schemas/examples to fill the code cache.
  symlinkSync(SCHEMAS_DIR, path.join(workspace, 'schemas'), 'dir');
});

afterAll(() => {
  // Removes the links, not what they point to.
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

function buildWorkspace(): void {
  const run = spawnSync(process.execPath, [path.join(workspace, 'scripts/build-cli.mjs')], { cwd: workspace, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
}

const inWorkspace = (args: readonly string[]): EvfwRun =>
  runEvfw(args, { launcher: path.join(workspace, 'cli/bin/evfw.js'), cwd: REPO_ROOT, env: { EVFW_LAUNCH_TRACE: '1' } });

/** The launcher's refusal: one line on stderr, nothing on stdout, the usage status. */
function expectRefusal(run: EvfwRun, line: RegExp): void {
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(line);
  expect(run.stderr.split('\n')).toHaveLength(2);
  expect(run.status).toBe(EXIT.usage);
}

// In order: each test starts from the state the one before left.
describe('the evfw launcher in the workspace', () => {
  it('without a build, says so and how to make one', () => {
    expectRefusal(inWorkspace(['--version']), /^evfw: evfw\.cli\.not-built: evfw is not built \(no \S*cli\/dist\/main\.cjs\); run `npm run build`\n$/);
  });

  it('runs the build once made', () => {
    buildWorkspace();
    const run = inWorkspace(['--version']);
    expect(run.stderr).toMatch(/^evfw: running the build [0-9a-f]+\n$/);
    expect(run.stdout).toBe(`${version}\n`);
    expect(run.status).toBe(EXIT.ok);
  }, 60_000);

  it('refuses a build older than a file it was built from, naming the file, until built again', () => {
    const before = inWorkspace(['validate', '--profile', 'xsd', MINIMAL]);
    expect(before.status).toBe(EXIT.ok);

    appendFileSync(path.join(workspace, 'cli/src/cli-error.ts'), '// edited after the build\n');
    expectRefusal(
      inWorkspace(['validate', '--profile', 'xsd', MINIMAL]),
      /^evfw: evfw\.cli\.stale-build: cli\/src\/cli-error\.ts has changed since evfw was built; run `npm run build`\n$/,
    );

    buildWorkspace();
    const after = inWorkspace(['validate', '--profile', 'xsd', MINIMAL]);
    expect(after.stderr).toMatch(/^evfw: running the build [0-9a-f]+\n$/);
    expect(after.stdout).toBe(before.stdout);
    expect(after.status).toBe(EXIT.ok);
  }, 60_000);

  it('refuses a build whose list of inputs names another build (a build under way, or one that failed halfway)', () => {
    const inputs = path.join(workspace, 'cli/dist/inputs.json');
    const list = readFileSync(inputs, 'utf8');
    writeFileSync(inputs, list.replace(/^\{"build":"[0-9a-f]+"/, '{"build":"000000000000"'));
    try {
      expectRefusal(inWorkspace(['--version']), /^evfw: evfw\.cli\.stale-build: the build in \S*cli\/dist is incomplete \(a build is under way, or the last one failed\); run `npm run build`\n$/);
    } finally {
      writeFileSync(inputs, list);
    }
  });
});

describe('the evfw launcher as installed from the package', () => {
  let installed: string;
  const asInstalled = (args: readonly string[]): EvfwRun => runEvfw(args, { launcher: path.join(installed, 'bin/evfw.js'), cwd: installed });

  beforeAll(() => {
    buildWorkspace();
    installed = path.join(scratch, 'installed');
    const built = path.join(workspace, 'cli');
    cpSync(path.join(built, 'bin'), path.join(installed, 'bin'), { recursive: true });
    cpSync(path.join(built, 'package.json'), path.join(installed, 'package.json'));
    cpSync(path.join(built, 'dist'), path.join(installed, 'dist'), { recursive: true, filter: (from) => path.basename(from) !== 'inputs.json' });
    symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(installed, 'node_modules'), 'dir');
    // Were the launcher to check anything, the workspace it was built in is now stale too.
    appendFileSync(path.join(workspace, 'cli/src/cli-error.ts'), '// edited after the build\n');
  }, 60_000);

  it('runs without its sources or a list of inputs', () => {
    expect(readdirSync(path.join(installed, 'dist'))).not.toContain('inputs.json');
    const run = asInstalled(['--version']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`${version}\n`);
    expect(run.status).toBe(EXIT.ok);
  });

  it('validates a document, and a folder on a worker thread from dist/worker-entry.js', () => {
    const one = asInstalled(['validate', '--profile', 'xsd', MINIMAL]);
    expect(one.stderr).toBe('');
    expect(one.stdout).toMatch(/^1 file: 1 valid, 0 invalid/m);
    expect(one.status).toBe(EXIT.ok);

    const folder = asInstalled(['validate', '--profile', 'xsd', '--jobs', '2', VALID]);
    expect(folder.stderr).toBe('');
    expect(folder.stdout).toMatch(/^\d+ files: (\d+) valid, 0 invalid/m);
    expect(folder.status).toBe(EXIT.ok);
  });
});
