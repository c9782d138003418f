/**
 * The packages as a consumer installs them (issue 18): every workspace package `npm pack`ed, and a
 * fresh project outside the repository that installs only those tarballs and their registry
 * dependencies, then
 *   (a) runs plain JavaScript under Node, by import and by require(), and prints what parsing,
 *       validating and serializing event reports gave, diagnostics with line and column included;
 *   (b) type-checks a TypeScript program with `tsc --strict --module nodenext --noEmit`, without
 *       skipLibCheck;
 *   (c) bundles the same program with esbuild for the browser (a Node built-in would fail the
 *       bundle) and runs it in headless Chromium, which must print what Node printed;
 *   (d) runs the installed `evfw validate` through npx.
 * What Node prints from the installed packages must also be what the workspace's sources print.
 *
 * The build must be current (`npm test` builds first): the tarballs are packed without their
 * prepack builds (scripts/workspace-packages.ts says why).
 */
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsumerProject, packWorkspace, runOrThrow, type PackedPackage } from '../../scripts/workspace-packages.js';
import { chromiumUnavailable, runInChromium } from '../support/chromium.js';
import { FROM_SOURCES, REPO_ROOT, SCHEMAS_DIR } from '../support/paths.js';
import { writeConsumerPrograms, type ModelTarget } from './consumer-programs.js';
import { browserBundle, TSC } from './consumer-checks.js';
import { skipUnlessCi } from '../support/requirements.js';

const EXAMPLES = path.join(SCHEMAS_DIR, 'examples');

function examples(folder: 'valid' | 'invalid', names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [`${folder}/${name}`, readFileSync(path.join(EXAMPLES, folder, name), 'utf8')]));
}

const EVENT_REPORTS: ModelTarget = {
  module: '@evfw/model/cpm-evfw',
  element: 'CpmEvfw',
  valueType: 'CpmEvfw',
  documents: {
    ...examples('valid', ['appendix-m-corrected.xml', 'extension-elements-in-object-and-event.xml', 'character-references.xml']),
    ...examples('invalid', ['appendix-m-verbatim.xml', 'missing-index.xml', 'flags-lowercase.xml', 'unclosed-element.xml']),
  },
  // The narrowing types: an event is one of two cases, told apart by $case.
  typedExtra: [
    `export function indexes(report: CpmEvfw): string[] {`,
    `  return report.events.flatMap((event) => (event.$case === 'eventCpmImap' ? [event.eventCpmImap.index] : []));`,
    `}`,
    `export function wrongCase(report: CpmEvfw): void {`,
    `  const event = report.events[0];`,
    `  // @ts-expect-error an extension event has no eventCpmImap`,
    `  if (event?.$case === 'extension') console.log(event.eventCpmImap.index);`,
    `}`,
  ].join('\n'),
};

const browserSkip = skipUnlessCi(chromiumUnavailable());

