/**
 * Inline schemas for the occurrence-count tests: a root <doc> in urn:t whose complex type holds
 * the content under test, written to a temp folder that is removed after the file's tests.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A schema whose root <doc> has `content` as its complex type's content. */
export function countsSchemaFile(content: string): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'evfw-counts-'));
  folders.push(dir);
  const file = path.join(dir, 'counts.xsd');
  writeFileSync(
    file,
    `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t" elementFormDefault="qualified">
  <xs:element name="doc"><xs:complexType>${content}</xs:complexType></xs:element>
</xs:schema>\n`,
  );
  return { dir, file };
}
