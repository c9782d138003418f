/**
 * The bench measures our packages as an application gets them: it imports `@evfw/model`,
 * `@evfw/runtime` and `@evfw/generator` by name, never a package's files by a relative path
 * (issue 20, item 5). What an entry does not export yet is listed in WAITING, with what it
 * waits for; an entry there that is no longer needed fails too, so the list stays current.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { relativeImports, sourceFiles } from '../support/import-specifiers.js';
import { REPO_ROOT } from '../support/paths.js';

const BENCH_DIR = path.join(REPO_ROOT, 'bench');

/** The workspace's package folders (runtime, generator, generated, ...), from the root package.json. */
const PACKAGE_DIRS: readonly string[] = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { workspaces: string[] }).workspaces.map((dir) => path.join(REPO_ROOT, dir));

/** `file: specifier` of a bench file reaching into a package, and why no entry serves it yet. */
const WAITING: ReadonlyMap<string, string> = new Map([
  ['bench/hostile/escaping.ts: ../../generator/src/emit/escape/index.js', 'the escaping functions of each output context, timed alone'],
  ['bench/hostile/schema-confinement.ts: ../../generator/src/load/load-schemas.js', 'the loader alone: buildIr reads and assembles too, and refuses a chain at the file cap as too large'],
]);

/** `file: specifier` for each relative import of `file` whose target lies in a package's folder. */
function reachesIn(file: string, text: string): string[] {
  return relativeImports(file, text)
    .filter(({ target }) => PACKAGE_DIRS.some((dir) => !path.relative(dir, target).startsWith('..')))
    .map(({ specifier }) => `${path.relative(REPO_ROOT, file).split(path.sep).join('/')}: ${specifier}`);
}

describe('the bench imports our packages by name', () => {
  const found = sourceFiles(BENCH_DIR).flatMap((file) => reachesIn(file, readFileSync(file, 'utf8')));

  it('no file under bench/ imports a package by a relative path, but for those waiting for an export', () => {
    expect(found.filter((f) => !WAITING.has(f))).toEqual([]);
  });

  it('each one waiting still needs to (once an entry exports it, import it from there and drop it here)', () => {
    expect([...WAITING.keys()].filter((w) => !found.includes(w))).toEqual([]);
  });

  it('would name such an import, and not one of the bench itself or of the test support', () => {
    const file = path.join(BENCH_DIR, 'cases/example.ts');
    const text = [
      "import { parseCpmEvfw } from '../../generated/src/cpm-evfw.js';",
      "import { Libxml2Oracle } from '../../test/support/libxml2-oracle.js';",
      "import type { Prepare } from './case.js';",
      "const runtime = await import('../../runtime/src/index.js');",
      "import { generate } from '@evfw/generator';",
    ].join('\n');
    expect(reachesIn(file, text)).toEqual(['bench/cases/example.ts: ../../generated/src/cpm-evfw.js', 'bench/cases/example.ts: ../../runtime/src/index.js']);
  });
});
