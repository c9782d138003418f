/**
 * What `evfw validate` reads: files, directories walked for *.xml, globs, stdin; and how it ends
 * when an argument names nothing (exit 2, reason on stderr) or a file is not XML at all (an
 * invalid document, exit 1). Every case runs the real binary.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registry } from '../../generated/src/registry.js';
import { parseDocument } from '../../runtime/src/index.js';
import { SCHEMAS_DIR } from '../support/paths.js';
import { jsonOf, runEvfw } from '../support/run-evfw.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'evfw-cli-inputs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const sample = (name: string) => path.join(SCHEMAS_DIR, 'examples', name);
const MINIMAL = sample('valid/minimal.xml');

/** A folder of mixed documents, as a user's capture folder would be. */
const mixed = path.join(scratch, 'mixed');
const MIXED_FILES: Record<string, string | Uint8Array> = {
  'a-minimal.xml': readFileSync(MINIMAL, 'utf8'),
  'b-accuracy-negative.xml': readFileSync(sample('invalid/accuracy-negative.xml'), 'utf8'),
  'c-empty.xml': '',
  'd-binary.xml': Uint8Array.from({ length: 1024 }, (_, i) => (i * 37 + 11) % 256),
  'notes.txt': 'not XML and not named .xml: not read',
  'sub/e-appendix-m-corrected.xml': readFileSync(sample('valid/appendix-m-corrected.xml'), 'utf8'),
  'sub/imdn/f-delivery-delivered.xml': readFileSync(sample('valid/imdn/delivery-delivered.xml'), 'utf8'),
  'sub/imdn/g-status-empty.xml': readFileSync(sample('invalid/imdn/status-empty.xml'), 'utf8'),
};
for (const [name, content] of Object.entries(MIXED_FILES)) {
  mkdirSync(path.dirname(path.join(mixed, name)), { recursive: true });
  writeFileSync(path.join(mixed, name), content);
}
const MIXED_XML = Object.keys(MIXED_FILES).filter((f) => f.endsWith('.xml')).sort();

/** Errors and warnings the runtime itself finds in the mixed folder: what the summary must count. */
function runtimeCounts(): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of MIXED_XML) {
    for (const d of parseDocument(registry, undefined, new Uint8Array(readFileSync(path.join(mixed, f)))).diagnostics) {
      if (d.severity === 'error') errors++;
      else warnings++;
    }
  }
  return { errors, warnings };
}

