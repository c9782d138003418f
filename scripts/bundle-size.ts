/**
 * Prints the size of the bundle of one namespace (parse, validate and serialize of
 * @evfw/model/cpm-evfw for the browser, minified, and gzipped at level 9) and what it is made of:
 * the numbers README.md states and test/browser/bundle-size.test.ts budgets.
 *
 *   node --conditions=@evfw/source --import tsx scripts/bundle-size.ts
 */
import { kilobytes, measureBundle, unwantedInputs } from '../test/browser/namespace-bundle.js';

const size = await measureBundle();
console.log(`one namespace (cpm-evfw: parse + validate + serialize), esbuild --platform=browser --minify:`);
console.log(`  ${size.minifiedBytes} bytes minified (${kilobytes(size.minifiedBytes)}), ${size.gzipBytes} bytes gzipped (${kilobytes(size.gzipBytes)})`);

// Grouped by folder (or package), then the largest files.
const groups = new Map<string, number>();
for (const { file, bytes } of size.contributors) {
  const parts = file.split('/');
  const group = parts[0] === 'node_modules' ? parts.slice(0, 2).join('/') : parts.slice(0, parts.length > 3 ? 3 : parts.length - 1).join('/');
  groups.set(group, (groups.get(group) ?? 0) + bytes);
}
console.log('\nby folder or package (minified bytes):');
for (const [group, bytes] of [...groups].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${kilobytes(bytes).padStart(9)}  ${group}`);
}
console.log('\nlargest files:');
for (const { file, bytes } of size.contributors.slice(0, 15)) console.log(`  ${kilobytes(bytes).padStart(9)}  ${file}`);

const bundled = size.contributors.map((c) => c.file);
const unwanted = unwantedInputs(bundled);
if (unwanted.length > 0) {
  console.log('\nshould not be there:');
  for (const line of unwanted) console.log(`  ${line}`);
  process.exitCode = 1;
}
// Read by esbuild (re-exported by an index the page imports) but dropped whole from the output.
const dropped = size.inputs.filter((file) => !bundled.includes(file) && file !== 'entry.ts');
if (dropped.length > 0) console.log(`\nread, then dropped whole by tree shaking: ${dropped.join(', ')}`);
