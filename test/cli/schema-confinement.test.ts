/**
 * Issue 17, item 2, through the real `evfw` binary: every command that reads schemas keeps a
 * schema set to the folders of the schemas named and those of --schema-path, refuses anything
 * else with the directive's position and a hint, shows none of the refused file, and honours
 * the caps.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runEvfw } from '../support/run-evfw.js';

const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';
const scratch = mkdtempSync(path.join(os.tmpdir(), 'evfw-cli-confinement-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A schema whose import sits on line 3, column 3. */
const schemaImporting = (location: string) =>
  `<?xml version="1.0"?>\n<xs:schema ${XS} targetNamespace="urn:a" elementFormDefault="qualified">\n  <xs:import namespace="urn:b" schemaLocation="${location}"/>\n  <xs:element name="a" type="xs:string"/>\n</xs:schema>\n`;

function write(dir: string, files: Record<string, string>): string {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

/** set/a.xsd imports ../lib/b.xsd: outside its folder, so it needs --schema-path lib. */
const base = write(mkdtempSync(path.join(scratch, 'sets-')), {
  'set/a.xsd': schemaImporting('../lib/b.xsd'),
  'next/a.xsd': schemaImporting('../lib/b.xsd'),
  'lib/b.xsd': `<xs:schema ${XS} targetNamespace="urn:b"><xs:element name="b" type="xs:string"/></xs:schema>\n`,
  'doc.xml': '<a xmlns="urn:a">x</a>\n',
});

describe('every command that reads schemas keeps to the schema set\'s folders', () => {
  const commands: Record<string, (out: string) => string[]> = {
    'validate --schema': () => ['validate', '--schema', 'set/a.xsd', 'doc.xml'],
    generate: (out) => ['generate', '--schemas', 'set/a.xsd', '--out', out],
    docs: (out) => ['docs', '--schemas', 'set/a.xsd', '--out', out],
    fixture: (out) => ['fixture', '--schemas', 'set/a.xsd', '--namespace', 'urn:a', '--valid', '1', '--invalid', '0', '--seed', '1', '--out', out],
    'diff (both sides)': () => ['diff', 'set/a.xsd', 'next/a.xsd', '--no-witnesses'],
  };
  for (const [name, args] of Object.entries(commands)) {
    it(`${name}: refuses an import outside them, with its position and hint, and reads it with --schema-path`, () => {
      const refused = runEvfw(args(`out-${name.split(' ')[0]}-refused`), { cwd: base });
      expect(refused.status, refused.stderr).toBe(2);
      expect(refused.stderr).toContain('xsd.location.outside-roots');
      expect(refused.stderr).toContain('set/a.xsd:3:3');
      expect(refused.stderr).toMatch(/hint: .*--schema-path/);
      const allowed = runEvfw([...args(`out-${name.split(' ')[0]}`), '--schema-path', 'lib'], { cwd: base });
      expect(allowed.status, allowed.stderr).toBe(0);
    });
  }
});

it('diff: the new version is kept to its folders as the old one is', () => {
  const run = runEvfw(['diff', 'lib/b.xsd', 'next/a.xsd', '--no-witnesses'], { cwd: base });
  expect(run.status, run.stderr).toBe(2);
  expect(run.stderr).toContain('next/a.xsd:3:3: error xsd.location.outside-roots');
  expect(run.stderr).toContain('the schemas of the new version cannot be read');
});

describe('a refused file shows none of its bytes', () => {
  const secret = `evfw-secret-${randomBytes(12).toString('hex')}`;
  const dir = write(mkdtempSync(path.join(scratch, 'environ-')), { 'a.xsd': schemaImporting('/proc/self/environ'), 'doc.xml': '<a xmlns="urn:a">x</a>\n' });

  for (const args of [['validate', '--schema', 'a.xsd', 'doc.xml'], ['generate', '--schemas', 'a.xsd', '--out', 'out']]) {
    it(`${args[0]}: an import of /proc/self/environ exits 2 with its code, and no variable of the environment`, () => {
      const run = runEvfw(args, { cwd: dir, env: { EVFW_CONFINEMENT_MARKER: secret } });
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toContain('a.xsd:3:3: error xsd.location.outside-roots');
      expect(run.stderr + run.stdout).not.toContain(secret);
    });
  }

  it('validate: /proc/self/environ named as the schema itself is not read either', () => {
    const run = runEvfw(['validate', '--schema', '/proc/self/environ', 'doc.xml'], { cwd: dir, env: { EVFW_CONFINEMENT_MARKER: secret } });
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toContain('xsd.file.not-regular');
    expect(run.stderr + run.stdout).not.toContain(secret);
  });
});

describe('the caps', () => {
  const dir = write(mkdtempSync(path.join(scratch, 'caps-')), {
    'a.xsd': schemaImporting('b.xsd'),
    'b.xsd': `<xs:schema ${XS} targetNamespace="urn:b"><!-- ${'z'.repeat(3000)} --></xs:schema>\n`,
    'doc.xml': '<a xmlns="urn:a">x</a>\n',
  });

  it('--max-schema-bytes refuses a larger file at its import, naming the option', () => {
    const run = runEvfw(['validate', '--schema', 'a.xsd', '--max-schema-bytes', '2K', 'doc.xml'], { cwd: dir });
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toContain('a.xsd:3:3: error xsd.file.too-large');
    expect(run.stderr).toMatch(/hint: raise the cap with --max-schema-bytes/);
    expect(runEvfw(['validate', '--schema', 'a.xsd', '--max-schema-bytes', '4K', 'doc.xml'], { cwd: dir }).status).toBe(0);
  });

  it('--max-schema-set-bytes and --max-schema-files refuse a larger set, naming the option', () => {
    const bytes = runEvfw(['generate', '--schemas', 'a.xsd', '--out', 'out-bytes', '--max-schema-set-bytes', '3K'], { cwd: dir });
    expect(bytes.status, bytes.stderr).toBe(2);
    expect(bytes.stderr).toContain('a.xsd:3:3: error xsd.set.too-large');
    expect(bytes.stderr).toMatch(/hint: raise the cap with --max-schema-set-bytes/);
    const files = runEvfw(['generate', '--schemas', 'a.xsd', '--out', 'out-files', '--max-schema-files', '1'], { cwd: dir });
    expect(files.status, files.stderr).toBe(2);
    expect(files.stderr).toContain('a.xsd:3:3: error xsd.set.too-many-files');
    expect(files.stderr).toMatch(/hint: raise the cap with --max-schema-files/);
  });

  it('--schema-path names a folder that exists', () => {
    const run = runEvfw(['validate', '--schema', 'a.xsd', '--schema-path', 'missing', 'doc.xml'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('evfw.cli.input-missing: no directory "missing" (--schema-path)');
  });
});
