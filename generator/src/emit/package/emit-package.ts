/**
 * The package emitter: what makes generated/ a package other packages import. package.json
 * with an exports map (one entry per namespace module, and `<module>/build` and
 * `<module>/arbitraries` for the test helpers other emitters wrote), the index that re-exports
 * each module under a namespace name, a strict tsconfig.json, and a README. It runs last, so it
 * exports what the others wrote.
 */
import { DIAGNOSTIC_CODES } from '@evfw/runtime/diagnostics';
import type { RuleDescriptor } from '@evfw/runtime/schema';
import { IdentifierScope } from '../../naming/names.js';
import type { SchemaSet } from '../../ir/ir.js';
import { jsonText, markdownCode, markdownText } from '../escape/index.js';
import { GENERATOR_NAME, GENERATOR_VERSION, GeneratedFile, generatedHeader } from '../generated-file.js';
import type { EmitContext, Emitter, OutputFiles } from '../emitter.js';

export const packageEmitter: Emitter = {
  name: 'package',
  emit(ir: SchemaSet, context: EmitContext, out: OutputFiles) {
    const emitted = ir.schemas.filter((s) => context.modules.has(s.namespace));
    const sources = emitted.flatMap((s) => s.files);
    const modules = emitted.map((s) => ({ namespace: s.namespace, module: context.modules.get(s.namespace)! }));

    const index = new GeneratedFile('src/index.ts', sources);
    index.addExportDeclaration({
      isTypeOnly: true,
      namedExports: ['Diagnostic', 'ParseOptions', 'ParseResult', 'SerializeOptions', 'XmlAttribute', 'XmlElement', 'XmlNode', 'XmlText'],
      moduleSpecifier: context.runtimePackage,
    });
    index.addExportDeclaration({ namedExports: ['ModelError'], moduleSpecifier: context.runtimePackage });
    index.addExportDeclaration({ namedExports: ['registry'], moduleSpecifier: './registry.js' });
    // Module names come from file names: two can camelCase alike (`a-2`, `a2`), or to a reserved word.
    const namespaces = new IdentifierScope();
    for (const { module } of modules) {
      index.addExportDeclaration({ namespaceExport: namespaces.declare(module), moduleSpecifier: `./${module}.js` });
    }
    out.set(index.path, index.toString());

    const exports: Record<string, { types: string; default: string } | string> = {
      '.': { types: './src/index.ts', default: './src/index.ts' },
    };
    let testing = false;
    for (const { module } of modules) {
      exports[`./${module}`] = { types: `./src/${module}.ts`, default: `./src/${module}.ts` };
      // The test helpers stay out of the index: they need fast-check, the models do not.
      for (const [entry, file] of [['build', `src/${module}.build.ts`], ['arbitraries', `src/${module}.arbitraries.ts`]] as const) {
        if (!out.has(file)) continue;
        exports[`./${module}/${entry}`] = { types: `./${file}`, default: `./${file}` };
        testing = true;
      }
      // The object validator (JSON Schema compiled ahead of time) and the schema itself, for other tools.
      if (out.has(`src/${module}.object.ts`)) exports[`./${module}/object`] = { types: `./src/${module}.object.ts`, default: `./src/${module}.object.ts` };
      if (out.has(`schemas/${module}.schema.json`)) exports[`./schemas/${module}.schema.json`] = `./schemas/${module}.schema.json`;
    }
    const pkg = {
      name: context.packageName,
      version: GENERATOR_VERSION,
      description: `Typed models generated from ${sources.join(', ')}`,
      license: 'Apache-2.0',
      type: 'module',
      sideEffects: false,
      exports,
      dependencies: { [context.runtimePackage]: GENERATOR_VERSION },
      ...(testing ? { peerDependencies: { 'fast-check': '^4.0.0' }, peerDependenciesMeta: { 'fast-check': { optional: true } } } : {}),
      evfw: { generatedBy: `${GENERATOR_NAME} ${GENERATOR_VERSION}`, sources, note: 'Generated: edit the schemas and run `npm run generate`.' },
    };
    out.set('package.json', `${jsonText(pkg, 2)}\n`);

    const tsconfig = {
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        allowImportingTsExtensions: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
      },
      include: ['src'],
    };
    out.set('tsconfig.json', `${jsonText(tsconfig, 2)}\n`);

    const readme = [
      generatedHeader(sources, '<!--').replace(/\n/g, ' -->\n') + ' -->',
      '',
      `# ${context.packageName}`,
      '',
      'The generated half of evfw: typed models for each schema namespace. Written only by',
      '`npm run generate` from the schemas named above; the hand-written code it imports is',
      `\`${context.runtimePackage}\`.`,
      '',
      '| import | namespace |',
      '| --- | --- |',
      ...modules.map(({ namespace, module }) => `| \`${context.packageName}/${module}\` | ${markdownCode(namespace, true)} |`),
      '',
      'The reference of every element, attribute and type, with an example document per namespace, is in',
      '`docs/`: one Markdown page per namespace, and `docs/reference.html`, one page that works offline.',
      '',
      '## Reading, checking and writing documents',
      '',
      'Each global element `x-y` of a namespace has three functions in that namespace\'s module:',
      '',
      '- `parseXY(input, options?)`: text or bytes in; `{ ok: true, value, diagnostics }` with the typed',
      '  value, or `{ ok: false, diagnostics }` listing every error (up to `limits.maxErrors`). It never',
      '  throws on bad input.',
      '- `validateXY(input, options?)`: the diagnostics alone; empty means valid.',
      '- `serializeXY(value, options?)`: the value as XML text; `{ indent: 2 }` pretty-prints element-only',
      '  content. It throws `ModelError` when the value does not fit the schema.',
      '',
      'A diagnostic has a stable `code` (all listed in DIAGNOSTICS.md), a `message`, `line` and `column`,',
      'a `path` such as `/cpm-evfw/event-cpm-imap[2]/operation[1]/@flags`, a `severity`, and a `hint`',
      'when the fix is known. Options: `limits` (document size, depth, text length, error count),',
      '`compat` (known deviations to accept with a warning, such as `flag-attribute`) and `profile`',
      '(`xsd`, the default: the schemas alone; `spec` and `invite` add the prose rules listed in DIAGNOSTICS.md).',
      '',
      '## What a round trip keeps, and what it does not',
      '',
      '`parse(serialize(x))` gives back `x`, and `serialize(parse(d))` has the same elements in the same',
      'order (extension elements stay where they were among the known ones), the same attributes,',
      'namespaces and text as `d`. Not kept, because none of it is part of what the document says:',
      '',
      '- prefixes and where namespaces were declared: every namespace is declared once on the root,',
      '  with the prefix its schema uses (`ns1`, `ns2`, ... for namespaces without a schema here);',
      '- comments, processing instructions, the XML declaration\'s encoding, CDATA section boundaries',
      '  and character references (their characters are kept);',
      '- whitespace between the elements of element-only content (whitespace inside extension content',
      '  is kept);',
      '- the lexical form of typed values: whitespace of `xs:token`-like values is collapsed, numbers',
      '  and booleans are written in canonical form (`007` comes back as `7`);',
      '- `xsi:` attributes such as `xsi:schemaLocation` on elements of a known schema: hints, never followed, not kept (on extension content they are kept like any attribute).',
      '',
      ...(modules.some(({ module }) => out.has(`src/${module}.object.ts`)) ? objectSection(context.packageName) : []),
      ...(testing ? testingSection(context.packageName) : []),
    ].join('\n');
    out.set('README.md', readme);
    out.set('DIAGNOSTICS.md', diagnosticsTable(sources, emitted.flatMap((s) => s.rules ?? [])));
  },
};

