/**
 * `npm run conformance -- --generate`: `generate` (every emitter) on each schema the suite calls
 * valid and evfw accepts, which must never fail: a GeneratorError there is a schema evfw
 * validates with but cannot make a package of, anything else a crash. Each package made is then
 * type-checked strictly (generate-typecheck.ts: many packages in one TypeScript program), and a
 * package with a type error fails too. test/conformance/generate-sample.test.ts does the same
 * on a fixed sample in CI.
 */
import path from 'node:path';
import { GeneratorError, generate } from '@evfw/generator';
import { SourceFolder } from './generate-typecheck.js';
import type { TestResult } from './run-evfw.js';
import type { Suite, TestGroup } from './xsts-suite.js';

export interface GenerateFailure {
  readonly id: string;
  /** `refused` (a GeneratorError), `crash` (anything else thrown), or `type-error` (the package does not type-check). */
  readonly kind: 'refused' | 'crash' | 'type-error';
  readonly detail: string;
}

export interface GenerateRun {
  /** Schemas tried: those of `groups` the suite calls valid and evfw accepted. */
  readonly tried: number;
  /** Packages generated (and type-checked). */
  readonly packages: number;
  readonly failures: readonly GenerateFailure[];
  /** Seconds spent generating, and type-checking. */
  readonly generateSeconds: number;
  readonly typeCheckSeconds: number;
}

export function runGenerate(suite: Suite, results: readonly TestResult[], groups: readonly TestGroup[] = suite.groups): GenerateRun {
  const msData = path.join(suite.root, 'msData');
  const accepted = new Set(results.filter((r) => r.kind === 'schema' && r.expected === 'valid' && r.outcome === 'valid').map((r) => r.id));
  const failures: GenerateFailure[] = [];
  const folder = new SourceFolder();
  try {
    let tried = 0;
    let started = Date.now();
    for (const group of groups) {
      if (!group.schema || !accepted.has(group.schema.id)) continue;
      tried++;
      try {
        folder.write(group.schema.id, generate(group.schemaFiles, { rootDir: msData, schemaPath: [msData] }));
      } catch (error) {
        const kind = error instanceof GeneratorError ? 'refused' : 'crash';
        const detail = error instanceof GeneratorError ? error.code : error instanceof Error ? `${error.name}: ${firstLine(error.message)}` : String(error);
        failures.push({ id: group.schema.id, kind, detail });
      }
    }
    const generateSeconds = (Date.now() - started) / 1000;
    started = Date.now();
    for (const [id, errors] of folder.typeErrors()) failures.push({ id, kind: 'type-error', detail: `${errors.length} errors, the first: ${firstLine(errors[0] ?? '')}` });
    return { tried, packages: folder.size, failures, generateSeconds, typeCheckSeconds: (Date.now() - started) / 1000 };
  } finally {
    folder.dispose();
  }
}

/**
 * The CI sample: every `stride`-th group (in the suite's order) whose schema test the suite calls
 * valid, the same groups on every run of the same suite. A stride of 18 takes about 370 of the
 * 6,700 valid schemas, spread over every test set.
 */
export function sampleGroups(suite: Suite, stride = 18): TestGroup[] {
  const valid = suite.groups.filter((g) => g.schema?.expected === 'valid');
  return valid.filter((_, i) => i % stride === 0);
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').slice(0, 160);
}
