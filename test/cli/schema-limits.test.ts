/**
 * The caps on a schema's shape (D-92) through the real `evfw` binary: a schema past a cap is
 * refused with its code, position and a hint that names the option a person can type, and
 * `--schema-limit` raises (or lowers) that cap.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runEvfw } from '../support/run-evfw.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'evfw-cli-schema-limits-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Three global elements; the third sits on line 5. */
writeFileSync(
  path.join(scratch, 'three.xsd'),
  `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:three" elementFormDefault="qualified">
  <xs:element name="a" type="xs:string"/>
  <xs:element name="b" type="xs:string"/>
  <xs:element name="c" type="xs:string"/>
</xs:schema>
`,
);
writeFileSync(path.join(scratch, 'doc.xml'), '<c xmlns="urn:three">x</c>\n');

describe('--schema-limit', () => {
  it('a lowered cap refuses the schema with the code, the first component past it and the option in the hint', () => {
    const run = runEvfw(['validate', '--schema', 'three.xsd', '--schema-limit', 'maxComponents=2', 'doc.xml'], { cwd: scratch });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('xsd.schema.too-large');
    expect(run.stderr).toContain('three.xsd:5:3');
    expect(run.stderr).toContain('--schema-limit maxComponents=<n>');
  });

  it('a cap at the schema\'s size lets it through, for validate and generate alike', () => {
    expect(runEvfw(['validate', '--schema', 'three.xsd', '--schema-limit', 'maxComponents=3', 'doc.xml'], { cwd: scratch }).status).toBe(0);
    const out = path.join(scratch, 'out');
    const generate = runEvfw(['generate', '--schemas', 'three.xsd', '--out', out, '--schema-limit', 'maxComponents=3', '--schema-limit', 'maxDerivationDepth=4'], { cwd: scratch });
    expect(generate.stderr).toBe('');
    expect(generate.status).toBe(0);
  });

  it('an unknown name or a value that is not a whole number is a usage error naming the caps', () => {
    for (const value of ['maxWidgets=3', 'maxComponents=lots', 'maxComponents=0', 'maxComponents']) {
      const run = runEvfw(['validate', '--schema', 'three.xsd', '--schema-limit', value, 'doc.xml'], { cwd: scratch });
      expect(run.status, value).toBe(2);
      expect(run.stderr, value).toContain('maxDerivationDepth, maxNestingDepth, maxFlattenedSize, maxComponents');
    }
  });
});
