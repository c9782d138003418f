/** A schema set straight from XSD files to a runtime registry, without writing a package. */
import path from 'node:path';
import { SchemaRegistry } from '../../runtime/src/schema/registry.js';
import { buildIr, schemaDescriptors, type GenerateOptions } from '../../generator/src/index.js';

export { SchemaRegistry };

export function schemaDescriptorsFor(files: readonly string[], rootDir: string, options: GenerateOptions = {}): { registry: SchemaRegistry; namespaces: { namespace: string; file: string }[] } {
  const ir = buildIr(files, { ...options, rootDir });
  const namespaces = ir.schemas
    .filter((s) => !s.builtin)
    .map((s) => ({ namespace: s.namespace, file: path.resolve(rootDir, s.files[0]!) }));
  return { registry: new SchemaRegistry(schemaDescriptors(ir)), namespaces };
}
