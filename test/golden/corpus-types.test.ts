/**
 * Every corpus XSD becomes a package whose types compile under strict TypeScript; the emitted
 * types are checked in (test/golden/types/<folder>/) as golden files.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { transpilePackage } from '../../generator/src/emit/javascript/transpile-package.js';
import { generate } from '../../generator/src/index.js';
import { expectGolden } from '../support/golden.js';
import { CORPUS_AVAILABLE, CORPUS_DIR, CORPUS_SKIP_REASON, GOLDEN_DIR, corpusSchemaSets } from '../support/paths.js';
import { typeErrors } from '../support/typecheck.js';
import { corpusMissing, testMissing } from '../support/requirements.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'evfw-corpus-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe(`types generated from the corpus${CORPUS_AVAILABLE ? '' : ` (${CORPUS_SKIP_REASON})`}`, () => {
  testMissing('the tests of the corpus', corpusMissing());
  for (const set of corpusSchemaSets()) {
    it(`${set.name}: matches the golden types and compiles strictly`, () => {
      const files = generate(set.files, { rootDir: CORPUS_DIR, ...set.options });
      const out = path.join(scratch, set.name);
      for (const [relative, text] of files) {
        mkdirSync(path.dirname(path.join(out, relative)), { recursive: true });
        writeFileSync(path.join(out, relative), text);
        if (!relative.startsWith('src/') || relative === 'src/index.ts') continue;
        const golden = path.join(GOLDEN_DIR, 'types', set.name, path.basename(relative));
        if (relative.endsWith('.object-validator.ts')) {
          // The object validators are ajv's code, not ours: their declarations are golden (what the
          // golden .object.ts imports), as `--emit js` writes them, and the code is not.
          const declarations = transpilePackage(new Map([[relative, text]])).get(relative.replace(/^src\/(.*)\.ts$/, 'dist/$1.d.ts'))!;
          expectGolden(golden.replace(/\.ts$/, '.d.ts'), declarations);
        } else {
          expectGolden(golden, text);
        }
      }
      expect(typeErrors(path.join(out, 'src'))).toEqual([]);
    });
  }
});
