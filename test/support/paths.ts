/** Where the tests find the project and the shared corpus. */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SCHEMAS_DIR = path.join(REPO_ROOT, 'schemas');
export const GENERATED_DIR = path.join(REPO_ROOT, 'generated');
export const GOLDEN_DIR = path.join(REPO_ROOT, 'test/golden');

/** The shared corpus of third-party XSDs sits beside the checkout (CI lays it there too). */
export const CORPUS_DIR = path.resolve(REPO_ROOT, '../shared/corpus');
export const CORPUS_AVAILABLE = existsSync(CORPUS_DIR);
export const CORPUS_SKIP_REASON = `the shared corpus is absent (expected at ${path.relative(REPO_ROOT, CORPUS_DIR)}): corpus tests skipped`;
if (!CORPUS_AVAILABLE) console.warn(`evfw tests: ${CORPUS_SKIP_REASON}`);

/** Our own schemas: every .xsd directly in schemas/. */
export function ownSchemaFiles(): string[] {
  return readdirSync(SCHEMAS_DIR)
    .filter((f) => f.endsWith('.xsd'))
    .sort()
    .map((f) => path.join(SCHEMAS_DIR, f));
}

/** Each corpus folder with its XSDs, read together (pres-rules imports common-policy). */
export function corpusSchemaSets(): { name: string; files: string[] }[] {
  if (!CORPUS_AVAILABLE) return [];
  return readdirSync(CORPUS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => ({
      name,
      files: readdirSync(path.join(CORPUS_DIR, name))
        .filter((f) => f.endsWith('.xsd'))
        .sort()
        .map((f) => path.join(CORPUS_DIR, name, f)),
    }))
    .filter((set) => set.files.length > 0);
}

/**
 * The node flag that resolves the workspace's packages to their TypeScript sources (each
 * package's `exports` has this condition first, then its built dist/): with `--import tsx`, a
 * child process runs the sources as the tests do, with no build step.
 */
export const FROM_SOURCES = '--conditions=@evfw/source';
