/**
 * Type-checks a folder of TypeScript with the compiler API, strict, the way a consumer's
 * `tsc --strict --noEmit` would, with @evfw/runtime resolved to its sources (and fast-check,
 * which the generated builders and arbitraries import, to the workspace's copy).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from './paths.js';

/** Strict, and as strict as a generated package's tsconfig.json; the runtime from its sources. */
export const GENERATED_CODE_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  allowImportingTsExtensions: true,
  baseUrl: REPO_ROOT,
  paths: {
    '@evfw/runtime': ['runtime/src/index.ts'],
    '@evfw/runtime/codegen': ['runtime/src/codegen.ts'],
    '@evfw/runtime/testing': ['runtime/src/testing/index.ts'],
    'fast-check': ['node_modules/fast-check/lib/fast-check.d.ts'],
  },
  types: [],
};

export function typeErrors(dir: string): string[] {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
  const program = ts.createProgram(files, GENERATED_CODE_OPTIONS);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file || d.start === undefined) return message;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${path.relative(REPO_ROOT, d.file.fileName)}:${line + 1}:${character + 1} ${message}`;
  });
}

/**
 * The syntax errors TypeScript finds in `source` alone (no program, no types), through the public
 * transpiler: for tests that ask whether emitted text parses as what it should.
 */
export function syntaxErrors(source: string): readonly ts.Diagnostic[] {
  const { diagnostics = [] } = ts.transpileModule(source, {
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  });
  return diagnostics;
}
