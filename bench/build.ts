/**
 * Bundles what the child processes run into bench/.build/ with esbuild, at the start of each
 * run: the harness, and each case module with what it imports (our generated package and its
 * runtime included), as plain JavaScript, so that our code is measured as an application would
 * ship it and not through tsx's on-the-fly transform: from the packages' built dist/, which is what
 * their exports give without the workspace's "@evfw/source" condition (`npm run bench` builds
 * first). Peers are not bundled: cases/peer.ts loads them from bench/node_modules at run time.
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const BUILD_DIR = path.join(BENCH_DIR, '.build');
export const HARNESS = path.join(BUILD_DIR, 'harness.mjs');

/** Modules under cases/ that are helpers of the cases, not cases. */
const HELPERS = new Set(['case.ts', 'peer.ts']);

export async function buildChildren(): Promise<void> {
  rmSync(BUILD_DIR, { recursive: true, force: true });
  const entryPoints: Record<string, string> = { harness: path.join(BENCH_DIR, 'child', 'harness.ts') };
  for (const file of readdirSync(path.join(BENCH_DIR, 'cases'))) {
    if (file.endsWith('.ts') && !HELPERS.has(file)) entryPoints[`cases/${file.replace(/\.ts$/, '')}`] = path.join(BENCH_DIR, 'cases', file);
  }
  await build({
    entryPoints,
    outdir: BUILD_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
}
