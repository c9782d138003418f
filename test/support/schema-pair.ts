/**
 * Two versions of a small schema written inline in a test, each through the whole pipeline
 * (buildIr), and the changes between them. The files are `before/test.xsd` and
 * `after/test.xsd` under one temporary folder, which is the root positions are relative to;
 * the body starts on line 2.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIr, diffSchemas, type SchemaSet } from '../../generator/src/index.js';
import type { SchemaChange } from '../../generator/src/diff/schema-change.js';
import { XS } from './inline-schema.js';

export interface SchemaPair {
  readonly before: SchemaSet;
  readonly after: SchemaSet;
  readonly changes: SchemaChange[];
}

export function schemaText(body: string): string {
  return `<xs:schema ${XS} xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">\n${body}\n</xs:schema>\n`;
}

export function schemaPair(before: string, after: string): SchemaPair {
  const root = mkdtempSync(path.join(os.tmpdir(), 'evfw-diff-'));
  const build = (side: string, body: string) => {
    mkdirSync(path.join(root, side));
    const file = path.join(root, side, 'test.xsd');
    writeFileSync(file, schemaText(body));
    return buildIr([file], { rootDir: root });
  };
  const b = build('before', before);
  const a = build('after', after);
  return { before: b, after: a, changes: diffSchemas(b, a) };
}

/** A change without its positions, paths and API flag: what most assertions look at first. */
export function brief(c: SchemaChange): { kind: string; subject: string; message: string; producers: string; consumers: string } {
  return { kind: c.kind, subject: c.subject, message: c.message, producers: c.producers, consumers: c.consumers };
}
