/**
 * The descriptors emitter: each namespace's schema as plain data (src/<module>.schema.ts), and
 * src/registry.ts, which gathers them. The runtime's parser, validator and serializer interpret
 * this data, so the generated code stays thin and the XSD rules live, tested once, in the runtime.
 *
 * Everything the runtime would otherwise have to work out is settled here: derivations are
 * flattened (an extension's content is its base's followed by its own), simple types are
 * written out whole, and each particle carries the model property the types emitter gave it.
 */
import { XML_NAMESPACE_SCHEMA, type SchemaDescriptor } from '@evfw/runtime/schema';
import { XML_NAMESPACE, type SchemaSet } from '../../ir/ir.js';
import { indexSchemas } from '../../ir/schema-index.js';
import { IdentifierScope } from '../../naming/names.js';
import { jsdocText, jsonText } from '../escape/index.js';
import { GeneratedFile } from '../generated-file.js';
import type { EmitContext, Emitter, OutputFiles } from '../emitter.js';
import { DescriptorBuilder } from './descriptor-builder.js';

/**
 * The descriptors of every namespace the IR holds (the xml: namespace's built-in one included
 * when it is used), as the generated registry would hold them: for tests and tools that
 * validate against a schema set without writing a package first.
 */
export function schemaDescriptors(ir: SchemaSet): SchemaDescriptor[] {
  const builder = new DescriptorBuilder(indexSchemas(ir));
  return ir.schemas.map((schema) => (schema.namespace === XML_NAMESPACE ? XML_NAMESPACE_SCHEMA : builder.schema(schema)));
}

export const descriptorsEmitter: Emitter = {
  name: 'descriptors',
  emit(ir: SchemaSet, context: EmitContext, out: OutputFiles) {
    const builder = new DescriptorBuilder(indexSchemas(ir));
    const registry = new GeneratedFile('src/registry.ts', ir.schemas.flatMap((s) => (context.modules.has(s.namespace) ? s.files : [])));
    const names: string[] = [];
    // One import per module: module names come from file names, and two may camelCase alike.
    const locals = new IdentifierScope();
    for (const schema of ir.schemas) {
      const module = context.modules.get(schema.namespace);
      // The xml: namespace is built in: its attributes travel with the namespaces that use them.
      if (module === undefined && schema.namespace !== XML_NAMESPACE) continue;
      if (module === undefined) {
        const name = registry.importValue('XML_NAMESPACE_SCHEMA', context.runtimePackage);
        names.push(name);
        continue;
      }
      const descriptor = builder.schema(schema);
      const file = new GeneratedFile(`src/${module}.schema.ts`, schema.files);
      const type = file.importType('SchemaDescriptor', context.runtimePackage);
      file.addVariableStatement({
        isExported: true,
        declarationKind: 'const' as never,
        declarations: [{ name: 'schema', type, initializer: jsonText(descriptor, 2) }],
        docs: [
          `The schema of ${jsdocText(schema.namespace) || 'no namespace'} as data, read by the runtime's parser, validator and serializer.`,
        ],
      });
      out.set(file.path, file.toString());
      const local = locals.declare(`${module}-schema`);
      registry.addImportDeclaration({ moduleSpecifier: `./${module}.schema.js`, namedImports: [{ name: 'schema', alias: local }] });
      names.push(local);
    }
    const registryClass = registry.importValue('SchemaRegistry', context.runtimePackage);
    registry.addVariableStatement({
      isExported: true,
      declarationKind: 'const' as never,
      // Typed explicitly: the package builds with isolatedDeclarations (its .d.ts come from each file alone).
      declarations: [{ name: 'registry', type: registryClass, initializer: `new ${registryClass}([${names.join(', ')}])` }],
      docs: ['Every namespace this package was generated from: lax wildcard content in these namespaces is validated.'],
    });
    out.set(registry.path, registry.toString());
  },
};