describe('the packages installed from their tarballs into a project outside the repository', () => {
  let packDir: string;
  let packed: Map<string, PackedPackage>;
  let project: ConsumerProject;
  let fromInstalled: string;

  beforeAll(() => {
    packDir = mkdtempSync(path.join(os.tmpdir(), 'evfw-tarballs-'));
    packed = packWorkspace(packDir);
    project = ConsumerProject.create('evfw-consumer-');
    project.install([...packed.values()].map((p) => p.tarball));
    writeConsumerPrograms(project, EVENT_REPORTS);
    fromInstalled = runOrThrow(process.execPath, ['app.mjs'], project.dir).stdout;
  }, 600_000);

  afterAll(() => {
    project?.dispose();
    if (packDir) rmSync(packDir, { recursive: true, force: true });
  });

  it('packs every package of the workspace', () => {
    expect([...packed.keys()].sort()).toEqual(['@evfw/cli', '@evfw/generator', '@evfw/model', '@evfw/participating-function', '@evfw/protocol', '@evfw/runtime']);
  });

  it('(a) runs plain JavaScript under Node: parse, validate, serialize, with line and column', () => {
    const lines = fromInstalled.trim().split('\n');
    expect(lines).toContain('valid/appendix-m-corrected.xml: valid; round trip same');
    expect(lines.filter((l) => l.startsWith('invalid/appendix-m-verbatim.xml: error ')).length).toBeGreaterThan(0);
    // Every diagnostic line carries a line and column of the document.
    for (const line of lines.filter((l) => l.includes(': error '))) expect(line).toMatch(/ at [1-9]\d*:[1-9]\d* /);
    expect(lines.some((l) => l.includes('disagree') || l.includes('differs'))).toBe(false);
  });

  it('(a) prints what the workspace sources print for the same program', () => {
    const twin = ConsumerProject.create('evfw-sources-twin-');
    try {
      writeConsumerPrograms(twin, EVENT_REPORTS);
      symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(twin.dir, 'node_modules'), 'dir');
      const fromSources = runOrThrow(process.execPath, [FROM_SOURCES, '--import', 'tsx', 'app.mjs'], twin.dir).stdout;
      expect(fromInstalled).toBe(fromSources);
    } finally {
      twin.dispose();
    }
  });

  it('(a) loads through require() as well as import', () => {
    const out = runOrThrow(process.execPath, ['app.cjs'], project.dir).stdout.trim();
    expect(out).toMatch(/^function function \d+(,\d+)+$/);
    expect(out.split(' ')[2]!.split(',').map(Number).some((n) => n > 0)).toBe(true);
  });

  it('(b) type-checks a strict TypeScript program without skipLibCheck', () => {
    const run = project.run(process.execPath, [TSC, '--strict', '--module', 'nodenext', '--noEmit', 'typed.ts']);
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('(b) and refuses a program that misuses the types', () => {
    project.write('wrong.ts', `import { serializeCpmEvfw } from '@evfw/model/cpm-evfw';\nserializeCpmEvfw({ events: [{ $case: 'eventCpmImap' }] });\n`);
    const run = project.run(process.execPath, [TSC, '--strict', '--module', 'nodenext', '--noEmit', 'wrong.ts']);
    expect(run.status).not.toBe(0);
    expect(run.stdout).toMatch(/wrong\.ts\(2,/);
  });

  describe.skipIf(browserSkip)(`(c) in a browser${browserSkip ? ` (skipped: ${browserSkip})` : ''}`, () => {
    it('bundles for the browser with no Node built-in, and prints in Chromium what Node printed', async () => {
      const bundle = await browserBundle(project.dir);
      expect(bundle.nodeBuiltins).toEqual([]);
      // Chromium's lines come back joined, without Node's final newline.
      expect(await runInChromium(bundle.js, { timeoutMs: 60_000 })).toBe(fromInstalled.trimEnd());
    }, 120_000);
  });

  it('(d) runs the installed evfw through npx', () => {
    project.write('reports/valid.xml', EVENT_REPORTS.documents['valid/appendix-m-corrected.xml']!);
    project.write('reports/invalid.xml', EVENT_REPORTS.documents['invalid/missing-index.xml']!);
    const valid = project.run('npx', ['--no-install', 'evfw', 'validate', '--profile', 'xsd', 'reports/valid.xml']);
    expect(valid.stderr).toBe('');
    expect(valid.status).toBe(0);
    const invalid = project.run('npx', ['--no-install', 'evfw', 'validate', '--profile', 'xsd', '--format', 'json', 'reports/invalid.xml']);
    expect(invalid.status).toBe(1);
    const report = JSON.parse(invalid.stdout) as { files: { diagnostics: { code: string; line: number; column: number }[] }[] };
    const fromApp = fromInstalled.split('\n').filter((l) => l.startsWith('invalid/missing-index.xml: error '));
    expect(report.files[0]!.diagnostics.map((d) => `${d.code} at ${d.line}:${d.column}`)).toEqual(fromApp.map((l) => l.replace(/^.*: error (\S+ at \d+:\d+) .*$/, '$1')));
  });
});
