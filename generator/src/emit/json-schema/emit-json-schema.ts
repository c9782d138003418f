/**
 * The JSON Schema emitter. For each namespace:
 *
 * - `schemas/<module>.schema.json`: the JSON Schema (draft 2020-12) of the typed model's
 *   plain-object form, for other tools (exported as `<package>/schemas/<module>.schema.json`);
 * - `src/<module>.object-validator.ts`: that schema compiled by ajv into standalone code, so
 *   consumers compile nothing at run time and need no ajv. A .ts file (not .js beside a .d.ts)
 *   so that tsc builds it into dist/ with the rest: ajv's code goes in unchecked, its exports
 *   typed, so its declaration is one line per validator;
 * - `src/<module>.object.ts`: `validateObjectX(value)` per global element, diagnostics in the
 *   XML validator's shape and codes, with JSON-pointer paths (`<package>/<module>/object`).
 */
import ts from 'typescript';
import { qnameKey, type Particle, type NamedSchemaSet } from '../../ir/ir.js';
import { indexSchemas, type SchemaIndex } from '../../ir/schema-index.js';
import { pascalCase, uniqueName } from '../../naming/names.js';
import { jsdocText, jsonText, literal } from '../escape/index.js';
import { GeneratedFile, generatedHeader } from '../generated-file.js';
import type { EmitContext, Emitter, OutputFiles } from '../emitter.js';
import { JsonSchemaBuilder, type Documentation } from './json-schema-builder.js';
import { standaloneValidators } from './standalone-validator.js';

export const jsonSchemaEmitter: Emitter = {
  name: 'json-schema',
  emit(ir: NamedSchemaSet, context: EmitContext, out: OutputFiles) {
    const index = indexSchemas(ir);
    const docs = documentation(ir, index);
    for (const { schema, module, descriptor } of context.emitted) {
      const { schema: json, roots } = new JsonSchemaBuilder(context.descriptors, descriptor, docs).build(module, schema.documentation);
      out.set(`schemas/${module}.schema.json`, `${jsonText(json, 2)}\n`);

      const taken = new Set<string>();
      const validators = new Map<string, { element: string; def: string; fn: string }>();
      for (const [element, def] of roots) {
        const name = uniqueName(pascalCase(element), taken);
        validators.set(`validate${name}Schema`, { element, def, fn: `validateObject${name}` });
      }
      const code = standaloneValidators(json, new Map([...validators].map(([name, v]) => [name, v.def])), context.codegenEntry);
      out.set(`src/${module}.object-validator.ts`, validatorModule(module, schema.files, code, [...validators.keys()], context));
      out.set(`src/${module}.object.ts`, wrapperModule(module, schema.namespace, schema.files, validators, context));
    }
  },
};

/**
 * ajv's standalone code as a TypeScript module. The code is ajv's, checked by ajv's own tests and
 * not written to be typed, so the file is not type-checked; each export is annotated instead,
 * which makes its declaration (tsc's, or transpileDeclaration's under isolatedDeclarations)
 * `export declare const validateXSchema: ObjectValidator;`.
 */
function validatorModule(module: string, sources: readonly string[], code: string, names: readonly string[], context: EmitContext): string {
  return [
    generatedHeader(sources),
    '',
    "// @ts-nocheck: ajv's standalone code, checked by ajv and not written to be typed; the exports are typed below.",
    `// ajv standalone code of schemas/${module}.schema.json; the schema's own patterns match through the runtime's linear-time engine.`,
    `import type { ObjectValidator } from ${literal(context.codegenEntry)};`,
    withTypedExports(code, names, 'ObjectValidator'),
    '',
  ].join('\n');
}

/**
 * `export const x = validate71;` becomes `export const x: ObjectValidator = validate71;` for each
 * name. The statements are found by parsing, not by searching the text: the code holds the
 * schema's own strings, which may spell anything.
 */
