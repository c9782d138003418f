/**
 * The example outputs of the READMEs, written by running their commands, so that they cannot
 * drift from what the commands print (issue 19).
 *
 *   npm run docs:examples                              runs every example, rewrites its output
 *   npx vitest run test/docs/readme-examples.test.ts   runs the same, fails on any difference
 *
 * The convention, in README.md and the READMEs it links (EXAMPLE_DOCUMENTS): a runnable example
 * is a fenced block whose info string is `console`. A line starting with "$ " is a command; the
 * lines after it, up to the next command or the end of the block, are its output: stdout and
 * stderr together, as a terminal shows them. `$ echo $?` shows the previous command's exit status.
 *
 *   ```console
 *   $ npx evfw validate schemas/examples/valid/minimal.xml
 *   1 file: 1 valid, 0 invalid (0 errors, 0 warnings)
 *   ```
 *
 * A command shown with "$ " anywhere else (a ```sh block, say) is refused by the test: every
 * command a README shows with a prompt is run. Write commands that are not run (a long-running
 * server, a release) without the prompt, in a ```sh block.
 *
 * Each block runs in one bash, in a scratch folder of its own (scratchFolder): a copy of
 * schemas/, the repository's other folders linked, `../shared` linked when it exists, and `evfw`
 * and `npx evfw` meaning `node cli/bin/evfw.js` (the build: `npm run docs:examples` builds first).
 * Commands may write new files there, edit schemas/ (a copy) and generate (generated/ is absent);
 * the other folders are links to the repository's own, which no example may write. A block that names
 * `../shared/` is left as it is where that folder is absent. When evfw refuses to run because a
 * source changed after the build (evfw.cli.stale-build), the document is not rewritten.
 *
 * What differs from run to run is replaced in one place, normaliseOutput, documented there.
 */
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism, tmpdir } from 'node:os';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The READMEs whose console blocks are run, relative to the repository's root. */
export const EXAMPLE_DOCUMENTS: readonly string[] = [
  'README.md',
  'cli/README.md',
  'schemas/README.md',
  'generator/README.md',
  'runtime/README.md',
  'protocol/README.md',
  'pf/README.md',
  'bench/README.md',
];

/** The folder beside the checkout that holds the corpus and the CR's text. */
export const SHARED_DIR = path.resolve(REPO_ROOT, '../shared');

/** One "$ " line of a console block and the output lines under it. */
export interface ExampleCommand {
  readonly command: string;
  /** The 0-based line of the "$ " line in the document. */
  readonly line: number;
  readonly output: readonly string[];
}

/** One console block: its commands run in order, in one shell. */
export interface ExampleBlock {
  readonly document: string;
  /** The 0-based lines of the opening and the closing fence. */
  readonly open: number;
  readonly close: number;
  readonly commands: readonly ExampleCommand[];
}

const CONSOLE_FENCE = /^```console\s*$/;
const ANY_FENCE = /^```/;
const CLOSING_FENCE = /^```\s*$/;
const PROMPT = '$ ';

/** The console blocks of one document, in order. Throws on a block that is not well formed. */
export function parseExampleBlocks(document: string, text: string): ExampleBlock[] {
  const blocks: ExampleBlock[] = [];
  // The opening line of the fenced block being read, and whether it is a console block.
  let open: number | undefined;
  let isConsole = false;
  let commands: { command: string; line: number; output: string[] }[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (open === undefined) {
      if (ANY_FENCE.test(line)) {
        open = index;
        isConsole = CONSOLE_FENCE.test(line);
        commands = [];
      }
    } else if (CLOSING_FENCE.test(line)) {
      if (isConsole) blocks.push({ document, open, close: index, commands });
      open = undefined;
    } else if (isConsole) {
      const last = commands.at(-1);
      if (line.startsWith(PROMPT)) commands.push({ command: line.slice(PROMPT.length), line: index, output: [] });
      else if (last === undefined) throw new Error(`${document}:${index + 1}: a console block must start with a "$ " command line`);
      else last.output.push(line);
    }
  }
  if (open !== undefined) throw new Error(`${document}:${open + 1}: this fenced block is never closed`);
  return blocks;
}

/** Lines that show a command with "$ " outside a console block: commands shown but never run. */
export function promptsOutsideExamples(text: string): { line: number; text: string }[] {
  const found: { line: number; text: string }[] = [];
  let fence: 'none' | 'console' | 'other' = 'none';
  for (const [index, line] of text.split('\n').entries()) {
    if (fence === 'none' && ANY_FENCE.test(line)) fence = CONSOLE_FENCE.test(line) ? 'console' : 'other';
    else if (fence !== 'none' && CLOSING_FENCE.test(line)) fence = 'none';
    else if (fence === 'other' && line.startsWith(PROMPT)) found.push({ line: index, text: line });
  }
  return found;
}

/** A block that names the shared folder cannot run where the folder is absent. */
export function needsSharedFolder(block: ExampleBlock): boolean {
  return block.commands.some((c) => c.command.includes('../shared/'));
}

/** A scratch folder for one block: where its commands run, and what they see. */
export interface Scratch {
  /** The working directory of the commands: it stands for the repository's root. */
  readonly cwd: string;
  /** Holds `evfw`, put first on PATH. */
  readonly bin: string;
  readonly root: string;
}

/**
 * <tmp>/evfw: schemas/ copied (examples may edit it), the repository's other entries linked
 * (generated/ left out, so that no example can write it); <tmp>/shared linked to ../shared.
 */
export function scratchFolder(): Scratch {
  const root = mkdtempSync(path.join(tmpdir(), 'evfw-docs-'));
  const cwd = path.join(root, 'evfw');
  const bin = path.join(root, 'bin');
  mkdirSync(cwd);
  mkdirSync(bin);
  for (const entry of readdirSync(REPO_ROOT)) {
    if (entry === '.git' || entry === 'generated' || entry === 'fixtures') continue;
    if (entry === 'schemas') cpSync(path.join(REPO_ROOT, entry), path.join(cwd, entry), { recursive: true });
    else symlinkSync(path.join(REPO_ROOT, entry), path.join(cwd, entry));
  }
  if (existsSync(SHARED_DIR)) symlinkSync(SHARED_DIR, path.join(root, 'shared'));
  const evfw = path.join(bin, 'evfw');
  writeFileSync(evfw, `#!/bin/sh\nexec ${shellQuote(process.execPath)} ${shellQuote(path.join(REPO_ROOT, 'cli/bin/evfw.js'))} "$@"\n`, { mode: 0o755 });
  return { cwd, bin, root };
}

