/**
 * Schema names that are also the names of what a generated module imports: an element called
 * `document` exports parseDocument, validateDocument and serializeDocument, the runtime functions
 * they call (W3C suite, Regex/reZ002); a type called `Diagnostic` or `Arbitrary` meets the
 * runtime's and fast-check's types. The package must still type-check, and keep the element's
 * natural entry-point names. Elements `object` and `schema` make validateObjectSchema both ajv's
 * validator of one and the JSON entry point of the other (the suite's schemas have both). Also: an
 * empty choice's doc comment says that nothing can appear.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../../generator/src/index.js';
import { PackageFolder } from '../../support/generated-package.js';
import { typeErrors } from '../../support/typecheck.js';

const SCHEMA = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:n" xmlns="urn:n" elementFormDefault="qualified">
  <xs:element name="document" type="Diagnostic"/>
  <xs:element name="parse" type="xs:string"/>
  <xs:element name="registry" type="ParseResult"/>
  <xs:element name="serialize" type="Arbitrary"/>
  <xs:element name="nothing" type="Empty"/>
  <xs:element name="object" type="xs:string"/>
  <xs:element name="schema" type="xs:int"/>
  <xs:complexType name="Diagnostic"><xs:sequence><xs:element name="code" type="xs:string"/></xs:sequence></xs:complexType>
  <xs:complexType name="ParseResult"><xs:sequence><xs:element name="ok" type="xs:boolean"/></xs:sequence></xs:complexType>
  <xs:complexType name="Arbitrary"><xs:sequence><xs:element name="seed" type="xs:int"/></xs:sequence></xs:complexType>
  <xs:complexType name="Empty"><xs:choice minOccurs="0"/></xs:complexType>
</xs:schema>
`;

const CONSUMER = `import { parseDocument, serializeDocument, validateDocument, parseParse, parseRegistry } from './src/n.js';
import type { DiagnosticType } from './src/n.js';
import { validateObjectObject, validateObjectSchema } from './src/n.object.js';

export function roundTrip(text: string): string {
  const result = parseDocument(text);
  const code: string | undefined = result.ok ? result.value.code : undefined;
  return result.ok && code !== undefined && validateDocument(text).length === 0 ? serializeDocument(result.value) : '';
}
export const parsed = [parseParse('<parse xmlns="urn:n">x</parse>'), parseRegistry('<registry xmlns="urn:n"><ok>true</ok></registry>')];
export const diagnostic: DiagnosticType = { code: 'c' };
export const objectDiagnostics = [validateObjectObject('x'), validateObjectSchema(1)];
`;

describe('a generated package whose names meet what its modules import', () => {
  const folder = new PackageFolder('evfw-entry-names-');
  let dir = '';
  let source = '';
  let objectSource = '';
  beforeAll(() => {
    const schemaFile = path.join(folder.root, 'n.xsd');
    writeFileSync(schemaFile, SCHEMA);
    const files = generate([schemaFile], { rootDir: folder.root });
    source = files.get('src/n.ts') ?? '';
    objectSource = files.get('src/n.object.ts') ?? '';
    dir = folder.write('n', files);
  }, 60_000);
  afterAll(() => folder.dispose());

  it('imports the runtime functions under aliases when an element takes their names', () => {
    expect(source).toContain('export function parseDocument(');
    expect(source).toContain("import { parseDocument as runtimeParseDocument } from '@evfw/runtime/codegen';");
    expect(source).toContain('return runtimeParseDocument<');
  });

  it("imports ajv's validator under an alias when an entry point takes its name", () => {
    expect(objectSource).toContain("import { validateObjectSchema as ajvValidateObjectSchema } from './n.object-validator.js';");
    expect(objectSource).toContain('export function validateObjectSchema(');
  });

  it('names a type after an imported one with a suffix', () => {
    expect(source).toContain('export interface DiagnosticType {');
    expect(source).toContain('export interface ParseResultType {');
    expect(source).toContain('export interface ArbitraryType {');
  });

  it('says that an empty choice allows nothing', () => {
    expect(source).toContain('Nothing can appear here (an empty choice), 0..1.');
    expect(source).not.toContain('One of ,');
  });

  it('type-checks, used as a consumer would', () => {
    writeFileSync(path.join(dir, 'consumer.ts'), CONSUMER);
    expect(typeErrors(folder.packages)).toEqual([]);
  }, 60_000);
});
