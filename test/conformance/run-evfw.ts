/**
 * evfw's verdicts on the suite, in process through the library (`loadSchemaSet` of the
 * generator, `validateDocument` of the runtime), one schema set per test group, its instance
 * documents validated against it. What `evfw validate --schema` would say, without a process per test.
 * A group with no schema documents leaves each instance to name its own by xsi:schemaLocation.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GeneratorError, loadSchemaSet } from '@evfw/generator';
import { readXml, SchemaRegistry, validateDocument } from '@evfw/runtime';
import type { Suite, TestGroup, Validity } from './xsts-suite.js';

/**
 * `unsupported`: a construct evfw refuses as not supported (xsd.construct.unsupported);
 * `no schema`: an instance test whose schema evfw refused; `crash`: anything but a verdict.
 */
export type Outcome = Validity | 'unsupported' | 'no schema' | 'crash';

export interface TestResult {
  readonly id: string;
  readonly kind: 'schema' | 'instance';
  readonly expected: Validity;
  readonly outcome: Outcome;
  /** The first error's code (or the crash's message): what a reason in the known list names. */
  readonly detail: string;
}

export function agrees(result: TestResult): boolean {
  return result.outcome === result.expected;
}

export function runEvfw(suite: Suite, groups: readonly TestGroup[] = suite.groups): TestResult[] {
  const msData = path.join(suite.root, 'msData');
  return groups.flatMap((group) => runGroup(group, msData));
}

/** A compiled schema set, or why there is none. */
type Compiled = { readonly registry: SchemaRegistry } | { readonly outcome: Outcome; readonly detail: string };

function runGroup(group: TestGroup, msData: string): TestResult[] {
  const results: TestResult[] = [];
  const compile = (files: readonly string[]): Compiled => {
    // No schema at all: every element is undeclared, as `evfw validate` with no schema would find.
    if (files.length === 0) return { registry: new SchemaRegistry([]) };
    try {
      return { registry: new SchemaRegistry(loadSchemaSet(files, { rootDir: msData, schemaPath: [msData] }).descriptors) };
    } catch (error) {
      return schemaFailure(error);
    }
  };
  const own = compile(group.schemaFiles);
  if (group.schema) {
    const { id, expected } = group.schema;
    results.push('registry' in own ? { id, kind: 'schema', expected, outcome: 'valid', detail: '' } : { id, kind: 'schema', expected, ...own });
  }
  for (const test of group.instances) {
    const { id, expected } = test;
    // A group with no schema documents leaves the schema to the instance's xsi:schemaLocation hint.
    const schema = group.schemaFiles.length > 0 ? own : compile(schemaHints(test.file));
    if (!('registry' in schema)) {
      results.push({ id, kind: 'instance', expected, outcome: schema.outcome === 'unsupported' || schema.outcome === 'crash' ? schema.outcome : 'no schema', detail: schema.detail });
      continue;
    }
    try {
      const diagnostics = validateDocument(schema.registry, undefined, readFileSync(test.file), { profile: 'xsd' });
      const error = diagnostics.find((d) => d.severity === 'error');
      results.push({ id, kind: 'instance', expected, outcome: error ? 'invalid' : 'valid', detail: error?.code ?? '' });
    } catch (error) {
      results.push({ id, kind: 'instance', expected, outcome: 'crash', detail: crashText(error) });
    }
  }
  return results;
}

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/**
 * The schema documents an instance's root names by xsi:schemaLocation (every second token) and
 * xsi:noNamespaceSchemaLocation, relative to the instance. evfw never follows these hints (D-18);
 * the runner does, for the tests that give their schema no other way.
 */
export function schemaHints(file: string): string[] {
  const { root } = readXml(readFileSync(file));
  if (!root) return [];
  const locations = root.attributes.flatMap((a) => {
    if (a.namespace !== XSI) return [];
    const tokens = a.value.split(/\s+/).filter(Boolean);
    if (a.name === 'noNamespaceSchemaLocation') return tokens;
    return a.name === 'schemaLocation' ? tokens.filter((_, i) => i % 2 === 1) : [];
  });
  return locations.filter((l) => !/^[a-z][a-z0-9+.-]*:/i.test(l)).map((l) => path.resolve(path.dirname(file), l));
}

function schemaFailure(error: unknown): { outcome: Outcome; detail: string } {
  if (error instanceof GeneratorError) return { outcome: error.code === 'xsd.construct.unsupported' ? 'unsupported' : 'invalid', detail: error.code };
  return { outcome: 'crash', detail: crashText(error) };
}

function crashText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.split('\n')[0]!.slice(0, 160);
}
