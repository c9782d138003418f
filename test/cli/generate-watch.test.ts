/**
 * `evfw generate --watch`, the real binary in a child process, the way a standards editor runs
 * it: the first generation, an edit and the API change it makes, a schema error that leaves the
 * package alone and the process running, the recovery, and Ctrl-C (SIGINT) ending it with 0.
 * Once through the launcher's choice (the build when it is up to date, as `npm test` makes it),
 * once from the TypeScript sources.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { EVFW_BIN, runEvfw } from '../support/run-evfw.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'evfw-cli-watch-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const SCHEMA = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns="urn:example:watch"
    targetNamespace="urn:example:watch" elementFormDefault="qualified">
  <xs:element name="note" type="Note"/>
  <xs:complexType name="Note">
    <xs:sequence>
      <xs:element name="title" type="xs:string"/>
    </xs:sequence>
    <xs:attribute name="id" type="xs:string"/>
  </xs:complexType>
</xs:schema>
`;

/** A new root element with its type, and the attribute id made required. */
const EDITED = SCHEMA.replace('<xs:attribute name="id" type="xs:string"/>', '<xs:attribute name="id" type="xs:string" use="required"/>').replace(
  '</xs:schema>',
  `  <xs:element name="extra" type="Extra"/>
  <xs:complexType name="Extra">
    <xs:sequence>
      <xs:element name="count" type="xs:int"/>
    </xs:sequence>
  </xs:complexType>
</xs:schema>
`,
);

/** A misspelt attribute, on line 9. */
const BROKEN = EDITED.replace('use="required"', 'usex="required"');

/** How long one step may take: a generation is well under a second, starting from the sources a few. */
const STEP_MS = 20_000;

/** A running evfw whose output is collected as it comes. */
class Watching {
  stdout = '';
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(readonly child: ChildProcess) {
    child.stdout!.setEncoding('utf8').on('data', (text: string) => (this.stdout += text));
    child.stderr!.setEncoding('utf8').on('data', (text: string) => (this.stderr += text));
    this.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  }

