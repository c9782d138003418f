/**
 * `npm run generate`: regenerates generated/ from the XSDs in schemas/.
 *
 *   tsx generator/src/bin.ts [--schemas <dir|file>...] [--out <dir>] [--check]
 *
 * --check writes nothing and exits 1 listing the files that would change: what CI runs.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { GeneratorError, generate } from './index.js';

const { values } = parseArgs({
  options: {
    schemas: { type: 'string', multiple: true },
    out: { type: 'string' },
    check: { type: 'boolean', default: false },
  },
});

const schemaArgs = values.schemas ?? ['schemas'];
const outDir = path.resolve(values.out ?? 'generated');
const entries = schemaArgs.flatMap((arg) =>
  existsSync(arg) && statSync(arg).isDirectory()
    ? readdirSync(arg).filter((f) => f.endsWith('.xsd')).sort().map((f) => path.join(arg, f))
    : [arg],
);

try {
  const files = generate(entries);
  const changed: string[] = [];
  for (const [relative, text] of files) {
    const target = path.join(outDir, relative);
    const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    if (current === text) continue;
    changed.push(relative);
    if (!values.check) {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
  }
  // Files a previous run generated that this one no longer does.
  const srcDir = path.join(outDir, 'src');
  const stale = existsSync(srcDir)
    ? readdirSync(srcDir)
        .map((f) => `src/${f}`)
        .filter((f) => !files.has(f) && readFileSync(path.join(outDir, f), 'utf8').includes('DO NOT EDIT'))
    : [];
  for (const f of stale) {
    changed.push(`${f} (stale)`);
    if (!values.check) rmSync(path.join(outDir, f));
  }
  const where = path.relative(process.cwd(), outDir) || '.';
  if (values.check) {
    if (changed.length) {
      console.error(`${where} is out of date with the schemas; run \`npm run generate\`. Would change:`);
      for (const f of changed) console.error(`  ${f}`);
      process.exit(1);
    }
    console.log(`${where} is up to date (${files.size} files from ${entries.length} schemas).`);
  } else {
    console.log(`${where}: ${files.size} files from ${entries.join(', ')}; ${changed.length} changed.`);
  }
} catch (error) {
  if (error instanceof GeneratorError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
