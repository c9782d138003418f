/**
 * The CLI holds argument handling, output and process concerns only: what it needs of the
 * generator and the runtime it imports by their package names (`@evfw/generator`,
 * `@evfw/runtime`), never by a relative path into their folders, so that the library logic stays
 * where library users get it and the CLI bundle is built from the packages' entries.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { relativeImports, sourceFiles } from '../support/import-specifiers.js';
import { REPO_ROOT } from '../support/paths.js';

const CLI_SRC = path.join(REPO_ROOT, 'cli/src');

/** `file: specifier` for each relative import of `file` that leaves cli/src. */
function escapes(file: string, text: string): string[] {
  return relativeImports(file, text)
    .filter(({ target }) => path.relative(CLI_SRC, target).startsWith('..'))
    .map(({ specifier }) => `${path.relative(REPO_ROOT, file)}: ${specifier}`);
}

describe('a thin CLI', () => {
  it('no file under cli/src imports another package by a relative path', () => {
    const files = sourceFiles(CLI_SRC);
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap((file) => escapes(file, readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('would name such an import: static, dynamic and side-effect forms', () => {
    const file = path.join(CLI_SRC, 'commands/example.ts');
    const text = [
      "import { buildIr } from '../../../generator/src/index.js';",
      "import type { Limits } from '../inputs/schema-options.js';",
      "const runtime = await import('../../../runtime/src/index.js');",
      "import '../../../generated/src/registry.js';",
    ].join('\n');
    expect(escapes(file, text)).toEqual([
      'cli/src/commands/example.ts: ../../../generator/src/index.js',
      'cli/src/commands/example.ts: ../../../runtime/src/index.js',
      'cli/src/commands/example.ts: ../../../generated/src/registry.js',
    ]);
  });
});
