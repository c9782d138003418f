/**
 * What the generator allows but says: a content model that breaks Unique Particle Attribution is a
 * schema error unless `--upa warning` (D-113), and a schemaLocation that does not resolve is a
 * warning (D-119). Every command that reads schemas prints warnings to stderr like errors.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runEvfw } from '../support/run-evfw.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'evfw-schema-warnings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';
/** RFC 4826's flaw in small: a lax ##other wildcard in a repeated choice, and another after it. */
const ambiguous = path.join(dir, 'ambiguous.xsd');
writeFileSync(
  ambiguous,
  `<xs:schema ${XS} targetNamespace="urn:u" xmlns:u="urn:u" elementFormDefault="qualified">
  <xs:element name="list">
    <xs:complexType>
      <xs:sequence>
        <xs:choice minOccurs="0" maxOccurs="unbounded">
          <xs:element name="entry" type="xs:string"/>
          <xs:any namespace="##other" processContents="lax"/>
        </xs:choice>
        <xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
</xs:schema>
`,
);
const doc = path.join(dir, 'list.xml');
writeFileSync(doc, '<list xmlns="urn:u"><entry>a</entry><x xmlns="urn:other"/></list>\n');

describe('a content model that breaks Unique Particle Attribution', () => {
  it('is a schema error by default: exit 2, the type, both particles and the flag that accepts it', () => {
    const run = runEvfw(['validate', '--schema', ambiguous, doc]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/ambiguous\.xsd:3:5: error xsd\.cos-nonambig: .*ambiguous content model: .*wildcard \(##other\) \(line 7\) and wildcard \(##other\) \(line 9\)/);
    expect(run.stderr).toMatch(/hint: .*--upa warning/);
    expect(run.stdout).toBe('');
  });

  it('is a warning with --upa warning, and the document is validated', () => {
    const run = runEvfw(['validate', '--schema', ambiguous, '--upa', 'warning', doc]);
    expect(run.stderr).toMatch(/ambiguous\.xsd:3:5: warning xsd\.cos-nonambig: /);
    expect(run.stdout).toMatch(/1 file: 1 valid/);
    expect(run.status).toBe(0);
  });

  it('is refused by generate too, and generated with --upa warning', () => {
    expect(runEvfw(['generate', '--schemas', ambiguous, '--out', path.join(dir, 'refused')]).status).toBe(2);
    const run = runEvfw(['generate', '--schemas', ambiguous, '--out', path.join(dir, 'pkg'), '--upa', 'warning']);
    expect(run.stderr).toMatch(/warning xsd\.cos-nonambig/);
    expect(run.status).toBe(0);
  });

  it('takes only error or warning', () => {
    const run = runEvfw(['validate', '--schema', ambiguous, '--upa', 'ignore', doc]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--upa.*error, warning/);
  });
});

describe('a schemaLocation that does not resolve', () => {
  it('is a warning at the directive, and the schema is read without it', () => {
    const schema = path.join(dir, 'with-missing-import.xsd');
    writeFileSync(schema, `<xs:schema ${XS} targetNamespace="urn:m" elementFormDefault="qualified">\n  <xs:import namespace="urn:o" schemaLocation="not-here.xsd"/>\n  <xs:element name="m" type="xs:string"/>\n</xs:schema>\n`);
    const instance = path.join(dir, 'm.xml');
    writeFileSync(instance, '<m xmlns="urn:m">x</m>\n');
    const run = runEvfw(['validate', '--schema', schema, instance]);
    expect(run.stderr).toMatch(/with-missing-import\.xsd:2:3: warning xsd\.file\.missing: there is no schema file .*not-here\.xsd: the directive is not followed/);
    expect(run.status).toBe(0);
  });
});
