/**
 * Schemas written to be deep, large or circular (issue 17, item 5). Each shape either goes
 * through every stage that reads a schema (generate, the descriptors and a valid document
 * through the runtime validator, the docs, the diff of the schema with itself), or is refused
 * with a coded GeneratorError at its position: never a RangeError, never an internal error, and
 * never slowly. Every shape is tried just under the caps of ir/schema-limits.ts, where it must
 * generate, and far over them (10,000 deep, 100,000 declarations), where it must be refused.
 * The times asserted are generous bounds; `npm run bench` reports the figures (bench/hostile).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA_LIMITS, diffSchemas, generate, generateDocs, GeneratorError, buildIr, schemaDescriptors } from '../../../generator/src/index.js';
import { SchemaRegistry, validateDocument } from '../../../runtime/src/index.js';
import {
  CYCLES,
  complexExtensionChain,
  complexRestrictionChain,
  groupReferenceChain,
  manyGlobalElements,
  nestedAnonymousTypes,
  nestedSequences,
  simpleRestrictionChain,
  type DeepSchema,
} from '../../support/deep-schemas.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'evfw-deep-schemas-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Generous: the budget is 30 s; a quadratic walk over 10,000 levels takes far longer than this. */
const BOUND_MS = 60_000;

let written = 0;
function writeSchema(xsd: string): string {
  const folder = path.join(dir, `s${written++}`);
  mkdirSync(folder);
  writeFileSync(path.join(folder, 't.xsd'), xsd);
  return path.join(folder, 't.xsd');
}

/** The error a stage throws, which must be a GeneratorError: anything else fails the test with itself. */
function refusal(run: () => unknown): GeneratorError {
  try {
    run();
  } catch (error) {
    if (error instanceof GeneratorError) return error;
    throw error;
  }
  throw new Error('expected the schema to be refused, and it was accepted');
}

function timed<T>(run: () => T): T {
  const start = performance.now();
  const result = run();
  expect(performance.now() - start).toBeLessThan(BOUND_MS);
  return result;
}

/** Every stage that reads a schema, on a schema meant to be accepted. */
function acceptedEverywhere(schema: DeepSchema): void {
  const file = writeSchema(schema.xsd);
  const rootDir = path.dirname(file);
  const out = timed(() => generate([file], { rootDir }));
  expect([...out.keys()]).toEqual(expect.arrayContaining(['src/t.ts', 'src/t.schema.ts', 'docs/t.md']));

  const ir = timed(() => buildIr([file], { rootDir }));
  const registry = new SchemaRegistry(schemaDescriptors(ir));
  expect(timed(() => validateDocument(registry, undefined, schema.valid, { profile: 'xsd' }))).toEqual([]);
  // The same document with an element the schema does not declare: the validator still judges.
  const invalid = schema.valid.replace(/^<root[^>]*>/, '$&<undeclared/>');
  expect(invalid).toContain('<undeclared/>');
  expect(validateDocument(registry, undefined, invalid, { profile: 'xsd' }).length).toBeGreaterThan(0);

  expect(timed(() => generateDocs([file], { rootDir })).get('docs/t.md')).toContain('urn:t');
  expect(timed(() => diffSchemas(ir, buildIr([file], { rootDir })))).toEqual([]);
}

/** Every stage refuses it, with the same code at a position in the file. */
function refusedEverywhere(xsd: string, code: string): GeneratorError {
  const file = writeSchema(xsd);
  const rootDir = path.dirname(file);
  const errors = [
    timed(() => refusal(() => generate([file], { rootDir }))),
    timed(() => refusal(() => generateDocs([file], { rootDir }))),
    timed(() => refusal(() => schemaDescriptors(buildIr([file], { rootDir })))),
  ];
  for (const error of errors) {
    expect(error.code, error.message).toBe(code);
    expect(error.source?.file).toBe('t.xsd');
    expect(error.source!.line).toBeGreaterThan(0);
    expect(error.hint).toBeTruthy();
  }
  return errors[0]!;
}

const UNDER = DEFAULT_SCHEMA_LIMITS.maxDerivationDepth - 8;

