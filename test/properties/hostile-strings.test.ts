/**
 * Issue 17's property: hostile strings (comment ends, template openers, quotes of every kind,
 * `</script>`, `-->`, `]]>`, line and paragraph separators, bidi controls, NUL, lone surrogates,
 * 100 KB) in every schema position that reaches generated output: documentation of the schema,
 * elements, attributes, types and enumerations, appinfo, default and fixed values, enumeration
 * values, a pattern, the target namespace, the schema's file name, and hostile-but-legal names.
 *
 * For each case, generation succeeds or refuses with a GeneratorError and its code; every
 * generated package type-checks (all in one compiler run); importing every module has no side
 * effect (a child process records console output, file writes, child processes, and writes to
 * globalThis and the built-in prototypes); the values come back exactly from the generated
 * descriptors; and docs/reference.html, read by libxml2 as XML, holds no <script> element and no
 * on* attribute. What XML cannot hold (NUL, lone surrogates, U+FFFE) is put into the IR directly.
 *
 * The strings are the hand-written ones, and random mixes drawn with a fixed seed and a random
 * one (EVFW_SEED replaces the random one, so a failure replays), both named in the test title.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { XmlDocument, XmlElement } from 'libxml2-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { GeneratorError, generate, type OutputFiles } from '../../generator/src/index.js';
import { FIXED_SEED, RANDOM_SEED, SEEDS } from '../support/fixture-properties.js';
import { importRecorded, listing, PackageFolder, packageModules, type ImportReport } from '../support/generated-package.js';
import { emitIr, FIXED_HOSTILE, HOSTILE_NAMES, hostileFileName, hostileIr, hostileSchema, hostileString, IR_ONLY_HOSTILE, type Expected } from '../support/hostile-schema.js';
import { typeErrors } from '../support/typecheck.js';

const FILE = 'test/properties/hostile-strings.test.ts';
/** Random strings per seed: each is a whole package to generate, type-check and import. */
const RANDOM_RUNS = 6;

interface Case {
  readonly label: string;
  readonly expected: Expected;
  /** The schema file's name as the package records it (relative to the folder generated from). */
  readonly file: string;
  /** The package folder, or the error code generation refused the schema with. */
  result?: { dir: string; files: OutputFiles } | { refused: string } | { crashed: string };
}

