/**
 * "The runtime and the generated modules import no Node built-in": every entry point of
 * @evfw/runtime and @evfw/model, followed through all its imports (saxes and fast-check
 * included), imports no Node module, and no file of runtime/src or generated/src uses a global
 * only Node has (`process`, `Buffer`, `require`, `NodeJS.*`, ...).
 *
 * A part that needs Node (reading files, workers) belongs behind an entry of its own, listed in
 * NODE_ONLY below with the reason; its files are then exempt, and the browser entries still may
 * not reach them.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths.js';
import { nodeBuiltinImportsFrom, nodeGlobalsUsedBy, sourceEntryPoints } from './node-dependencies.js';

/** Files (relative to the repository root) that are Node-only entries, each with why. None today. */
const NODE_ONLY: readonly { file: string; why: string }[] = [];

const PACKAGES = ['runtime', 'generated'];
const isNodeOnly = (file: string): boolean => NODE_ONLY.some((entry) => entry.file === path.relative(REPO_ROOT, file));

/** Every .ts and .js file under the packages' src/ folders. */
function sourceFiles(): string[] {
  return PACKAGES.flatMap((pkg) => {
    const dir = path.join(REPO_ROOT, pkg, 'src');
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(ts|js)$/.test(file))
      .map((file) => path.join(dir, file));
  });
}

describe('the runtime and the generated modules run without Node', () => {
  it('import no Node built-in from any entry point, dependencies included', async () => {
    const entries = PACKAGES.flatMap((pkg) => sourceEntryPoints(path.join(REPO_ROOT, pkg)));
    // Every export of both packages: the runtime's index, diagnostics, schema, testing, and the
    // generated index plus four entries per namespace.
    expect(entries.length).toBeGreaterThanOrEqual(15);
    expect(await nodeBuiltinImportsFrom(entries.filter((file) => !isNodeOnly(file)))).toEqual([]);
  });

  it('use no global only Node has', () => {
    const files = sourceFiles().filter((file) => !isNodeOnly(file));
    expect(files.length).toBeGreaterThan(50);
    expect(nodeGlobalsUsedBy(files)).toEqual([]);
  });
});

describe('the checks above find what they look for', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'evfw-node-uses-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'uses-node.ts');
  writeFileSync(
    file,
    [
      `import { readFileSync } from 'node:fs';`,
      `import path from 'path';`,
      `export const home = process.env.HOME;`,
      `export const bytes = Buffer.from('x');`,
      `export const wrapped = { process };`,
      `export let timer: NodeJS.Timeout | undefined;`,
      `export const fine = { process: 1 }.process + typeof TextDecoder + String(readFileSync) + path.sep;`,
      `export function shadowed(process: string): string { return process; }`,
      '',
    ].join('\n'),
  );

  it('reports each Node built-in import', async () => {
    const found = await nodeBuiltinImportsFrom([file]);
    expect(found.map((line) => line.split(' imports ')[1])).toEqual(['node:fs', 'path']);
  });

  it('reports each Node-only global, and not a member or a local of the same name', () => {
    const found = nodeGlobalsUsedBy([file]).map((line) => line.slice(line.lastIndexOf('uses-node.ts')));
    expect(found).toEqual(['uses-node.ts:3:21 process', 'uses-node.ts:4:22 Buffer', 'uses-node.ts:5:26 process', 'uses-node.ts:6:19 NodeJS']);
  });
});
