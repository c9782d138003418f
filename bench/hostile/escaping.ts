/**
 * Issue 17, item 1: what the escaping discipline costs. Every escape is one linear scan; these
 * cases show it on inputs far past real schemas: one 1 MB hostile string through every output
 * context, and a whole package generated from a schema with a 100 KB hostile string in every
 * position that reaches output. The schema is written in prepare (untimed) into a temporary
 * folder removed when the process ends.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GeneratorError, generate } from '@evfw/generator';
// No entry of the generator exports the escaping functions yet (test/bench/package-imports.test.ts).
import { jsdocText, htmlText, jsonText, lineCommentText, markdownCode, markdownText, tsString, xmlCommentText } from '../../generator/src/emit/escape/index.js';
import type { HostileCase, HostileRun } from './hostile-case.js';

const PIECES = ['*/', '/*', '${', '`', "'", '"', '\\', '\u2028', '</script>', '-->', ']]>', '@x', '\n# ', '| ', '\u202E', 'é', '\u{1F600}', 'plain text '];

/** `length` code units of the pieces attacks are made of, in turn. */
function hostile(length: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < length; i++) {
    const piece = PIECES[i % PIECES.length]!;
    parts.push(piece);
    size += piece.length;
  }
  return parts.join('').slice(0, length);
}

const CONTEXTS: readonly ((value: string) => string)[] = [
  tsString,
  (v) => jsonText(v),
  jsdocText,
  lineCommentText,
  xmlCommentText,
  (v) => markdownText(v),
  (v) => markdownText(v, true),
  (v) => markdownCode(v, true),
  htmlText,
];

const xml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;');

export const CASES: readonly HostileCase[] = [
  {
    id: 'escape-1mb-every-context',
    label: 'a 1 MB hostile string through each of the 9 output contexts (TS literal, JSON, JSDoc, // and <!-- --> comments, Markdown prose, cell and code, HTML)',
    budgetMs: 2_000,
    budgetMb: 512,
    prepare(): HostileRun {
      const value = hostile(1_000_000);
      return { run: () => `${CONTEXTS.reduce((total, escape) => total + escape(value).length, 0).toLocaleString('en')} characters written` };
    },
    peers: [
      {
        name: 'JSON.stringify once (the quoting it replaces)',
        prepare(): HostileRun {
          const value = hostile(1_000_000);
          return { run: () => `${JSON.stringify(value).length.toLocaleString('en')} characters written` };
        },
      },
    ],
  },
  {
    id: 'generate-100kb-hostile-every-position',
    label: 'generate a package from a schema with a 100 KB hostile string in its documentation, default, fixed and enumeration values and namespace',
    budgetMs: 30_000,
    budgetMb: 1024,
    prepare(): HostileRun {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'evfw-bench-escaping-'));
      process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
      const v = xml(hostile(100_000));
      const doc = `<xs:annotation><xs:documentation>${v}</xs:documentation></xs:annotation>`;
      const file = path.join(dir, 'hostile.xsd');
      writeFileSync(
        file,
        `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t:${v}" targetNamespace="urn:t:${v}" elementFormDefault="qualified">${doc}
  <xs:element name="root" type="t:Root">${doc}</xs:element>
  <xs:complexType name="Root">${doc}<xs:sequence>
    <xs:element name="e" type="xs:string" default="${v}" minOccurs="0">${doc}</xs:element>
    <xs:element name="en" minOccurs="0"><xs:simpleType>${doc}<xs:restriction base="xs:string"><xs:enumeration value="(${v})">${doc}</xs:enumeration></xs:restriction></xs:simpleType></xs:element>
  </xs:sequence><xs:attribute name="d" type="xs:string" default="${v}">${doc}</xs:attribute><xs:attribute name="f" type="xs:string" fixed="${v}"/></xs:complexType>
</xs:schema>
`,
      );
      return {
        run() {
          try {
            const files = generate([file], { rootDir: dir });
            return `${files.size} files, ${[...files.values()].reduce((n, t) => n + t.length, 0).toLocaleString('en')} characters`;
          } catch (error) {
            if (error instanceof GeneratorError) return `refused ${error.code}`;
            throw error;
          }
        },
      };
    },
  },
];
