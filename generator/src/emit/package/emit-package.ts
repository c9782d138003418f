/**
 * The package emitter: what makes generated/ a package other packages import. package.json
 * with an exports map (one entry per namespace module, and `<module>/build` and
 * `<module>/arbitraries` for the test helpers other emitters wrote; see package-json.ts), the
 * index that re-exports each module under a namespace name, the tsconfig.json its build uses,
 * and a README. It runs last, so it exports what the others wrote.
 */
import { DIAGNOSTIC_CODES } from '@evfw/runtime/diagnostics';
import type { RuleDescriptor } from '@evfw/runtime/schema';
import { IdentifierScope } from '../../naming/names.js';
import type { NamedSchemaSet } from '../../ir/ir.js';
import { jsonText, markdownCode, markdownText } from '../escape/index.js';
import { GeneratedFile, generatedHeader } from '../generated-file.js';
import type { EmitContext, EmitMode, Emitter, OutputFiles } from '../emitter.js';
import { packageJson, packageTsconfig, type PackageEntry } from './package-json.js';

export const packageEmitter: Emitter = {
  name: 'package',
  emit(ir: NamedSchemaSet, context: EmitContext, out: OutputFiles) {
    const sources = context.emitted.flatMap(({ schema }) => schema.files);
    const modules = context.emitted.map(({ schema, module }) => ({ namespace: schema.namespace, module }));

    const index = new GeneratedFile('src/index.ts', sources);
    index.reExport(['Diagnostic', 'ParseOptions', 'ParseResult', 'SerializeOptions', 'XmlAttribute', 'XmlElement', 'XmlNode', 'XmlText'], context.codegenEntry, { typeOnly: true });
    index.reExport(['ModelError'], context.codegenEntry);
    index.reExport(['registry'], './registry.js');
    // Module names come from file names: two can camelCase alike (`a-2`, `a2`), or to a reserved word.
    const namespaces = new IdentifierScope();
    for (const { module } of modules) {
      index.reExportNamespace(namespaces.declare(module), `./${module}.js`);
    }
    out.set(index.path, index.toString());

    const entries: PackageEntry[] = [{ entry: '.', module: 'index' }];
    let testing = false;
    for (const { module } of modules) {
      entries.push({ entry: `./${module}`, module });
      // The test helpers stay out of the index: they need fast-check, the models do not.
      for (const helper of ['build', 'arbitraries'] as const) {
        if (!out.has(`src/${module}.${helper}.ts`)) continue;
        entries.push({ entry: `./${module}/${helper}`, module: `${module}.${helper}` });
        testing = true;
      }
      // The object validator (JSON Schema compiled ahead of time) and the schema itself, for other tools.
      if (out.has(`src/${module}.object.ts`)) entries.push({ entry: `./${module}/object`, module: `${module}.object` });
      const schemaFile = `schemas/${module}.schema.json`;
      if (out.has(schemaFile)) entries.push({ entry: `./${schemaFile}`, file: schemaFile });
    }
    const written = [...out.keys()];
    const pkg = packageJson({
      packageName: context.packageName,
      runtimePackage: context.runtimePackage,
      emit: context.emit,
      sources,
      entries,
      hasSchemas: written.some((f) => f.startsWith('schemas/')),
      hasDocs: written.some((f) => f.startsWith('docs/')),
      testing,
    });
    out.set('package.json', `${jsonText(pkg, 2)}\n`);
    // In js mode there is nothing to compile: the generator writes dist/ itself.
    if (context.emit === 'ts') out.set('tsconfig.json', `${jsonText(packageTsconfig(), 2)}\n`);

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
      ...importingSection(context.packageName, context.runtimePackage, modules.map((m) => m.module)),
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
      ...buildingSection(context.emit, context.runtimePackage),
      ...(modules.some(({ module }) => out.has(`src/${module}.object.ts`)) ? objectSection(context.packageName) : []),
      ...(testing ? testingSection(context.packageName, context.runtimePackage) : []),
    ].join('\n');
    out.set('README.md', readme);
    out.set('DIAGNOSTICS.md', diagnosticsTable(sources, context.emitted.flatMap(({ schema }) => schema.rules ?? [])));
  },
};

/**
 * How to install the package and import it, in Node, a bundler or a browser. The module names
 * are the package's own; the function names follow a rule, so the text states the rule.
 */
function importingSection(packageName: string, runtimePackage: string, modules: readonly string[]): string[] {
  const first = modules[0];
  const example = first === undefined ? [] : [`For example \`import { parseXY, serializeXY } from '${packageName}/${first}'\`.`];
  return [
    '## Installing and importing',
    '',
    '```sh',
    `npm install ${packageName}`,
    '```',
    '',
    `npm installs \`${runtimePackage}\` with it, and the XML parser the runtime uses; nothing else. Each`,
    'namespace is a module of its own, imported by the name in the table above, in ES modules or, on',
    `Node 20.19 and later, with \`require\`. ${example.join('')}`,
    `\`${packageName}\` itself re-exports each module under a camelCase name, with the runtime's`,
    '`XmlElement` types. The declarations check under a strict `tsc` (`--module nodenext`, without',
    '`skipLibCheck`).',
    '',
    'In a browser or at the edge, the same imports work through any bundler: the models and the',
    'runtime import no Node built-in, and the package is `sideEffects: false`, so a bundle carries',
    'only what it calls. Every module carries the descriptors of all the package\'s schemas, so that',
    'extension content in a known namespace is checked.',
    '',
  ];
}

function buildingSection(emit: EmitMode, runtimePackage: string): string[] {
  const how =
    emit === 'ts'
      ? [
          'The TypeScript sources are in `src/`. `npm run build` compiles them with tsc into `dist/` (JavaScript,',
          'declarations and their maps), and `npm pack` and `npm publish` run it first, so the packed package',
          'is plain JavaScript that any Node 20 project can import. Inside a workspace, the `@evfw/source`',
          'export condition (`node --conditions=@evfw/source`, or `customConditions` in a tsconfig) reads',
          '`src/` directly, without a build.',
        ]
      : [
          'Generated with `--emit js`: `dist/` holds the JavaScript and its declarations, ready as written, with',
          'no build step and no TypeScript needed. `npm pack` packs it as it is.',
        ];
  return [
    '## Building and installing',
    '',
    ...how,
    '',
    `At run time the models need \`${runtimePackage}\` alone, a dependency that npm installs with the package.`,
    '',
  ];
}

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

function testingSection(packageName: string, runtimePackage: string): string[] {
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
    `Invalid documents come from \`mutate\` in \`${runtimePackage}/testing\`: from a valid document, one fault`,
    'of a named kind (a missing required attribute, a value outside its enumeration, ...), with the',
    'diagnostic code the validator reports for it.',
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
