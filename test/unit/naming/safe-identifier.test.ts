/**
 * safeIdentifier and IdentifierScope: from any text, an identifier V8 accepts in strict code and
 * TypeScript accepts in a module, never the input pasted; different inputs that derive the same
 * identifier are told apart and reported.
 */
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { IdentifierScope, safeIdentifier } from '../../../generator/src/naming/names.js';
import { syntaxErrors } from '../../support/typecheck.js';

/** Whether `id` can be declared: strict-mode JavaScript (V8) and a TypeScript module both accept it. */
function declarable(id: string): boolean {
  try {
    new Function(`"use strict"; let ${id} = 1; return ${id};`);
  } catch {
    return false;
  }
  const file = ts.createSourceFile('x.ts', `export const ${id} = 1;\nexport function f(${id}: number) { return ${id}; }\n`, ts.ScriptTarget.ES2022);
  return syntaxErrors(file.text).length === 0 && file.statements.length === 2;
}

const SAMPLES = [
  '', ' ', '-', '123', '1a', 'class', 'default', 'await', 'yield', 'let', 'enum', 'arguments', 'eval', 'undefined',
  'NaN', 'constructor', '__proto__', 'a-b', 'a_b', 'é', '名前', '\u{10000}', '\u{1F600}', 'a\u2028b', "x');alert(1);('",
  '*/', '${x}', '`', 'a b', '\uD800', '\u0000',
];

describe('safeIdentifier', () => {
  it.each(SAMPLES.map((s) => [JSON.stringify(s), s]))('%s gives a declarable identifier', (_name, input) => {
    const id = safeIdentifier(input);
    expect(id).toMatch(/^[A-Za-z_$][A-Za-z0-9_$]*$/);
    expect(declarable(id)).toBe(true);
  });

  it('gives a declarable identifier for any string (fast-check, fixed seed)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (input) => declarable(safeIdentifier(input))),
      { seed: 17, numRuns: 2_000 },
    );
  });

  it('keeps ordinary names and suffixes reserved words', () => {
    expect(safeIdentifier('imdn')).toBe('imdn');
    expect(safeIdentifier('cpm-evfw')).toBe('cpmEvfw');
    expect(safeIdentifier('class')).toBe('class_');
    expect(safeIdentifier('eval')).toBe('eval_');
    expect(safeIdentifier('9lives')).toBe('t9lives');
  });
});

describe('IdentifierScope', () => {
  it('numbers inputs that derive the same identifier, and reports each clash once', () => {
    const scope = new IdentifierScope();
    expect(scope.declare('a-b')).toBe('aB');
    expect(scope.declare('a b')).toBe('aB2');
    expect(scope.declare('a b')).toBe('aB2');
    expect(scope.declare('é')).toBe('t');
    expect(scope.declare('名')).toBe('t2');
    expect(scope.clashes).toEqual([
      { input: 'a b', identifier: 'aB2', clashesWith: 'a-b' },
      { input: '名', identifier: 't2', clashesWith: 'é' },
    ]);
  });

  it('never hands out one identifier twice', () => {
    const scope = new IdentifierScope();
    const inputs = ['a2', 'a-2', 'a_2', 'a', 'a', 'A2', 'a2'];
    const ids = new Map(inputs.map((i) => [i, scope.declare(i)]));
    expect(new Set(ids.values()).size).toBe(new Set(inputs).size);
  });
});
