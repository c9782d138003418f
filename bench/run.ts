/**
 * `npm run bench`: builds the measured code (build.ts), makes the inputs (inputs.ts) and checks
 * them with evfw and libxml2 (check-inputs.ts), times every case of the catalogue on every input
 * in a child process of its own (measure.ts), then the commands (commands.ts), and prints the
 * report (report.ts) with the targets of issue 8 judged from the same run (targets.ts). The
 * figures are also written to bench/.out/results.json and bench/.out/results.md.
 *
 *   npm run bench [-- --quick] [--cases evfw-validate,libxmljs2,hostile] [--inputs 1k,10m]
 *   npm run bench -- --help          the options, with every case and input id
 *
 * After the cases and commands come the budgets of issue 17 (bench/hostile/): hostile patterns,
 * counts and schemas, each in a child process of its own; `--cases hostile` runs only those.
 *
 * --quick takes one sample of each: to try the bench, not to read its figures.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { BENCH_DIR, buildChildren } from './build.js';
import { CASES } from './catalogue.js';
import { checkInputs } from './check-inputs.js';
import { timeCommand, timeStartups, which } from './commands.js';
import { INPUT_SPECS, makeInput, writeFiles, writeInput, type Input, type MadeInput } from './inputs.js';
import { measureCase, QUICK_SETTINGS, SETTINGS } from './measure.js';
import { renderMarkdown, renderText, type Report } from './report.js';
import type { Outcome, Row } from './result.js';
import { judgeTargets } from './targets.js';
import { hostileLines, measureHostile } from './hostile/run-hostile.js';
import { ConsumerProject, packWorkspace } from '../scripts/workspace-packages.js';

const ROOT = path.dirname(BENCH_DIR);
const OUT_DIR = path.join(BENCH_DIR, '.out');
const SCHEMA_FILE = path.join(ROOT, 'schemas', 'cpm-evfw.xsd');
const EVFW = path.join(ROOT, 'node_modules', '.bin', 'evfw');

/** Cases that are not in the catalogue: the two commands on 10,000 files, and the hostile budgets. */
const OTHER_CASES = ['evfw-cli', 'xmllint-cli', 'hostile'];
const CASE_IDS = [...CASES.map((c) => c.id), ...OTHER_CASES];
const INPUT_IDS = INPUT_SPECS.map((s) => s.id);

const USAGE = `usage: npm run bench [-- --quick] [--cases <id,...>] [--inputs <id,...>]

  --quick            one sample of each: to try the bench, not to read its figures
  --cases <ids>      only these cases (comma-separated): ${CASE_IDS.join(', ')}
  --inputs <ids>     only these inputs (comma-separated): ${INPUT_IDS.join(', ')}
  --help             this text

The start-up of evfw (in the workspace and installed from its tarball) is always timed.
Peers come from \`npm run bench:setup\`; one that is missing is reported as such.`;

