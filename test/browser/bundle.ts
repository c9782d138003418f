/**
 * Bundles workspace code the way a browser consumer's bundler would: esbuild, platform browser,
 * the workspace's packages resolved to their TypeScript sources (the `@evfw/source` condition).
 *
 * A Node built-in anywhere in the graph is an error that names the importer, not a silent
 * polyfill, empty stub or external: a browser consumer would get a broken bundle or a bundler
 * error, so the test must fail. (esbuild refuses them on platform browser already; the plugin makes
 * that independent of esbuild's defaults and of any `external` a caller adds.)
 */
import { builtinModules } from 'node:module';
import esbuild, { type Metafile, type Plugin } from 'esbuild';
import { REPO_ROOT } from '../support/paths.js';

/** True for `node:anything` and for every name Node lists as a built-in (`fs`, `fs/promises`, ...). */
export function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtinModules.includes(specifier);
}

/** Fails the build on the first import of a Node built-in, naming who imports it. */
const refuseNodeBuiltins: Plugin = {
  name: 'refuse-node-builtins',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (!isNodeBuiltin(args.path)) return undefined;
      return { errors: [{ text: `Node built-in "${args.path}" imported by ${args.importer}: a browser has no such module` }] };
    });
  },
};

export interface BrowserBundle {
  /** The bundle's JavaScript. */
  readonly code: string;
  readonly metafile: Metafile;
  /** Every input file of the bundle, relative to the repository root, e.g. `runtime/src/document.ts`. */
  readonly inputs: readonly string[];
}

export interface BundleOptions {
  /** The entry module's source (a string, as esbuild's stdin), resolved from `resolveDir`. */
  readonly source: string;
  readonly resolveDir: string;
  readonly minify?: boolean;
  /** `iife` runs as a classic script (what runInChromium expects); `esm` for size measurements. */
  readonly format?: 'iife' | 'esm';
}

/** One bundle in memory (nothing written to disk). Throws esbuild's error on any failure. */
export async function bundleForBrowser(options: BundleOptions): Promise<BrowserBundle> {
  const result = await esbuild.build({
    stdin: { contents: options.source, resolveDir: options.resolveDir, sourcefile: 'entry.ts', loader: 'ts' },
    absWorkingDir: REPO_ROOT,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'browser',
    format: options.format ?? 'iife',
    target: 'es2022',
    minify: options.minify ?? false,
    conditions: ['@evfw/source'],
    plugins: [refuseNodeBuiltins],
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild wrote no output');
  return { code: output.text, metafile: result.metafile, inputs: Object.keys(result.metafile.inputs).sort() };
}

/**
 * The Node built-ins the metafile records as imports (a second line of defence: the plugin has
 * failed the build already if there were any, unless a caller changed the options).
 */
export function nodeBuiltinImports(metafile: Metafile): string[] {
  const found: string[] = [];
  for (const [file, input] of Object.entries(metafile.inputs)) {
    for (const entry of input.imports) {
      if (isNodeBuiltin(entry.path)) found.push(`${file} imports ${entry.path}`);
    }
  }
  return found;
}
