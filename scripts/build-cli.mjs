/**
 * Builds the evfw command into cli/dist/ (`npm run build`; `npm ci` runs it through `prepare`).
 * cli/bin/evfw.js runs this build and nothing else, so that `evfw` starts as plain JavaScript
 * (issue 8: within Node's own start-up plus 30 ms).
 *
 *   cli/dist/main.cjs        the command: cli/, runtime/, generated/, generator/ (from their
 *                            TypeScript sources, through the "@evfw/source" export condition) and
 *                            the small third-party packages (commander, saxes, picocolors,
 *                            cli-progress) in one CommonJS file. The large packages only some
 *                            commands need (typescript, ajv, fast-check) stay in node_modules,
 *                            required when those commands run; esbuild turns the dynamic imports
 *                            that reach them into modules initialised on first use, so `validate`
 *                            never loads them. Its first line names the build.
 *   cli/dist/main.<build>.cache
 *                            V8's compiled code for main.cjs, made by one run of the command:
 *                            cli/bin/evfw.js hands it to vm.Script, which then skips compiling
 *                            most of what start-up runs. This is why main.cjs is CommonJS: Node 20
 *                            has no way to give compiled code to an ES module.
 *   cli/dist/worker-entry.js a validation worker thread (run-batch.ts starts it beside itself), ESM.
 *   cli/dist/inputs.json     for the workspace only (the package does not ship it): every file the
 *                            build was made from, with its mtime and size. cli/bin/evfw.js refuses
 *                            to run a build older than one of them, so an edit is never hidden.
 *
 *   node scripts/build-cli.mjs              build, or fail
 *   node scripts/build-cli.mjs --optional   what `prepare` runs: without esbuild (an install
 *                                           without devDependencies), or when the sources do not
 *                                           compile, say so and succeed, so that the install
 *                                           does; evfw then says it needs `npm run build`
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = path.join(ROOT, 'cli', 'dist');
const INPUTS = path.join(DIST, 'inputs.json');

/** Loaded from node_modules when a command needs them: large, and never needed to validate. */
const EXTERNAL = ['typescript', 'ajv', 'fast-check'];

/**
 * Files that shape the build without being among esbuild's inputs: this script, the tsconfig
 * files esbuild reads, and in each package folder the bundle draws from, the manifest whose
 * `exports` resolve our imports. (Not the root package.json: its scripts do not reach the build.)
 */
const SCRIPT = 'scripts/build-cli.mjs';
const ROOT_SETTINGS = /^tsconfig.*\.json$/;
const PACKAGE_SETTINGS = /^(?:package\.json|tsconfig.*\.json)$/;

/** An edit this close to the start of a build may have been missed by it (coarse file times). */
const RACE_MARGIN_MS = 100;

/**
 * The run that fills the code cache: validation of every example, valid and invalid, so that
 * the compiled code covers reading, validating and the text report with its excerpts.
 */
const WARM_RUN = ['validate', '--profile', 'spec', 'schemas/examples'];

/** What a build leaves in cli/dist besides its code cache. */
const OUTPUTS = ['main.cjs', 'worker-entry.js', 'inputs.json'];

const COMMON = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Our packages' `exports` send this condition to their TypeScript sources, the others to dist/.
  conditions: ['@evfw/source'],
  external: EXTERNAL.flatMap((name) => [name, `${name}/*`]),
  metafile: true,
  write: false,
  logLevel: 'warning',
  plugins: [commanderWithoutChildProcess()],
};

const OPTIONAL = process.argv.includes('--optional');

