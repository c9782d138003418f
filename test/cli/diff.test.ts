/**
 * `evfw diff` as a process: two paths or a git revision against the working tree, text and
 * JSON, and the exit status: 0 nothing breaking, 1 breaking (0 with --allow-breaking), 2 a
 * usage, git or schema error.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SchemaChange, Witness } from '../../generator/src/diff/schema-change.js';
import { Libxml2Oracle } from '../support/libxml2-oracle.js';
import { SCHEMAS_DIR } from '../support/paths.js';
import { runEvfw } from '../support/run-evfw.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'evfw-cli-diff-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const NS = 'urn:oma:xml:cpm:evfw';
const ORIGINAL = readFileSync(path.join(SCHEMAS_DIR, 'cpm-evfw.xsd'), 'utf8');

/** The flag enumeration loses \Deleted (breaking producers) and gains \Flagged (affecting consumers). */
function breakingEdit(text: string): string {
  return text.replace('<xs:enumeration value="\\Deleted">', '<xs:enumeration value="\\Flagged">');
}

function documentationEdit(text: string): string {
  return text.replace('The message has been read (6.7.5.1 item 1).', 'The message has been seen (6.7.5.1 item 1).');
}

/** A folder under scratch holding old/cpm-evfw.xsd and new/cpm-evfw.xsd. */
function versions(name: string, edit: (text: string) => string): string {
  const dir = path.join(scratch, name);
  for (const [side, text] of [['old', ORIGINAL], ['new', edit(ORIGINAL)]] as const) {
    mkdirSync(path.join(dir, side), { recursive: true });
    writeFileSync(path.join(dir, side, 'cpm-evfw.xsd'), text);
  }
  return dir;
}

interface DiffJson {
  before: string;
  after: string;
  changes: (SchemaChange & { witnesses?: Witness[]; noWitness?: string })[];
  semver: string;
  breaking: boolean;
}

