/**
 * `--schemas <folder>` stands for the .xsd files directly in it, sorted, and never for an
 * editor's lock or backup file, which `generate --watch` would otherwise meet mid-edit.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliError } from '../../../cli/src/cli-error.js';
import { schemaFiles } from '../../../cli/src/inputs/schema-files.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'evfw-schema-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('schemaFiles', () => {
  it('takes the .xsd files of a folder, sorted, and skips dotfiles and other files', () => {
    const folder = path.join(dir, 'schemas');
    mkdirSync(path.join(folder, 'nested'), { recursive: true });
    for (const f of ['b.xsd', 'a.XSD', '.#b.xsd', '.b.xsd.swp.xsd', 'notes.txt', 'nested/c.xsd']) writeFileSync(path.join(folder, f), '');
    expect(schemaFiles([folder], '--schemas')).toEqual([path.join(folder, 'a.XSD'), path.join(folder, 'b.xsd')]);
  });

  it('keeps a file named on the command line, whatever its name', () => {
    const file = path.join(dir, '.hidden.xsd');
    writeFileSync(file, '');
    expect(schemaFiles([file], '--schemas')).toEqual([file]);
  });

  it('refuses a folder that holds only dotfiles, saying which option named it', () => {
    const folder = path.join(dir, 'only-locks');
    mkdirSync(folder);
    writeFileSync(path.join(folder, '.#x.xsd'), '');
    expect(() => schemaFiles([folder], '--schemas')).toThrow(CliError);
    expect(() => schemaFiles([folder], '--schemas')).toThrow(/no \.xsd file in the directory .*\(--schemas\)/);
  });
});