describe('deep derivation chains: linear, generated under the cap, refused with a code over it', () => {
  // Extensions repeat their bases' content: 170 levels count about 43,000 particles, under maxFlattenedSize.
  const shapes = [
    ['simpleType restrictions', simpleRestrictionChain, UNDER],
    ['complexType extensions', complexExtensionChain, 170],
    ['complexType restrictions', complexRestrictionChain, UNDER],
  ] as const;
  for (const [label, shape, under] of shapes) {
    it(`${under} ${label} generate and a valid document validates; 10,000 are refused as too deep at the first type past the cap`, () => {
      acceptedEverywhere(shape(under));
      const error = refusedEverywhere(shape(10_000).xsd, 'xsd.schema.too-deep');
      expect(error.detail).toContain(`"${label.startsWith('simple') ? 'S' : label.includes('ext') ? 'C' : 'R'}${DEFAULT_SCHEMA_LIMITS.maxDerivationDepth}"`);
      expect(error.hint).toContain('limits.maxDerivationDepth');
    });
  }

  it('an extension chain flattens into one sequence: the descriptor does not nest per step', () => {
    const file = writeSchema(complexExtensionChain(40).xsd);
    const descriptor = schemaDescriptors(buildIr([file], { rootDir: path.dirname(file) })).find((s) => s.namespace === 'urn:t')!;
    const deepest = descriptor.complexTypes.find((t) => t.key === '{urn:t}C39')!;
    const content = deepest.content;
    expect(content.kind).toBe('elements');
    assert(content.kind === 'elements');
    const particle = content.particle;
    expect(particle.kind).toBe('sequence');
    assert(particle.kind === 'sequence');
    expect(particle.particles).toHaveLength(40);
    expect(deepest.attributes.map((a) => a.name)).toEqual(['a0']);
  });

  it('a chain over the cap generates when the option raises the cap', () => {
    const file = writeSchema(simpleRestrictionChain(DEFAULT_SCHEMA_LIMITS.maxDerivationDepth + 50).xsd);
    const rootDir = path.dirname(file);
    expect(refusal(() => buildIr([file], { rootDir })).code).toBe('xsd.schema.too-deep');
    const ir = buildIr([file], { rootDir, limits: { maxDerivationDepth: DEFAULT_SCHEMA_LIMITS.maxDerivationDepth + 50 } });
    expect(validateDocument(new SchemaRegistry(schemaDescriptors(ir)), undefined, '<root xmlns="urn:t">deep</root>', { profile: 'xsd' })).toEqual([]);
    expect(validateDocument(new SchemaRegistry(schemaDescriptors(ir)), undefined, `<root xmlns="urn:t">${'x'.repeat(17)}</root>`, { profile: 'xsd' }).length).toBeGreaterThan(0);
  });
});

describe('deep nesting of types and particles', () => {
  it('80 nested anonymous complex types generate; 10,000 are refused as too deep where the cap is passed', () => {
    acceptedEverywhere(nestedAnonymousTypes(80));
    const error = refusedEverywhere(nestedAnonymousTypes(10_000).xsd, 'xsd.schema.too-deep');
    expect(error.source!.line).toBeLessThan(200);
  });

  it(`${UNDER} nested sequences generate; 10,000 are refused as too deep`, () => {
    acceptedEverywhere(nestedSequences(UNDER));
    refusedEverywhere(nestedSequences(10_000).xsd, 'xsd.schema.too-deep');
  });

  it('the nesting cap the option raises is the one the schema document is read with too', () => {
    const file = writeSchema(nestedSequences(DEFAULT_SCHEMA_LIMITS.maxNestingDepth + 50).xsd);
    const rootDir = path.dirname(file);
    expect(refusal(() => buildIr([file], { rootDir })).code).toBe('xsd.schema.too-deep');
    const raised = { maxNestingDepth: DEFAULT_SCHEMA_LIMITS.maxNestingDepth + 200 };
    expect(buildIr([file], { rootDir, limits: raised }).schemas.some((s) => s.namespace === 'urn:t')).toBe(true);
  });

  it(`${UNDER} model groups each referring to the next generate; 10,000 are refused as too deep once inlined`, () => {
    acceptedEverywhere(groupReferenceChain(UNDER));
    const error = refusedEverywhere(groupReferenceChain(10_000).xsd, 'xsd.schema.too-deep');
    expect(error.hint).toContain('limits.maxNestingDepth');
  });

  it('a group used twice in each of 40 nested groups (2^40 particles inlined): refused as too large', () => {
    const groups = Array.from({ length: 40 }, (_, i) =>
      i === 0
        ? '<xs:group name="G0"><xs:sequence><xs:element name="leaf" type="xs:string" minOccurs="0"/></xs:sequence></xs:group>'
        : `<xs:group name="G${i}"><xs:sequence><xs:group ref="t:G${i - 1}"/><xs:group ref="t:G${i - 1}"/></xs:sequence></xs:group>`,
    ).join('\n');
    const xsd = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t">\n${groups}\n<xs:complexType name="Big"><xs:group ref="t:G39"/></xs:complexType>\n</xs:schema>\n`;
    const error = refusedEverywhere(xsd, 'xsd.schema.too-large');
    expect(error.detail).toContain('complex type "Big"');
  });
});

describe('cycles are schema errors naming both positions', () => {
  for (const [label, xsd] of Object.entries(CYCLES)) {
    it(label, () => {
      const error = refusedEverywhere(xsd, 'xsd.component.circular');
      // The position of one component in `source`, the other's in the message.
      const other = /\(see also: t\.xsd:(\d+):(\d+)\)$/.exec(error.detail);
      expect(other, error.detail).not.toBeNull();
      if (error.detail.includes(' -> ')) expect(Number(other![1])).not.toBe(error.source!.line);
      expect(error.detail).toMatch(/itself/);
    });
  }
});

describe('many global declarations', () => {
  it('2,000 global elements: generated in full', () => {
    const out = timed(() => {
      const file = writeSchema(manyGlobalElements(2_000).xsd);
      return generate([file], { rootDir: path.dirname(file) });
    });
    expect(out.get('src/t.ts')).toContain('export function parseE1999(');
  });

  it('100,000 global elements: refused as too large, quickly, at the first declaration past the cap', () => {
    const error = refusedEverywhere(manyGlobalElements(100_000).xsd, 'xsd.schema.too-large');
    // Line 1 is <xs:schema>; declaration n (from 0) is on line n + 2.
    expect(error.source!.line).toBe(DEFAULT_SCHEMA_LIMITS.maxComponents + 2);
    expect(error.hint).toContain('limits.maxComponents');
  });
});
