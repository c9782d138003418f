/**
 * The arbitraries emitter: src/<module>.arbitraries.ts per namespace, typed fast-check
 * arbitraries for property tests.
 *
 *   fc.assert(fc.property(documents.cpmEvfw(), (doc) => ...))
 *
 * `documents` has one per global element (documents whose root it is, its identity constraints
 * kept), `arbitraries` one per complex type. The runtime interprets the schema descriptors;
 * these lines only give each one its key and its type.
 */
import { qnameKey, type DeclaredComplexType, type NamedSchemaSet } from '../../ir/ir.js';
import { indexSchemas } from '../../ir/schema-index.js';
import { camelCase, uniqueName } from '../../naming/names.js';
import { jsdocText, literal } from '../escape/index.js';
import { GeneratedFile } from '../generated-file.js';
import type { EmitContext, Emitter, OutputFiles } from '../emitter.js';
import { TypeExpressions } from '../type-expressions.js';
import { addObjectConstant, origin, testingEntry, type Member } from './testing-module.js';

export const arbitrariesEmitter: Emitter = {
  name: 'arbitraries',
  emit(ir: NamedSchemaSet, context: EmitContext, out: OutputFiles) {
    const index = indexSchemas(ir);
    for (const { schema, module } of context.emitted) {
      const file = new GeneratedFile(`src/${module}.arbitraries.ts`, schema.files);
      const runtime = testingEntry(context);
      const namespace = jsdocText(schema.namespace) || 'no namespace';
      // Element values name the namespace's types, imported from its module.
      const valueTypes = new TypeExpressions(schema, index, context, file, true);
      // Imported when first written, so a namespace without elements or types imports nothing unused.
      const signature = (type: string) => `(options?: ${file.importType('ArbitraryOptions', runtime)}): ${file.importType('Arbitrary', 'fast-check')}<${type}>`;
      const call = (make: string, type: string, key: string) =>
        `${file.importValue(make, runtime)}<${type}>(${file.importValue('registry', './registry.js')}, ${literal(key)}, options)`;

      const taken = new Set<string>();
      const documents = schema.elements
        .filter((decl) => !decl.abstract)
        .map((decl): Member => {
          const type = valueTypes.elementType(decl);
          return {
            docs: [`Random valid documents whose root is <${jsdocText(decl.name.name)}>, as model values.`, origin(decl)],
            text: `${uniqueName(camelCase(decl.name.name), taken)}: ${signature(type)} => ${call('documentArbitrary', type, qnameKey(decl.name))}`,
          };
        });
      addObjectConstant(file, 'documents', [
        `fast-check arbitraries of documents of ${namespace}, one per global element: values that respect cardinalities, choices, enumerations, facets, uniqueness and wildcards (extension elements of other namespaces included), sized by \`options\`. Needs fast-check.`,
      ], documents);

      const types = schema.types
        .filter((def): def is DeclaredComplexType<'named'> => def.kind === 'complex')
        .map((def): Member => {
          const type = file.importType(def.tsName, `./${module}.js`);
          return {
            docs: [`Random valid {@link ${type}} values.`, origin(def)],
            text: `${camelCase(def.tsName)}: ${signature(type)} => ${call('typeArbitrary', type, qnameKey(def.name))}`,
          };
        });
      addObjectConstant(file, 'arbitraries', [`fast-check arbitraries of the complex types of ${namespace}, one per type. Needs fast-check.`], types);
      out.set(file.path, file.toString());
    }
  },
};