export function removeScratch(scratch: Scratch): void {
  rmSync(scratch.root, { recursive: true, force: true });
}

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** Separates the outputs of the commands of one block in the shell's stdout. */
const MARKER = '@@evfw-docs-example-output@@';

/**
 * Runs the commands of one block in order in one bash, in the scratch folder, and returns
 * each one's output lines, normalised. The exit status of each command is kept across the
 * markers, so that `echo $?` reports the command before it.
 */
export async function runExampleBlock(block: ExampleBlock, scratch: Scratch): Promise<string[][]> {
  const script = [
    // `npx evfw` is the workspace's evfw; any other npx is npx.
    'npx() { if [ "$1" = evfw ]; then shift; evfw "$@"; else command npx "$@"; fi; }',
    '__evfw_status() { return "$1"; }',
    '__status=0',
    ...block.commands.flatMap((c) => [
      `printf '%s\\n' '${MARKER}'`,
      '__evfw_status "$__status"',
      `{ ${c.command}\n} 2>&1`,
      '__status=$?',
    ]),
  ].join('\n');
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${scratch.bin}${path.delimiter}${process.env.PATH ?? ''}`, NO_COLOR: '1', LC_ALL: 'C', COLUMNS: '80' };
  for (const name of ['FORCE_COLOR', 'CI', 'NODE_OPTIONS']) delete env[name];
  const { stdout, stderr } = await runBash(script, scratch.cwd, env);
  if (stderr !== '') throw new Error(`${block.document}:${block.open + 1}: the shell itself failed:\n${stderr}`);
  const parts = stdout.split(`${MARKER}\n`);
  // parts[0] is what came before the first marker: nothing.
  if (parts.length !== block.commands.length + 1) {
    throw new Error(`${block.document}:${block.open + 1}: expected the output of ${block.commands.length} commands, got ${parts.length - 1}`);
  }
  return block.commands.map((command, index) => {
    const lines = normaliseOutput(parts[index + 1] ?? '', scratch);
    const prompt = lines.find((line) => line.startsWith(PROMPT));
    if (prompt !== undefined) {
      throw new Error(`${block.document}:${command.line + 1}: the output has a line starting with "$ ", which would read as a command: ${prompt}`);
    }
    return lines;
  });
}

/** A block's commands may take this long in all. */
const BLOCK_TIMEOUT_MS = 120_000;

function runBash(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), BLOCK_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') reject(new Error(`the commands did not finish within ${BLOCK_TIMEOUT_MS / 1000} s`));
      else resolve({ stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    });
  });
}

/** A block as it ran: the output of each command, or why it was not run. */
export type BlockRun = { readonly block: ExampleBlock; readonly outputs: string[][] } | { readonly block: ExampleBlock; readonly skipped: string };

/**
 * Runs every block of one document, each in a scratch folder of its own, as many at once as
 * there are cores (the commands mostly wait on Node starting). A block that needs ../shared is
 * skipped where it is absent, with the reason.
 */
export async function runDocumentExamples(document: string, text: string): Promise<BlockRun[]> {
  const blocks = parseExampleBlocks(document, text);
  const runs: BlockRun[] = new Array<BlockRun>(blocks.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < blocks.length) {
      const index = next++;
      const block = blocks[index];
      if (block === undefined) return;
      if (needsSharedFolder(block) && !existsSync(SHARED_DIR)) {
        runs[index] = { block, skipped: `${document}:${block.open + 1}: not run: ../shared is absent (expected at ${SHARED_DIR})` };
        continue;
      }
      const scratch = scratchFolder();
      try {
        runs[index] = { block, outputs: await runExampleBlock(block, scratch) };
      } finally {
        removeScratch(scratch);
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, () => worker()));
  return runs;
}

/**
 * Everything that differs between two runs of the same command, replaced by a stable form.
 * This is the one place; add to it rather than leave an example out of the check.
 *
 * - The scratch folder's paths: `<tmp>/evfw/` is written as nothing (it stands for the
 *   repository's root, where the reader runs the command) and `<tmp>/shared` as `../shared`.
 * - The repository's own path, which a command may print through a linked folder: `<repo>`.
 * - Durations printed by the commands ("in 123 ms", "0.45 s"): `<n> ms`, `<n> s`.
 * - Trailing spaces on a line, and blank lines at the end of an output (Markdown editors drop
 *   them, and a blank line before the next "$ " reads better).
 */
export function normaliseOutput(output: string, scratch: Scratch): string[] {
  const text = output
    .replaceAll(`${scratch.cwd}/`, '')
    .replaceAll(scratch.cwd, '.')
    .replaceAll(path.join(scratch.root, 'shared'), '../shared')
    .replaceAll(REPO_ROOT, '<repo>')
    .replace(/\b\d+(?:\.\d+)? ms\b/g, '<n> ms')
    .replace(/\b\d+\.\d+ s\b/g, '<n> s');
  const lines = text.split('\n').map((line) => line.trimEnd());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The document with each command's output replaced by the one given, in block order. */
export function rewriteOutputs(text: string, blocks: readonly ExampleBlock[], outputs: readonly (readonly string[][])[]): string {
  const lines = text.split('\n');
  const result: string[] = [];
  let next = 0;
  blocks.forEach((block, b) => {
    result.push(...lines.slice(next, block.open + 1));
    block.commands.forEach((command, c) => {
      result.push(`${PROMPT}${command.command}`, ...(outputs[b]?.[c] ?? command.output));
    });
    next = block.close;
  });
  result.push(...lines.slice(next));
  return result.join('\n');
}

/**
 * A line diff of a README's output (-) against the command's (+), with unchanged lines as
 * context. Longest common subsequence by dynamic programming; outputs are short, and above
 * MAX_DIFF_LINES a side the diff is both sides in full.
 */
const MAX_DIFF_LINES = 2000;

export function lineDiff(expected: readonly string[], actual: readonly string[]): string {
  const n = expected.length;
  const m = actual.length;
  if (n > MAX_DIFF_LINES || m > MAX_DIFF_LINES) {
    return [...expected.map((l) => `- ${l}`), ...actual.map((l) => `+ ${l}`)].join('\n');
  }
  // common(i, j): the length of the longest common subsequence of expected[i..] and actual[j..].
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  const common = (i: number, j: number): number => table[i * width + j] ?? 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] = expected[i] === actual[j] ? common(i + 1, j + 1) + 1 : Math.max(common(i + 1, j), common(i, j + 1));
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && expected[i] === actual[j]) {
      out.push(`  ${expected[i]}`);
      i++;
      j++;
    } else if (j < m && (i === n || common(i, j + 1) >= common(i + 1, j))) {
      out.push(`+ ${actual[j]}`);
      j++;
    } else {
      out.push(`- ${expected[i]}`);
      i++;
    }
  }
  return out.join('\n');
}

/** Runs every block of every document and writes the outputs back. */
async function rewriteAll(): Promise<void> {
  for (const document of EXAMPLE_DOCUMENTS) {
    const file = path.join(REPO_ROOT, document);
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    const runs = await runDocumentExamples(document, text);
    // A source edited while the examples ran makes evfw refuse to run: write nothing from that.
    const stale = runs.flatMap((run) => ('outputs' in run ? run.outputs.flat() : [])).find((line) => line.includes('evfw.cli.stale-build'));
    if (stale !== undefined) {
      console.error(`docs:examples: ${document} left as it is: ${stale}`);
      process.exitCode = 2;
      continue;
    }
    const outputs = runs.map((run) => {
      if ('outputs' in run) return run.outputs;
      console.warn(`${run.skipped}; its outputs are left as they are`);
      return run.block.commands.map((c) => [...c.output]);
    });
    const rewritten = rewriteOutputs(text, runs.map((run) => run.block), outputs);
    const commands = runs.reduce((sum, run) => sum + run.block.commands.length, 0);
    if (rewritten !== text) writeFileSync(file, rewritten);
    console.log(`${document}: ${commands} command${commands === 1 ? '' : 's'} in ${runs.length} block${runs.length === 1 ? '' : 's'}; ${rewritten === text ? 'unchanged' : 'rewritten'}`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const version = spawnSync(process.execPath, [path.join(REPO_ROOT, 'cli/bin/evfw.js'), '--version'], { encoding: 'utf8' });
  if (version.status !== 0) {
    console.error(`docs:examples: evfw does not run (${version.stderr.trim()}); run \`npm run build\` first`);
    process.exit(2);
  }
  await rewriteAll();
}
