/**
 * `evfw generate --emit <ts|js>`: the flag reaches the generator, the drift check compares in
 * the mode asked for, and the command it prints to fix a stale package keeps the flag.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runEvfw } from '../support/run-evfw.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'evfw-cli-emit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
writeFileSync(
  path.join(scratch, 'one.xsd'),
  '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:one"><xs:element name="a" type="xs:string"/></xs:schema>\n',
);

describe('generate --emit', () => {
  it('writes dist/ with --emit js, is up to date for --check --emit js, and stale for --check without it', () => {
    const run = runEvfw(['generate', '--schemas', 'one.xsd', '--out', 'js', '--emit', 'js'], { cwd: scratch });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(existsSync(path.join(scratch, 'js/dist/one.js'))).toBe(true);
    expect(existsSync(path.join(scratch, 'js/src'))).toBe(false);
    expect(JSON.parse(readFileSync(path.join(scratch, 'js/package.json'), 'utf8')).scripts).toBeUndefined();

    expect(runEvfw(['generate', '--schemas', 'one.xsd', '--out', 'js', '--emit', 'js', '--check'], { cwd: scratch }).status).toBe(0);
    const stale = runEvfw(['generate', '--schemas', 'one.xsd', '--out', 'js', '--check'], { cwd: scratch });
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('js/src/one.ts');
    expect(stale.stderr).toContain('js/dist/one.js (stale: no longer generated)');
  });

  it('keeps --emit js in the command it prints to bring the package up to date', () => {
    expect(runEvfw(['generate', '--schemas', 'one.xsd', '--out', 'ts'], { cwd: scratch }).status).toBe(0);
    const stale = runEvfw(['generate', '--schemas', 'one.xsd', '--out', 'ts', '--emit', 'js', '--check'], { cwd: scratch });
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('run `evfw generate --schemas one.xsd --out ts --emit js`');
  });

  it('refuses a mode other than ts and js, and says so in --help', () => {
    const run = runEvfw(['generate', '--schemas', 'one.xsd', '--out', 'bad', '--emit', 'mjs'], { cwd: scratch });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Allowed choices are ts, js');
    expect(existsSync(path.join(scratch, 'bad'))).toBe(false);
    expect(runEvfw(['generate', '--help']).stdout).toContain('--emit <mode>');
  });
});
