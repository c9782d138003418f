/**
 * The docs emitter's output for small schemas, one folder per scenario (input.xsd, and
 * input.rules.json when the scenario has prose rules), checked in as golden files: the Markdown
 * page of the namespace, the index and the HTML page. UPDATE_GOLDEN=1 rewrites them.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { generate } from '../../../generator/src/index.js';
import { expectGolden } from '../../support/golden.js';
import { GOLDEN_DIR } from '../../support/paths.js';

const DOCS_GOLDEN = path.join(GOLDEN_DIR, 'docs');
const scenarios = readdirSync(DOCS_GOLDEN, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

describe('docs golden files', () => {
  for (const scenario of scenarios) {
    it(scenario, () => {
      const dir = path.join(DOCS_GOLDEN, scenario);
      const files = generate([path.join(dir, 'input.xsd')], { rootDir: dir });
      for (const [file, text] of files) {
        if (!file.startsWith('docs/')) continue;
        expectGolden(path.join(dir, 'expected', path.basename(file)), text);
      }
    });
  }
});
