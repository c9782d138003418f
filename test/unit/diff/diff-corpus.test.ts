/** Every schema set compared with itself gives no change: the comparison finds nothing that is not there. */
import { describe, expect, it } from 'vitest';
import { buildIr, diffSchemas } from '../../../generator/src/index.js';
import { CORPUS_AVAILABLE, CORPUS_SKIP_REASON, REPO_ROOT, corpusSchemaSets, ownSchemaFiles } from '../../support/paths.js';
import { corpusMissing, testMissing } from '../../support/requirements.js';

describe('diffSchemas(ir, ir)', () => {
  it('our own schemas: no change, also between two separate builds', () => {
    const files = ownSchemaFiles();
    const ir = buildIr(files, { rootDir: REPO_ROOT });
    expect(diffSchemas(ir, ir)).toEqual([]);
    expect(diffSchemas(ir, buildIr(files, { rootDir: REPO_ROOT }))).toEqual([]);
  });

  testMissing('the tests of the corpus', corpusMissing());
  for (const set of corpusSchemaSets()) {
    it(`corpus ${set.name}: no change`, () => {
      const ir = buildIr(set.files, { rootDir: REPO_ROOT, ...set.options });
      expect(diffSchemas(ir, ir)).toEqual([]);
    });
  }
});