describe('evfw validate: inputs', () => {
  it('checks one valid file: exit 0 and a summary line', () => {
    const run = runEvfw(['validate', MINIMAL]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('1 file: 1 valid, 0 invalid (0 errors, 0 warnings)\n');
    expect(run.status).toBe(0);
  });

  it('walks a directory of mixed files recursively: exit 1 and the exact JSON counts', () => {
    const run = runEvfw(['validate', '--format', 'json', mixed]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    const report = jsonOf(run);
    expect(report.files.map((f) => f.file)).toEqual(MIXED_XML.map((f) => `${mixed}/${f}`));
    expect(report.files.map((f) => f.valid)).toEqual([true, false, false, false, true, true, false]);
    expect(report.summary).toEqual({ files: 7, valid: 3, invalid: 4, ...runtimeCounts() });
    // An empty file and a binary one are invalid documents with diagnostics, not I/O errors.
    const [, , empty, binary] = report.files;
    expect(empty!.diagnostics.map((d) => d.code)).toEqual(['evfw.xml.no-root']);
    expect(binary!.diagnostics[0]!.code).toMatch(/^evfw\.xml\./);
    // The IMDN documents were checked against imdn.xsd, chosen by their root's namespace.
    expect(report.files[6]!.diagnostics[0]!.path).toBe('/imdn/delivery-notification[1]/status[1]');
  });

  it('in text, shows a binary file without letting its control characters reach the terminal', () => {
    const text = runEvfw(['validate', mixed]);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain(`${mixed}/d-binary.xml:`);
    // Tabs and newlines only.
    expect(text.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('expands a quoted glob itself, ** included, in path order', () => {
    const all = jsonOf(runEvfw(['validate', '--format', 'json', `${mixed}/**/*.xml`]));
    expect(all.files.map((f) => f.file)).toEqual(MIXED_XML.map((f) => `${mixed}/${f}`));
    const top = jsonOf(runEvfw(['validate', '--format', 'json', `${mixed}/[ab]-*.{xml,txt}`]));
    expect(top.files.map((f) => path.basename(f.file))).toEqual(['a-minimal.xml', 'b-accuracy-negative.xml']);
  });

  it('reads standard input for -, and names it <stdin> in text and in JSON', () => {
    const ok = runEvfw(['validate', '--format', 'json', '-'], { input: readFileSync(MINIMAL) });
    expect(ok.status).toBe(0);
    expect(jsonOf(ok).files).toEqual([{ file: '<stdin>', valid: true, diagnostics: [] }]);
    // A root of a namespace without a schema here.
    const bad = runEvfw(['validate', '-'], { input: '<report xmlns="urn:example:unknown"/>' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^<stdin>:1:1: error evfw\.root\.unknown: /);
  });

  it('validates a 10 MB document, and shows only a window of a 1 MB line', () => {
    const big = path.join(scratch, 'big');
    mkdirSync(big);
    const operation = (i: number) => `<operation name="add" flags="\\Seen"><object uid="${i + 1}" folder-path="Default/c${i}/"><message-id>m-${i}-abcdefghijklmnopqrstuvwx</message-id></object></operation>`;
    const ops: string[] = [];
    for (let i = 0, size = 0; size < 10 * 1024 * 1024; i++) size += ops[ops.push(operation(i)) - 1]!.length + 1;
    const head = '<?xml version="1.0" encoding="UTF-8"?>\n<cpm-evfw xmlns="urn:oma:xml:cpm:evfw"><event-cpm-imap type="flags" index="1">';
    writeFileSync(path.join(big, 'lines.xml'), `${head}\n${ops.join('\n')}\n</event-cpm-imap></cpm-evfw>\n`);
    // One line of 1 MB, with one error at its very end.
    writeFileSync(path.join(big, 'one-line.xml'), `${head}${ops.slice(0, ops.length / 10).join('')}<bogus/></event-cpm-imap></cpm-evfw>`);
    const run = runEvfw(['validate', big]);
    expect(run.stdout).toContain('2 files: 1 valid, 1 invalid (1 error, 0 warnings)');
    expect(run.status).toBe(1);
    const [, excerpt, marker] = run.stdout.split('\n');
    expect(excerpt).toMatch(/^ {2}2 \| ….*<\/operation><bogus\/><\/event-cpm-imap><\/cpm-evfw>$/);
    expect([...excerpt!].length).toBeLessThan(140);
    expect(marker!.indexOf('^')).toBe(excerpt!.indexOf('<bogus/>'));
  });
});

describe('evfw validate: arguments that name nothing end the run with exit 2', () => {
  it('a missing file', () => {
    const run = runEvfw(['validate', MINIMAL, 'no-such-file.xml']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('evfw.cli.input-missing: no file or directory "no-such-file.xml"');
    expect(run.stderr).toContain('hint: ');
  });

  it('a glob that matches nothing', () => {
    const run = runEvfw(['validate', `${mixed}/*.none`]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('evfw.cli.no-match');
  });

  it('a directory without a single .xml file', () => {
    const empty = path.join(scratch, 'no-xml');
    mkdirSync(empty);
    writeFileSync(path.join(empty, 'readme.txt'), 'nothing to see');
    const run = runEvfw(['validate', empty]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('evfw.cli.no-files');
  });

  it('a path that cannot be looked at (a symbolic link to itself)', () => {
    const loop = path.join(scratch, 'loop.xml');
    symlinkSync(loop, loop);
    const run = runEvfw(['validate', loop]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('evfw.cli.input-unreadable');
    expect(run.stderr).toContain('ELOOP');
  });

  it('a file that cannot be read (a socket named .xml: unreadable even for root)', async () => {
    const socket = path.join(scratch, 'socket.xml');
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      // open(2) on a socket fails at once (ENXIO), so a blocking child process is fine here.
      const run = runEvfw(['validate', socket]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('evfw.cli.input-unreadable');
    } finally {
      server.close();
    }
  });

  it('- given twice', () => {
    const run = runEvfw(['validate', '-', '-'], { input: '' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('evfw.cli.usage');
  });
});
