/**
 * The attach-rules stage: each namespace of the final IR gets the prose rules declared beside its
 * first schema file, if any (load-rules.ts reads and checks them; D-59). Apart from the pure
 * transforms because it reads files, through the schema set's own reader.
 */
import type { SchemaSet, Stage } from '../ir/ir.js';
import { loadRules } from './load-rules.js';
import type { SchemaAccess } from './schema-access.js';

export function attachRules<S extends Stage>(ir: SchemaSet<S>, rootDir: string, access: SchemaAccess): SchemaSet<S> {
  return {
    ...ir,
    schemas: ir.schemas.map((schema) => {
      const rules = schema.builtin || schema.files.length === 0 ? undefined : loadRules(schema.files[0]!, rootDir, access);
      return rules ? { ...schema, rules } : schema;
    }),
  };
}
