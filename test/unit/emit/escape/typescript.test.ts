/**
 * tsString and jsonText: the literal, read back by a JavaScript engine, is the value; nothing in
 * it can end it early; and the text holds no character a reader cannot see.
 */
import vm from 'node:vm';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { jsonText, tsString } from '../../../../generator/src/emit/escape/typescript.js';
import { syntaxErrors } from '../../../support/typecheck.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const HOSTILE = [
  '',
  "it's",
  'say "hi"',
  'back\\slash\\',
  '`${globalThis.x = 1}`',
  "';globalThis.pwned=1;'",
  'line\nbreak\r\n',
  'sep\u2028para\u2029',
  'nul\u0000bell\u0007del\u007f c1\u0085',
  'lone \uD800 high, lone \uDC00 low, pair \uD83D\uDE00',
  'bidi \u202Eevil\u202C \u2066iso\u2069 bom\uFEFF',
  '*/ /* </script> --> ]]>',
  'é名\u{10000}',
];

/** What a JavaScript engine reads the literal as. */
const evaluate = (literal: string): unknown => vm.runInNewContext(`(${literal})`, {});

/** Whether TypeScript parses `literal` as exactly one expression statement holding one string literal. */
function isOneStringLiteral(literal: string): boolean {
  const file = ts.createSourceFile('x.ts', `const x = ${literal};\n`, ts.ScriptTarget.ES2022);
  const statement = file.statements[0];
  if (file.statements.length !== 1 || !statement || !ts.isVariableStatement(statement)) return false;
  const init = statement.declarationList.declarations[0]?.initializer;
  return init !== undefined && ts.isStringLiteral(init) && syntaxErrors(file.text).length === 0;
}

const RAW_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]/;

describe('tsString', () => {
  it.each(HOSTILE.map((v) => [JSON.stringify(v), v]))('%s reads back as itself, as one literal', (_name, value) => {
    const literal = tsString(value);
    expect(evaluate(literal)).toBe(value);
    expect(isOneStringLiteral(literal)).toBe(true);
    expect(literal).not.toMatch(RAW_UNSAFE);
    expect(literal).not.toMatch(LONE_SURROGATE);
  });

  it('keeps ordinary text as the old quoting did: single quotes, readable non-ASCII', () => {
    expect(tsString('urn:oma:xml:cpm:evfw')).toBe("'urn:oma:xml:cpm:evfw'");
    expect(tsString(`it's "x" é`)).toBe(`'it\\'s "x" é'`);
    expect(tsString('a\nb\tc')).toBe("'a\\nb\\tc'");
  });

  it('writes invisible characters and lone surrogates as \\uXXXX', () => {
    expect(tsString('\u2028\u202E\uD800\u0000')).toBe("'\\u2028\\u202E\\uD800\\u0000'");
  });

  it('is linear: a 1 MB value of quotes and backslashes is escaped at once', () => {
    const value = `'\\`.repeat(500_000);
    const started = performance.now();
    const literal = tsString(value);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(literal.length).toBe(2 + 4 * 500_000);
  });
});

describe('jsonText', () => {
  it.each(HOSTILE.map((v) => [JSON.stringify(v), v]))('%s reads back as itself through JSON.parse and as source', (_name, value) => {
    const text = jsonText({ [value]: [value] }, 2);
    expect(JSON.parse(text)).toEqual({ [value]: [value] });
    expect(evaluate(text)).toEqual({ [value]: [value] });
    expect(text).not.toMatch(/[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]/);
    expect(text).not.toMatch(LONE_SURROGATE);
  });

  it('is JSON.stringify for ordinary data, byte for byte', () => {
    const data = { name: 'é', list: [1, 'a"b'], nested: { x: null } };
    expect(jsonText(data, 2)).toBe(JSON.stringify(data, null, 2));
    expect(jsonText('{urn:x}r')).toBe('"{urn:x}r"');
  });

  it('refuses a value with no JSON form instead of writing "undefined"', () => {
    expect(() => jsonText(undefined)).toThrow(TypeError);
  });
});
