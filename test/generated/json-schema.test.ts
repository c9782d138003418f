/**
 * The JSON Schemas and object validators in generated/:
 *
 * - each schemas/<module>.schema.json is a valid draft 2020-12 schema (checked against the
 *   meta-schema by ajv), and compiles with the options the generator uses;
 * - the package exports the schemas and the `<module>/object` entry points;
 * - the generated package needs no ajv at run time: no generated file imports or requires it,
 *   and each standalone validator loads and runs from a folder where ajv cannot be resolved.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import { newAjv } from '../../generator/src/emit/json-schema/standalone-validator.js';
import { GENERATED_DIR, REPO_ROOT } from '../support/paths.js';

const MODULES = ['cpm-evfw', 'imdn', 'example-app-event'];
const schemaOf = (module: string) => JSON.parse(readFileSync(path.join(GENERATED_DIR, 'schemas', `${module}.schema.json`), 'utf8')) as Record<string, unknown>;

describe('the emitted JSON Schemas', () => {
  it.each(MODULES)('%s.schema.json validates against the draft 2020-12 meta-schema', (module) => {
    const schema = schemaOf(module);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    // Plain ajv, not the generator's: the x-evfw-xml and discriminator annotations are unknown keywords, allowed by 2020-12.
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
  });

  it.each(MODULES)('%s.schema.json compiles with the generator\'s ajv options', (module) => {
    const ajv = newAjv();
    expect(() => ajv.compile(schemaOf(module))).not.toThrow();
  });

  it('are exported by the package, with the object validators', () => {
    const pkg = JSON.parse(readFileSync(path.join(GENERATED_DIR, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
    for (const module of MODULES) {
      expect(pkg.exports[`./schemas/${module}.schema.json`]).toBe(`./schemas/${module}.schema.json`);
      expect(pkg.exports[`./${module}/object`]).toEqual({ '@evfw/source': `./src/${module}.object.ts`, types: `./dist/${module}.object.d.ts`, default: `./dist/${module}.object.js` });
    }
  });
});

describe('the generated package at run time', () => {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'evfw-no-ajv-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('imports no ajv in any generated file', () => {
    const files = readdirSync(path.join(GENERATED_DIR, 'src')).map((f) => path.join(GENERATED_DIR, 'src', f));
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/(?:from\s*|import\s*\(\s*|require\s*\(\s*)["']ajv/);
      expect(text, file).not.toMatch(/\brequire\s*\(/);
    }
  });

  // The validators import the runtime alone (its linear-time pattern engine, D-90): a folder whose
  // node_modules holds only @evfw/runtime, read from its TypeScript sources through tsx.
  mkdirSync(path.join(scratch, 'node_modules', '@evfw'), { recursive: true });
  symlinkSync(path.join(REPO_ROOT, 'runtime'), path.join(scratch, 'node_modules', '@evfw', 'runtime'), 'dir');
  const tsx = pathToFileURL(path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

  it.each(MODULES)('loads the %s object validator where ajv cannot be resolved', (module) => {
    const file = `${module}.object-validator.ts`;
    copyFileSync(path.join(GENERATED_DIR, 'src', file), path.join(scratch, file.replace(/\.ts$/, '.mts')));
    const script = `import('./${file.replace(/\.ts$/, '.mts')}').then((m) => { const v = Object.values(m); console.log(v.length, v.every((f) => typeof f === 'function' && f({}) === false && f.errors.length > 0)); }, (e) => { console.log('failed', e.message); });`;
    const out = execFileSync(process.execPath, ['--conditions=@evfw/source', '--import', tsx, '--input-type=module', '-e', script], { cwd: scratch, encoding: 'utf8', env: { ...process.env, NODE_PATH: '' } }).trim();
    expect(out).toMatch(/^[1-9]\d* true$/);
  });
});