function objectSection(packageName: string): string[] {
  return [
    '## Checking the JSON form',
    '',
    `\`${packageName}/<module>/object\` exports \`validateObjectXY(value)\` per global element: the typed`,
    'model\'s plain-object form (parsed JSON, say) checked against `schemas/<module>.schema.json`',
    `(exported as \`${packageName}/schemas/<module>.schema.json\`), with the XML validator's diagnostic codes`,
    'and JSON-pointer paths. The schema is compiled ahead of time: no ajv is needed at run time.',
    'Element order and identity constraints are checked by the XML validator only.',
    '',
  ];
}

function testingSection(packageName: string): string[] {
  return [
    '## Test helpers: builders and arbitraries',
    '',
    `\`${packageName}/<module>/build\` exports \`build\`, one builder per complex type: \`build.x(overrides?)\``,
    'returns a value that is valid by construction (required attributes, the fewest children the',
    'content allows, the first branch of each choice), with the overrides on top, type-checked.',
    'Values that must be unique (xs:ID, the fields of xs:unique and xs:key) are numbered across calls.',
    '',
    `\`${packageName}/<module>/arbitraries\` exports fast-check arbitraries: \`documents.x(options?)\` per`,
    'global element and `arbitraries.x(options?)` per complex type, respecting cardinalities,',
    'enumerations, facets, uniqueness and wildcards; `options` bounds repetitions (`maxOccurs`) and',
    'depth (`maxDepth`). Both need fast-check, an optional peer dependency; the models do not.',
    '',
  ];
}

/**
 * The reference table of every diagnostic code the parsers and validators can report: the
 * runtime's codes, then one row per prose rule of the schemas' rules files, with its section.
 */
function diagnosticsTable(sources: readonly string[], rules: readonly RuleDescriptor[]): string {
  const rows = [
    ...Object.entries(DIAGNOSTIC_CODES).map(([code, meaning]) => `| \`${code}\` | ${meaning.replace(/\|/g, '\\|')} |`),
    ...rules.map((rule) => `| \`${ruleCode(rule)}\` | ${ruleMeaning(rule)} |`),
  ];
  return [
    generatedHeader(sources, '<!--').replace(/\n/g, ' -->\n') + ' -->',
    '',
    '# Diagnostic codes',
    '',
    'Every diagnostic that `parse*`, `validate*` and `serialize*` report carries one of these codes,',
    'a message, the line and column, and a path such as `/cpm-evfw/event-cpm-imap[2]/operation[1]/@flags`.',
    'Codes are stable: a code is never reused for another meaning. The `evfw.rule.*` codes are the prose',
    'rules of the schemas\' rules files, reported only in the profile named (`invite` includes `spec`).',
    '',
    '| code | meaning |',
    '| --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

/**
 * A rule's cell: section, severity and profile first, then what it checks. The texts come from
 * a rules file beside the schema: escaped as table-cell text (Markdown would read `<object>` as
 * an HTML tag, and a `|` or a line break would end the cell).
 */
export function ruleMeaning(rule: RuleDescriptor): string {
  return `Section ${markdownText(rule.section, true)}; ${rule.severity} in the ${rule.profile} profile. ${markdownText(rule.description, true)}`;
}

function ruleCode(rule: RuleDescriptor): string {
  return `evfw.rule.${rule.id}`;
}
