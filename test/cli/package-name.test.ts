/**
 * `generate --name` puts its value into package.json, import specifiers and the README: a value
 * that is not an npm package name is refused before anything is written, rather than escaped in
 * each place (a name is an option, not schema text, but the output must hold either way).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runEvfw } from '../support/run-evfw.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'evfw-cli-package-name-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
writeFileSync(
  path.join(scratch, 'one.xsd'),
  '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:one"><xs:element name="a" type="xs:string"/></xs:schema>\n',
);

describe('generate --name', () => {
  it.each(["x'; console.log(1); //", 'Upper/Case', '@scope/', '`x`', 'a b', 'x'.repeat(215)])('refuses %j before writing anything', (name) => {
    const out = path.join(scratch, `out-${Math.random().toString(36).slice(2)}`);
    const run = runEvfw(['generate', '--schemas', 'one.xsd', '--out', out, '--name', name], { cwd: scratch });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('options.invalid');
    expect(run.stderr).toContain('npm package name');
    expect(existsSync(out)).toBe(false);
  });

  it('takes a scoped npm name into package.json and the README', () => {
    const out = path.join(scratch, 'out-good');
    const run = runEvfw(['generate', '--schemas', 'one.xsd', '--out', out, '--name', '@acme/event-model.v2'], { cwd: scratch });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(path.join(out, 'package.json'), 'utf8')).name).toBe('@acme/event-model.v2');
    expect(readFileSync(path.join(out, 'README.md'), 'utf8')).toContain('# @acme/event-model.v2');
  });
});
