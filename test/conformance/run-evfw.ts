/**
 * evfw's verdicts on the suite, in process through the library (`loadSchemaSet` of the
 * generator, `validateDocument` of the runtime), one schema set per test group, its instance
 * documents validated against it. What `evfw validate --schema` would say, without a process per test.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GeneratorError, loadSchemaSet } from '@evfw/generator';
import { SchemaRegistry, validateDocument } from '@evfw/runtime';
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

/** The detail of an instance test whose group names no schema document (its instance has an xsi:schemaLocation). */
export const NO_SCHEMA_DOCUMENTS = 'the group has no schema documents';

export function agrees(result: TestResult): boolean {
  return result.outcome === result.expected;
}

export function runEvfw(suite: Suite, groups: readonly TestGroup[] = suite.groups): TestResult[] {
  const msData = path.join(suite.root, 'msData');
  return groups.flatMap((group) => runGroup(group, msData));
}

function runGroup(group: TestGroup, msData: string): TestResult[] {
  const results: TestResult[] = [];
  let registry: SchemaRegistry | undefined;
  let refused: { outcome: Outcome; detail: string } = { outcome: 'no schema', detail: NO_SCHEMA_DOCUMENTS };
  if (group.schemaFiles.length > 0) {
    try {
      const set = loadSchemaSet(group.schemaFiles, { rootDir: msData, schemaPath: [msData] });
      registry = new SchemaRegistry(set.descriptors);
    } catch (error) {
      refused = schemaFailure(error);
    }
  }
  if (group.schema) {
    const { id, expected } = group.schema;
    results.push(registry ? { id, kind: 'schema', expected, outcome: 'valid', detail: '' } : { id, kind: 'schema', expected, ...refused });
  }
  for (const test of group.instances) {
    const { id, expected } = test;
    if (!registry) {
      results.push({ id, kind: 'instance', expected, outcome: refused.outcome === 'unsupported' || refused.outcome === 'crash' ? refused.outcome : 'no schema', detail: refused.detail });
      continue;
    }
    try {
      const diagnostics = validateDocument(registry, undefined, readFileSync(test.file), { profile: 'xsd' });
      const error = diagnostics.find((d) => d.severity === 'error');
      results.push({ id, kind: 'instance', expected, outcome: error ? 'invalid' : 'valid', detail: error?.code ?? '' });
    } catch (error) {
      results.push({ id, kind: 'instance', expected, outcome: 'crash', detail: crashText(error) });
    }
  }
  return results;
}

function schemaFailure(error: unknown): { outcome: Outcome; detail: string } {
  if (error instanceof GeneratorError) return { outcome: error.code === 'xsd.construct.unsupported' ? 'unsupported' : 'invalid', detail: error.code };
  return { outcome: 'crash', detail: crashText(error) };
}

function crashText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.split('\n')[0]!.slice(0, 160);
}
