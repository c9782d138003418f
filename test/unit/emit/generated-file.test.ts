/**
 * GeneratedFile, the one printer of generated TypeScript: the exact layout of each declaration it
 * offers, imports gathered and ordered, JSDoc in one line or a block, and a layout that does not
 * depend on the text of the values inside it (ts-morph's printer, used before, lost its
 * indentation after a literal ending in a backslash next to a backtick). literal() is the one
 * way values are quoted into code.
 */
import { describe, expect, it } from 'vitest';
import { literal } from '../../../generator/src/emit/escape/index.js';
import { GeneratedFile, generatedHeader } from '../../../generator/src/emit/generated-file.js';
import { syntaxErrors } from '../../support/typecheck.js';

const HEADER = generatedHeader(['schemas/x.xsd']);

describe('GeneratedFile', () => {
  it('prints imports first, then each declaration, one blank line apart', () => {
    const file = new GeneratedFile('src/x.ts', ['schemas/x.xsd']);
    // Asked in no particular order, some twice: gathered per module and sorted.
    const registry = file.importValue('registry', './registry.js');
    const parse = file.importValue('parseDocument', '@evfw/runtime');
    const options = file.importType('ParseOptions', '@evfw/runtime');
    file.importType('Diagnostic', '@evfw/runtime');
    file.importType('ParseOptions', '@evfw/runtime');
    file.importType('Other', './other.js');
    // Aliased imports keep the order they were asked in, after the others.
    const b = file.importValue('schema', './b.schema.js', 'bSchema');
    const a = file.importValue('schema', './a.schema.js', 'aSchema');
    expect([registry, parse, options, b, a]).toEqual(['registry', 'parseDocument', 'ParseOptions', 'bSchema', 'aSchema']);

    file.exportConst({ name: 'NAMESPACE', value: literal('urn:x'), docs: 'The target namespace.' });
    file.exportConst({ name: 'data', type: 'Data', value: JSON.stringify({ a: [1] }, null, 2), docs: 'First paragraph.\n\nSecond paragraph.' });
    file.exportConst({ name: 'build', value: [{ docs: 'One.', text: 'one: () => 1' }, { text: 'two: () => 2' }] });
    file.exportFunction({
      name: 'parseX',
      parameters: [{ name: 'input', type: 'string' }, { name: 'options', type: options, optional: true }],
      returnType: 'unknown',
      body: [`return ${parse}(${registry}, ${literal('{urn:x}x')}, input, options);`],
    });
    file.exportInterface({
      name: 'X',
      extends: ['Base', 'Other'],
      properties: [
        { name: 'a', type: 'string', docs: 'Line one\nline two.' },
        { name: 'b', type: 'number[]', optional: true },
      ],
      docs: '@generated from complexType `x`',
    });
    file.exportInterface({ name: 'Empty', properties: [] });
    file.exportType({ name: 'Colour', type: `${literal('red')} | ${literal('green')}` });
    file.exportType({ name: 'Choice', union: ["{ $case: 'a'; a: string }", "{ $case: 'b'; b: number }"], docs: 'Narrow on `$case`.' });
    file.reExport(['A', 'B'], '@evfw/runtime', { typeOnly: true });
    file.reExport(['registry'], './registry.js');
    file.reExportNamespace('other', './other.js');

    const text = file.toString();
    expect(text).toBe(`${HEADER}

import { parseDocument } from '@evfw/runtime';
import type { Diagnostic, ParseOptions } from '@evfw/runtime';
import type { Other } from './other.js';
import { registry } from './registry.js';
import { schema as bSchema } from './b.schema.js';
import { schema as aSchema } from './a.schema.js';

/** The target namespace. */
export const NAMESPACE = 'urn:x';

/**
 * First paragraph.
 *
 * Second paragraph.
 */
export const data: Data = {
    "a": [
      1
    ]
  };

export const build = {
  /** One. */
  one: () => 1,
  two: () => 2,
};

export function parseX(input: string, options?: ParseOptions): unknown {
  return parseDocument(registry, '{urn:x}x', input, options);
}

/** @generated from complexType \`x\` */
export interface X extends Base, Other {
  /**
   * Line one
   * line two.
   */
  a: string;
  b?: number[];
}

export interface Empty {
}

export type Colour = 'red' | 'green';

/** Narrow on \`$case\`. */
export type Choice =
  | { $case: 'a'; a: string }
  | { $case: 'b'; b: number };

export type { A, B } from '@evfw/runtime';

export { registry } from './registry.js';

export * as other from './other.js';
`);
    expect(syntaxErrors(text)).toEqual([]);
  });

  it('keeps its layout whatever the values hold: a literal ending in a backslash, then a backtick', () => {
    const file = new GeneratedFile('src/x.ts', ['x.xsd']);
    const hostile = `${literal('a\\')} | ${literal('`')}`;
    file.exportType({ name: 'S', type: hostile });
    file.exportInterface({ name: 'R', properties: [{ name: 'x', type: hostile, docs: 'x' }, { name: 'y', type: 'string', docs: 'y' }] });
    file.exportFunction({ name: 'f', parameters: [], returnType: 'S', body: [`return ${literal('`')};`] });
    const text = file.toString();
    expect(text).toContain(["export interface R {", '  /** x */', "  x: 'a\\\\' | '`';", '  /** y */', '  y: string;', '}'].join('\n'));
    expect(text).toContain("export function f(): S {\n  return '`';\n}\n");
    expect(syntaxErrors(text)).toEqual([]);
  });

  it('writes JSDoc on one line when it fits one, and an empty comment for empty text', () => {
    const file = new GeneratedFile('src/x.ts', ['x.xsd']);
    file.exportConst({ name: 'a', value: '1', docs: 'One line.' });
    file.exportConst({ name: 'b', value: '2', docs: '' });
    file.exportConst({ name: 'c', value: '3' });
    expect(file.toString()).toBe(`${HEADER.replace('schemas/x.xsd', 'x.xsd')}\n\n/** One line. */\nexport const a = 1;\n\n/** */\nexport const b = 2;\n\nexport const c = 3;\n`);
  });

  it('types a union of no members as never, which TypeScript accepts', () => {
    const file = new GeneratedFile('src/x.ts', ['x.xsd']);
    file.exportType({ name: 'Nothing', union: [] });
    expect(file.toString()).toContain('export type Nothing = never;\n');
    expect(syntaxErrors(file.toString())).toEqual([]);
  });

  it('prints the header alone for a file with nothing in it', () => {
    expect(new GeneratedFile('src/x.ts', ['schemas/x.xsd']).toString()).toBe(`${HEADER}\n\n\n`);
  });
});

describe('literal', () => {
  it('quotes strings as tsString does, in single quotes', () => {
    expect(literal("it's \\ `x`")).toBe("'it\\'s \\\\ `x`'");
    expect(literal('line\nbreak\u2028')).toBe("'line\\nbreak\\u2028'");
  });

  it('writes numbers and booleans as JavaScript does', () => {
    expect([literal(1.5), literal(-2), literal(0), literal(true), literal(false)]).toEqual(['1.5', '-2', '0', 'true', 'false']);
  });

  it('refuses a number that has no literal', () => {
    expect(() => literal(Number.NaN)).toThrow(TypeError);
    expect(() => literal(Number.POSITIVE_INFINITY)).toThrow(TypeError);
  });
});
