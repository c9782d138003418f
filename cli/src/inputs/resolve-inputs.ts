/**
 * The arguments of `evfw validate` to the list of documents to check, in a stable order: files
 * as given, directories walked recursively for *.xml (sorted), globs expanded (sorted), `-` for
 * stdin. Anything that names nothing stops the run before a single document is read, so a typo
 * in CI is a usage error (exit 2), never a silently empty, "successful" run.
 */
import { readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import { CliError } from '../cli-error.js';
import { compileGlob, isGlob } from './glob-pattern.js';

export type Input =
  /** `file` is the path as given (or as found under a given folder), which reports show. */
  | { readonly kind: 'file'; readonly file: string }
  | { readonly kind: 'stdin'; readonly file: '-' };

const XML_FILE = /\.xml$/i;

export function resolveInputs(args: readonly string[]): Input[] {
  const inputs: Input[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = path.resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    inputs.push({ kind: 'file', file });
  };
  for (const arg of args) {
    if (arg === '-') {
      if (seen.has('-')) throw new CliError('evfw.cli.usage', '"-" (standard input) is given twice', 'stdin can be read only once');
      seen.add('-');
      inputs.push({ kind: 'stdin', file: '-' });
      continue;
    }
    const stats = statInput(arg);
    if (stats?.isDirectory()) for (const f of walkXml(arg)) add(f);
    else if (stats) add(arg);
    else if (isGlob(arg)) {
      const matches = expandGlob(arg);
      if (matches.length === 0) throw new CliError('evfw.cli.no-match', `no file matches the pattern "${arg}"`, 'check the pattern; evfw expands *, ?, [...], {a,b} and **');
      for (const f of matches) add(f);
    } else {
      throw new CliError('evfw.cli.input-missing', `no file or directory "${arg}"`, 'check the path; it is read relative to the current directory');
    }
  }
  if (inputs.length === 0) {
    throw new CliError('evfw.cli.no-files', `no .xml file found in ${args.map((a) => `"${a}"`).join(', ')}`, 'directories are searched recursively for files ending in .xml; name other files explicitly');
  }
  return inputs;
}

/** The file's stats; undefined when nothing is there; a usage error when it cannot be looked at. */
function statInput(arg: string): Stats | undefined {
  try {
    return statSync(arg, { throwIfNoEntry: false });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') return undefined;
    throw new CliError('evfw.cli.input-unreadable', `cannot read "${arg}" (${code ?? String(error)})`, 'check that the path and its symbolic links lead to a file you may read');
  }
}

/** Every *.xml under `dir`, as `dir/sub/file.xml` in the spelling the user gave `dir`. */
function walkXml(dir: string): string[] {
  return listRecursive(dir)
    .filter((rel) => XML_FILE.test(rel))
    .sort(byPath)
    .map((rel) => joinAsGiven(dir, rel));
}

function expandGlob(pattern: string): string[] {
  const { base, matcher } = compileGlob(pattern);
  const baseStats = statSync(base, { throwIfNoEntry: false });
  if (!baseStats?.isDirectory()) return [];
  return listRecursive(base)
    .filter((rel) => matcher.test(rel))
    .sort(byPath)
    .map((rel) => (base === '.' && !pattern.startsWith('./') ? rel : joinAsGiven(base, rel)));
}

/**
 * Files (not folders) under `dir`, relative to it, with forward slashes. A symbolic link to a
 * file counts; one to a folder is not followed, so a link back up the tree cannot loop.
 */
function listRecursive(dir: string, prefix = ''): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(path.join(dir, prefix), { withFileTypes: true });
  } catch (error) {
    const where = prefix ? `${joinAsGiven(dir, prefix)}` : dir;
    throw new CliError('evfw.cli.input-unreadable', `cannot read the directory "${where}" (${(error as NodeJS.ErrnoException).code ?? String(error)})`, 'check that it exists and that you may read it');
  }
  return entries.flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    const stats = e.isSymbolicLink() ? linkTarget(path.join(dir, rel)) : e;
    if (e.isDirectory()) return listRecursive(dir, rel);
    return stats?.isFile() ? [rel] : [];
  });
}

/** What a link found in a walk leads to; a dangling or looping link is skipped, as find(1) does. */
function linkTarget(link: string): Stats | undefined {
  try {
    return statSync(link, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function joinAsGiven(dir: string, rel: string): string {
  return dir.endsWith('/') || dir.endsWith(path.sep) ? `${dir}${rel}` : `${dir}/${rel}`;
}

/** Code-unit order of the path, so the order does not depend on the locale. */
function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
