/**
 * Gaps of the fixture tools the W3C suite found (issue 21), where the docs' example of a valid
 * schema came out invalid or generation crashed:
 * - an identity constraint whose field is an attribute named by a wildcard (`@*`, `@p:*`): a
 *   key's field must select exactly one node, so when the selected element's type declares
 *   exactly one attribute the wildcard matches, that attribute must be present and unique;
 * - a particle of maxOccurs 0 (a restriction removing it) must never appear;
 * - the values of a unique or key field differ as values, not only as texts (".000", "-0.000");
 * - an abstract head whose substitutes are all blocked can hold nothing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSchemaSet } from '../../../generator/src/index.js';
import { parseDocument, serializeDocument } from '../../../runtime/src/document.js';
import { SchemaRegistry } from '../../../runtime/src/schema/registry.js';
import { GenerationError, defaultDocument, documentArbitrary, fullDocument } from '../../../runtime/src/testing/index.js';
import { XS } from '../../support/inline-schema.js';

function registryOf(body: string): SchemaRegistry {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'evfw-identity-fields-'));
  const file = path.join(dir, 'test.xsd');
  writeFileSync(file, `<xs:schema ${XS} xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">\n${body}\n</xs:schema>\n`);
  return new SchemaRegistry(loadSchemaSet([file], { rootDir: dir }).descriptors);
}

const ROOT = '{urn:t}root';

/** The errors of each document the tools make: the default, the fullest, and 30 drawn ones. */
function errorsOfGenerated(registry: SchemaRegistry): string[] {
  const values = [defaultDocument<unknown>(registry, ROOT), fullDocument<unknown>(registry, ROOT), ...fc.sample(documentArbitrary<unknown>(registry, ROOT), { seed: 7, numRuns: 30 })];
  return values.flatMap((value) => {
    const text = serializeDocument(registry, ROOT, value, { indent: 2 });
    return parseDocument(registry, ROOT, text, { profile: 'xsd' }).diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
  });
}

const rows = (field: string, attributes: string) => `
<xs:element name="root">
  <xs:complexType><xs:sequence><xs:element name="row" maxOccurs="unbounded">
    <xs:complexType><xs:simpleContent><xs:extension base="xs:string">${attributes}</xs:extension></xs:simpleContent></xs:complexType>
  </xs:element></xs:sequence></xs:complexType>
  <xs:key name="rowKey"><xs:selector xpath="t:row"/><xs:field xpath="${field}"/></xs:key>
</xs:element>`;

describe('identity-constraint fields that are attributes named by a wildcard', () => {
  it('makes the one attribute `@*` can select present and unique, for a key', () => {
    expect(errorsOfGenerated(registryOf(rows('@*', '<xs:attribute name="col" type="xs:string"/>')))).toEqual([]);
  });

  it('does the same for a wildcard in a namespace (`@t:*`)', () => {
    expect(errorsOfGenerated(registryOf(rows('@t:*', '<xs:attribute name="col" type="xs:string" form="qualified"/>')))).toEqual([]);
  });

  it('still does it for an attribute named outright', () => {
    expect(errorsOfGenerated(registryOf(rows('@col', '<xs:attribute name="col" type="xs:int"/>')))).toEqual([]);
  });
});

describe('an abstract head whose substitutes are all blocked', () => {
  it('is reported as a generation error, not a crash, when the document must hold it', () => {
    const registry = registryOf(`
<xs:element name="root"><xs:complexType><xs:sequence><xs:element ref="t:head"/></xs:sequence></xs:complexType></xs:element>
<xs:element name="head" abstract="true" block="substitution"/>
<xs:element name="member" substitutionGroup="t:head"/>`);
    expect(() => defaultDocument(registry, ROOT)).toThrow(GenerationError);
  });

  it('is left out when it is optional', () => {
    const registry = registryOf(`
<xs:element name="root"><xs:complexType><xs:sequence>
  <xs:element name="a" type="xs:string"/>
  <xs:choice><xs:element ref="t:head"/><xs:element name="b" type="xs:string"/></xs:choice>
</xs:sequence></xs:complexType></xs:element>
<xs:element name="head" abstract="true" block="substitution"/>
<xs:element name="member" substitutionGroup="t:head"/>`);
    expect(errorsOfGenerated(registry)).toEqual([]);
  });
});

describe('a particle of maxOccurs 0', () => {
  it('never appears, in a restriction of a wildcard', () => {
    const registry = registryOf(`
<xs:complexType name="base"><xs:sequence><xs:any namespace="##any" minOccurs="0" maxOccurs="unbounded"/></xs:sequence></xs:complexType>
<xs:complexType name="none"><xs:complexContent><xs:restriction base="t:base">
  <xs:sequence><xs:element name="gone" minOccurs="0" maxOccurs="0"/></xs:sequence>
</xs:restriction></xs:complexContent></xs:complexType>
<xs:element name="root"><xs:complexType><xs:sequence><xs:element name="elem" type="t:none"/></xs:sequence></xs:complexType></xs:element>`);
    expect(errorsOfGenerated(registry)).toEqual([]);
  });
});

describe('the fields of a unique constraint', () => {
  it('take values that differ in the value space, not only as texts', () => {
    const registry = registryOf(`
<xs:element name="root">
  <xs:complexType><xs:sequence><xs:element name="u" type="xs:decimal" maxOccurs="unbounded"/></xs:sequence></xs:complexType>
  <xs:unique name="us"><xs:selector xpath="t:u"/><xs:field xpath="."/></xs:unique>
</xs:element>`);
    expect(errorsOfGenerated(registry)).toEqual([]);
  });
});