const folder = new PackageFolder('evfw-hostile-strings-');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'evfw-hostile-schemas-'));
afterAll(() => {
  folder.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

const random = SEEDS.flatMap((seed) => fc.sample(hostileString, { seed, numRuns: RANDOM_RUNS }).map((value) => ({ value, seed })));
const xsdCases = [...FIXED_HOSTILE.map((value) => ({ value, seed: undefined })), ...random];
const cases: Case[] = [];

/**
 * Generates, catching what a schema may cause: a GeneratorError, recorded with its code. Any
 * other error is recorded as a crash, so one run lists every case that fails, not the first.
 */
function run(c: Case, make: () => OutputFiles): void {
  try {
    const files = make();
    c.result = { files, dir: folder.write(`p${cases.indexOf(c)}`, files) };
  } catch (error) {
    c.result = error instanceof GeneratorError ? { refused: error.code } : { crashed: String(error).split('\n')[0]!.slice(0, 300) };
  }
}

/** The cases that generated a package; the steps after the first need every case to have run. */
function generated() {
  expect(cases.length, 'the generation step did not run to its end').toBe(FIXED_HOSTILE.length + RANDOM_RUNS * SEEDS.length + IR_ONLY_HOSTILE.length);
  return cases.flatMap((c) => (c.result && 'dir' in c.result ? [{ c, ...c.result }] : []));
}

/** The descriptor src/<module>.schema.ts exports, as the import recorder read it. */
function descriptorOf(report: ImportReport, dir: string): Record<string, unknown> {
  const entry = Object.entries(report.modules).find(([file]) => file.startsWith(`${dir}${path.sep}`) && file.endsWith('.schema.ts'));
  expect(entry, `no .schema.ts module in ${dir}`).toBeDefined();
  return entry![1].values!.schema as Record<string, unknown>;
}

function elementsOf(node: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const stack = [node];
  while (stack.length > 0) {
    const e = stack.pop()!;
    out.push(e);
    for (let c = e.firstChild; c; c = c.next) if (c instanceof XmlElement) stack.push(c);
  }
  return out;
}

const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe(`hostile strings in every schema position (fixed seed ${FIXED_SEED}, random seed ${RANDOM_SEED}; replay with EVFW_SEED=${RANDOM_SEED} npx vitest run ${FILE})`, () => {
  it(`generation succeeds or refuses with a coded error (${FIXED_HOSTILE.length} written, ${RANDOM_RUNS} random per seed, ${IR_ONLY_HOSTILE.length} in the IR)`, () => {
    for (const [i, { value, seed }] of xsdCases.entries()) {
      const name = HOSTILE_NAMES[i % HOSTILE_NAMES.length]!;
      const { text, expected } = hostileSchema(value, name);
      const fileName = hostileFileName(value, i);
      const c: Case = { label: `${seed === undefined ? 'written' : `seed ${seed}`} ${JSON.stringify(value.slice(0, 60))} named ${name}`, expected, file: fileName };
      cases.push(c);
      const dir = mkdtempSync(path.join(scratch, 'case-'));
      const file = path.join(dir, fileName);
      writeFileSync(file, text);
      run(c, () => generate([file], { rootDir: dir }));
    }
    for (const value of IR_ONLY_HOSTILE) {
      const { ir, expected } = hostileIr(scratch, value);
      const c: Case = { label: `IR ${JSON.stringify(value)}`, expected, file: 'ir.xsd' };
      cases.push(c);
      run(c, () => emitIr(ir));
    }
    const crashed = cases.flatMap((c) => (c.result && 'crashed' in c.result ? [`${c.label}: ${c.result.crashed}`] : []));
    expect(crashed).toEqual([]);
    // Every string here has a legal home in a schema: refusing one would be a bug, not a defence.
    const refused = cases.flatMap((c) => (c.result && 'refused' in c.result ? [`${c.label}: ${c.result.refused}`] : []));
    expect(refused).toEqual([]);
  });

  it('every generated package type-checks under strict TypeScript (one compiler run)', () => {
    expect(generated().length).toBeGreaterThan(0);
    expect(typeErrors(folder.packages)).toEqual([]);
  });

  let report: ImportReport;
  it('importing every generated module has no side effect', () => {
    const modules = generated().flatMap(({ dir }) => packageModules(dir));
    const before = listing(folder.packages);
    report = importRecorded(modules);
    expect(listing(folder.packages)).toEqual(before);
    const failed = Object.entries(report.modules).filter(([, r]) => !r.ok).map(([file, r]) => `${file}: ${r.error}`);
    expect(failed).toEqual([]);
    expect(report.effects).toEqual([]);
    expect(report.changed).toEqual([]);
    expect(report.cwdChanges).toEqual([]);
  });

  it('the values come back exactly from the generated descriptors', () => {
    for (const { c, dir, files } of generated()) {
      const schema = descriptorOf(report, dir) as {
        namespace: string;
        elements: { name: string; type: { kind: string; ref?: string } }[];
        complexTypes: { key: string; attributes: { name: string; default?: string; fixed?: string }[]; content: unknown }[];
      };
      const { namespace, value, enumeration, pattern, name } = c.expected;
      expect(schema.namespace, c.label).toBe(namespace);
      expect(schema.elements.map((e) => e.name), c.label).toEqual(['root', name]);
      expect(schema.complexTypes.some((t) => t.key === `{${namespace}}${name}`), c.label).toBe(true);
      expect(JSON.parse(files.get('package.json')!).evfw.sources, c.label).toEqual([c.file]);
      const root = schema.complexTypes.find((t) => t.key === `{${namespace}}Root`);
      expect(root, c.label).toBeDefined();
      expect(root!.attributes.find((a) => a.name === 'd')?.default, c.label).toBe(value);
      expect(root!.attributes.find((a) => a.name === 'f')?.fixed, c.label).toBe(value);
      const particles = (root!.content as { particle: { particles: { element?: { name: string; default?: string; fixed?: string; type: { type: { facets: Record<string, unknown> } } } }[] } }).particle.particles;
      const local = (n: string) => particles.find((p) => p.element?.name === n)?.element;
      expect(local('e')?.default, c.label).toBe(value);
      expect(local('x')?.fixed, c.label).toBe(value);
      expect(local('en')?.type.type.facets.enumeration, c.label).toEqual([enumeration, 'plain']);
      expect(local('pt')?.type.type.facets.patterns, c.label).toEqual([[pattern]]);
    }
  });

  it('docs/reference.html is well-formed XML with no <script> element and no on* attribute', () => {
    for (const { c, files } of generated()) {
      const html = files.get('docs/reference.html')!;
      expect(NOT_XML.test(html), `${c.label}: a character XML 1.0 cannot hold`).toBe(false);
      const doc = XmlDocument.fromString(html);
      try {
        const elements = elementsOf(doc.root);
        expect(elements.filter((e) => e.name === 'script').length, c.label).toBe(0);
        expect(elements.flatMap((e) => e.attrs.filter((a) => /^on/i.test(a.name)).map((a) => `${e.name}@${a.name}`)), c.label).toEqual([]);
      } finally {
        doc.dispose();
      }
    }
  });
});
