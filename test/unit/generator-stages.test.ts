/**
 * Every stage of the generator has a test of its own (issue 20, item 1). The stages are the ones
 * the header of generator/src/index.ts names, one a line: `<stage>  <file or folder>  <what it
 * does>`. A stage file `dir/name.ts` needs `test/unit/dir/name.test.ts`; a glob of files
 * (`transform/*.ts`) needs one test per file; a folder (`emit/*`) needs a test folder
 * `test/unit/emit/` with tests in it (its emitters are also checked whole by the golden and
 * drift tests).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths.js';

interface Stage {
  readonly name: string;
  /** As written in the header, relative to the package's src/. */
  readonly paths: readonly string[];
}

/** The stage table of the header comment of index.ts: lines of columns two or more spaces apart. */
function stagesOf(indexText: string): Stage[] {
  const header = /^\/\*\*([\s\S]*?)\*\//.exec(indexText)?.[1] ?? '';
  const stages: Stage[] = [];
  for (const raw of header.split('\n')) {
    const line = raw.replace(/^\s*\*/, '');
    // A row: indented, then the stage's name, its file column and its description.
    const columns = /^\s{2,}(\S.*?)\s{2,}(\S.*?)(?:\s{2,}|$)/.exec(line);
    if (!columns) continue;
    const paths = columns[2]!.split(/[,\s]+/).filter((token) => token.includes('/'));
    if (paths.length > 0) stages.push({ name: columns[1]!, paths });
  }
  return stages;
}

/**
 * What is wrong with the stages' tests: a named file or folder that does not exist, or one
 * without its test. `srcDir` is the package's src/, `testDir` is test/unit.
 */
function stageTestProblems(stages: readonly Stage[], srcDir: string, testDir: string): string[] {
  const problems: string[] = [];
  // Shown from the repository root: test/unit/...
  const shown = (p: string) => path.relative(path.dirname(path.dirname(testDir)), p).split(path.sep).join('/');
  const needTest = (stage: Stage, file: string) => {
    const test = path.join(testDir, file.replace(/\.ts$/, '.test.ts'));
    if (!existsSync(test)) problems.push(`${stage.name}: ${file} has no test ${shown(test)}`);
  };
  for (const stage of stages) {
    for (const written of stage.paths) {
      if (written.endsWith('/*.ts')) {
        const folder = written.slice(0, -'/*.ts'.length);
        if (!isFolder(path.join(srcDir, folder))) {
          problems.push(`${stage.name}: ${written} names no folder`);
          continue;
        }
        for (const file of readdirSync(path.join(srcDir, folder)).filter((f) => f.endsWith('.ts')).sort()) needTest(stage, `${folder}/${file}`);
      } else if (written.endsWith('/*') || written.endsWith('/')) {
        const folder = written.replace(/\/\*?$/, '');
        if (!isFolder(path.join(srcDir, folder))) problems.push(`${stage.name}: ${written} names no folder`);
        else if (!hasTests(path.join(testDir, folder))) problems.push(`${stage.name}: ${written} has no tests in ${shown(path.join(testDir, folder))}/`);
      } else if (!existsSync(path.join(srcDir, written))) {
        problems.push(`${stage.name}: ${written} does not exist`);
      } else {
        needTest(stage, written);
      }
    }
  }
  return problems;
}

function isFolder(p: string): boolean {
  return existsSync(p) && statSync(p).isDirectory();
}

function hasTests(folder: string): boolean {
  return isFolder(folder) && readdirSync(folder, { recursive: true, encoding: 'utf8' }).some((f) => f.endsWith('.test.ts'));
}

describe('the generator stages named in the header of generator/src/index.ts', () => {
  const stages = stagesOf(readFileSync(path.join(REPO_ROOT, 'generator/src/index.ts'), 'utf8'));

  it('are read from the header', () => {
    // Fewer would mean the header's table changed shape and this test reads nothing.
    expect(stages.length, 'the header names its stages as `<stage>  <file>  <what it does>`').toBeGreaterThanOrEqual(5);
    expect(stages.map((s) => s.name)).toEqual(expect.arrayContaining(['load', 'read', 'assemble', 'transforms', 'lower', 'emit']));
  });

  it('each have a test of the same name under test/unit', () => {
    expect(stageTestProblems(stages, path.join(REPO_ROOT, 'generator/src'), path.join(REPO_ROOT, 'test/unit'))).toEqual([]);
  });
});

describe('the check itself', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'evfw-stages-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const touch = (file: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), '');
  };
  for (const file of ['src/load/load.ts', 'src/steps/one.ts', 'src/steps/two.ts', 'src/out/emit.ts', 'test/unit/load/load.test.ts', 'test/unit/steps/one.test.ts']) touch(file);
  const header = [
    '/**',
    ' * The pipeline:',
    ' *',
    ' *   load       load/load.ts     reads',
    ' *   steps      steps/*.ts       in order',
    ' *   out        out/*            writes',
    ' *   gone       gone/gone.ts     was here',
    ' */',
    'import x from "y";',
  ].join('\n');

  it('reads each row of the table, and nothing else', () => {
    expect(stagesOf(header)).toEqual([
      { name: 'load', paths: ['load/load.ts'] },
      { name: 'steps', paths: ['steps/*.ts'] },
      { name: 'out', paths: ['out/*'] },
      { name: 'gone', paths: ['gone/gone.ts'] },
    ]);
  });

  it('names a file of a glob without its test, a folder without tests, and a file that is not there', () => {
    expect(stageTestProblems(stagesOf(header), path.join(dir, 'src'), path.join(dir, 'test/unit'))).toEqual([
      'steps: steps/two.ts has no test test/unit/steps/two.test.ts',
      'out: out/* has no tests in test/unit/out/',
      'gone: gone/gone.ts does not exist',
    ]);
  });
});
