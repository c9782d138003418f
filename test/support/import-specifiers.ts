/**
 * What a folder of ours imports, for the tests that keep code on its side of a package boundary
 * (test/cli/thin-cli.test.ts, test/bench/package-imports.test.ts): every module specifier of a
 * TypeScript or JavaScript text, and which of them are relative paths into another folder.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Every module specifier of `import`/`export ... from`, `import()` and `import '...'` in a text. */
export function specifiers(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm)) {
    found.push(match[1] ?? match[2] ?? match[3] ?? '');
  }
  return found;
}

/** The folder each relative specifier of `file` resolves into, as `{ specifier, target }` (target absolute). */
export function relativeImports(file: string, text: string): { specifier: string; target: string }[] {
  return specifiers(text)
    .filter((s) => s.startsWith('.'))
    .map((specifier) => ({ specifier, target: path.resolve(path.dirname(file), specifier) }));
}

/** The source files under `dir`, leaving out installed packages and tool output (node_modules, .build, .out). */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.[cm]?[jt]s$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((file) => !path.relative(dir, file).split(path.sep).some((part) => part === 'node_modules' || part.startsWith('.')));
}
