/** Builds IR from an XSD written inline in a test, through the stages the test names. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assembleSchemas } from '../../generator/src/ir/assemble.js';
import type { ComplexType, NamedSchemaSet, Schema, SchemaSet, TypeDef } from '../../generator/src/ir/ir.js';
import { loadSchemas } from '../../generator/src/load/load-schemas.js';
import { readDocument } from '../../generator/src/read/read-schema.js';

export const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';

type Transform = (set: SchemaSet) => SchemaSet;

/** Through every transform, naming last (as `...TRANSFORMS`), the set is named; through fewer, not yet. */
export function inlineIr(body: string, ...transforms: readonly [...Transform[], (set: SchemaSet) => NamedSchemaSet]): NamedSchemaSet;
export function inlineIr(body: string, ...transforms: readonly Transform[]): SchemaSet;
export function inlineIr(body: string, ...transforms: readonly Transform[]): SchemaSet {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'evfw-inline-'));
  const file = path.join(dir, 'test.xsd');
  writeFileSync(file, `<xs:schema ${XS} xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">\n${body}\n</xs:schema>\n`);
  const assembled = assembleSchemas(loadSchemas([file], { rootDir: dir }).map(readDocument));
  return transforms.reduce((ir, t) => t(ir), assembled);
}

export function schemaOf(ir: SchemaSet, namespace = 'urn:t'): Schema {
  return ir.schemas.find((s) => s.namespace === namespace)!;
}

export function typeOf(ir: SchemaSet, name: string): TypeDef {
  return schemaOf(ir).types.find((t) => t.name?.name === name)!;
}

export function complexOf(ir: SchemaSet, name: string): ComplexType {
  const def = typeOf(ir, name);
  if (def?.kind !== 'complex') throw new Error(`${name} is not a complex type`);
  return def;
}
