/**
 * The descriptors emitter: each namespace's schema as plain data (src/<module>.schema.ts), and
 * src/registry.ts, which gathers them. The runtime's parser, validator and serializer interpret
 * this data, so the generated code stays thin and the XSD rules live, tested once, in the runtime.
 * The data is the lower stage's (lower/schema-descriptors.ts), written out as it is.
 */
import { XML_NAMESPACE, type SchemaSet } from '../../ir/ir.js';
import { IdentifierScope } from '../../naming/names.js';
import { jsdocText, jsonText } from '../escape/index.js';
import { GeneratedFile } from '../generated-file.js';
import type { EmitContext, Emitter, OutputFiles } from '../emitter.js';

export const descriptorsEmitter: Emitter = {
  name: 'descriptors',
  emit(ir: SchemaSet, context: EmitContext, out: OutputFiles) {
    const registry = new GeneratedFile('src/registry.ts', ir.schemas.flatMap((s) => (context.modules.has(s.namespace) ? s.files : [])));
    const names: string[] = [];
    // One import per module: module names come from file names, and two may camelCase alike.
    const locals = new IdentifierScope();
    for (const [i, schema] of ir.schemas.entries()) {
      const module = context.modules.get(schema.namespace);
      // The xml: namespace is built in: its attributes travel with the namespaces that use them.
      if (module === undefined && schema.namespace !== XML_NAMESPACE) continue;
      if (module === undefined) {
        const name = registry.importValue('XML_NAMESPACE_SCHEMA', context.runtimePackage);
        names.push(name);
        continue;
      }
      const descriptor = context.descriptors[i]!;
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