  /** Resolves once the stream matches, at or after `from` (so that an earlier run's output does not count). */
  async waitFor(stream: 'stdout' | 'stderr', pattern: RegExp, from = 0, what = String(pattern)): Promise<RegExpExecArray> {
    const deadline = Date.now() + STEP_MS;
    for (;;) {
      const match = pattern.exec(this[stream].slice(from));
      if (match) return match;
      if (this.child.exitCode !== null || this.child.signalCode !== null || Date.now() > deadline) {
        const why = this.child.exitCode !== null || this.child.signalCode !== null ? `evfw exited (${this.child.exitCode ?? this.child.signalCode})` : `${STEP_MS} ms passed`;
        throw new Error(`waiting for ${what} on ${stream}: ${why}\n--- stdout ---\n${this.stdout}\n--- stderr ---\n${this.stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }
}

let running: Watching | undefined;
afterEach(() => {
  // A failed test must not leave evfw running.
  if (running?.alive) running.child.kill('SIGKILL');
  running = undefined;
});

function startWatch(dir: string): Watching {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'CI']) delete childEnv[name];
  const child = spawn(process.execPath, [EVFW_BIN, 'generate', '--watch', '--schemas', path.join(dir, 'x.xsd'), '--out', path.join(dir, 'out')], {
    cwd: dir,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running = new Watching(child);
  return running;
}

/** Saves the way many editors do: a temporary file renamed over the schema. */
function save(file: string, text: string): void {
  writeFileSync(`${file}.tmp~`, text);
  renameSync(`${file}.tmp~`, file);
}

describe('evfw generate --watch', () => {
  it('generates, reports an edit as API changes, survives a schema error, recovers, and exits 0 on SIGINT', { timeout: 6 * STEP_MS }, async () => {
    const dir = mkdtempSync(path.join(scratch, 'run-'));
    const schema = path.join(dir, 'x.xsd');
    const types = path.join(dir, 'out/src/x.ts');
    writeFileSync(schema, SCHEMA);
    const evfw = startWatch(dir);

    const first = await evfw.waitFor('stdout', /^\[\d\d:\d\d:\d\d\] start: .*\n(?: {2}.*\n)*/m);
    expect(evfw.stdout.split('\n')[0]).toMatch(/^watching \.\/ \(\*\.xsd, \*\.rules\.json\) for out\/; Ctrl-C to stop$/);
    expect(first[0]).toMatch(/start: API: 1 added; wrote \d+ of \d+ files in out: /);
    expect(first[0]).toContain('  x: new module (');
    expect(readFileSync(types, 'utf8')).toContain('export interface Note {');

    let mark = evfw.stdout.length;
    save(schema, EDITED);
    const edit = await evfw.waitFor('stdout', /\] x\.xsd: API: .*\n(?: {2}.*\n)+/, mark, 'the API changes of the edit');
    // The module's type file first: the one an editor looks at next.
    expect(edit[0]).toMatch(/x\.xsd: API: 4 added, 1 changed; wrote \d+ of \d+ files in out: src\/x\.ts, /);
    expect(edit[0]).toContain('  x: + interface Extra\n');
    expect(edit[0]).toContain('  x: + function parseExtra, validateExtra, serializeExtra\n');
    expect(edit[0]).toContain('  x: ~ interface Note (property id: now required)\n');
    const generated = readFileSync(types, 'utf8');
    expect(generated).toContain('export interface Extra {');
    expect(generated).toMatch(/^ {2}id: string;$/m);

    mark = evfw.stderr.length;
    save(schema, BROKEN);
    const error = await evfw.waitFor('stderr', /x\.xsd: schema error; out left as it was\n(?:.*\n){2,}/, mark, 'the schema error');
    expect(error[0]).toContain('x.xsd:9:5: error xsd.s4s-att-not-allowed: attribute "usex" is not allowed on <xs:attribute>\n');
    expect(error[0]).toContain('hint: did you mean "use"?');
    // Still running, and the package is what the last good schema gave.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(evfw.alive).toBe(true);
    expect(readFileSync(types, 'utf8')).toBe(generated);

    mark = evfw.stdout.length;
    save(schema, EDITED);
    const recovered = await evfw.waitFor('stdout', /\] x\.xsd: recovered; .*\n/, mark, 'the recovery');
    expect(recovered[0]).toMatch(/recovered; API unchanged; out up to date \(\d+ files\)\n$/);

    evfw.child.kill('SIGINT');
    expect(await evfw.exited).toEqual({ code: 0, signal: null });
    expect(evfw.stdout).toMatch(/\] stopped watching\n$/);
    expect(evfw.stderr).not.toContain('evfw.cli.internal');
  });
});

describe('evfw generate --watch: usage and ending', () => {
  it('SIGTERM ends it with 0 too, watchers closed', { timeout: 3 * STEP_MS }, async () => {
    const dir = mkdtempSync(path.join(scratch, 'term-'));
    writeFileSync(path.join(dir, 'x.xsd'), SCHEMA);
    const evfw = startWatch(dir);
    await evfw.waitFor('stdout', /\] start: /);
    evfw.child.kill('SIGTERM');
    // evfw never calls process.exit here: it ends on its own only once every watcher and timer is closed.
    expect(await evfw.exited).toEqual({ code: 0, signal: null });
    expect(evfw.stdout).toMatch(/\] stopped watching\n$/);
  });

  it('--watch with --check is a usage error', () => {
    const run = runEvfw(['generate', '--watch', '--check']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^evfw: evfw\.cli\.usage: --watch and --check cannot be used together/);
    expect(run.stdout).toBe('');
  });

  it('a schema path that does not exist is a usage error at the start', () => {
    const run = runEvfw(['generate', '--watch', '--schemas', path.join(scratch, 'missing.xsd'), '--out', path.join(scratch, 'never')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('evfw.cli.input-missing');
  });
});