function withTypedExports(code: string, names: readonly string[], type: string): string {
  const file = ts.createSourceFile('validator.js', code, ts.ScriptTarget.ES2022, false, ts.ScriptKind.JS);
  const wanted = new Set(names);
  const insertAt = new Map<string, number>();
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement) || !statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && wanted.has(declaration.name.text)) insertAt.set(declaration.name.text, declaration.name.end);
    }
  }
  const missing = names.find((name) => !insertAt.has(name));
  // A bug of the generator, not of a schema: ajv exports every validator it was asked for.
  if (missing !== undefined) throw new Error(`evfw generator: ajv's standalone code has no \`export const ${missing}\``);
  // From the end, so that earlier positions stay valid.
  let typed = code;
  for (const at of [...insertAt.values()].sort((a, b) => b - a)) typed = `${typed.slice(0, at)}: ${type}${typed.slice(at)}`;
  return typed;
}

function wrapperModule(
  module: string,
  namespace: string,
  sources: readonly string[],
  validators: ReadonlyMap<string, { element: string; fn: string }>,
  context: EmitContext,
): string {
  const file = new GeneratedFile(`src/${module}.object.ts`, sources);
  const diagnostic = file.importType('Diagnostic', context.codegenEntry);
  const objectDiagnostics = file.importValue('objectDiagnostics', context.codegenEntry);
  const registry = file.importValue('registry', './registry.js');
  // Elements `object` and `schema` make validateObjectSchema both ajv's validator of `object` and
  // the export for `schema`: a validator so named is imported as ajvValidateObjectSchema, which
  // no export can be called (each starts with validateObject).
  const exported = new Set([...validators.values()].map(({ fn }) => fn));
  for (const [name, { element, fn }] of validators) {
    const validator = file.importValue(name, `./${module}.object-validator.js`, exported.has(name) ? `ajv${name.charAt(0).toUpperCase()}${name.slice(1)}` : undefined);
    // The one key written by jsonText, in double quotes (as safe in code as literal()): the
    // .object.ts files have always quoted it so, and generated bytes change only with a schema.
    const key = jsonText(qnameKey({ namespace, name: element }));
    file.exportFunction({
      name: fn,
      parameters: [{ name: 'value', type: 'unknown' }],
      returnType: `${diagnostic}[]`,
      body: [`return ${objectDiagnostics}(${registry}, ${key}, ${validator}, value);`],
      docs: [
        `Checks a plain object (parsed JSON, say) as the value of <${jsdocText(element)}> against schemas/${module}.schema.json:`,
        'the diagnostics of the XML validator for the same rules, with JSON-pointer paths; empty when it fits.',
        'What JSON Schema cannot say (element order, identity constraints) only the XML validator checks.',
        '',
        `@generated from element \`${jsdocText(element)}\``,
      ].join('\n'),
    });
  }
  return file.toString();
}

/** `xs:documentation` by component key, and by `typeKey property` for attributes and elements. */
function documentation(ir: NamedSchemaSet, index: SchemaIndex): Documentation {
  const docs = new Map<string, string>();
  const set = (key: string, doc: string | undefined) => {
    if (doc) docs.set(key, doc.replace(/\s+/g, ' ').trim());
  };
  for (const schema of ir.schemas) {
    for (const e of schema.elements) set(qnameKey(e.name), e.documentation);
    for (const def of schema.types) {
      if (!def.name) continue;
      const key = qnameKey(def.name);
      set(key, def.documentation);
      if (def.kind !== 'complex') continue;
      for (const use of def.attributes) {
        if ('attribute' in use && use.property) set(`${key} ${use.property}`, use.attribute.documentation);
      }
      if (def.content.kind === 'elements') visit(def.content.particle, (p) => set(`${key} ${p.property}`, particleDoc(p, index)));
    }
  }
  return docs;
}

function visit(p: Particle, f: (p: Particle & { property: string }) => void): void {
  if ('property' in p && typeof p.property === 'string') f(p as Particle & { property: string });
  if (p.kind === 'sequence' || p.kind === 'choice' || p.kind === 'all') for (const c of p.particles) visit(c, f);
}

function particleDoc(p: Particle, index: SchemaIndex): string | undefined {
  if (p.kind === 'element') return p.element.documentation;
  if (p.kind === 'element-ref') return index.element(p.ref)?.documentation;
  return 'documentation' in p ? (p.documentation as string | undefined) : undefined;
}
