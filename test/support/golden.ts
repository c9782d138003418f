/**
 * Golden files: checked-in expected output, compared byte for byte. Run the tests with
 * UPDATE_GOLDEN=1 to rewrite them, then review the diff like any other change.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { REPO_ROOT } from './paths.js';

export function expectGolden(file: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  const relative = path.relative(REPO_ROOT, file);
  expect(existsSync(file), `${relative} is missing: run UPDATE_GOLDEN=1 npx vitest run, then review it`).toBe(true);
  expect(actual, `${relative} differs from the output: if the change is intended, run UPDATE_GOLDEN=1 npx vitest run and review the diff`).toBe(readFileSync(file, 'utf8'));
}
