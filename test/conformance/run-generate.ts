/**
 * `npm run conformance -- --generate`: `generate` (every emitter) on each schema the suite calls
 * valid and evfw accepts, which must never fail: a GeneratorError there is a schema evfw
 * validates with but cannot make a package of, anything else a crash. The packages are not
 * type-checked here yet (issue 21 asks for it).
 */
import path from 'node:path';
import { GeneratorError, generate } from '@evfw/generator';
import type { TestResult } from './run-evfw.js';
import type { Suite } from './xsts-suite.js';

export interface GenerateFailure {
  readonly id: string;
  /** `refused` (a GeneratorError) or `crash`. */
  readonly kind: 'refused' | 'crash';
  readonly detail: string;
}

export function runGenerate(suite: Suite, results: readonly TestResult[]): { readonly tried: number; readonly failures: readonly GenerateFailure[] } {
  const msData = path.join(suite.root, 'msData');
  const accepted = new Set(results.filter((r) => r.kind === 'schema' && r.expected === 'valid' && r.outcome === 'valid').map((r) => r.id));
  const failures: GenerateFailure[] = [];
  let tried = 0;
  for (const group of suite.groups) {
    if (!group.schema || !accepted.has(group.schema.id)) continue;
    tried++;
    try {
      generate(group.schemaFiles, { rootDir: msData, schemaPath: [msData] });
    } catch (error) {
      const kind = error instanceof GeneratorError ? 'refused' : 'crash';
      const detail = error instanceof GeneratorError ? error.code : error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]!.slice(0, 120)}` : String(error);
      failures.push({ id: group.schema.id, kind, detail });
    }
  }
  return { tried, failures };
}
