/**
 * The IR of every schema, checked in as JSON (test/golden/ir/*.json) so a reviewer sees what a
 * schema change or a generator change does to the model every emitter reads.
 */
import path from 'node:path';
import { describe, it } from 'vitest';
import { buildIr } from '../../generator/src/index.js';
import { expectGolden } from '../support/golden.js';
import { CORPUS_AVAILABLE, CORPUS_DIR, CORPUS_SKIP_REASON, GOLDEN_DIR, REPO_ROOT, corpusSchemaSets, ownSchemaFiles, type CorpusSchemaSet } from '../support/paths.js';
import { corpusMissing, testMissing } from '../support/requirements.js';

const snapshot = (files: string[], rootDir: string, options: CorpusSchemaSet['options'] = {}) => `${JSON.stringify(buildIr(files, { rootDir, ...options }), null, 2)}\n`;

describe('IR snapshots of our schemas', () => {
  for (const file of ownSchemaFiles()) {
    const name = path.basename(file, '.xsd');
    it(name, () => expectGolden(path.join(GOLDEN_DIR, 'ir', `${name}.json`), snapshot([file], REPO_ROOT)));
  }
});

describe(`IR snapshots of the corpus schemas${CORPUS_AVAILABLE ? '' : ` (${CORPUS_SKIP_REASON})`}`, () => {
  testMissing('the tests of the corpus', corpusMissing());
  for (const set of corpusSchemaSets()) {
    it(set.name, () => expectGolden(path.join(GOLDEN_DIR, 'ir', `corpus-${set.name}.json`), snapshot(set.files, CORPUS_DIR, set.options)));
  }
});
