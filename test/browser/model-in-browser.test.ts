/**
 * The generated model in a real browser engine: model-program.ts (parse, validate and serialize of
 * @evfw/model/cpm-evfw over a few example documents) bundled by esbuild for the browser, with no
 * Node built-in anywhere in the bundle, run in headless Chromium, prints exactly what the same
 * program prints in Node from the TypeScript sources.
 *
 * Skipped, saying why, when chromium is not installed; with CI set, a missing chromium fails.
 */
import { execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumUnavailable, runInChromium } from '../support/chromium.js';
import { FROM_SOURCES, REPO_ROOT } from '../support/paths.js';
import { bundleForBrowser, nodeBuiltinImports, type BrowserBundle } from './bundle.js';
import { loadProgramDocuments } from './program-documents.js';
import { skipUnlessCi } from '../support/requirements.js';

const HERE = path.join(REPO_ROOT, 'test', 'browser');
const unavailable = chromiumUnavailable();

/** The browser entry: the program with its documents inlined as string literals. */
function browserEntry(): string {
  return [
    `import { modelProgram } from './model-program.js';`,
    `const documents = ${JSON.stringify(loadProgramDocuments())};`,
    `for (const line of modelProgram(documents)) console.log(line);`,
  ].join('\n');
}

/** Bundled once, by the first test that needs it, so that a failing build fails that test. */
let bundled: Promise<BrowserBundle> | undefined;
function programBundle(): Promise<BrowserBundle> {
  bundled ??= bundleForBrowser({ source: browserEntry(), resolveDir: HERE, format: 'iife' });
  return bundled;
}

describe('the model program bundled for the browser', () => {
  it('has no Node built-in among its inputs or imports', async () => {
    const bundle = await programBundle();
    expect(nodeBuiltinImports(bundle.metafile)).toEqual([]);
    const builtinInputs = bundle.inputs.filter((file) => file.startsWith('node:') || builtinModules.includes(file));
    expect(builtinInputs).toEqual([]);
    // The bundle is the real thing: the runtime and the generated module are in it.
    expect(bundle.inputs).toContain('generated/src/cpm-evfw.ts');
    expect(bundle.inputs).toContain('runtime/src/document.ts');
  });

  describe.skipIf(skipUnlessCi(unavailable))(`in headless Chromium${skipUnlessCi(unavailable) ? `: skipped, ${unavailable}` : ''}`, { timeout: 90_000 }, () => {
    it('prints the same diagnostics and serializations as Node', async () => {
      const bundle = await programBundle();
      const inBrowser = await runInChromium(bundle.code, { timeoutMs: 60_000 });
      const inNode = execFileSync(process.execPath, [FROM_SOURCES, '--import', 'tsx', path.join(HERE, 'model-program.node.ts')], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        timeout: 60_000,
      }).trimEnd();

      // Non-trivial: diagnostics of several kinds, and round trips, were printed.
      expect(inNode).toMatch(/^ {2}error evfw\.identity\.duplicate /m);
      expect(inNode).toMatch(/^ {2}error evfw\.value\.facet .* does not match the pattern /m);
      expect(inNode).toMatch(/^ {2}warning evfw\.rule\.uid-imap /m);
      expect(inNode).toMatch(/^serialize: \d+ chars, fnv1a [0-9a-f]{8}, parses back: true$/m);
      expect(inBrowser).toBe(inNode);
    });
  });
});
