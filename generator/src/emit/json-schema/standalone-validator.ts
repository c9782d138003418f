/**
 * Compiles a namespace's JSON Schema with ajv into standalone ES module code, so the generated
 * package validates objects without ajv and without compiling a schema at run time.
 *
 * ajv's standalone code still `require`s a helper for a few keywords (ucs2length for
 * minLength/maxLength: lengths count code points, as XSD's do). Those helpers are small and
 * pure, so they are written into the module instead; anything else that would reach back into
 * ajv at run time stops the generator rather than ship a module that cannot load.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import type { JsonSchema } from './builtin-schemas.js';

// ajv's standalone entry is CommonJS: its function is the module's `default`.
const standaloneCode = standaloneCodeModule.default;

/** The ajv runtime helpers standalone code may require, as local functions. */
const INLINE_HELPERS: Readonly<Record<string, string>> = {
  'ajv/dist/runtime/ucs2length': 'function ucs2length(str) { let length = 0; for (const _ of str) length++; return length; }',
};

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
    code: { source: true, esm: true, lines: false },
  });
  ajv.addKeyword({ keyword: 'x-evfw-xml', schemaType: 'object' });
  return ajv;
}

/** ES module source exporting one validator per entry of `exports` (export name -> `$defs` name). */
export function standaloneValidators(schema: JsonSchema, exports: ReadonlyMap<string, string>): string {
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
  return code.replace(/^"use strict";/, `"use strict";\n${helpers.join('\n')}${helpers.length ? '\n' : ''}`);
}
