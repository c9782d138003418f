/**
 * A schema the generator cannot read, as every command that reads schemas reports it
 * (cli/src/inputs/load-schema-set.ts): the error as a diagnostic, with its position and the
 * source line, then the line `evfw.cli.schema` saying what the command did not do; exit 2.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runEvfw } from '../support/run-evfw.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'evfw-cli-schema-errors-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';
writeFileSync(path.join(scratch, 'bad.xsd'), `<xs:schema ${XS} targetNamespace="urn:t">\n  <xs:element name="a" typo="x"/>\n</xs:schema>\n`);
writeFileSync(path.join(scratch, 'good.xsd'), `<xs:schema ${XS} targetNamespace="urn:t">\n  <xs:element name="a" type="xs:string"/>\n</xs:schema>\n`);
writeFileSync(path.join(scratch, 'doc.xml'), '<a xmlns="urn:t">x</a>\n');

describe('a schema that cannot be read, in every command', () => {
  it.each([
    [['validate', '--schema', 'bad.xsd', 'doc.xml'], 'the schema given with --schema cannot be read, so nothing was validated'],
    [['fixture', '--schemas', 'bad.xsd', '--namespace', 'urn:t', '--out', 'fixtures'], 'the schemas given with --schemas cannot be read, so no fixtures were written'],
    [['diff', 'good.xsd', 'bad.xsd'], 'the schemas of the new version cannot be read, so nothing was compared'],
    [['generate', '--schemas', 'bad.xsd', '--out', 'model'], 'a schema cannot be read, so nothing was generated'],
    [['docs', '--schemas', 'bad.xsd', '--out', 'docs'], 'a schema cannot be read, so no docs were written'],
  ])('%j: the error at its line, then what was not done, exit 2', (args, sentence) => {
    const run = runEvfw(args, { cwd: scratch });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('bad.xsd:2:3: error xsd.s4s-att-not-allowed: attribute "typo" is not allowed on <xs:element>');
    expect(run.stderr).toContain('  2 |   <xs:element name="a" typo="x"/>');
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(`evfw: evfw.cli.schema: ${sentence}`);
  });
});
