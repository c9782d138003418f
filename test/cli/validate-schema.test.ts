/**
 * `evfw validate --schema`: any XSD the generator reads, compiled in memory, as
 * `xmllint --schema` does. Its verdict on every corpus instance agrees with libxml2's; a schema
 * it cannot read stops the run with exit 2 and the schema's position.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusCases } from '../support/documents.js';
import { CORPUS_AVAILABLE, CORPUS_DIR, CORPUS_SKIP_REASON, SCHEMAS_DIR } from '../support/paths.js';
import { jsonOf, runEvfw } from '../support/run-evfw.js';
import { LIBXML2_REFUSES, corpusOracle } from '../support/libxml2-quirks.js';
import { corpusMissing, testMissing } from '../support/requirements.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'evfw-cli-schema-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));


describe(`evfw validate --schema agrees with libxml2 on the corpus${CORPUS_AVAILABLE ? '' : ` (${CORPUS_SKIP_REASON})`}`, () => {
  testMissing('the tests of the corpus', corpusMissing());
  for (const c of corpusCases().filter((c) => c.instances.length > 0)) {
    it(`${c.set}: ${c.instances.map((i) => path.basename(i.name)).join(', ')}`, () => {
      const folder = path.join(CORPUS_DIR, c.set);
      const args = ['validate', '--format', 'json', ...c.files.flatMap((f) => ['--schema', f]), ...c.flags, ...c.instances.map((i) => path.join(CORPUS_DIR, i.name))];
      const run = runEvfw(args);
      // A set read with --upa warning says so on stderr, once (D-113); the others say nothing there.
      if (c.flags.includes('--upa')) expect(run.stderr).toMatch(/^\S+:\d+:\d+: warning xsd\.cos-nonambig: /);
      else expect(run.stderr).toBe('');
      const report = jsonOf(run);
      const { oracle, refusal } = corpusOracle(c);
      if (refusal !== undefined) expect(refusal, `libxml2 refuses the ${c.set} schema`).toContain(LIBXML2_REFUSES[c.set] ?? 'no refusal expected');
      try {
        for (const [k, instance] of c.instances.entries()) {
          const theirs = oracle
            ? oracle.verdict(new TextDecoder().decode(instance.bytes))
            : instance.name.endsWith('.malformed.xml') ? 'malformed, by its name' : undefined;
          const ours = report.files[k]!;
          expect(ours.file).toBe(path.join(folder, path.basename(instance.name)));
          expect(ours.valid, `${instance.name}: evfw says ${JSON.stringify(ours.diagnostics[0] ?? 'valid')}; libxml2 says ${theirs ?? 'valid'}`).toBe(theirs === undefined);
        }
      } finally {
        oracle?.dispose();
      }
      expect(run.status).toBe(report.files.every((f) => f.valid) ? 0 : 1);
    });
  }
});

describe('evfw validate --schema', () => {
  it('takes a folder of XSDs, and rejects documents of namespaces it does not declare', () => {
    const run = runEvfw(['validate', '--format', 'json', '--schema', path.join(SCHEMAS_DIR, 'imdn.xsd'), path.join(SCHEMAS_DIR, 'examples/valid/imdn/delivery-delivered.xml'), path.join(SCHEMAS_DIR, 'examples/valid/minimal.xml')]);
    expect(run.status).toBe(1);
    expect(jsonOf(run).files.map((f) => [f.valid, f.diagnostics.map((d) => d.code)])).toEqual([
      [true, []],
      [false, ['evfw.root.unknown']],
    ]);
    expect(runEvfw(['validate', '--profile', 'xsd', '--schema', SCHEMAS_DIR, path.join(SCHEMAS_DIR, 'examples/valid')]).status).toBe(0);
  });

  it('a schema it cannot read: exit 2, printed like a diagnostic with the position and hint', () => {
    const bad = path.join(scratch, 'bad.xsd');
    const text = readFileSync(path.join(SCHEMAS_DIR, 'imdn.xsd'), 'utf8').replace('minOccurs="0"', 'minOcurs="0"');
    writeFileSync(bad, text);
    const line = text.split('\n').findIndex((l) => l.includes('minOcurs')) + 1;
    const run = runEvfw(['validate', '--schema', bad, path.join(SCHEMAS_DIR, 'examples/valid/minimal.xml')]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^${bad}:${line}:\\d+: error xsd\\.s4s-att-not-allowed: attribute "minOcurs"`));
    expect(run.stderr).toContain('hint: did you mean "minOccurs"?');
    expect(run.stderr).toContain('evfw.cli.schema');
  });

  it('a missing schema file: exit 2', () => {
    const run = runEvfw(['validate', '--schema', 'no-such.xsd', path.join(SCHEMAS_DIR, 'examples/valid/minimal.xml')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('evfw.cli.input-missing: no schema file or directory "no-such.xsd"');
  });
});
