/**
 * Run as `node --import <tsx> import-recorder.mjs <results.json> <module>...` by
 * generated-package.ts: imports each module and records every side effect importing had.
 * Console and standard-stream output, file-system writes and child processes are caught by
 * wrapping their functions before the first import; writes to globalThis and to the built-in
 * prototypes are found by comparing snapshots. Each module's exports are written to the results
 * as JSON where they have a JSON form (the schema descriptors), so the test can compare values.
 */
import childProcess from 'node:child_process';
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { pathToFileURL } from 'node:url';

const [resultsFile, ...modules] = process.argv.slice(2);
const writeResults = fs.writeFileSync;
const effects = [];
/** The module being imported, so each effect names the module that had it. */
let current = '(before the first import)';

const snapshot = (object) => new Map(Reflect.ownKeys(object).map((key) => [key, Object.getOwnPropertyDescriptor(object, key)]));
const WATCHED = { globalThis, 'Object.prototype': Object.prototype, 'Array.prototype': Array.prototype, 'String.prototype': String.prototype, 'Function.prototype': Function.prototype };
const before = Object.fromEntries(Object.entries(WATCHED).map(([name, object]) => [name, snapshot(object)]));

function wrap(owner, name, label) {
  const original = owner[name];
  if (typeof original !== 'function') return;
  owner[name] = function recorded(...args) {
    effects.push(`${current}: ${label}.${name}`);
    return original.apply(this, args);
  };
}
for (const name of ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table', 'assert']) wrap(console, name, 'console');
for (const stream of ['stdout', 'stderr']) wrap(process[stream], 'write', `process.${stream}`);
const FS_WRITES = ['writeFile', 'appendFile', 'mkdir', 'mkdtemp', 'rm', 'rmdir', 'unlink', 'rename', 'copyFile', 'cp', 'symlink', 'link', 'truncate', 'chmod', 'chown', 'utimes', 'open', 'createWriteStream', 'write', 'writev'];
for (const name of FS_WRITES) {
  wrap(fs, name, 'fs');
  wrap(fs, `${name}Sync`, 'fs');
  wrap(fs.promises, name, 'fs.promises');
}
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) wrap(childProcess, name, 'child_process');
syncBuiltinESMExports();

const results = { modules: {}, effects, changed: [] };
for (const file of modules) {
  current = file;
  try {
    const namespace = await import(pathToFileURL(file).href);
    const values = {};
    for (const [name, value] of Object.entries(namespace)) {
      if (typeof value !== 'function' && typeof value !== 'undefined') values[name] = value;
    }
    results.modules[file] = { ok: true, exports: Object.keys(namespace).sort(), values };
  } catch (error) {
    results.modules[file] = { ok: false, error: String(error?.stack ?? error) };
  }
}

for (const [name, object] of Object.entries(WATCHED)) {
  const after = snapshot(object);
  for (const [key, descriptor] of after) {
    const old = before[name].get(key);
    const same = old && ['value', 'get', 'set', 'writable', 'enumerable', 'configurable'].every((f) => Object.is(old[f], descriptor[f]));
    if (!same) results.changed.push(`${name}.${String(key)}`);
  }
  for (const key of before[name].keys()) if (!after.has(key)) results.changed.push(`${name}.${String(key)} (deleted)`);
}
writeResults(resultsFile, JSON.stringify(results));
