#!/usr/bin/env node
// The evfw command. It runs the build in ../dist (scripts/build-cli.mjs, `npm run build`) and
// nothing else: without a build, or with one older than a file it was built from, it says so in
// one line and exits with status 2 (EXIT.usage in cli/src/cli-error.ts), having loaded nothing.
//
//   ../dist/main.cjs            the command; its first line names the build
//   ../dist/main.<build>.cache  V8's compiled code for main.cjs, made by the build's warm-up run
//   ../dist/inputs.json         in the workspace only: every file the build was made from, with its
//                               mtime and size. An installed package has no sources and no list,
//                               so there is nothing to check.
//
// main.cjs is CommonJS, run through vm.Script with the code cache, so that start-up does not
// compile what the warm-up ran; a cache V8 rejects (another version of Node) only costs that time.
// EVFW_WRITE_CODE_CACHE=<file> writes the cache at exit: the build does, once.
// EVFW_LAUNCH_TRACE=1 says on stderr which build runs.
//
// This file is CommonJS (bin/package.json): an ES module entry point would start Node's ESM
// loader, a few milliseconds the build never needs.
'use strict';
const { readFileSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

const dist = path.join(__dirname, '..', 'dist', path.sep);
const main = `${dist}main.cjs`;

/** EXIT.usage of cli/src/cli-error.ts: nothing was decided. Not imported: that would load the sources. */
const EXIT_USAGE = 2;
const FIX = 'run `npm run build`';

const trace = process.env.EVFW_LAUNCH_TRACE ? (message) => process.stderr.write(`evfw: ${message}\n`) : () => {};

const problem = run();
if (problem !== undefined) {
  process.stderr.write(`evfw: ${problem}\n`);
  process.exitCode = EXIT_USAGE;
}

/** Runs the build; or returns why it cannot, as an error line without its `evfw: ` prefix. */
function run() {
  let source;
  try {
    // esbuild writes ASCII only (its default charset), which latin1 reads without UTF-8 decoding.
    source = readFileSync(main, 'latin1');
  } catch {
    return `evfw.cli.not-built: evfw is not built (no ${shown(main)}); ${FIX}`;
  }
  const build = /^'use strict'; \/\/ evfw build ([0-9a-f]+)\n/.exec(source.slice(0, 64))?.[1];
  if (build === undefined) return `evfw.cli.not-built: ${shown(main)} is not a build of evfw; ${FIX}`;
  const stale = staleInput(build);
  if (stale !== undefined) return stale;
  runScript(source, build);
  return undefined;
}

/** Why the build is not that of the files beside it, per inputs.json; undefined when it is, or without the list. */
function staleInput(build) {
  let text;
  try {
    text = readFileSync(`${dist}inputs.json`, 'utf8');
  } catch (error) {
    if (error.code === 'ENOENT') return undefined;
    return `evfw.cli.stale-build: ${shown(`${dist}inputs.json`)} cannot be read (${error.code}); ${FIX}`;
  }
  let list;
  try {
    list = JSON.parse(text);
  } catch {
    list = undefined;
  }
  // The build writes main.cjs, then the list: another build's list means one is under way or failed halfway.
  if (list?.build !== build) return `evfw.cli.stale-build: the build in ${shown(dist)} is incomplete (a build is under way, or the last one failed); ${FIX}`;
  // Concatenated, not path.join()ed: a few hundred joins cost more than the stats themselves.
  const root = dist + list.root;
  for (const [file, mtimeMs, size] of list.inputs) {
    const stats = statSync(root + file, { throwIfNoEntry: false });
    if (!stats) return `evfw.cli.stale-build: ${file} is gone since evfw was built from it; ${FIX}`;
    if (stats.mtimeMs !== mtimeMs || stats.size !== size) return `evfw.cli.stale-build: ${file} has changed since evfw was built; ${FIX}`;
  }
  return undefined;
}

/** What require() does with a CommonJS file, plus the code cache. */
function runScript(source, build) {
  let cachedData;
  try {
    cachedData = readFileSync(`${dist}main.${build}.cache`);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: main,
    cachedData,
    // esbuild turns the bundle's import() calls into require(); this is in case one remains.
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const cacheOut = process.env.EVFW_WRITE_CODE_CACHE;
  if (cacheOut) process.once('exit', () => writeFileSync(cacheOut, script.createCachedData()));
  trace(`running the build ${build}`);
  const module = { exports: {}, filename: main, id: main, loaded: false };
  script.runInThisContext()(module.exports, createRequire(main), module, main, path.dirname(main));
}

/** A path of the build as the person running evfw would type it. */
function shown(file) {
  return path.relative(process.cwd(), file) || '.';
}
