/**
 * What a release publishes (issue 18): every package at one version, its siblings depended on by
 * a range that version satisfies, a CHANGELOG entry for it, and `npm publish --dry-run` of each
 * package clean, with nothing in the tarball but the package's own built files, sources, docs and
 * manifest: no tests, no build state, no file of another package, and every file that `exports`
 * and `bin` name present.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLISHED_FOLDERS, REPO_ROOT, packWorkspace, run, type PackedPackage } from '../../scripts/workspace-packages.js';

interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly private?: boolean;
  readonly license?: string;
  readonly engines?: Record<string, string>;
  readonly repository?: { readonly url: string; readonly directory?: string };
  readonly bin?: Record<string, string>;
  readonly exports?: Record<string, string | Record<string, string>>;
  readonly files?: readonly string[];
  readonly dependencies?: Record<string, string>;
}

const manifestOf = (folder: string): Manifest => JSON.parse(readFileSync(path.join(REPO_ROOT, folder, 'package.json'), 'utf8')) as Manifest;
const root = manifestOf('.');
const manifests = new Map(PUBLISHED_FOLDERS.map((folder) => [folder, manifestOf(folder)]));

/** What a package may ship besides package.json and its README: per folder, the paths it may start with. */
const SHIPPED: Record<string, readonly string[]> = {
  runtime: ['dist/', 'src/'],
  generator: ['dist/', 'src/'],
  protocol: ['dist/', 'src/'],
  pf: ['dist/', 'src/'],
  generated: ['dist/', 'src/', 'schemas/', 'docs/', 'DIAGNOSTICS.md'],
  cli: ['bin/', 'dist/'],
};

describe('the release', () => {
  it.each(PUBLISHED_FOLDERS)('%s has the one version of the release, a licence, engines and a repository', (folder) => {
    const manifest = manifests.get(folder)!;
    expect(manifest.private).toBeUndefined();
    expect(manifest.version).toBe(root.version);
    expect(manifest.license).toBe(root.license);
    expect(manifest.engines?.node).toBe(root.engines?.node);
    // The generated package's manifest is the generator's, for any schema: it names its sources (`evfw.sources`) instead.
    if (folder !== 'generated') {
      expect(manifest.repository?.url).toBe(root.repository?.url);
      expect(manifest.repository?.directory).toBe(folder);
    }
  });

  it.each(PUBLISHED_FOLDERS)('%s depends on its siblings by the caret range of this release', (folder) => {
    const siblings = Object.entries(manifests.get(folder)!.dependencies ?? {}).filter(([name]) => name.startsWith('@evfw/'));
    for (const [name, range] of siblings) expect(`${name}@${range}`).toBe(`${name}@^${root.version}`);
  });

  it('has a CHANGELOG entry for this version', () => {
    const changelog = readFileSync(path.join(REPO_ROOT, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(new RegExp(`^## ${root.version!.replace(/\./g, '\\.')} `, 'm'));
  });
});

describe('npm publish --dry-run of every package', () => {
  let packDir: string;
  let packed: Map<string, PackedPackage>;
  beforeAll(() => {
    packDir = mkdtempSync(path.join(os.tmpdir(), 'evfw-release-'));
    packed = packWorkspace(packDir);
  }, 120_000);
  afterAll(() => rmSync(packDir, { recursive: true, force: true }));

  it.each(PUBLISHED_FOLDERS)('%s publishes cleanly', (folder) => {
    const result = run('npm', ['publish', '--dry-run', '--json', '--ignore-scripts', '--access', 'public', '--workspace', folder], REPO_ROOT);
    expect(result.status, result.stderr).toBe(0);
    // Not logged in is expected of a dry run; anything else npm warns of (a field it corrected) is not.
    const warnings = result.stderr.split('\n').filter((line) => /^npm (warn|error)/i.test(line) && !/requires you to be logged in/.test(line));
    expect(warnings).toEqual([]);
    const [entry] = Object.values(JSON.parse(result.stdout.slice(result.stdout.indexOf('{'))) as Record<string, { name: string }>);
    expect(entry?.name).toBe(manifests.get(folder)!.name);
  });

  it.each(PUBLISHED_FOLDERS)('%s ships only its own built files, sources and documents', (folder) => {
    const files = packed.get(manifests.get(folder)!.name)!.files;
    const allowed = SHIPPED[folder]!;
    const outside = files.filter((file) => file !== 'package.json' && file !== 'README.md' && !allowed.some((prefix) => file.startsWith(prefix)));
    expect(outside).toEqual([]);
    expect(files.filter((file) => /(^|\/)(test|__tests__)\/|\.test\.|\.spec\.|tsbuildinfo|\.evfw-manifest\.json$/.test(file))).toEqual([]);
  });

  it.each(PUBLISHED_FOLDERS)('%s ships every file its exports and bin name', (folder) => {
    const manifest = manifests.get(folder)!;
    const files = new Set(packed.get(manifest.name)!.files);
    const targets = [
      ...Object.values(manifest.bin ?? {}),
      ...Object.values(manifest.exports ?? {}).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target))),
    ].map((target) => target.replace(/^\.\//, ''));
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.filter((target) => !files.has(target))).toEqual([]);
  });
});
