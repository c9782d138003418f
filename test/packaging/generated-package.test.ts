/**
 * A package that the installed `evfw generate` writes for somebody else's schema (RFC 3863's PIDF,
 * from the shared corpus), used as its consumer would (issue 18): once as TypeScript that the
 * package's own `npm run build` compiles, once ready to use (`--emit js`). Each is packed, and a
 * fresh project outside the repository installs the tarball with the runtime's, then
 *   (a) runs plain JavaScript under Node, by import and by require();
 *   (b) type-checks a strict TypeScript program without skipLibCheck;
 *   (c) bundles it for the browser and runs it in headless Chromium, which prints what Node printed.
 * The build must be current (`npm test` builds first; see scripts/workspace-packages.ts).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnvironment, ConsumerProject, packWorkspace, parsePackOutput, runOrThrow } from '../../scripts/workspace-packages.js';
import { chromiumUnavailable, runInChromium } from '../support/chromium.js';
import { CORPUS_DIR, REPO_ROOT } from '../support/paths.js';
import { writeConsumerPrograms, type ModelTarget } from './consumer-programs.js';
import { browserBundle, TSC } from './consumer-checks.js';
import { corpusMissing, skipUnlessCi } from '../support/requirements.js';

const PIDF = path.join(CORPUS_DIR, 'pidf');

/** The two ways to generate, each into a package of its own name. */
const MODES = [
  { mode: 'ts', name: '@acme/pidf-model', dir: 'pidf-model', flags: [] },
  { mode: 'js', name: '@acme/pidf-model-js', dir: 'pidf-model-js', flags: ['--emit', 'js'] },
] as const;

function pidfTarget(packageName: string): ModelTarget {
  const corpus = (name: string) => readFileSync(path.join(PIDF, name), 'utf8');
  return {
    module: `${packageName}/pidf`,
    element: 'Presence',
    valueType: 'Presence',
    documents: {
      'rfc3863.xml': '<?xml version="1.0" encoding="UTF-8"?>\n<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="pres:someone@example.com">\n  <tuple id="sg89ae">\n    <status><basic>open</basic></status>\n    <contact priority="0.8">tel:+09012345678</contact>\n  </tuple>\n</presence>\n',
      // Well-formed, but its digium_presence element inherits the PIDF namespace, which the ##other wildcard refuses (SOURCE.md).
      'asterisk-200.xml': corpus('asterisk-rls-notify-pidf-part-200.xml'),
      'asterisk-201.malformed.xml': corpus('asterisk-rls-notify-pidf-part-201.malformed.xml'),
      'no-entity.xml': '<presence xmlns="urn:ietf:params:xml:ns:pidf">\n  <tuple id="t1"><status><basic>open</basic></status></tuple>\n</presence>\n',
      'basic-misspelled.xml': '<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="pres:someone@example.com">\n  <tuple id="t1"><status><basic>opened</basic></status></tuple>\n</presence>\n',
    },
  };
}

const corpusSkip = skipUnlessCi(corpusMissing());
const browserSkip = skipUnlessCi(chromiumUnavailable());

describe.skipIf(corpusSkip)(`a package evfw generate writes for another schema, installed${corpusSkip ? ` (skipped: ${corpusSkip})` : ''}`, () => {
  const scratch: string[] = [];
  let consumer: ConsumerProject;
  /** What `node app.mjs` printed, per mode. */
  const printed = new Map<string, string>();

  beforeAll(() => {
    const packDir = mkdtempSync(path.join(os.tmpdir(), 'evfw-tarballs-'));
    scratch.push(packDir);
    // The editor installs the CLI, and the runtime that the generated package builds against.
    const ours = packWorkspace(packDir, ['runtime', 'cli']);
    const runtimeTarball = ours.get('@evfw/runtime')!.tarball;

    // The editor's side: the installed CLI generates both packages, and the TypeScript one builds itself.
    const editor = ConsumerProject.create('evfw-editor-');
    scratch.push(editor.dir);
    editor.install([...ours.values()].map((p) => p.tarball));
    const tarballs: string[] = [];
    for (const { name, dir, flags } of MODES) {
      runOrThrow('npx', ['--no-install', 'evfw', 'generate', '--schemas', path.join(PIDF, 'pidf.xsd'), '--out', dir, '--name', name, ...flags], editor.dir);
      const packageDir = path.join(editor.dir, dir);
      // The package's own build script; its tsc is the workspace's, as the package's devDependency would be.
      const env = cleanEnvironment({ PATH: `${path.join(REPO_ROOT, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}` });
      const pack = runOrThrow('npm', ['pack', '--json', '--pack-destination', packDir], packageDir, { env });
      tarballs.push(path.join(packDir, parsePackOutput(pack.stdout)[0]!.filename));
    }

    consumer = ConsumerProject.create('evfw-consumer-');
    consumer.install([runtimeTarball, ...tarballs]);
    for (const { mode, name } of MODES) {
      writeConsumerPrograms(consumer, pidfTarget(name), mode);
      printed.set(mode, runOrThrow(process.execPath, [path.join(mode, 'app.mjs')], consumer.dir).stdout);
    }
  }, 900_000);

  afterAll(() => {
    consumer?.dispose();
    for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  });

  it.each(MODES)('(a) $mode: plain JavaScript under Node parses, validates and serializes', ({ mode }) => {
    const lines = printed.get(mode)!.trim().split('\n');
    expect(lines).toContain('rfc3863.xml: valid; round trip same');
    expect(lines.filter((l) => l.startsWith('asterisk-200.xml: error ')).length).toBeGreaterThan(0);
    expect(lines.filter((l) => l.startsWith('asterisk-201.malformed.xml: error ')).length).toBeGreaterThan(0);
    expect(lines.filter((l) => l.startsWith('no-entity.xml: error ') && / at 1:\d+ /.test(l))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('basic-misspelled.xml: error ') && / at 2:\d+ /.test(l))).toHaveLength(1);
    expect(lines.some((l) => l.includes('disagree') || l.includes('differs'))).toBe(false);
  });

  it('(a) both ways of generating print the same', () => {
    expect(printed.get('js')).toBe(printed.get('ts'));
  });

  it.each(MODES)('(a) $mode: loads through require()', ({ mode }) => {
    const out = runOrThrow(process.execPath, [path.join(mode, 'app.cjs')], consumer.dir).stdout.trim();
    expect(out).toMatch(/^function function \d+(,\d+)+$/);
  });

  it.each(MODES)('(b) $mode: type-checks a strict TypeScript program without skipLibCheck', ({ mode }) => {
    const run = consumer.run(process.execPath, [TSC, '--strict', '--module', 'nodenext', '--noEmit', path.join(mode, 'typed.ts')]);
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  describe.skipIf(browserSkip)(`(c) in a browser${browserSkip ? ` (skipped: ${browserSkip})` : ''}`, () => {
    it.each(MODES)('$mode: bundles with no Node built-in and prints in Chromium what Node printed', async ({ mode }) => {
      const bundle = await browserBundle(consumer.dir, `${mode}/browser.mjs`);
      expect(bundle.nodeBuiltins).toEqual([]);
      expect(await runInChromium(bundle.js, { timeoutMs: 60_000 })).toBe(printed.get(mode)!.trimEnd());
    }, 120_000);
  });
});
