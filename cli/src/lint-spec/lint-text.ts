/**
 * `evfw lint-spec`'s work, without the command line: every XML example of a specification's
 * text, its findings at the text file's lines and columns, and its repair as a patch.
 */
import type { Profile, SchemaRegistry } from '@evfw/runtime';
import { extractExamples, type TextExample } from './extract-examples.js';
import { repairExample, type ExampleRepair, type LintFinding } from './repair-example.js';
import { unifiedDiff } from './unified-diff.js';

export interface ExampleLint extends Omit<ExampleRepair, 'findings'> {
  readonly example: TextExample;
  /** Findings at their lines and columns in the text file. */
  readonly findings: readonly LintFinding[];
  /** The full repair as a unified diff against the text file; '' when nothing was repaired. */
  readonly patch: string;
}

export function lintText(file: string, text: string, registry: SchemaRegistry, profile: Profile): ExampleLint[] {
  const roots = registry.globalElements().map((e) => e.name);
  return extractExamples(text, roots).map((example) => {
    const repair = repairExample(example.text, registry, profile);
    const shift = example.startLine - 1;
    return {
      ...repair,
      example,
      // Messages name other lines of the example ("closed on line 58"): those too are the file's.
      findings: repair.findings.map((f) => ({
        ...f,
        line: f.line > 0 ? f.line + shift : 0,
        message: f.message.replace(/\bline (\d+)/g, (_, n: string) => `line ${Number(n) + shift}`),
      })),
      patch: repair.repaired === undefined ? '' : unifiedDiff(file, 1, text, withExample(text, example, repair.repaired)),
    };
  });
}

/** The whole text with one example replaced (repairs keep its line count), so the patch has full context. */
function withExample(text: string, example: TextExample, replacement: string): string {
  const lines = text.split('\n');
  lines.splice(example.startLine - 1, example.endLine - example.startLine + 1, ...replacement.replace(/\n$/, '').split('\n'));
  return lines.join('\n');
}
