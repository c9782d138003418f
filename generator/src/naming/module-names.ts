/**
 * The module of each emitted namespace: the file stem its files get in the generated package
 * (`src/cpm-evfw.ts`, the `./cpm-evfw` export), named after the first schema file it was read
 * from: cpm-evfw.xsd -> cpm-evfw. Stems that collide get -2, -3...; `index` is the package's own.
 */
import path from 'node:path';
import type { NamedSchemaSet } from '../ir/ir.js';

export function moduleNames(ir: NamedSchemaSet): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>(['index']);
  for (const schema of ir.schemas) {
    if (schema.builtin) continue;
    const stem = path.posix.basename(schema.files[0]!).replace(/\.xsd$/i, '').toLowerCase().replace(/[^a-z0-9]+/g, '-');
    let name = stem;
    for (let n = 2; taken.has(name); n++) name = `${stem}-${n}`;
    taken.add(name);
    names.set(schema.namespace, name);
  }
  return names;
}
