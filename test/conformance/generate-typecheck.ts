/**
 * Generated packages of the suite's schemas, type-checked the way a consumer's strict
 * `tsc --noEmit` would (test/support/typecheck.ts's options), many packages in ONE TypeScript
 * program: a compiler process or program per package would cost a second each, the shared
 * runtime sources being read and bound again every time. Each package is written to its own
 * folder (its `src/` only: the rest is not TypeScript), @evfw/runtime and its subpaths mapped
 * to the workspace's sources.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import type { OutputFiles } from '@evfw/generator';
import { REPO_ROOT } from '../support/paths.js';
import { GENERATED_CODE_OPTIONS } from '../support/typecheck.js';

/** The options of test/support/typecheck.ts: strict, and as strict as the generated tsconfig.json. */
const OPTIONS = GENERATED_CODE_OPTIONS;

/**
 * A temp folder holding generated packages' sources, `<root>/<n>/src/*.ts`, with a
 * `node_modules` link to the workspace's so that anything the paths do not map resolves as it
 * does in generated/.
 */
export class SourceFolder {
  readonly root: string;
  private readonly written: { readonly id: string; readonly files: readonly string[] }[] = [];

  constructor() {
    this.root = mkdtempSync(path.join(os.tmpdir(), 'evfw-xsts-packages-'));
    symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(this.root, 'node_modules'), 'dir');
  }

  /** Writes the TypeScript files of a generated package, known by `id` (a test's id). */
  write(id: string, output: OutputFiles): void {
    const dir = path.join(this.root, String(this.written.length));
    const files: string[] = [];
    for (const [file, text] of output) {
      if (!file.startsWith('src/') || !file.endsWith('.ts')) continue;
      const target = path.join(dir, file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, text);
      files.push(target);
    }
    this.written.push({ id, files });
  }

  get size(): number {
    return this.written.length;
  }

  /**
   * The type errors of every package written, by id (packages with none left out), checked in
   * programs of at most `batch` packages: one program for a sample, a few for the whole suite
   * (so memory stays bounded). Only the packages' own files are checked; the runtime's sources
   * are read for their types, and have their own type-check.
   */
  typeErrors(batch = 1_000): Map<string, string[]> {
    const errors = new Map<string, string[]>();
    let old: ts.Program | undefined;
    for (let start = 0; start < this.written.length; start += batch) {
      const packages = this.written.slice(start, start + batch);
      const owner = new Map<string, string>();
      for (const p of packages) for (const file of p.files) owner.set(path.resolve(file), p.id);
      // The previous program lends its unchanged source files (the runtime's) to the next.
      const program: ts.Program = ts.createProgram([...owner.keys()], OPTIONS, undefined, old);
      old = program;
      for (const source of program.getSourceFiles()) {
        const id = owner.get(path.resolve(source.fileName));
        if (id === undefined) continue;
        const found = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((d) => diagnosticText(d, this.root));
        if (found.length > 0) errors.set(id, [...(errors.get(id) ?? []), ...found]);
      }
      // A diagnostic of the options, or of no file, belongs to no package: it would be the harness's.
      const global = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()].map((d) => diagnosticText(d, this.root));
      if (global.length > 0) throw new Error(`type-checking the generated packages: ${global.join('; ')}`);
    }
    return errors;
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

function diagnosticText(d: ts.Diagnostic, root: string): string {
  const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
  if (!d.file || d.start === undefined) return message;
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return `${path.relative(root, d.file.fileName)}:${line + 1}:${character + 1} ${message}`;
}
