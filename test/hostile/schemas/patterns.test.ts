/**
 * Issue 17, item 3: an xs:pattern from a schema nobody here wrote can neither stall the validator
 * nor crash the generator. Classic catastrophic-backtracking patterns run against
 * 100,000-character values within a generous bound (the budget itself, 100 ms, is the
 * benchmark's: bench/hostile/patterns.ts); invalid and oversized patterns are schema errors at
 * the <xs:pattern> element; a pattern nested 10,000 deep is handled without recursion.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GeneratorError } from '../../../generator/src/errors.js';
import { buildIr, generate, schemaDescriptors } from '../../../generator/src/index.js';
import { checkSimpleValue, type SimpleTypeDescriptor } from '../../../runtime/src/datatypes/index.js';
import { validateDocument } from '../../../runtime/src/document.js';
import { SchemaRegistry } from '../../../runtime/src/schema/registry.js';
import { runEvfw } from '../../support/run-evfw.js';

/** The value length the issue names. */
const LENGTH = 100_000;
/** Generous, for a loaded CI machine; the budget is 100 ms. */
const BOUND_MS = 2_000;

const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';
const scratch = mkdtempSync(path.join(os.tmpdir(), 'evfw-patterns-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const a = 'a'.repeat(LENGTH);

/** [pattern, a value it refuses, a value it matches]: each makes a backtracking RegExp explode. */
const CATASTROPHIC: readonly (readonly [string, string, string])[] = [
  ['(a|a)*b', a, `${a}b`],
  ['(a+)+c', a, `${a}c`],
  ['(a*)*b', a, `${a}b`],
  ['(a|aa)+c', a, `${a}c`],
  ['(.*a){20}', `${a}b`, a],
  // $ is an ordinary character in XSD.
  ['(\\w+\\s?)+$', a, `${'ab '.repeat(LENGTH / 4)}$`],
  ['([a-z]+)*[0-9]', a, `${a}1`],
];

function patterned(pattern: string): SimpleTypeDescriptor {
  return { kind: 'atomic', base: { kind: 'builtin', name: 'string' }, facets: { patterns: [[pattern]] } };
}

function timed<T>(run: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = run();
  return { result, ms: performance.now() - started };
}

describe('catastrophic patterns on 100,000-character values', () => {
  it.each(CATASTROPHIC)('%s: the right verdicts, each within the bound', (pattern, refused, matched) => {
    const type = patterned(pattern);
    const miss = timed(() => checkSimpleValue(type, refused));
    expect(miss.result).toMatchObject({ ok: false, fault: 'facet' });
    expect(miss.ms).toBeLessThan(BOUND_MS);
    const hit = timed(() => checkSimpleValue(type, matched));
    expect(hit.result.ok).toBe(true);
    expect(hit.ms).toBeLessThan(BOUND_MS);
  });
});

/** Writes a schema declaring <v> with `facets` on xs:string; the first facet is on line 4, column 5. */
function schemaFile(name: string, facets: string): string {
  const file = path.join(scratch, `${name}.xsd`);
  writeFileSync(
    file,
    `<xs:schema ${XS} targetNamespace="urn:t" elementFormDefault="qualified">\n` +
      '  <xs:element name="v"><xs:simpleType>\n' +
      '   <xs:restriction base="xs:string">\n' +
      `    ${facets}\n` +
      '   </xs:restriction>\n' +
      '  </xs:simpleType></xs:element>\n' +
      '</xs:schema>\n',
  );
  return file;
}

function registryFor(file: string): SchemaRegistry {
  return new SchemaRegistry(schemaDescriptors(buildIr([file], { rootDir: scratch })));
}

function generateError(file: string): GeneratorError {
  try {
    generate([file], { rootDir: scratch });
  } catch (error) {
    if (error instanceof GeneratorError) return error;
    throw error;
  }
  throw new Error(`${file} was generated, but should have been refused`);
}

describe('a schema with (a|a)*b, from the generator to the validator', () => {
  const registry = registryFor(schemaFile('a-or-a', '<xs:pattern value="(a|a)*b"/>'));
  const validate = (text: string) => validateDocument(registry, '{urn:t}v', `<v xmlns="urn:t">${text}</v>`);

  it('refuses 100,000 "a" within the bound, and accepts a matching value', () => {
    const { result, ms } = timed(() => validate(a));
    expect(result.map((d) => d.code)).toEqual(['evfw.value.facet']);
    expect(ms).toBeLessThan(BOUND_MS);
    expect(validate(`${a}b`)).toEqual([]);
  });
});

describe('patterns refused as schema errors', () => {
  it('an invalid pattern: its code, the <xs:pattern> position, what is wrong and where, and a hint', () => {
    const error = generateError(schemaFile('invalid', '<xs:pattern value="[a-z]+(x|[z-a])"/>'));
    expect(error.code).toBe('xsd.pattern.invalid');
    expect(error.source).toEqual({ file: 'invalid.xsd', line: 4, column: 5 });
    expect(error.detail).toContain('"[a-z]+(x|[z-a])"');
    // Character 13 is the "a" that ends the range: positions count characters read, from 1.
    expect(error.detail).toContain('range "z-a" is out of order at character 13');
    expect(error.hint).toBeTruthy();
  });

  it('each construct XSD lacks, with its own sentence', () => {
    for (const [pattern, phrase] of [
      ['(?:a)', '"(?" groups'],
      ['a*?', 'lazy quantifiers'],
      ['\\b', '"\\b" is not an XSD escape'],
      ['a{,3}', 'not an XSD quantifier'],
      ['\\p{IsKlingon}', 'unknown Unicode block'],
      ['(a', 'ends too early'],
    ] as const) {
      const error = generateError(schemaFile('construct', `<xs:pattern value="${pattern}"/>`));
      expect([error.code, error.detail], pattern).toEqual(['xsd.pattern.invalid', expect.stringContaining(phrase)]);
    }
  });

  it('evfw generate: exit 2 with the code and position, not an internal error', () => {
    const file = schemaFile('cli', '<xs:pattern value="[a-z]+(x|[z-a])"/>');
    const run = runEvfw(['generate', '--schemas', file, '--out', path.join(scratch, 'cli-out')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('xsd.pattern.invalid');
    expect(run.stderr).toContain(':4:5');
    expect(run.stderr).not.toContain('evfw.cli.internal');
  });

  it('a pattern over the state budget', () => {
    const error = generateError(schemaFile('too-large', '<xs:pattern value="(a{1000}){1000}"/>'));
    expect(error.code).toBe('xsd.pattern.too-large');
    expect(error.source).toEqual({ file: 'too-large.xsd', line: 4, column: 5 });
    expect(error.hint).toContain('xs:maxLength');
  });
});

describe('a pattern nested 10,000 deep', () => {
  it('generates, and validates without a stack overflow', () => {
    const deep = `${'('.repeat(10_000)}a|b${')'.repeat(10_000)}*c`;
    const file = schemaFile('deep', `<xs:pattern value="${deep}"/>`);
    expect(generate([file], { rootDir: scratch }).size).toBeGreaterThan(0);
    const registry = registryFor(file);
    const validate = (text: string) => validateDocument(registry, '{urn:t}v', `<v xmlns="urn:t">${text}</v>`).map((d) => d.code);
    expect(validate('abbac')).toEqual([]);
    expect(validate('abba')).toEqual(['evfw.value.facet']);
  });
});
