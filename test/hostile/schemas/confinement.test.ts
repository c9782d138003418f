/**
 * Issue 17, item 2: a schema set reads regular files under its roots and nothing else. Each
 * case is a directive an attacker's schema could hold; each is refused with its own code, the
 * directive's position, and no byte of the refused file in the message. The cases that would
 * hang or exhaust a test process if confinement failed run the loader in a child process.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GeneratorError } from '../../../generator/src/errors.js';
import { buildIr } from '../../../generator/src/index.js';
import { loadSchemas, type LoadOptions } from '../../../generator/src/load/load-schemas.js';
import { DEFAULT_SCHEMA_READ_LIMITS } from '../../../generator/src/load/schema-access.js';
import { FROM_SOURCES, REPO_ROOT } from '../../support/paths.js';

const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';
const CHILD = path.join(REPO_ROOT, 'test/hostile/schemas/confinement-child.ts');
/** Generous: the child process starts tsx; a refusal itself takes milliseconds. */
const CHILD_TIMEOUT_MS = 30_000;

const scratch = mkdtempSync(path.join(os.tmpdir(), 'evfw-confinement-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A marker that can only be in a message if the file holding it was read. */
const marker = () => `evfw-secret-${randomBytes(12).toString('hex')}`;

/** A schema whose directive sits on line 3, column 3, so every refusal's position is known. */
function schemaWith(directive: string, targetNamespace = 'urn:a'): string {
  return `<?xml version="1.0"?>\n<xs:schema ${XS} targetNamespace="${targetNamespace}">\n  ${directive}\n  <xs:element name="a" type="xs:string"/>\n</xs:schema>\n`;
}

const importOf = (location: string) => `<xs:import namespace="urn:b" schemaLocation="${location}"/>`;

/** A fresh folder holding `files` (name -> text), so cases never share a root. */
function folder(name: string, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(scratch, `${name}-`));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

function refusal(entry: string, options: LoadOptions = {}): GeneratorError {
  try {
    loadSchemas([entry], { rootDir: path.dirname(entry), ...options });
  } catch (error) {
    if (error instanceof GeneratorError) return error;
    throw error;
  }
  throw new Error(`${entry} was loaded, but should have been refused`);
}

/** `column` is where the directive's "<" is: 3 for the first one on line 3. */
function expectAtDirective(error: GeneratorError, code: string, column = 3): void {
  expect(error.code, error.message).toBe(code);
  expect(error.source).toEqual({ file: 'a.xsd', line: 3, column });
}

interface ChildOutcome {
  readonly ok: boolean;
  readonly code?: string;
  readonly message?: string;
  readonly source?: { file: string; line: number; column: number };
}

function loadInChild(entry: string, options: LoadOptions = {}, env: Record<string, string> = {}): { outcome: ChildOutcome | undefined; ms: number; stderr: string } {
  const started = performance.now();
  const run = spawnSync(process.execPath, [FROM_SOURCES, '--import', 'tsx', CHILD, entry, JSON.stringify({ rootDir: path.dirname(entry), ...options })], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: CHILD_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  const line = run.stdout?.split('\n').find((l) => l.startsWith('{'));
  return { outcome: line ? (JSON.parse(line) as ChildOutcome) : undefined, ms, stderr: `${run.stderr ?? ''}${run.signal ? ` (killed by ${run.signal})` : ''}` };
}

/** A FIFO at `file`, with coreutils' mkfifo (the project runs on Debian, like the /proc cases here). */
function makeFifo(file: string): void {
  execFileSync('mkfifo', [file], { stdio: 'ignore' });
}

describe('a schema set reads only regular files under its roots', () => {
  it('refuses an import of /proc/self/environ without reading it, and shows none of the environment', () => {
    const secret = marker();
    const dir = folder('environ', { 'a.xsd': schemaWith(importOf('/proc/self/environ')) });
    const { outcome, stderr } = loadInChild(path.join(dir, 'a.xsd'), {}, { EVFW_CONFINEMENT_MARKER: secret });
    expect(outcome, stderr).toBeDefined();
    expect(outcome!.code).toBe('xsd.location.outside-roots');
    expect(outcome!.source).toEqual({ file: 'a.xsd', line: 3, column: 3 });
    expect(outcome!.message).not.toContain(secret);
    expect(stderr).not.toContain(secret);
  });

  it('refuses /proc even when a root lies there, as a kernel file system', () => {
    const secret = marker();
    const dir = folder('environ-root', { 'a.xsd': schemaWith(importOf('/proc/self/environ')) });
    const { outcome, stderr } = loadInChild(path.join(dir, 'a.xsd'), { schemaPath: ['/proc/self'] }, { EVFW_CONFINEMENT_MARKER: secret });
    expect(outcome, stderr).toBeDefined();
    expect(outcome!.code).toBe('xsd.file.not-regular');
    expect(outcome!.message).toMatch(/\/proc, a kernel file system/);
    expect(outcome!.source).toEqual({ file: 'a.xsd', line: 3, column: 3 });
    expect(outcome!.message).not.toContain(secret);
  });

  it('refuses an absolute path outside the roots, without the file in the message', () => {
    const secret = marker();
    const outside = folder('outside', { 'secret.xsd': `not a schema: ${secret}\n` });
    const dir = folder('absolute', { 'a.xsd': schemaWith(importOf(path.join(outside, 'secret.xsd'))) });
    const error = refusal(path.join(dir, 'a.xsd'));
    expectAtDirective(error, 'xsd.location.outside-roots');
    expect(error.message).not.toContain(secret);
    expect(error.hint).toMatch(/--schema-path/);
  });

  it('refuses a ../ escape, and a file: URL of one', () => {
    const secret = marker();
    const base = folder('dotdot', { 'outside/secret.xsd': `${secret}\n` });
    for (const location of ['../outside/secret.xsd', 'file:../outside/secret.xsd', 'sub/../../outside/secret.xsd']) {
      const set = path.join(base, `set-${location.length}`);
      mkdirSync(path.join(set, 'sub'), { recursive: true });
      writeFileSync(path.join(set, 'a.xsd'), schemaWith(importOf(location)));
      const error = refusal(path.join(set, 'a.xsd'));
      expectAtDirective(error, 'xsd.location.outside-roots');
      expect(error.message).not.toContain(secret);
    }
  });

  it('refuses a symbolic link under the root that points outside, file or folder', () => {
    const secret = marker();
    const outside = folder('link-target', { 'secret.xsd': `<xs:schema ${XS} targetNamespace="urn:b"><!-- ${secret} --></xs:schema>\n` });
    const dir = folder('links', {});
    symlinkSync(path.join(outside, 'secret.xsd'), path.join(dir, 'link.xsd'));
    symlinkSync(outside, path.join(dir, 'vendor'), 'dir');
    for (const location of ['link.xsd', 'vendor/secret.xsd']) {
      writeFileSync(path.join(dir, 'a.xsd'), schemaWith(importOf(location)));
      const error = refusal(path.join(dir, 'a.xsd'));
      expectAtDirective(error, 'xsd.location.outside-roots');
      expect(error.message).toMatch(/symbolic link/);
      expect(error.message).not.toContain(secret);
    }
  });

  it('refuses /dev/zero promptly, under a root or not', () => {
    const dir = folder('zero', { 'a.xsd': schemaWith(importOf('/dev/zero')) });
    for (const [options, code] of [[{}, 'xsd.location.outside-roots'], [{ schemaPath: ['/dev'] }, 'xsd.file.not-regular']] as const) {
      const { outcome, ms, stderr } = loadInChild(path.join(dir, 'a.xsd'), options);
      expect(outcome, stderr).toBeDefined();
      expect(outcome!.code).toBe(code);
      expect(outcome!.source).toEqual({ file: 'a.xsd', line: 3, column: 3 });
      expect(ms).toBeLessThan(CHILD_TIMEOUT_MS);
    }
  });

  it('refuses a FIFO under the root, and one named as the entry, without blocking', () => {
    const dir = folder('fifo', { 'a.xsd': schemaWith(importOf('pipe.xsd')) });
    makeFifo(path.join(dir, 'pipe.xsd'));
    for (const [entry, source] of [[path.join(dir, 'a.xsd'), { file: 'a.xsd', line: 3, column: 3 }], [path.join(dir, 'pipe.xsd'), undefined]] as const) {
      const { outcome, stderr } = loadInChild(entry);
      expect(outcome, stderr).toBeDefined();
      expect(outcome!.code).toBe('xsd.file.not-regular');
      expect(outcome!.message).toMatch(/is a FIFO, not a regular file/);
      expect(outcome!.source).toEqual(source);
    }
  });

  it('refuses a folder named as a schema', () => {
    const dir = folder('folder', { 'a.xsd': schemaWith(importOf('sub')), 'sub/b.xsd': `<xs:schema ${XS} targetNamespace="urn:b"/>` });
    const error = refusal(path.join(dir, 'a.xsd'));
    expectAtDirective(error, 'xsd.file.not-regular');
    expect(error.message).toMatch(/is a directory/);
  });

  it("allows a named file's siblings and what lies below its folder", () => {
    const dir = folder('siblings', {
      'a.xsd': schemaWith(`<xs:include schemaLocation="b.xsd"/><xs:import namespace="urn:c" schemaLocation="sub/c.xsd"/>`),
      'b.xsd': `<xs:schema ${XS} targetNamespace="urn:a"><xs:element name="b" type="xs:string"/></xs:schema>\n`,
      'sub/c.xsd': `<xs:schema ${XS} targetNamespace="urn:c"><xs:element name="c" type="xs:string"/></xs:schema>\n`,
    });
    const documents = loadSchemas([path.join(dir, 'a.xsd')], { rootDir: dir });
    expect(documents.map((d) => d.file)).toEqual(['a.xsd', 'b.xsd', 'sub/c.xsd']);
  });

  it('reaches another folder once schemaPath names it as a root', () => {
    const base = folder('schema-path', {
      'set/a.xsd': schemaWith(importOf('../lib/b.xsd')),
      'lib/b.xsd': `<xs:schema ${XS} targetNamespace="urn:b"><xs:element name="b" type="xs:string"/></xs:schema>\n`,
    });
    const entry = path.join(base, 'set/a.xsd');
    expectAtDirective(refusal(entry), 'xsd.location.outside-roots');
    const ir = buildIr([entry], { rootDir: path.join(base, 'set'), schemaPath: [path.join(base, 'lib')] });
    expect(ir.schemas.map((s) => s.namespace)).toContain('urn:b');
  });

  it('refuses a schema file over the per-file cap, naming the option', () => {
    const big = `<xs:schema ${XS} targetNamespace="urn:b"><!-- ${'x'.repeat(4096)} --></xs:schema>\n`;
    const dir = folder('file-cap', { 'a.xsd': schemaWith(importOf('b.xsd')), 'b.xsd': big });
    const error = refusal(path.join(dir, 'a.xsd'), { maxSchemaBytes: 2048 });
    expectAtDirective(error, 'xsd.file.too-large');
    expect(error.message).toMatch(/larger than 2048 bytes/);
    expect(error.hint).toMatch(/--max-schema-bytes/);
    // The default cap takes it.
    expect(loadSchemas([path.join(dir, 'a.xsd')], { rootDir: dir })).toHaveLength(2);
  });

  it('refuses a schema set over the per-set cap, and over the file count, naming the options', () => {
    const part = (ns: string) => `<xs:schema ${XS} targetNamespace="${ns}"><!-- ${'y'.repeat(900)} --></xs:schema>\n`;
    const dir = folder('set-cap', {
      'a.xsd': schemaWith(`${importOf('b.xsd')}<xs:import namespace="urn:c" schemaLocation="c.xsd"/>`),
      'b.xsd': part('urn:b'),
      'c.xsd': part('urn:c'),
    });
    const entry = path.join(dir, 'a.xsd');
    // b.xsd fits; c.xsd, the second import, is the one that passes the caps.
    const second = 3 + importOf('b.xsd').length;
    const bytes = refusal(entry, { maxSchemaBytes: 1500, maxSchemaSetBytes: 2000 });
    expectAtDirective(bytes, 'xsd.set.too-large', second);
    expect(bytes.hint).toMatch(/--max-schema-set-bytes/);
    const files = refusal(entry, { maxSchemaFiles: 2 });
    expectAtDirective(files, 'xsd.set.too-many-files', second);
    expect(files.hint).toMatch(/--max-schema-files/);
    expect(loadSchemas([entry], { rootDir: dir, maxSchemaBytes: 1500, maxSchemaSetBytes: 4000, maxSchemaFiles: 3 })).toHaveLength(3);
  });

  it('follows a chain of imports as long as the file cap allows without exhausting the stack', () => {
    const files = DEFAULT_SCHEMA_READ_LIMITS.maxSchemaFiles;
    const dir = folder('chain');
    for (let i = 0; i < files; i++) {
      const next = i + 1 < files ? `<xs:import namespace="urn:n${i + 1}" schemaLocation="s${i + 1}.xsd"/>` : '';
      writeFileSync(path.join(dir, `s${i}.xsd`), `<xs:schema ${XS} targetNamespace="urn:n${i}">${next}<xs:element name="e" type="xs:string"/></xs:schema>\n`);
    }
    const documents = loadSchemas([path.join(dir, 's0.xsd')], { rootDir: dir });
    expect(documents).toHaveLength(files);
    expect(documents.at(-1)!.file).toBe(`s${files - 1}.xsd`);
  });

  it('reads a rules file beside a schema only under the roots', () => {
    const secret = marker();
    const outside = folder('rules-target', { 'rules.json': `{ "${secret}": ` });
    const dir = folder('rules', { 'a.xsd': `<xs:schema ${XS} targetNamespace="urn:a"><xs:element name="a" type="xs:string"/></xs:schema>\n` });
    symlinkSync(path.join(outside, 'rules.json'), path.join(dir, 'a.rules.json'));
    let caught: unknown;
    try {
      buildIr([path.join(dir, 'a.xsd')], { rootDir: dir });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GeneratorError);
    expect((caught as GeneratorError).code).toBe('xsd.location.outside-roots');
    expect((caught as GeneratorError).message).not.toContain(secret);
  });
});
