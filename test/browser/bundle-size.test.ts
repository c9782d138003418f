/**
 * The bundle of one namespace (parse, validate and serialize of @evfw/model/cpm-evfw, for the
 * browser, minified) stays small, and carries nothing a page that reads documents does not need.
 */
import { describe, expect, it } from 'vitest';
import { kilobytes, measureBundle, unwantedInputs, type BundleSize } from './namespace-bundle.js';

/**
 * The budget, about 10% above the sizes measured when it was set (December 2026: 181,613 bytes
 * minified, 57,233 gzipped), raised by 10 KB and 3 KB when the validator learned xsi:type, mixed
 * content and identity constraints compared by value (issue 21: 203,426 and 63,724). To measure: `node --conditions=@evfw/source --import tsx
 * scripts/bundle-size.ts`, which also lists what the bytes are made of. Raise it only for a
 * feature a page needs, in the same change, and update the sizes in runtime/README.md; a test failure
 * here after an unrelated change usually means something joined the bundle that should not have
 * (see the list the failure prints).
 */
const BUDGET = {
  minifiedBytes: 210_000,
  gzipBytes: 66_000,
} as const;

/** The largest inputs, for failure messages. */
function topContributors(size: BundleSize, count = 12): string {
  return size.contributors
    .slice(0, count)
    .map((c) => `  ${kilobytes(c.bytes).padStart(9)}  ${c.file}`)
    .join('\n');
}

describe('the bundle of one namespace (parse + validate + serialize of cpm-evfw)', () => {
  it('holds the generated module and the runtime, and no test helper, fast-check, ajv or object validator', async () => {
    const size = await measureBundle();
    const bundled = size.contributors.map((c) => c.file);
    expect(bundled).toContain('generated/src/cpm-evfw.ts');
    expect(bundled).toContain('runtime/src/document.ts');
    // Files that put bytes in the bundle. esbuild also reads, then drops whole, the modules that
    // the runtime's index re-exports and this page does not use (runtime/src/object/ among them):
    // "sideEffects": false lets it. Those cost nothing, so they do not count here.
    expect(unwantedInputs(bundled)).toEqual([]);
  });

  it('notices a bundle that pulls in the builders or the object validator', async () => {
    const size = await measureBundle(
      `export { build } from '@evfw/model/cpm-evfw/build'; export { validateObjectCpmEvfw } from '@evfw/model/cpm-evfw/object';`,
    );
    expect(unwantedInputs(size.contributors.map((c) => c.file))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^generated\/src\/cpm-evfw\.build\.ts: /), expect.stringMatching(/^generated\/src\/cpm-evfw\.object\.ts: /)]),
    );
  });

  it(`is within its budget: ${kilobytes(BUDGET.minifiedBytes)} minified, ${kilobytes(BUDGET.gzipBytes)} gzipped`, async () => {
    const size = await measureBundle();
    const report = `${size.minifiedBytes} bytes minified, ${size.gzipBytes} gzipped; the largest inputs:\n${topContributors(size)}`;
    expect(size.minifiedBytes, report).toBeLessThanOrEqual(BUDGET.minifiedBytes);
    expect(size.gzipBytes, report).toBeLessThanOrEqual(BUDGET.gzipBytes);
  });
});