/** The options, or a usage error (exit 2) naming what is wrong, without a stack trace. */
function readOptions(): { quick: boolean; cases?: string; inputs?: string } {
  let parsed;
  try {
    parsed = parseArgs({ options: { quick: { type: 'boolean', default: false }, cases: { type: 'string' }, inputs: { type: 'string' }, help: { type: 'boolean', default: false } } }).values;
  } catch (error) {
    usageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  for (const [option, value, known] of [['--cases', parsed.cases, CASE_IDS], ['--inputs', parsed.inputs, INPUT_IDS]] as const) {
    const unknown = value?.split(',').filter((id) => !known.includes(id)) ?? [];
    if (unknown.length > 0) usageError(`${option}: unknown ${unknown.map((id) => JSON.stringify(id)).join(', ')}; known: ${known.join(', ')}`);
  }
  return parsed;
}

function usageError(message: string): never {
  process.stderr.write(`bench: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

const options = readOptions();
const only = (list: string | undefined) => (list ? new Set(list.split(',')) : undefined);
const onlyCases = only(options.cases);
const onlyInputs = only(options.inputs);
const settings = options.quick ? QUICK_SETTINGS : SETTINGS;
/** Timed runs of each command, and of each start-up. */
const RUNS = options.quick ? { file: 1, batch: 1, startup: 1 } : { file: 5, batch: 3, startup: 10 };

const started = performance.now();
const loadBefore = os.loadavg()[0]!;
const progress = (message: string) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}\n`);

function summary(outcome: Outcome, bytes: number): string {
  if (outcome.status !== 'ok') return `${outcome.status}: ${outcome.reason}`;
  return `${(bytes / 1e6 / (outcome.timing.msPerRun / 1000)).toFixed(1)} MB/s`;
}

/** A folder of files of one document each, for the commands. */
interface FileSet {
  readonly dir: string;
  readonly names: readonly string[];
}

/** The inputs as the children read them and, one document a file, as the commands do. */
function writeInputs(inputDir: string, made: readonly MadeInput[]): Map<string, FileSet> {
  const fileSets = new Map<string, FileSet>();
  for (const m of made) {
    writeInput(inputDir, m);
    // A one-document input's <id>.xml is that document; a batch gets a folder of files.
    if (m.input.documents === 1) fileSets.set(m.input.id, { dir: inputDir, names: [`${m.input.id}.xml`] });
    else {
      const dir = path.join(inputDir, `${m.input.id}-files`);
      fileSets.set(m.input.id, { dir, names: writeFiles(dir, m) });
    }
  }
  return fileSets;
}

function measureCases(inputs: readonly Input[], inputDir: string): Row[] {
  const rows: Row[] = [];
  for (const input of inputs) {
    for (const info of CASES) {
      if (onlyCases && !onlyCases.has(info.id)) continue;
      const outcome = measureCase(info, input.id, { inputDir, schemaFile: SCHEMA_FILE }, settings);
      progress(`${info.id} on ${input.label}: ${summary(outcome, input.bytes)}`);
      rows.push({ caseId: info.id, label: info.label, group: info.group, via: 'in-process', inputId: input.id, outcome });
    }
  }
  return rows;
}

/** xmllint --schema on each input's files, one process each time; evfw validate on the batch's. */
function measureCommands(inputs: readonly Input[], fileSets: ReadonlyMap<string, FileSet>): Row[] {
  const rows: Row[] = [];
  const xmllint = which('xmllint');
  for (const input of inputs) {
    if (onlyCases && !onlyCases.has('xmllint-cli')) break;
    const { dir, names } = fileSets.get(input.id)!;
    const outcome: Outcome = xmllint
      ? timeCommand({ program: xmllint, args: ['--noout', '--schema', SCHEMA_FILE, ...names], cwd: dir }, names.length > 1 ? RUNS.batch : RUNS.file, { program: xmllint, args: ['--version'] })
      : { status: 'missing', reason: 'no xmllint on PATH; run npm run bench:setup (Debian package libxml2-utils)' };
    progress(`xmllint --schema on ${input.label}: ${summary(outcome, input.bytes)}`);
    rows.push({ caseId: 'xmllint-cli', label: 'xmllint --noout --schema (process)', group: 'peer', via: 'command', inputId: input.id, outcome });
  }
  const batch = inputs.find((i) => i.id === 'batch');
  if (batch && (!onlyCases || onlyCases.has('evfw-cli'))) {
    const { dir } = fileSets.get(batch.id)!;
    const outcome = timeCommand({ program: EVFW, args: ['validate', '--profile', 'xsd', dir], cwd: ROOT }, RUNS.batch, { program: EVFW, args: ['--version'] });
    progress(`evfw validate on the ${batch.label} files: ${summary(outcome, batch.bytes)}`);
    rows.push({ caseId: 'evfw-cli', label: 'evfw validate --profile xsd (process)', group: 'ours', via: 'command', inputId: batch.id, outcome });
  }
  return rows;
}

async function main(): Promise<void> {
  progress('bundling the measured code with esbuild into bench/.build/');
  await buildChildren();

  const made: MadeInput[] = [];
  for (const spec of INPUT_SPECS.filter((s) => !onlyInputs || onlyInputs.has(s.id))) {
    progress(`making the input ${spec.label}`);
    made.push(makeInput(spec));
  }
  progress('checking every document with evfw and libxml2');
  checkInputs(made);
  const inputs = made.map((m) => m.input);

  const inputDir = mkdtempSync(path.join(os.tmpdir(), 'evfw-bench-'));
  let rows: Row[];
  try {
    const fileSets = writeInputs(inputDir, made);
    rows = [...measureCases(inputs, inputDir), ...measureCommands(inputs, fileSets)];
  } finally {
    rmSync(inputDir, { recursive: true, force: true });
  }
  progress('start-up: evfw --version, in the workspace and installed from its tarball, against node -e 0');
  const installed = installCli();
  let startup: Record<string, Outcome>;
  try {
    const env = startupEnvironment();
    startup = timeStartups(
      {
        'node -e 0': { program: process.execPath, args: ['-e', '0'], env },
        'evfw --version': { program: EVFW, args: ['--version'], env },
        'installed evfw --version': { program: installed.bin, args: ['--version'], env },
      },
      RUNS.startup,
    );
  } finally {
    installed.dispose();
  }

  const verdicts = judgeTargets({ inputs, rows, startup });
  const hostile = !onlyCases || onlyCases.has('hostile') ? hostileLines(await measureHostile({ quick: options.quick, progress })) : [];
  const seconds = (performance.now() - started) / 1000;
  const report: Report = { title: `evfw bench, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`, notes: notes(seconds), inputs, rows, startup, verdicts, hostile };
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(path.join(OUT_DIR, 'results.json'), `${JSON.stringify({ ...report, settings, seconds }, null, 2)}\n`);
  writeFileSync(path.join(OUT_DIR, 'results.md'), renderMarkdown(report));
  console.log(renderText(report));
  console.log(`\nWritten: bench/.out/results.json, bench/.out/results.md (for bench/RESULTS.md). The run took ${seconds.toFixed(0)} s.`);
}

/**
 * Start-up is timed without the variables that make Node itself do more at every start, the same
 * for all the commands compared: NODE_OPTIONS, and NODE_EXTRA_CA_CERTS, with which Node reads and
 * parses a certificate bundle before anything runs (on a machine that sets it, 50 to 100 ms of
 * every start, and most of the spread between runs).
 */
function startupEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

/**
 * The command as a user gets it: the packed CLI (and what it depends on) installed into a project
 * outside the repository, whose node_modules/.bin/evfw is timed. npm run bench has just built.
 */
function installCli(): { bin: string; dispose: () => void } {
  const packDir = mkdtempSync(path.join(os.tmpdir(), 'evfw-bench-tarballs-'));
  const project = ConsumerProject.create('evfw-bench-installed-');
  const dispose = () => {
    project.dispose();
    rmSync(packDir, { recursive: true, force: true });
  };
  try {
    // What `npm install @evfw/cli` gives: the bundle brings everything else of ours.
    project.install([...packWorkspace(packDir, ['cli']).values()].map((p) => p.tarball));
  } catch (error) {
    dispose();
    throw error;
  }
  return { bin: path.join(project.dir, 'node_modules', '.bin', 'evfw'), dispose };
}

function notes(seconds: number): string[] {
  const cpus = os.cpus();
  const xmllintVersion = spawnSync('xmllint', ['--version'], { encoding: 'utf8' }).stderr?.split('\n')[0]?.trim();
  return [
    `Node ${process.version}, ${cpus.length} x ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${os.platform()} ${os.release()}; ${xmllintVersion ?? 'no xmllint'}; the run took ${seconds.toFixed(0)} s${options.quick ? ' (--quick: one sample each, not for reading)' : ''}; load average ${loadBefore.toFixed(1)} at the start, ${os.loadavg()[0]!.toFixed(1)} at the end (above the number of cores, other work shared the machine: see the spread).`,
    'Each in-process case runs in a child process of its own on compiled JavaScript (ours bundled by esbuild): one forced collection, warm-up, then the median of 3 to 7 samples in steady state (no collection forced between them: see bench/child/timing.ts).',
    'Commands run as processes of their own, start-up included: the median of several runs after an untimed one. Start-up (node -e 0, evfw --version in the workspace and installed from its tarball) runs without NODE_OPTIONS and NODE_EXTRA_CA_CERTS, which add the same work to every Node start.',
    'Spread: the slowest sample minus the fastest, over the median; a wide one says the machine was busy.',
    'MB/s counts the bytes of the XML input for every case (serializers and JSON.parse included), so the rows of one input compare like for like.',
    "Peak above baseline: the child's peak resident memory (VmHWM) during one pass over the input (the check before timing), minus its resident memory once the code is loaded, before the input is read (the peak is reset to it there, through /proc/self/clear_refs); it includes holding the input (bytes, or a string decoded from them: the decoded bytes count too) and a serializer's object form. Steady peak: the same at the end of the timed runs, when V8's heap has grown with its lazy collection. For commands: GNU time's maxRSS above the same program's `--version`.",
    'vs X: our throughput divided by X\'s (above 1: faster than X).',
  ];
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