describe('evfw diff <old> <new>', () => {
  const dir = versions('breaking', breakingEdit);

  it('text: grouped by namespace, positions of both versions, who is reached, the semver step; exit 1', () => {
    const run = runEvfw(['diff', 'old/cpm-evfw.xsd', 'new/cpm-evfw.xsd'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('urn:oma:xml:cpm:evfw');
    expect(run.stdout).toContain(
      '  new/cpm-evfw.xsd:155:3: enumeration-value-removed type imap-flag: value "\\Deleted" removed from the enumeration ("\\Seen", "\\Deleted" -> "\\Seen", "\\Flagged") [producers: breaking / consumers: none / generated API: breaking]\n      was old/cpm-evfw.xsd:166:7\n      at /cpm-evfw/event-cpm-imap/operation/@flags\n',
    );
    expect(run.stdout).toContain('  new/cpm-evfw.xsd:166:7: enumeration-value-added type imap-flag: value "\\Flagged" added to the enumeration');
    expect(run.stdout).toContain('[producers: none / consumers: affected]');
    // ImapFlag loses '\\Deleted': code that names it no longer compiles. Gaining '\\Flagged' breaks no code.
    expect(lines.at(-2)).toBe('old/cpm-evfw.xsd -> new/cpm-evfw.xsd: 2 changes (1 breaking producers, 1 affecting consumers, 1 breaking the generated API, 0 documentation only); semver: major (breaking)');
  });

  it('--allow-breaking: the same report, exit 0', () => {
    const run = runEvfw(['diff', '--allow-breaking', 'old', 'new'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('semver: major (breaking)');
  });

  it('json: one object with the changes, the semver step and breaking', () => {
    const run = runEvfw(['diff', '--format', 'json', 'old', 'new'], { cwd: dir });
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as DiffJson;
    expect(report.before).toBe('old');
    expect(report.after).toBe('new');
    expect(report.semver).toBe('major');
    expect(report.breaking).toBe(true);
    expect(report.changes.map((c) => [c.kind, c.subject, c.producers, c.consumers, c.paths])).toEqual([
      ['enumeration-value-removed', 'type imap-flag', 'breaking', 'none', ['/cpm-evfw/event-cpm-imap/operation/@flags']],
      ['enumeration-value-added', 'type imap-flag', 'none', 'affected', ['/cpm-evfw/event-cpm-imap/operation/@flags']],
    ]);
    expect(report.changes[0]!.before).toEqual({ file: 'old/cpm-evfw.xsd', line: 166, column: 7 });
  });

  it('an attribute made required (uid): breaks the generated API, as code building an ObjectType without it no longer compiles', () => {
    const uid = versions('uid', (text) => text.replace('<xs:attribute name="uid" type="xs:string">', '<xs:attribute name="uid" type="xs:string" use="required">'));
    const run = runEvfw(['diff', '--no-witnesses', 'old', 'new'], { cwd: uid });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('made-required attribute uid of type object: attribute uid is now required (use optional -> required) [producers: breaking / consumers: none / generated API: breaking]');
    expect(run.stdout).toMatch(/: 1 change \(1 breaking producers, 0 affecting consumers, 1 breaking the generated API, 0 documentation only\); semver: major \(breaking\)\n$/);
    const report = JSON.parse(runEvfw(['diff', '--no-witnesses', '--format', 'json', 'old', 'new'], { cwd: uid }).stdout) as DiffJson;
    expect(report.changes.map((c) => [c.kind, c.apiBreaking])).toEqual([['made-required', true]]);
    expect(report.semver).toBe('major');
  });

  it('a documentation-only change: semver patch, exit 0', () => {
    const docs = versions('docs', documentationEdit);
    const run = runEvfw(['diff', 'old', 'new'], { cwd: docs });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('documentation-changed type imap-flag: documentation of value "\\Seen": "The message has been read (6.7.5.1 item 1)." -> "The message has been seen (6.7.5.1 item 1)."');
    expect(run.stdout).toMatch(/: 1 change \(0 breaking producers, 0 affecting consumers, 0 breaking the generated API, 1 documentation only\); semver: patch\n$/);
  });

  it('witnesses: one per side, printed with the refusal, written with --witness-dir, and each proved by evfw and by libxml2', () => {
    const run = runEvfw(['diff', '--witness-dir', 'witnesses', 'old', 'new'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('2 witness documents written to witnesses\n');
    expect(run.stdout).toMatch(/witness for producers: a document valid under the old version; the new one reports evfw\.attribute\.enum at \d+:\d+ \/cpm-evfw\/event-cpm-imap\[1\]\/operation\[\d+\]\/@flags/);
    expect(run.stdout).toMatch(/witness for consumers: a document valid under the new version; the old one reports evfw\.attribute\.enum/);
    const files = readdirSync(path.join(dir, 'witnesses')).sort();
    expect(files).toEqual(['1-enumeration-value-removed-producers.xml', '2-enumeration-value-added-consumers.xml']);
    const oracles = { old: new Libxml2Oracle([{ namespace: NS, file: path.join(dir, 'old/cpm-evfw.xsd') }]), new: new Libxml2Oracle([{ namespace: NS, file: path.join(dir, 'new/cpm-evfw.xsd') }]) };
    try {
      for (const [file, valid, refused] of [[files[0]!, 'old', 'new'], [files[1]!, 'new', 'old']] as const) {
        const witness = path.join('witnesses', file);
        const accepted = runEvfw(['validate', '--profile', 'xsd', '--schema', valid, witness], { cwd: dir });
        expect(accepted.status, accepted.stdout).toBe(0);
        const refusal = runEvfw(['validate', '--profile', 'xsd', '--schema', refused, witness], { cwd: dir });
        expect(refusal.status).toBe(1);
        expect(refusal.stdout).toContain('error evfw.attribute.enum');
        const text = readFileSync(path.join(dir, witness), 'utf8');
        expect(oracles[valid].verdict(text), `libxml2 refuses ${file} under ${valid}`).toBeUndefined();
        expect(oracles[refused].verdict(text), `libxml2 accepts ${file} under ${refused}`).toMatch(/flags/);
      }
    } finally {
      oracles.old.dispose();
      oracles.new.dispose();
    }
  });

  it('json: each change carries its witnesses', () => {
    const report = JSON.parse(runEvfw(['diff', '--format', 'json', 'old', 'new'], { cwd: dir }).stdout) as DiffJson;
    expect(report.changes.map((c) => c.witnesses?.map((w) => [w.validUnder, w.rejection.code]))).toEqual([[['before', 'evfw.attribute.enum']], [['after', 'evfw.attribute.enum']]]);
    expect(report.changes.every((c) => c.noWitness === undefined)).toBe(true);
  });

  it('a documentation-only change has no witness, and says why', () => {
    const report = JSON.parse(runEvfw(['diff', '--format', 'json', 'old', 'new'], { cwd: versions('docs-json', documentationEdit) }).stdout) as DiffJson;
    expect(report.changes).toHaveLength(1);
    expect(report.changes[0]!.witnesses).toEqual([]);
    expect(report.changes[0]!.noWitness).toMatch(/documentation only/);
  });

  it('identical versions: no changes, exit 0', () => {
    const run = runEvfw(['diff', 'old', 'old'], { cwd: dir });
    expect(run.stdout).toBe('old -> old: no changes; semver: none\n');
    expect(run.status).toBe(0);
  });
});

describe('evfw diff: usage and schema errors exit 2', () => {
  it('one path without --git', () => {
    const run = runEvfw(['diff', 'schemas']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('evfw: evfw.cli.usage: evfw diff needs two versions: <old> <new>, or --git <rev>');
  });

  it('--witness-dir with --no-witnesses', () => {
    const run = runEvfw(['diff', '--no-witnesses', '--witness-dir', 'w', 'schemas', 'schemas']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('evfw: evfw.cli.usage: --witness-dir and --no-witnesses contradict each other\n  hint: drop one of them\n');
  });

  it('a missing path', () => {
    const run = runEvfw(['diff', 'schemas', 'no-such-folder']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('evfw: evfw.cli.input-missing: no schema file or directory "no-such-folder"');
  });

  it('a schema that cannot be read: its position, exit 2', () => {
    const dir = versions('unreadable', (text) => text.replace('minOccurs="0"', 'minOcurs="0"'));
    const run = runEvfw(['diff', 'old', 'new'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/new\/cpm-evfw\.xsd:\d+:\d+: error xsd\.s4s-att-not-allowed: /);
    expect(run.stderr).toContain('evfw: evfw.cli.schema: the schemas of the new version cannot be read, so nothing was compared');
  });

  it('--git outside a git repository', () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'evfw-cli-diff-nogit-'));
    try {
      const run = runEvfw(['diff', '--git', 'HEAD'], { cwd: outside, env: { GIT_CEILING_DIRECTORIES: path.dirname(outside) } });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^evfw: evfw\.cli\.git: --git needs a git repository, and .* is not in one\n/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('evfw diff --git <rev>', () => {
  const repo = path.join(scratch, 'repo');
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=evfw tests', '-c', 'user.email=tests@evfw.invalid', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd: repo, stdio: 'pipe' });
  mkdirSync(path.join(repo, 'schemas/common'), { recursive: true });
  // cpm-evfw.xsd with its rules file, and a schema that includes a file of a subfolder.
  cpSync(path.join(SCHEMAS_DIR, 'cpm-evfw.xsd'), path.join(repo, 'schemas/cpm-evfw.xsd'));
  cpSync(path.join(SCHEMAS_DIR, 'cpm-evfw.rules.json'), path.join(repo, 'schemas/cpm-evfw.rules.json'));
  writeFileSync(
    path.join(repo, 'schemas/notes.xsd'),
    '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:n="urn:notes" targetNamespace="urn:notes" elementFormDefault="qualified">\n  <xs:include schemaLocation="common/note-types.xsd"/>\n  <xs:element name="note" type="n:note"/>\n</xs:schema>\n',
  );
  const noteTypes = (maxLength: number) =>
    `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:notes">\n  <xs:simpleType name="note">\n    <xs:restriction base="xs:string"><xs:maxLength value="${maxLength}"/></xs:restriction>\n  </xs:simpleType>\n</xs:schema>\n`;
  writeFileSync(path.join(repo, 'schemas/common/note-types.xsd'), noteTypes(200));
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'schemas');

  it('with nothing edited: no changes, exit 0', () => {
    const run = runEvfw(['diff', '--git', 'HEAD'], { cwd: repo });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('HEAD:schemas -> schemas: no changes; semver: none\n');
    expect(run.status).toBe(0);
  });

  it('uncommitted edits, including one in an included file: old positions read <rev>:path', () => {
    writeFileSync(path.join(repo, 'schemas/cpm-evfw.xsd'), breakingEdit(ORIGINAL));
    writeFileSync(path.join(repo, 'schemas/common/note-types.xsd'), noteTypes(100));
    try {
      const run = runEvfw(['diff', '--git', 'HEAD', '--format', 'json'], { cwd: repo });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(1);
      const report = JSON.parse(run.stdout) as DiffJson;
      expect(report.before).toBe('HEAD:schemas');
      expect(report.after).toBe('schemas');
      expect(report.changes.map((c) => [c.namespace, c.kind, c.before?.file, c.after?.file])).toEqual([
        ['urn:notes', 'facet-tightened', 'HEAD:schemas/common/note-types.xsd', 'schemas/common/note-types.xsd'],
        ['urn:oma:xml:cpm:evfw', 'enumeration-value-removed', 'HEAD:schemas/cpm-evfw.xsd', 'schemas/cpm-evfw.xsd'],
        ['urn:oma:xml:cpm:evfw', 'enumeration-value-added', 'HEAD:schemas/cpm-evfw.xsd', 'schemas/cpm-evfw.xsd'],
      ]);
      expect(report.changes[0]!.message).toBe('maxLength 200 -> 100');
      expect(report.changes[0]!.paths).toEqual(['/note']);

      const text = runEvfw(['diff', '--git', 'HEAD'], { cwd: repo });
      expect(text.stdout).toContain('      was HEAD:schemas/cpm-evfw.xsd:166:7\n');
      expect(text.stdout.split('\n').filter((l) => /^\S/.test(l))).toEqual(['urn:notes', 'urn:oma:xml:cpm:evfw', 'HEAD:schemas -> schemas: 3 changes (2 breaking producers, 1 affecting consumers, 1 breaking the generated API, 0 documentation only); semver: major (breaking)']);
    } finally {
      git('checkout', '-q', '--', '.');
    }
  });

  it('a folder or a file named, from a subfolder of the repository', () => {
    writeFileSync(path.join(repo, 'schemas/cpm-evfw.xsd'), documentationEdit(ORIGINAL));
    try {
      const folder = runEvfw(['diff', '--git', 'HEAD', '.'], { cwd: path.join(repo, 'schemas') });
      expect(folder.status).toBe(0);
      expect(folder.stdout).toContain('  cpm-evfw.xsd:161:7: documentation-changed type imap-flag');
      expect(folder.stdout).toContain('      was HEAD:cpm-evfw.xsd:161:7\n');
      const file = runEvfw(['diff', '--git', 'HEAD', 'schemas/cpm-evfw.xsd'], { cwd: repo });
      expect(file.status).toBe(0);
      expect(file.stdout).toMatch(/^HEAD:schemas\/cpm-evfw\.xsd -> schemas\/cpm-evfw\.xsd: 1 change .*semver: patch$/m);
    } finally {
      git('checkout', '-q', '--', '.');
    }
  });

  it('a revision git does not know: exit 2', () => {
    const run = runEvfw(['diff', '--git', 'no-such-branch'], { cwd: repo });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('evfw: evfw.cli.git: no revision "no-such-branch" in this repository\n  hint: give a commit, branch or tag git knows: HEAD, HEAD~1, main, v1.2.0\n');
  });

  it('a folder that did not exist at the revision: exit 2', () => {
    mkdirSync(path.join(repo, 'later'), { recursive: true });
    writeFileSync(path.join(repo, 'later/x.xsd'), noteTypes(1));
    try {
      const run = runEvfw(['diff', '--git', 'HEAD', 'later'], { cwd: repo });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('evfw: evfw.cli.input-missing: no file or directory "later" at HEAD');
    } finally {
      rmSync(path.join(repo, 'later'), { recursive: true, force: true });
    }
  });
});
