/**
 * Writing what `generate` returns to an output folder, or only saying what would change.
 *
 * Both `evfw generate` and the drift check in CI go through here, so "up to date" means one
 * thing: every generated file has the same bytes on disk, and no file a previous run generated
 * is left behind.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { OutputFiles } from './emit/emitter.js';

export interface WriteOutputResult {
  /** Files whose bytes differ from the output folder's (or that are missing there), relative to it. */
  readonly changed: readonly string[];
  /** Generated files in the output folder that this run no longer generates. */
  readonly stale: readonly string[];
}

export interface WriteOutputOptions {
  /** Change nothing on disk; only report what would change. */
  readonly check?: boolean;
}

export function writeOutput(files: OutputFiles, outDir: string, options: WriteOutputOptions = {}): WriteOutputResult {
  const changed: string[] = [];
  for (const [relative, text] of files) {
    const target = path.join(outDir, relative);
    const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    if (current === text) continue;
    changed.push(relative);
    if (!options.check) {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
  }
  const stale = staleFiles(files, outDir);
  if (!options.check) for (const f of stale) rmSync(path.join(outDir, f));
  return { changed, stale };
}

/**
 * Files of src/ that carry the generated banner but are not in `files`: a schema was removed or
 * renamed. Hand-written files (no banner) are never touched.
 */
function staleFiles(files: OutputFiles, outDir: string): string[] {
  const srcDir = path.join(outDir, 'src');
  if (!existsSync(srcDir)) return [];
  return readdirSync(srcDir)
    .sort()
    .map((f) => `src/${f}`)
    .filter((f) => !files.has(f) && readFileSync(path.join(outDir, f), 'utf8').includes('DO NOT EDIT'));
}
