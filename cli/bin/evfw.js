#!/usr/bin/env node
// The evfw command. It runs the build in ../dist (scripts/build-cli.mjs, `npm run build`) when
// every file that build was made from still has the mtime and size recorded in
// ../dist/manifest.json; otherwise (no build, a source edited since, a build under way) it runs
// the TypeScript sources through tsx's loader: slower to start, never stale.
// EVFW_FROM_SOURCES=1 forces the sources; EVFW_LAUNCH_TRACE=1 says on stderr which one runs.
//
// The build is CommonJS, run through vm.Script with V8's compiled code from the build's warm-up
// run (../dist/main.<build>.cache), so that start-up does not compile what it ran then; a cache
// V8 rejects (another version of Node) only costs that time. EVFW_WRITE_CODE_CACHE=<file>
// writes the cache at exit: the build does, once.
//
// This file is CommonJS (bin/package.json): an ES module entry point would start Node's ESM
// loader, a few milliseconds the build never needs.
'use strict';
const { readFileSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

const dist = path.join(__dirname, '..', 'dist', path.sep);

const trace = process.env.EVFW_LAUNCH_TRACE ? (message) => process.stderr.write(`evfw: ${message}\n`) : () => {};

if (process.env.EVFW_FROM_SOURCES || !runBuild(currentBuild())) {
  trace('running the sources through tsx');
  import('tsx/esm/api').then(({ register }) => {
    register();
    return import('../src/main.ts');
  });
}

/** The manifest's build id when every input is unchanged, else undefined. */
function currentBuild() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(`${dist}manifest.json`, 'utf8'));
  } catch {
    return undefined;
  }
  // Concatenated, not path.join()ed: a few hundred joins cost more than the stats themselves.
  const root = dist + manifest.root;
  for (const [file, mtimeMs, size] of manifest.inputs) {
    const stats = statSync(root + file, { throwIfNoEntry: false });
    if (!stats || stats.mtimeMs !== mtimeMs || stats.size !== size) return undefined;
  }
  return manifest.build;
}

/** What require() does with a CommonJS file, plus the code cache; false if main.cjs is not that build's. */
function runBuild(build) {
  if (build === undefined) return false;
  const file = `${dist}main.cjs`;
  let source;
  try {
    // esbuild writes ASCII only (its default charset), which latin1 reads without UTF-8 decoding.
    source = readFileSync(file, 'latin1');
  } catch {
    return false;
  }
  // A build under way replaces main.cjs before it writes its manifest.
  if (!source.startsWith(`'use strict'; // evfw build ${build}\n`)) return false;
  let cachedData;
  try {
    cachedData = readFileSync(`${dist}main.${build}.cache`);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
    // esbuild turns the bundle's import() calls into require(); this is in case one remains.
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const cacheOut = process.env.EVFW_WRITE_CODE_CACHE;
  if (cacheOut) process.once('exit', () => writeFileSync(cacheOut, script.createCachedData()));
  trace(`running the build ${build}`);
  const module = { exports: {}, filename: file, id: file, loaded: false };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
  return true;
}
