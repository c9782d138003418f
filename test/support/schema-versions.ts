/**
 * Two versions of a small schema, written as files in a temp folder, each with what the tests
 * of `evfw diff` need: its IR (for diffSchemas and findWitnesses), its registry (evfw's
 * verdict) and a libxml2 oracle of the same files (the reference verdict).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIr, schemaDescriptors } from '../../generator/src/index.js';
import type { NamedSchemaSet } from '../../generator/src/ir/ir.js';
import { SchemaRegistry } from '../../runtime/src/schema/registry.js';
import { Libxml2Oracle } from './libxml2-oracle.js';
import { XS } from './inline-schema.js';

export const NS = 'urn:t';

export interface SchemaVersion {
  readonly ir: NamedSchemaSet;
  readonly registry: SchemaRegistry;
  readonly oracle: Libxml2Oracle;
}

export interface SchemaVersions {
  readonly before: SchemaVersion;
  readonly after: SchemaVersion;
  dispose(): void;
}

/** `before` and `after` are the bodies of an xs:schema of namespace urn:t (prefix t). */
export function schemaVersions(before: string, after: string): SchemaVersions {
  const schema = (body: string) => `<xs:schema ${XS} xmlns:t="${NS}" targetNamespace="${NS}" elementFormDefault="qualified">\n${body}\n</xs:schema>\n`;
  return schemaFileVersions(schema(before), schema(after), NS, 'test.xsd');
}

/** Two versions of one whole schema file of `namespace`, written as `name` in folders of their own. */
export function schemaFileVersions(before: string, after: string, namespace: string, name: string): SchemaVersions {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'evfw-versions-'));
  const version = (folder: string, text: string): SchemaVersion => {
    mkdirSync(path.join(dir, folder));
    const file = path.join(dir, folder, name);
    writeFileSync(file, text);
    const ir = buildIr([file], { rootDir: path.dirname(file) });
    return { ir, registry: new SchemaRegistry(schemaDescriptors(ir)), oracle: new Libxml2Oracle([{ namespace, file }]) };
  };
  const versions = { before: version('before', before), after: version('after', after) };
  return { ...versions, dispose: () => Object.values(versions).forEach((v) => v.oracle.dispose()) };
}
