/**
 * The schemas of a git revision as files: every file of the folder at that revision (`git
 * ls-tree` + `git cat-file`, run without a shell) copied into a temporary folder laid out like
 * the repository, so relative includes and imports and the .rules.json files beside the
 * schemas resolve as they did then.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CliError } from '../cli-error.js';

export interface GitSnapshot {
  /** The folder standing for the working directory: schema paths relative to it read as in the working tree. */
  readonly root: string;
  /** The schema files to read: the .xsd files directly in the folder, or the one file named. */
  readonly entries: readonly string[];
  /** The temporary folder holding what was extracted: the schema set's only root (nothing of the working tree is read for the revision). */
  readonly extracted: string;
  remove(): void;
}

export function snapshotAt(revision: string, target: string): GitSnapshot {
  const prefix = git(['rev-parse', '--show-prefix'], () => new CliError('evfw.cli.git', `--git needs a git repository, and ${process.cwd()} is not in one`, 'run evfw diff --git inside the repository, or compare two paths: evfw diff <old> <new>')).trim();
  if (revision.startsWith('-')) throw badRevision(revision);
  git(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], () => badRevision(revision));

  const joined = path.posix.normalize(path.posix.join(prefix, target.split(path.sep).join('/'))).replace(/\/$/, '');
  const wanted = joined === '.' ? '' : joined;
  const listed = lsTree(revision, wanted);
  if (listed.length === 0) {
    throw new CliError('evfw.cli.input-missing', `no file or directory "${target}" at ${revision}`, 'name a path as it was at that revision, relative to the current directory');
  }
  // A file named: its whole folder is extracted, for its includes, but only it is read.
  const single = listed.length === 1 && listed[0] === wanted;
  const folder = single ? path.posix.dirname(wanted).replace(/^\.$/, '') : wanted;
  const files = single ? lsTree(revision, folder) : listed;
  const entries = single ? [wanted] : files.filter((f) => path.posix.dirname(f).replace(/^\.$/, '') === folder && f.toLowerCase().endsWith('.xsd')).sort();
  if (entries.length === 0) throw new CliError('evfw.cli.no-files', `no .xsd file in the directory "${target}" at ${revision}`, 'name a folder that held the schema files at that revision');

  const temp = mkdtempSync(path.join(os.tmpdir(), 'evfw-diff-git-'));
  try {
    for (const file of files) {
      const to = path.join(temp, ...file.split('/'));
      mkdirSync(path.dirname(to), { recursive: true });
      writeFileSync(to, gitBytes(['cat-file', 'blob', `${revision}:${file}`]));
    }
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  return {
    root: path.join(temp, ...prefix.split('/').filter(Boolean)),
    entries: entries.map((f) => path.join(temp, ...f.split('/'))),
    extracted: temp,
    remove: () => rmSync(temp, { recursive: true, force: true }),
  };
}

function badRevision(revision: string): CliError {
  return new CliError('evfw.cli.git', `no revision "${revision}" in this repository`, 'give a commit, branch or tag git knows: HEAD, HEAD~1, main, v1.2.0');
}

/** Paths from the top of the repository, of every file under `from` ('' for the top) or of `from` itself. */
function lsTree(revision: string, from: string): string[] {
  const out = gitBytes(['ls-tree', '-r', '-z', '--full-name', '--name-only', revision, '--', `:(top)${from}`]).toString('utf8');
  return out.split('\0').filter(Boolean);
}

function git(args: readonly string[], failure: () => CliError): string {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw noGit(error) ?? failure();
  }
}

function gitBytes(args: readonly string[]): Buffer {
  try {
    return execFileSync('git', args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1024 ** 3 });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    throw noGit(error) ?? new CliError('evfw.cli.git', `git ${args[0]} failed: ${stderr.split('\n')[0] ?? 'no reason given'}`);
  }
}

function noGit(error: unknown): CliError | undefined {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return undefined;
  return new CliError('evfw.cli.git', '--git needs the git command, and it is not on the PATH', 'install git, or compare two paths: evfw diff <old> <new>');
}
