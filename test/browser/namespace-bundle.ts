/**
 * The bundle a web page gets when it reads, checks and writes one namespace: parse, validate and
 * serialize of `@evfw/model/cpm-evfw`, bundled by esbuild for the browser and minified. Measured
 * by test/browser/bundle-size.test.ts (against its budget) and printed by scripts/bundle-size.ts
 * (for the README).
 */
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from '../support/paths.js';
import { bundleForBrowser } from './bundle.js';

/** What the page imports: the three functions of one global element, nothing else. */
export const NAMESPACE_ENTRY = `export { parseCpmEvfw, validateCpmEvfw, serializeCpmEvfw } from '@evfw/model/cpm-evfw';`;

export interface BundleSize {
  /** Bytes of the minified bundle (UTF-8). */
  readonly minifiedBytes: number;
  /** Bytes of the minified bundle gzipped at level 9, as a server would send it. */
  readonly gzipBytes: number;
  /** Every input file, relative to the repository root. */
  readonly inputs: readonly string[];
  /** Bytes each input contributes to the minified output, largest first (esbuild's metafile). */
  readonly contributors: readonly { readonly file: string; readonly bytes: number }[];
}

/** Bundles `entry` (NAMESPACE_ENTRY by default) minified, as ESM, and measures it. */
export async function measureBundle(entry: string = NAMESPACE_ENTRY): Promise<BundleSize> {
  const bundle = await bundleForBrowser({ source: entry, resolveDir: REPO_ROOT, minify: true, format: 'esm' });
  const output = Object.values(bundle.metafile.outputs)[0];
  if (!output) throw new Error('esbuild recorded no output');
  const contributors = Object.entries(output.inputs)
    .map(([file, input]) => ({ file, bytes: input.bytesInOutput }))
    .filter((entry) => entry.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes || a.file.localeCompare(b.file));
  return {
    minifiedBytes: Buffer.byteLength(bundle.code, 'utf8'),
    gzipBytes: gzipSync(bundle.code, { level: 9 }).length,
    inputs: bundle.inputs,
    contributors,
  };
}

/**
 * What a page that only reads, checks and writes documents must not carry, each with the reason:
 * test helpers, property-testing and JSON-Schema validation live behind entries of their own.
 */
const NOT_IN_A_NAMESPACE_BUNDLE: readonly { readonly test: (file: string) => boolean; readonly what: string }[] = [
  { test: (file) => file.includes('node_modules/fast-check/'), what: 'fast-check (arbitraries only)' },
  { test: (file) => /node_modules\/ajv(-[a-z]+)?\//.test(file), what: 'ajv (JSON Schema; the object validators are precompiled)' },
  { test: (file) => file.startsWith('runtime/src/testing/'), what: '@evfw/runtime/testing (fixtures, mutants)' },
  { test: (file) => file.startsWith('runtime/src/object/'), what: 'the object (JSON form) validator' },
  { test: (file) => file.endsWith('.build.ts'), what: 'builders (<module>/build)' },
  { test: (file) => file.endsWith('.arbitraries.ts'), what: 'arbitraries (<module>/arbitraries)' },
  { test: (file) => /\.object[.-]/.test(file), what: 'object validators (<module>/object)' },
];

/** The inputs that should not be there, each with why: empty for a clean bundle. */
export function unwantedInputs(inputs: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of inputs) {
    const rule = NOT_IN_A_NAMESPACE_BUNDLE.find((r) => r.test(file));
    if (rule) found.push(`${file}: ${rule.what}`);
  }
  return found;
}

/** "181.6 KB" (1 KB = 1000 bytes, as the README states sizes). */
export function kilobytes(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} KB`;
}
