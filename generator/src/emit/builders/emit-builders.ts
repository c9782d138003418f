/**
 * The builders emitter: src/<module>.build.ts per namespace, one builder per complex type.
 *
 *   build.eventCpmImap({ index: 'e1' })  // a valid EventCpmImap with index e1
 *
 * Each builder is one line: the runtime's `builder` works the defaults out from the schema
 * descriptors when it is called (required attributes, minOccurs children, first branches, valid
 * values), and the overrides are spread on top, typed as Partial of the generated interface.
 */
import { qnameKey, type DeclaredComplexType, type NamedSchemaSet } from '../../ir/ir.js';
import { camelCase } from '../../naming/names.js';
import { jsdocText, literal } from '../escape/index.js';
import { GeneratedFile } from '../generated-file.js';
import type { EmitContext, Emitter, OutputFiles } from '../emitter.js';
import { addObjectConstant, origin, testingEntry, type Member } from './testing-module.js';

export const buildersEmitter: Emitter = {
  name: 'builders',
  emit(ir: NamedSchemaSet, context: EmitContext, out: OutputFiles) {
    for (const { schema, module } of context.emitted) {
      const file = new GeneratedFile(`src/${module}.build.ts`, schema.files);
      const members = schema.types
        .filter((def): def is DeclaredComplexType<'named'> => def.kind === 'complex')
        .map((def): Member => {
          const type = file.importType(def.tsName, `./${module}.js`);
          const builder = file.importValue('builder', testingEntry(context));
          const registry = file.importValue('registry', './registry.js');
          return {
            docs: [`A valid {@link ${type}}: its required attributes, the fewest children its content allows and the first branch of each choice, with \`overrides\` on top.`, origin(def)],
            // A typed arrow, as the arbitraries are: isolatedDeclarations cannot infer a call's type.
            text: `${camelCase(def.tsName)}: (overrides?: Partial<${type}>): ${type} => ${builder}<${type}>(${registry}, ${literal(qnameKey(def.name))})(overrides)`,
          };
        });
      addObjectConstant(file, 'build', [
        `Builders of the complex types of ${jsdocText(schema.namespace) || 'no namespace'}, for tests: each returns a value that is valid by construction, every property overridable with type checking. Values that must be unique (xs:ID values, the fields of xs:unique and xs:key) are numbered across calls, so separately built parts do not clash. Needs fast-check.`,
      ], members);
      out.set(file.path, file.toString());
    }
  },
};
