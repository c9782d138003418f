/**
 * Compiles a namespace's JSON Schema with ajv into standalone ES module code, so the generated
 * package validates objects without ajv and without compiling a schema at run time.
 *
 * ajv's standalone code still `require`s a helper for a few keywords (ucs2length for
 * minLength/maxLength: lengths count code points, as XSD's do). Those helpers are small and
 * pure, so they are written into the module instead; anything else that would reach back into
 * ajv at run time stops the generator rather than ship a module that cannot load.
 *
 * Patterns: ajv would compile each `pattern` into a backtracking RegExp, and a schema's pattern
 * is untrusted ((a|a)*b takes minutes on 30 characters). So every pattern goes through one
 * function of the module, `patternOf`: a pattern the schema wrote (it carries its XSD
 * alternatives, see XSD_PATTERN_KEYWORD) is matched by the runtime's linear-time automaton; only
 * the generator's own lexical patterns of built-in types, fixed and safe, stay RegExps.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import { jsonText } from '../escape/index.js';
import { XSD_PATTERN_KEYWORD, type JsonSchema } from './builtin-schemas.js';

// ajv's standalone entry is CommonJS: its function is the module's `default`.
const standaloneCode = standaloneCodeModule.default;

/** The ajv runtime helpers standalone code may require, as local functions. */
const INLINE_HELPERS: Readonly<Record<string, string>> = {
  'ajv/dist/runtime/ucs2length': 'function ucs2length(str) { let length = 0; for (const _ of str) length++; return length; }',
};

/** The name standalone code calls for each pattern; defined by `patternPrelude`. */
const PATTERN_FUNCTION = 'patternOf';

/**
 * ajv's engine for `pattern`: in process (tests compiling the JSON Schema) the native RegExp on
 * values the test chose; its `code` is what the standalone module calls instead.
 */
const patternEngine = Object.assign((source: string, flags: string) => new RegExp(source, flags), { code: PATTERN_FUNCTION });

/** The ajv options the generated validators are compiled with (the JSON Schema files don't depend on them). */
export function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    discriminator: true,
    // Formats are annotations: the lexical space is stated by `pattern`, which needs no runtime helper.
    validateFormats: false,
    inlineRefs: false,
    strict: true,
    strictTypes: false,
    code: { source: true, esm: true, lines: false, regExp: patternEngine },
  });
  ajv.addKeyword({ keyword: 'x-evfw-xml', schemaType: 'object' });
  ajv.addKeyword({ keyword: XSD_PATTERN_KEYWORD, schemaType: 'array' });
  return ajv;
}

/**
 * `patternOf(source, flags)` for the module: the schema's patterns by their JSON source, each
 * with its XSD alternatives for the runtime's linear matcher; any other source (a built-in
 * type's lexical pattern, written by the generator) as a RegExp.
 */
function patternPrelude(schema: JsonSchema, codegenEntry: string): string {
  const table = new Map<string, string[]>();
  // An explicit stack: a schema's nesting is as deep as its types', which a schema chooses.
  const stack: unknown[] = [schema];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    const pattern = 'pattern' in node ? node.pattern : undefined;
    const xsd = XSD_PATTERN_KEYWORD in node ? node[XSD_PATTERN_KEYWORD] : undefined;
    if (typeof pattern === 'string' && isStringArray(xsd)) table.set(pattern, xsd);
    for (const value of Object.values(node)) if (value !== null && typeof value === 'object') stack.push(value);
  }
  if (table.size === 0) return `function ${PATTERN_FUNCTION}(source, flags) { return new RegExp(source, flags); }`;
  const entries = [...table].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return [
    `import { xsdPatternStep } from ${jsonText(codegenEntry)};`,
    `const xsdPatterns = new Map(${jsonText(entries)});`,
    `function ${PATTERN_FUNCTION}(source, flags) { const xsd = xsdPatterns.get(source); return xsd === undefined ? new RegExp(source, flags) : xsdPatternStep(xsd); }`,
  ].join('\n');
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** ES module source exporting one validator per entry of `exports` (export name -> `$defs` name). */
export function standaloneValidators(schema: JsonSchema, exports: ReadonlyMap<string, string>, codegenEntry: string): string {
  const ajv = newAjv();
  ajv.addSchema(schema);
  const id = schema.$id as string;
  const refs = Object.fromEntries([...exports].map(([name, def]) => [name, `${id}#/$defs/${def}`]));
  let code: string = standaloneCode(ajv, refs);
  const helpers: string[] = [];
  code = code.replace(/const (\w+) = require\("([^"]+)"\)\.default;/g, (_all, local: string, module: string) => {
    const helper = INLINE_HELPERS[module];
    if (helper === undefined) return _all;
    helpers.push(`const ${local} = ${helper.replace(/^function (\w+)/, 'function')};`);
    return '';
  });
  const left = /require\("([^"]+)"\)/.exec(code);
  if (left) {
    // A bug of the generator, not of a schema: no schema position to give.
    throw new Error(`evfw generator: the ajv standalone code of ${id} requires "${left[1]}" at run time, which the generated package must not need; avoid the keyword that needs it or add the helper to INLINE_HELPERS`);
  }
  const prelude = code.includes(`${PATTERN_FUNCTION}(`) || code.includes(`= ${PATTERN_FUNCTION};`) ? [patternPrelude(schema, codegenEntry)] : [];
  // The directive goes: an ES module is strict already, and the module's imports come first.
  return code.replace(/^"use strict";/, () => [...prelude, ...helpers].join('\n') + '\n');
}
