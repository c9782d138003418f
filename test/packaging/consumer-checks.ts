/**
 * What test/packaging/ does to a consumer's project besides running it: type-check with the
 * TypeScript compiler's own command line, and bundle for the browser with esbuild.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import { nodeBuiltinImports } from '../browser/bundle.js';
import { REPO_ROOT } from '../support/paths.js';

/** The workspace's `tsc`, run as a consumer runs it: on the consumer's files, resolving from the consumer's node_modules. */
export const TSC = createRequire(path.join(REPO_ROOT, 'package.json')).resolve('typescript/bin/tsc');

export interface BrowserBundle {
  /** The bundle, minified, as one script. */
  readonly js: string;
  /** Node built-ins among the bundle's imports (none is the point). */
  readonly nodeBuiltins: readonly string[];
}

/**
 * esbuild's browser bundle of the project's browser.mjs (or `entry`), as a consumer makes it:
 * from the installed packages' dist/, without the workspace's source condition. An import of a
 * Node built-in fails such a bundle (esbuild cannot resolve it for the browser); the metafile is
 * checked as well, in case one were marked external.
 */
export async function browserBundle(projectDir: string, entry = 'browser.mjs'): Promise<BrowserBundle> {
  const result = await build({
    absWorkingDir: projectDir,
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return { js: result.outputFiles[0]!.text, nodeBuiltins: nodeBuiltinImports(result.metafile) };
}
