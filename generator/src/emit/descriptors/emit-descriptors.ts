/**
 * The descriptors emitter: each namespace's schema as plain data (src/<module>.schema.ts), and
 * src/registry.ts, which gathers them. The runtime's parser, validator and serializer interpret
 * this data, so the generated code stays thin and the XSD rules live, tested once, in the runtime.
 * The data is the lower stage's (lower/schema-descriptors.ts), written out as it is.
 */
import { XML_NAMESPACE, type NamedSchemaSet } from '../../ir/ir.js';
import { IdentifierScope } from '../../naming/names.js';
import { jsdocText, jsonText } from '../escape/index.js';
import { GeneratedFile } from '../generated-file.js';
import type { EmitContext, Emitter, OutputFiles } from '../emitter.js';

export const descriptorsEmitter: Emitter = {
  name: 'descriptors',
  emit(ir: NamedSchemaSet, context: EmitContext, out: OutputFiles) {
    const registry = new GeneratedFile('src/registry.ts', ir.schemas.flatMap((s) => (context.modules.has(s.namespace) ? s.files : [])));
    const names: string[] = [];
    // One import per module: module names come from file names, and two may camelCase alike.
    const locals = new IdentifierScope();
    for (const [i, schema] of ir.schemas.entries()) {
      const module = context.modules.get(schema.namespace);
      // The xml: namespace is built in: its attributes travel with the namespaces that use them.
      if (module === undefined && schema.namespace !== XML_NAMESPACE) continue;
      if (module === undefined) {
        const name = registry.importValue('XML_NAMESPACE_SCHEMA', context.codegenEntry);
        names.push(name);
        continue;
      }
      const descriptor = context.descriptors[i]!;
      const file = new GeneratedFile(`src/${module}.schema.ts`, schema.files);
      const type = file.importType('SchemaDescriptor', context.codegenEntry);
      file.exportConst({
        name: 'schema',
        type,
        value: jsonText(descriptor, 2),
        docs: `The schema of ${jsdocText(schema.namespace) || 'no namespace'} as data, read by the runtime's parser, validator and serializer.`,
      });
      out.set(file.path, file.toString());
      names.push(registry.importValue('schema', `./${module}.schema.js`, locals.declare(`${module}-schema`)));
    }
    const registryClass = registry.importValue('SchemaRegistry', context.codegenEntry);
    registry.exportConst({
      name: 'registry',
      // Typed explicitly: the package builds with isolatedDeclarations (its .d.ts come from each file alone).
      type: registryClass,
      value: `new ${registryClass}([${names.join(', ')}])`,
      docs: 'Every namespace this package was generated from: lax wildcard content in these namespaces is validated.',
    });
    out.set(registry.path, registry.toString());
  },
};
