/**
 * xs:notation (XSD 1.0 part 1, 3.12) and the xs:NOTATION rules of part 2 (3.2.19): notations
 * are read into the IR in their own symbol space, a declaration cannot use xs:NOTATION without
 * an enumeration, and each enumeration value names a declared notation.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SchemaRegistry, validateDocument } from '@evfw/runtime';
import { describe, expect, it } from 'vitest';
import { GeneratorError } from '../../../generator/src/errors.js';
import { loadSchemaSet } from '../../../generator/src/index.js';
import { XS, inlineIr, schemaOf } from '../../support/inline-schema.js';

function refusal(body: string): GeneratorError {
  try {
    inlineIr(body);
  } catch (error) {
    if (error instanceof GeneratorError) return error;
    throw error;
  }
  throw new Error('the schema was accepted');
}

const JPEG = '<xs:notation name="jpeg" public="image/jpeg" system="viewer.exe"/>';
const formats = (facets: string) => `<xs:simpleType name="format"><xs:restriction base="xs:NOTATION">${facets}</xs:restriction></xs:simpleType>`;

describe('xs:notation', () => {
  it('reads notations into the IR, beside a type of the same name (their own symbol space)', () => {
    const ir = inlineIr(`${JPEG}\n<xs:notation name="gif" system="gif.exe"/>\n<xs:simpleType name="jpeg"><xs:restriction base="xs:string"/></xs:simpleType>`);
    const notations = schemaOf(ir).notations ?? [];
    expect(notations.map((n) => [n.name.name, n.public, n.system])).toEqual([
      ['jpeg', 'image/jpeg', 'viewer.exe'],
      ['gif', undefined, 'gif.exe'],
    ]);
    expect(notations[0]?.name.namespace).toBe('urn:t');
  });

  it('leaves notations out of a schema that declares none', () => {
    expect('notations' in schemaOf(inlineIr('<xs:element name="e" type="xs:string"/>'))).toBe(false);
  });

  it('needs a public or a system identifier', () => {
    const error = refusal('<xs:notation name="bare"/>');
    expect(error.code).toBe('xsd.attribute.missing');
    expect(error.message).toMatch(/<xs:notation name="bare"> needs a public or a system attribute/);
  });

  it('refuses a notation declared twice', () => {
    expect(refusal(`${JPEG}\n<xs:notation name="jpeg" system="other"/>`).code).toBe('xsd.component.duplicate');
  });

  it('accepts a type derived from xs:NOTATION by enumerating declared notations, with or without a prefix', () => {
    const ir = inlineIr(`${JPEG}\n${formats('<xs:enumeration value="t:jpeg"/>')}\n<xs:element name="picture"><xs:complexType><xs:attribute name="format" type="t:format"/></xs:complexType></xs:element>`);
    expect(schemaOf(ir).types.map((t) => t.name?.name)).toEqual(['format']);
  });

  it('accepts xs:NOTATION as a member of a union (the suite calls these schemas valid)', () => {
    expect(() => inlineIr('<xs:element name="e"><xs:simpleType><xs:union memberTypes="xs:int xs:NOTATION"/></xs:simpleType></xs:element>')).not.toThrow();
  });

  describe('refuses with xsd.enumeration-required-notation', () => {
    const cases: [string, string, RegExp][] = [
      ['an attribute of type xs:NOTATION', '<xs:attribute name="format" type="xs:NOTATION"/>', /attribute "format" has the type xs:NOTATION, which cannot be used directly/],
      ['an element of type xs:NOTATION', '<xs:element name="format" type="xs:NOTATION"/>', /element "format" has the type xs:NOTATION/],
      ['a local attribute of a restriction without enumeration', `${formats('<xs:pattern value="j.*"/>')}<xs:complexType name="c"><xs:attribute name="f" type="t:format"/></xs:complexType>`, /attribute "f" has a type derived from xs:NOTATION without an enumeration/],
    ];
    for (const [name, body, message] of cases) {
      it(name, () => {
        const error = refusal(`${JPEG}\n${body}`);
        expect(error.code).toBe('xsd.enumeration-required-notation');
        expect(error.message).toMatch(message);
      });
    }
  });

  it('refuses an enumeration value that names no declared notation', () => {
    const error = refusal(`${JPEG}\n${formats('<xs:enumeration value="t:jpeg"/><xs:enumeration value="t:png"/>')}`);
    expect(error.code).toBe('xsd.enumeration-valid-restriction');
    expect(error.message).toMatch(/"t:png" of a type derived from xs:NOTATION names no declared notation/);
  });
});

describe('NOTATION values as expanded names', () => {
  const schema = `${JPEG}
<xs:simpleType name="format"><xs:restriction base="xs:NOTATION"><xs:enumeration value="t:jpeg" xmlns:u="urn:unused"/></xs:restriction></xs:simpleType>
<xs:element name="picture"><xs:complexType><xs:attribute name="format" type="t:format"/></xs:complexType></xs:element>`;

  it('resolves an enumeration value with the prefixes where it is written', () => {
    const ir = inlineIr(schema);
    const format = schemaOf(ir).types.find((t) => t.name?.name === 'format');
    expect(format?.kind === 'simple' && format.facets[0]?.namespaces).toEqual({ t: 'urn:t' });
  });

  it('refuses a value naming a notation of the same local name in another namespace', () => {
    const error = refusal(`${JPEG}\n<xs:simpleType name="format"><xs:restriction base="xs:NOTATION"><xs:enumeration value="jpeg"/></xs:restriction></xs:simpleType>`);
    expect(error.code).toBe('xsd.enumeration-valid-restriction');
  });

  it('compares a document value with the options as expanded names, not as text', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'evfw-notation-'));
    try {
      writeFileSync(path.join(dir, 'a.xsd'), `<xs:schema ${XS} xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">\n${schema}\n</xs:schema>\n`);
      const registry = new SchemaRegistry(loadSchemaSet([path.join(dir, 'a.xsd')], { rootDir: dir }).descriptors);
      const codes = (document: string) => validateDocument(registry, undefined, document).map((d) => d.code);
      // Another prefix for the same namespace names the same notation...
      expect(codes('<p:picture xmlns:p="urn:t" format="p:jpeg"/>')).toEqual([]);
      // ...and the schema's prefix bound to another namespace names another one.
      expect(codes('<t:picture xmlns:t="urn:t" xmlns:x="urn:t" format="x:jpeg"/>')).toEqual([]);
      expect(codes('<picture xmlns="urn:t" xmlns:t="urn:other" format="t:jpeg"/>')).not.toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
