/**
 * The READMEs of generator/, cli/ and runtime/ each say what every folder of their src/ holds,
 * and each top-level file (issue 20, item 7), and stay current: a folder added, moved or removed
 * fails this test until the README says so.
 *
 * The format: a section "## The code" with a table, one row a path:
 *
 *   | path | what it holds |
 *   | --- | --- |
 *   | `src/load/` | finds the schema files an entry needs (`load-schemas.ts`), ... |
 *
 * The first column names the path (a folder ends with "/"), relative to the package. A file name
 * in backquotes in a folder's row (`load-schemas.ts`, or a pattern such as `witness-*.ts`) must be
 * a file somewhere under that folder.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths.js';

const PACKAGES = ['generator', 'cli', 'runtime'];

interface Row {
  /** The paths of the first column, relative to the package. */
  readonly paths: readonly string[];
  /** The file names in backquotes in the second column. */
  readonly files: readonly string[];
}

/** The rows of the table of "## The code" (up to the next heading of level 2), or undefined when there is none. */
function codeTable(readme: string): Row[] | undefined {
  const lines = readme.split('\n');
  const start = lines.indexOf('## The code');
  if (start < 0) return undefined;
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  const rows: Row[] = [];
  for (const line of lines.slice(start + 1, end < 0 ? undefined : end)) {
    const cells = /^\|(.*?)\|(.*)\|\s*$/.exec(line);
    if (!cells || /^\s*-+\s*$/.test(cells[1]!) || !cells[1]!.includes('`')) continue;
    rows.push({
      paths: codeSpans(cells[1]!),
      // A file name, not an extension alone (`.d.ts`) nor a path.
      files: codeSpans(cells[2]!).filter((span) => /^[\w*-][\w*.-]*\.(?:ts|js|mjs|cjs|json)$/.test(span)),
    });
  }
  return rows;
}

function codeSpans(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
}

/** Every folder under `dir`, at any depth, as `src/a/b/`; and the files directly in it, as `src/x.ts`. */
function sourcePaths(packageDir: string): { folders: string[]; files: string[] } {
  const folders: string[] = [];
  const files: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(packageDir, relative), { withFileTypes: true })) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        folders.push(`${child}/`);
        walk(child);
      } else if (relative === 'src') {
        files.push(child);
      }
    }
  };
  walk('src');
  return { folders: folders.sort(), files: files.sort() };
}

/** Every file under a folder, at any depth, by name. */
function fileNamesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(path.join(folder, f)).isFile())
    .map((f) => path.basename(f));
}

/** `witness-*.ts` matches `witness-roots.ts`; a name without `*` matches itself. */
function matchesName(pattern: string, name: string): boolean {
  const expression = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[\\w.-]*');
  return new RegExp(`^${expression}$`).test(name);
}

/** What is wrong with a package README's table: paths not named, named paths that are not there, file names not found. */
function readmeProblems(packageDir: string, rows: readonly Row[]): string[] {
  const problems: string[] = [];
  const named = new Set(rows.flatMap((row) => row.paths));
  const { folders, files } = sourcePaths(packageDir);
  for (const p of [...folders, ...files]) if (!named.has(p)) problems.push(`${p} is not in the table`);
  for (const row of rows) {
    for (const p of row.paths) {
      const absolute = path.join(packageDir, p);
      const isFolder = p.endsWith('/');
      if (!existsSync(absolute) || statSync(absolute).isDirectory() !== isFolder) {
        problems.push(`${p} is in the table but is not a ${isFolder ? 'folder' : 'file'} of the package`);
      }
    }
    const rowFolders = row.paths.filter((p) => p.endsWith('/') && existsSync(path.join(packageDir, p)));
    if (rowFolders.length === 0) continue;
    const names = rowFolders.flatMap((p) => fileNamesUnder(path.join(packageDir, p)));
    for (const file of row.files) {
      if (!names.some((name) => matchesName(file, name))) problems.push(`${row.paths.join(', ')}: ${file} is no file there`);
    }
  }
  return problems;
}

describe.each(PACKAGES)('%s/README.md', (pkg) => {
  const packageDir = path.join(REPO_ROOT, pkg);
  const rows = codeTable(readFileSync(path.join(packageDir, 'README.md'), 'utf8'));

  it('has a section "## The code" with a table of paths', () => {
    expect(rows, 'a "## The code" section').toBeDefined();
    expect(rows!.length).toBeGreaterThan(0);
  });

  it('names every folder of src/ and every file directly in it, each as it is, one a row', () => {
    expect(readmeProblems(packageDir, rows ?? [])).toEqual([]);
  });
});

describe('the check itself', () => {
  const table = [
    '# p',
    '## The code',
    '',
    '| path | what it holds |',
    '| --- | --- |',
    '| `src/a/` | `one.ts`, `two-*.ts` |',
    '| `src/a/b/`, `src/x.ts` | the rest |',
    '## Next',
    '| `src/not-read/` | outside the section |',
  ].join('\n');

  it('reads the rows of the section only', () => {
    expect(codeTable(table)).toEqual([
      { paths: ['src/a/'], files: ['one.ts', 'two-*.ts'] },
      { paths: ['src/a/b/', 'src/x.ts'], files: [] },
    ]);
    expect(codeTable('# p\n## Other\n')).toBeUndefined();
  });

  it('matches a file name pattern', () => {
    expect(matchesName('two-*.ts', 'two-three.ts')).toBe(true);
    expect(matchesName('two-*.ts', 'one.ts')).toBe(false);
    expect(matchesName('one.ts', 'one.ts')).toBe(true);
  });

  it('finds what the real table of a package leaves out, or names wrongly', () => {
    const runtime = path.join(REPO_ROOT, 'runtime');
    const problems = readmeProblems(runtime, [
      { paths: ['src/xml/', 'src/gone/'], files: ['read-xml.ts', 'nothing-*.ts'] },
      { paths: ['src/index.ts/'], files: [] },
    ]);
    expect(problems).toContain('src/datatypes/ is not in the table');
    expect(problems).toContain('src/datatypes/regex/ is not in the table');
    expect(problems).toContain('src/index.ts is not in the table');
    expect(problems).toContain('src/gone/ is in the table but is not a folder of the package');
    expect(problems).toContain('src/index.ts/ is in the table but is not a folder of the package');
    expect(problems).toContain('src/xml/, src/gone/: nothing-*.ts is no file there');
    expect(problems).not.toContain('src/xml/ is not in the table');
    expect(problems.some((p) => p.includes('read-xml.ts'))).toBe(false);
  });
});
