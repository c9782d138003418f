/**
 * The generated package compiles under strict TypeScript on its own, and a consumer package
 * that imports it through its exports map compiles too (test/consumer/, which also proves with
 * @ts-expect-error that the types reject what the schema rejects).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_DIR, REPO_ROOT } from '../support/paths.js';
import { typeErrors } from '../support/typecheck.js';

// --noEmit: the package's tsconfig builds dist/, and this is a check. The condition resolves the
// workspace packages (@evfw/runtime, and @evfw/model for the consumer) to their sources, built or not.
const tsc = (project: string) => {
  try {
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-p', project, '--noEmit', '--customConditions', '@evfw/source'], { encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
};

describe('the generated package', () => {
  it('type-checks under tsc --strict --noEmit with its own tsconfig', () => {
    expect(tsc(path.join(GENERATED_DIR, 'tsconfig.json'))).toBe('');
  });

  it('type-checks with the compiler API as well (same options as the corpus packages)', () => {
    expect(typeErrors(path.join(GENERATED_DIR, 'src'))).toEqual([]);
  });

  it('is consumable through its package exports by another package', () => {
    expect(tsc(path.join(REPO_ROOT, 'test/consumer/tsconfig.json'))).toBe('');
  });
});
