/**
 * Every construct the reader refuses, and every broken schema it meets, gives an error with a
 * stable code, the file, line and column, and a sentence that says what is wrong: never a
 * silent drop, never a crash.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GeneratorError, buildIr } from '../../../generator/src/index.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'evfw-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';
const schema = (body: string, attrs = '') =>
  `<?xml version="1.0"?>\n<xs:schema ${XS} targetNamespace="urn:t" xmlns:t="urn:t" elementFormDefault="qualified"${attrs}>\n${body}\n</xs:schema>\n`;

interface Case {
  name: string;
  files: Record<string, string>;
  code: string;
  message: RegExp;
  line: number;
  column?: number;
  hint?: RegExp;
}

const cases: Case[] = [
  {
    name: 'a redefined type that does not derive from its original',
    files: {
      'a.xsd': schema('  <xs:redefine schemaLocation="b.xsd">\n    <xs:complexType name="c"><xs:sequence/></xs:complexType>\n  </xs:redefine>'),
      'b.xsd': schema('  <xs:complexType name="c"><xs:sequence/></xs:complexType>'),
    },
    code: 'xsd.src-redefine',
    message: /must derive from the type it redefines/,
    line: 4,
    column: 5,
  },
  {
    name: 'a notation declared twice',
    files: { 'a.xsd': schema('  <xs:notation name="n" public="p"/>\n  <xs:notation name="n" system="s"/>') },
    code: 'xsd.component.duplicate',
    message: /notation "n" is declared twice/,
    line: 4,
  },
  {
    name: 'an XSD 1.1 assertion',
    files: { 'a.xsd': schema('  <xs:complexType name="c">\n    <xs:sequence/>\n    <xs:assert test="true()"/>\n  </xs:complexType>') },
    code: 'xsd.construct.unsupported',
    message: /<xs:assert> is not supported/,
    line: 5,
    column: 5,
  },
  {
    name: 'a misspelled construct',
    files: { 'a.xsd': schema('  <xs:complexType name="c">\n    <xs:sequense/>\n  </xs:complexType>') },
    code: 'xsd.construct.unknown',
    message: /<xs:sequense> is not an XSD 1.0 construct/,
    line: 4,
    column: 5,
  },
  {
    name: 'a misspelled attribute',
    files: { 'a.xsd': schema('  <xs:complexType name="c"><xs:sequence>\n    <xs:element name="e" minOcurs="0"/>\n  </xs:sequence></xs:complexType>') },
    code: 'xsd.s4s-att-not-allowed',
    message: /attribute "minOcurs" is not allowed on <xs:element>/,
    line: 4,
    hint: /did you mean "minOccurs"/,
  },
  {
    name: 'a type that is not declared',
    files: { 'a.xsd': schema('  <xs:element name="e" type="t:missing"/>') },
    code: 'xsd.reference.unresolved',
    message: /type "missing" in namespace "urn:t" is not declared/,
    line: 3,
  },
  {
    name: 'a built-in type that does not exist',
    files: { 'a.xsd': schema('  <xs:element name="e" type="xs:strng"/>') },
    code: 'xsd.reference.unresolved',
    message: /type "strng"/,
    line: 3,
    hint: /"strng" is not an XSD 1.0 built-in type/,
  },
  {
    name: 'a built-in type in the wrong case',
    files: { 'a.xsd': schema('  <xs:element name="e" type="xs:datetime"/>') },
    code: 'xsd.reference.unresolved',
    message: /type "datetime"/,
    line: 3,
    hint: /spelt "dateTime"/,
  },
  {
    name: 'an element reference to nothing',
    files: { 'a.xsd': schema('  <xs:element name="e">\n    <xs:complexType><xs:sequence><xs:element ref="t:nothing"/></xs:sequence></xs:complexType>\n  </xs:element>') },
    code: 'xsd.reference.unresolved',
    message: /element "nothing"/,
    line: 4,
  },
  {
    name: 'an undeclared prefix',
    files: { 'a.xsd': schema('  <xs:element name="e" type="q:thing"/>') },
    code: 'xsd.qname.prefix',
    message: /prefix "q" in type="q:thing" is not declared/,
    line: 3,
  },
  {
    // The include itself is only a warning (test/unit/load/load-schemas.test.ts); what needs it fails.
    name: 'a type that only a missing include would declare',
    files: { 'a.xsd': schema('  <xs:include schemaLocation="missing.xsd"/>\n  <xs:element name="e" type="t:fromMissing"/>') },
    code: 'xsd.reference.unresolved',
    message: /type "fromMissing" in namespace "urn:t" is not declared/,
    line: 4,
  },
  {
    name: 'an include of another namespace',
    files: {
      'a.xsd': schema('  <xs:include schemaLocation="b.xsd"/>'),
      'b.xsd': `<xs:schema ${XS} targetNamespace="urn:b"/>`,
    },
    code: 'xsd.namespace.mismatch',
    message: /included schema .*b\.xsd has targetNamespace "urn:b"/,
    line: 3,
  },
  {
    name: 'a DOCTYPE',
    files: { 'a.xsd': `<?xml version="1.0"?>\n<!DOCTYPE xs:schema [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<xs:schema ${XS}/>` },
    code: 'xsd.xml.doctype',
    message: /DTDs are refused/,
    line: 2,
  },
  {
    name: 'malformed XML',
    files: { 'a.xsd': schema('  <xs:element name="e">\n  </xs:elemnt>') },
    code: 'xsd.xml.malformed',
    message: /not well-formed/,
    line: 4,
  },
  {
    name: 'an empty file',
    files: { 'a.xsd': '' },
    code: 'xsd.xml.malformed',
    message: /not well-formed|no root element/,
    line: 1,
  },
  {
    name: 'a binary file',
    files: { 'a.xsd': '\u0000\u0001PK\u0003\u0004' },
    code: 'xsd.xml.malformed',
    message: /not well-formed/,
    line: 1,
  },
  {
    name: 'a root that is not xs:schema',
    files: { 'a.xsd': '<schema xmlns="urn:not-xsd"/>' },
    code: 'xsd.not-a-schema',
    message: /not <xs:schema>/,
    line: 1,
    column: 1,
  },
  {
    name: 'a component declared twice',
    files: { 'a.xsd': schema('  <xs:element name="e"/>\n  <xs:element name="e"/>') },
    code: 'xsd.component.duplicate',
    message: /element "e" is declared twice .* \(first at a\.xsd:3:3\)/,
    line: 4,
    column: 3,
  },
  {
    name: 'maxOccurs below minOccurs',
    files: { 'a.xsd': schema('  <xs:complexType name="c"><xs:sequence minOccurs="2" maxOccurs="1"/></xs:complexType>') },
    code: 'xsd.p-props-correct',
    message: /<xs:sequence> has minOccurs 2 greater than maxOccurs 1/,
    line: 3,
  },
  {
    name: 'occurrences on the compositor of a named group',
    files: { 'a.xsd': schema('  <xs:group name="g">\n    <xs:choice maxOccurs="unbounded"><xs:element name="a"/></xs:choice>\n  </xs:group>') },
    code: 'xsd.s4s-att-not-allowed',
    message: /attribute "maxOccurs" is not allowed on <xs:choice> directly in a named <xs:group>/,
    line: 4,
    hint: /<xs:group ref>/,
  },
  {
    name: 'a group that contains itself',
    files: { 'a.xsd': schema('  <xs:group name="g"><xs:sequence><xs:group ref="t:g"/></xs:sequence></xs:group>\n  <xs:complexType name="c"><xs:group ref="t:g"/></xs:complexType>') },
    code: 'xsd.component.circular',
    message: /model group "g" refers to itself/,
    line: 3,
  },
  {
    name: 'a non-boolean flag',
    files: { 'a.xsd': schema('  <xs:element name="e" abstract="yes"/>') },
    code: 'xsd.s4s-att-invalid-value',
    message: /abstract="yes" on <xs:element> is not a valid xs:boolean/,
    line: 3,
  },
];

describe('reader errors', () => {
  for (const c of cases) {
    it(`reports ${c.name} as ${c.code} with its position`, () => {
      const caseDir = path.join(dir, c.name.replace(/\W+/g, '-'));
      for (const [file, text] of Object.entries(c.files)) {
        const target = path.join(caseDir, file);
        mkdirSync(caseDir, { recursive: true });
        writeFileSync(target, text);
      }
      let caught: unknown;
      try {
        buildIr([path.join(caseDir, 'a.xsd')], { rootDir: caseDir });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(GeneratorError);
      const error = caught as GeneratorError;
      expect(error.code).toBe(c.code);
      expect(error.message).toMatch(c.message);
      expect(error.source?.file).toBe('a.xsd');
      expect(error.source?.line).toBe(c.line);
      if (c.column !== undefined) expect(error.source?.column).toBe(c.column);
      if (c.hint) expect(error.hint).toMatch(c.hint);
    });
  }
});