let esbuild;
try {
  esbuild = await import('esbuild');
} catch (error) {
  if (!OPTIONAL || error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  process.stdout.write('build-cli: esbuild is not installed, so evfw is not built; install the devDependencies and run `npm run build`\n');
  process.exit(0);
}

try {
  await buildAndRecord();
} catch (error) {
  // An install (prepare) must not fail on a source that does not compile yet. The launcher then
  // refuses the earlier build, if any, since the source that fails is newer than it.
  if (!OPTIONAL) throw error;
  process.stderr.write(`build-cli: evfw is not built: ${error.message}\n`);
}

async function buildAndRecord() {
  mkdirSync(DIST, { recursive: true });
  for (let attempt = 1; ; attempt++) {
    const started = Date.now();
    // Names this build in main.cjs, in inputs.json and in the code cache's file name, so that
    // neither a list nor a cache is ever used with a main.cjs from another build.
    const id = randomBytes(6).toString('hex');
    const { outputFiles, inputs } = await build(id);
    const entries = [...new Set([...inputs, SCRIPT, ...settingsFiles(inputs)])].map((file) => {
      const { mtimeMs, size } = statSync(path.join(ROOT, file));
      return [file.split(path.sep).join('/'), mtimeMs, size];
    });
    const edited = entries.filter(([, mtimeMs]) => mtimeMs > started - RACE_MARGIN_MS);
    if (edited.length > 0 && attempt < 3) {
      // Built while files were being edited: build again rather than record times the build may not match.
      await new Promise((resolve) => setTimeout(resolve, RACE_MARGIN_MS));
      continue;
    }
    // Every file is replaced by a rename, never removed first, and main.cjs before the list:
    // an evfw started meanwhile either finds a whole build, or a list naming another build,
    // which it refuses as a build under way. The worker first: it is not checked.
    for (const file of outputFiles) writeAtomically(file.path, file.contents);
    // After a third race, record the edited files as unknown: the launcher refuses the build
    // until the next one. Paths are relative to `root`, itself relative to cli/dist, all with
    // '/': the launcher only concatenates them (a few hundred path.join calls cost more than the stats).
    const list = { build: id, root: '../../', inputs: entries.map(([file, mtimeMs, size]) => [file, edited.some((e) => e[0] === file) ? -1 : mtimeMs, size]) };
    writeAtomically(INPUTS, `${JSON.stringify(list)}\n`);
    // Earlier builds' caches, and whatever else an earlier layout of dist/ left (not a concurrent build's .tmp files).
    for (const f of readdirSync(DIST)) if (!OUTPUTS.includes(f) && !f.endsWith('.tmp')) rmSync(path.join(DIST, f), { recursive: true, force: true });
    const cached = fillCodeCache(id);
    process.stdout.write(`build-cli: ${path.relative(ROOT, DIST)} built from ${inputs.length} files${cached ? '' : ' (no code cache: start-up is slower)'}\n`);
    return;
  }
}

/** Both esbuild runs, in memory: their files, worker first, and their inputs relative to the repository root. */
async function build(id) {
  const main = await esbuild.build({
    ...COMMON,
    entryPoints: ['cli/src/main.ts'],
    outfile: path.join(DIST, 'main.cjs'),
    format: 'cjs',
    // The launcher reads the build's id from the first line. The sources are ES modules, strict
    // by definition; CommonJS is strict only when told, as the first statement. And it has no
    // import.meta: main.ts finds package.json, and run-batch.ts its worker, from the __filename
    // the launcher passes.
    banner: { js: `'use strict'; // evfw build ${id}\nconst evfwImportMetaUrl = require('node:url').pathToFileURL(__filename).href;` },
    define: { 'import.meta.url': 'evfwImportMetaUrl' },
  });
  const worker = await esbuild.build({
    ...COMMON,
    entryPoints: ['cli/src/validate/worker.ts'],
    outfile: path.join(DIST, 'worker-entry.js'),
    format: 'esm',
    // Bundled CommonJS (saxes) calls require() for Node's built-ins; an ES module has to make one.
    banner: { js: "import { createRequire as evfwCreateRequire } from 'node:module'; const require = evfwCreateRequire(import.meta.url);" },
  });
  // The launcher reads main.cjs as latin1, which is only right for ASCII: esbuild's default charset.
  const nonAscii = main.outputFiles.find((f) => f.contents.some((byte) => byte > 0x7f));
  if (nonAscii) throw new Error(`build-cli: ${nonAscii.path} is not ASCII; cli/bin/evfw.js reads it as latin1`);
  return {
    outputFiles: [...worker.outputFiles, ...main.outputFiles],
    inputs: [...new Set([...Object.keys(main.metafile.inputs), ...Object.keys(worker.metafile.inputs)])],
  };
}

/** The settings files of the root and of every package folder of the repository the inputs come from. */
function settingsFiles(inputs) {
  const folders = new Set(['cli']);
  for (const file of inputs) {
    const [top] = file.split(/[\\/]/);
    if (file.includes('/') && top !== 'node_modules' && top !== '..') folders.add(top);
  }
  const named = (folder, pattern) =>
    readdirSync(path.join(ROOT, folder))
      .filter((name) => pattern.test(name))
      .sort()
      .map((name) => path.posix.join(folder, name));
  return [...named('.', ROOT_SETTINGS), ...[...folders].flatMap((folder) => named(folder, PACKAGE_SETTINGS))];
}

/**
 * Runs the built command once, through the launcher, to have V8's compiled code written to
 * main.<build>.cache. Best effort: without the examples, or if the sources changed meanwhile,
 * evfw runs without it, compiling as it goes.
 */
function fillCodeCache(id) {
  if (!existsSync(path.join(ROOT, WARM_RUN.at(-1)))) return false;
  const cache = path.join(DIST, `main.${id}.cache`);
  const tmp = `${cache}.${process.pid}.tmp`;
  const run = spawnSync(process.execPath, [path.join(ROOT, 'cli', 'bin', 'evfw.js'), ...WARM_RUN], {
    cwd: ROOT,
    env: { ...process.env, EVFW_WRITE_CODE_CACHE: tmp },
    stdio: 'ignore',
  });
  if (run.error || run.status === null || run.status > 1 || !existsSync(tmp)) return false;
  renameSync(tmp, cache);
  return true;
}

/**
 * commander requires node:child_process at load, for executable subcommands, which evfw does not
 * have; with stdout a file, that require alone (it loads net and streams) costs several
 * milliseconds of every start. The build requires it when spawn is called instead. If commander
 * changes that line, the build warns and leaves it, so evfw only starts slower.
 */
function commanderWithoutChildProcess() {
  const line = "const childProcess = require('node:child_process');";
  return {
    name: 'commander-without-child-process',
    setup(builder) {
      builder.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes(line)) return { warnings: [{ text: `commander no longer has the line ${line}; evfw starts a little slower` }] };
        return { contents: text.replace(line, "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };"), loader: 'js' };
      });
    },
  };
}

function writeAtomically(file, contents) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, file);
}
