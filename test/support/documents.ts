/** The sample documents and corpus instances the differential and round-trip tests run over. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SchemaRegistry, schemaDescriptorsFor } from './schema-sets.js';
import { CORPUS_DIR, SCHEMAS_DIR, corpusSchemaSets } from './paths.js';

export interface SampleDocument {
  /** `valid/minimal.xml`, relative to schemas/examples. */
  readonly name: string;
  readonly expectValid: boolean;
  readonly bytes: Uint8Array;
}

export function sampleDocuments(kind?: 'valid' | 'invalid'): SampleDocument[] {
  const kinds = kind ? [kind] : (['valid', 'invalid'] as const);
  return kinds.flatMap((k) =>
    readdirSync(path.join(SCHEMAS_DIR, 'examples', k), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.xml'))
      .sort()
      .map((f) => ({
        name: `${k}/${f.split(path.sep).join('/')}`,
        expectValid: k === 'valid',
        bytes: new Uint8Array(readFileSync(path.join(SCHEMAS_DIR, 'examples', k, f))),
      })),
  );
}

export interface CorpusCase {
  readonly set: string;
  readonly files: readonly string[];
  readonly registry: SchemaRegistry;
  readonly namespaces: readonly { namespace: string; file: string }[];
  readonly instances: readonly { name: string; bytes: Uint8Array }[];
  /** The evfw flags the set needs (`--upa warning` for resource-lists, D-113). */
  readonly flags: readonly string[];
}

/** Each corpus folder: its schemas as a registry, and its instance documents. */
export function corpusCases(): CorpusCase[] {
  return corpusSchemaSets().map((set) => {
    const { registry, namespaces } = schemaDescriptorsFor(set.files, CORPUS_DIR, set.options);
    const folder = path.join(CORPUS_DIR, set.name);
    const instances = readdirSync(folder)
      .filter((f) => f.endsWith('.xml'))
      .sort()
      .map((f) => ({ name: `${set.name}/${f}`, bytes: new Uint8Array(readFileSync(path.join(folder, f))) }));
    return { set: set.name, files: set.files, registry, namespaces, instances, flags: set.flags };
  });
}
