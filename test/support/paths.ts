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

/**
 * Corpus sets whose schemas break Unique Particle Attribution, read with it as a warning (D-113):
 * RFC 4826's resource-lists has a lax ##other wildcard in a repeated choice and another after it.
 */
const UPA_WARNING_SETS: ReadonlySet<string> = new Set(['resource-lists']);

export interface CorpusSchemaSet {
  readonly name: string;
  readonly files: string[];
  /** What the generator needs to read the set: `uniqueParticleAttribution: 'warning'` for the sets above. */
  readonly options: { readonly uniqueParticleAttribution?: 'warning' };
  /** The same as evfw flags. */
  readonly flags: readonly string[];
}

/** Each corpus folder with its XSDs, read together (pres-rules imports common-policy). */
export function corpusSchemaSets(): CorpusSchemaSet[] {
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
      ...(UPA_WARNING_SETS.has(name) ? { options: { uniqueParticleAttribution: 'warning' as const }, flags: ['--upa', 'warning'] } : { options: {}, flags: [] }),
    }))
    .filter((set) => set.files.length > 0);
}

/**
 * The node flag that resolves the workspace's packages to their TypeScript sources (each
 * package's `exports` has this condition first, then its built dist/): with `--import tsx`, a
 * child process runs the sources as the tests do, with no build step.
 */
export const FROM_SOURCES = '--conditions=@evfw/source';
