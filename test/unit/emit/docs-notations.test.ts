/**
 * Notations in the reference: a schema's xs:notation declarations are what values of its
 * NOTATION types may name, so the page of the namespace lists them, in Markdown and in HTML,
 * with their identifiers escaped like any other schema text.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../../generator/src/index.js';

const SCHEMA = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:n" xmlns="urn:n" elementFormDefault="qualified">
  <xs:notation name="jpeg" public="image/jpeg" system="viewer.exe"><xs:annotation><xs:documentation>A JPEG picture.</xs:documentation></xs:annotation></xs:notation>
  <xs:notation name="png" public="image/png|&lt;b&gt;"/>
  <xs:simpleType name="format"><xs:restriction base="xs:NOTATION"><xs:enumeration value="jpeg"/><xs:enumeration value="png"/></xs:restriction></xs:simpleType>
  <xs:element name="picture"><xs:complexType><xs:attribute name="format" type="format" use="required"/></xs:complexType></xs:element>
</xs:schema>
`;

describe('the reference of a schema with notations', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'evfw-docs-notations-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const file = path.join(root, 'n.xsd');
  writeFileSync(file, SCHEMA);
  const files = generate([file], { rootDir: root });

  it('lists them in the Markdown page, escaped for a table cell', () => {
    const page = files.get('docs/n.md') ?? '';
    expect(page).toContain('- [Notations](#notations)');
    expect(page).toContain('| `jpeg` | `image/jpeg` | `viewer.exe` | A JPEG picture. |');
    // The "|" of the public identifier would otherwise end the cell.
    expect(page).toContain('| `png` | `image/png\\|<b>` |  |  |');
  });

  it('lists them in the HTML page, escaped', () => {
    const html = files.get('docs/reference.html') ?? '';
    expect(html).toContain('<tr><td><code>jpeg</code></td><td><code>image/jpeg</code></td><td><code>viewer.exe</code></td><td>A JPEG picture.</td></tr>');
    expect(html).toContain('<td><code>image/png|&lt;b&gt;</code></td>');
  });
});
