/**
 * The JSON side of a generated package: `validateObject<Element>` checks a plain object with the
 * ajv code the generator compiled from the JSON Schema. ajv turns every `pattern` into a native,
 * backtracking RegExp; a schema's pattern is untrusted, so the generated module must match the
 * schema's patterns with the runtime's linear-time engine instead (D-90), and keep the verdicts.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../../generator/src/index.js';
import { PackageFolder } from '../../support/generated-package.js';

const SCHEMA = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:p" xmlns="urn:p" elementFormDefault="qualified">
  <xs:element name="r">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="v">
          <xs:simpleType>
            <xs:restriction base="xs:string"><xs:pattern value="(a|a)*b"/><xs:pattern value="c+(d|d)*e"/></xs:restriction>
          </xs:simpleType>
        </xs:element>
        <xs:element name="n" type="xs:decimal"/>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
</xs:schema>
`;

type Diagnostic = { readonly code: string };
type Validate = (value: unknown) => Diagnostic[];

describe('patterns in the generated object validators', () => {
  const folder = new PackageFolder('evfw-object-patterns-');
  afterAll(() => folder.dispose());

  const load = async (): Promise<{ validate: Validate; source: string }> => {
    const schemaFile = path.join(folder.root, 'p.xsd');
    writeFileSync(schemaFile, SCHEMA);
    const files = generate([schemaFile], { rootDir: folder.root });
    const dir = folder.write('p', files);
    const module = (await import(pathToFileURL(path.join(dir, 'src', 'p.object.ts')).href)) as { validateObjectR: Validate };
    return { validate: module.validateObjectR, source: files.get('src/p.object-validator.ts')! };
  };

  it('never compiles a schema pattern into a RegExp, and keeps the built-in lexical ones', async () => {
    const { source } = await load();
    expect(source).toContain('xsdPatternStep');
    // The schema's alternatives are data for the linear engine, not a RegExp source.
    expect(source).toMatch(/new Map\(\[\["\^\(\?:\(\?:\(\?:a\|a\)\*b\)\|/);
    expect(source).not.toMatch(/new RegExp\("\^\(\?:\(\?:\(\?:a\|a\)/);
  });

  it('answers (a|a)*b on 100,000 characters at once, with the same verdicts as before', async () => {
    const { validate } = await load();
    const codes = (v: string) => validate({ v, n: '1.5' }).map((d) => d.code);
    expect(codes('aaab')).toEqual([]);
    expect(codes('ccdde')).toEqual([]);
    expect(codes('aaac').length).toBeGreaterThan(0);
    const started = performance.now();
    const refused = codes('a'.repeat(100_000));
    const accepted = codes(`${'a'.repeat(100_000)}b`);
    const ms = performance.now() - started;
    expect(refused.length).toBeGreaterThan(0);
    expect(accepted).toEqual([]);
    // A generous bound: the backtracking RegExp takes minutes on 30 characters.
    expect(ms).toBeLessThan(5_000);
    // The built-in lexical pattern of xs:decimal still applies.
    expect(validate({ v: 'ab', n: 'x1' }).length).toBeGreaterThan(0);
  });
});
