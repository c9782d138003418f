/**
 * No emitter imports another: each folder of generator/src/emit/ that writes an artefact reads
 * the IR and the emit context, and what two of them share lives beside them in emit/ itself
 * (generated-file.ts, type-expressions.ts, emit-context.ts) or in escape/, the one escaping
 * function per output context.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { relativeImports, sourceFiles } from '../../support/import-specifiers.js';
import { REPO_ROOT } from '../../support/paths.js';

const EMIT = path.join(REPO_ROOT, 'generator/src/emit');
/** Shared by every emitter, and an emitter of nothing itself. */
const SHARED = new Set(['escape']);

/** The emitter folder a path of emit/ lies in, or undefined for emit/'s own files. */
function emitterOf(file: string): string | undefined {
  const [first, ...rest] = path.relative(EMIT, file).split(path.sep);
  return rest.length > 0 && first !== undefined && !SHARED.has(first) ? first : undefined;
}

function crossings(file: string, text: string): string[] {
  const own = emitterOf(file);
  return relativeImports(file, text)
    .filter(({ target }) => !path.relative(EMIT, target).startsWith('..'))
    .filter(({ target }) => {
      const other = emitterOf(target);
      return other !== undefined && other !== own;
    })
    .map(({ specifier }) => `${path.relative(REPO_ROOT, file)}: ${specifier}`);
}

describe('emitters', () => {
  it('no file of one emitter imports another emitter', () => {
    const files = sourceFiles(EMIT);
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap((file) => crossings(file, readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('would name such an import, and allows the shared files', () => {
    const file = path.join(EMIT, 'builders/emit-arbitraries.ts');
    const text = [
      "import { elementValueType } from '../types/emit-types.js';",
      "import { TypeExpressions } from '../type-expressions.js';",
      "import { literal } from '../escape/index.js';",
      "import { origin } from './testing-module.js';",
    ].join('\n');
    expect(crossings(file, text)).toEqual(['generator/src/emit/builders/emit-arbitraries.ts: ../types/emit-types.js']);
  });
});
