/**
 * Sets the one version of every package of the release, and the caret ranges by which they
 * depend on each other (`npm version --workspaces` changes the versions but not those ranges,
 * and then fails to install what the old ranges name).
 *
 *   npm run set-version -- 0.3.0
 *
 * Then `npm install` (the lock file), `npm run generate` (the generated package's version and
 * headers follow the generator's), a CHANGELOG entry, and the steps in README.md, "Releasing".
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Semantic versions without build metadata: what npm publishes. */
const VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$/;

const version = process.argv[2];
if (!version || !VERSION.test(version)) {
  process.stderr.write(`usage: npm run set-version -- <version>, a semantic version such as 0.3.0 (got ${JSON.stringify(version ?? '')})\n`);
  process.exit(2);
}

const readManifest = (folder) => JSON.parse(readFileSync(path.join(ROOT, folder, 'package.json'), 'utf8'));
const root = readManifest('.');
// generated/package.json is the generator's output: `npm run generate` writes its version.
const folders = root.workspaces.filter((folder) => folder !== 'generated');
const names = new Set(root.workspaces.map((folder) => readManifest(folder).name));

for (const folder of ['.', ...folders]) {
  const manifest = readManifest(folder);
  manifest.version = version;
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies']) {
    for (const name of Object.keys(manifest[field] ?? {})) if (names.has(name)) manifest[field][name] = `^${version}`;
  }
  writeFileSync(path.join(ROOT, folder, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}
process.stdout.write(`set-version: ${version} in package.json and ${folders.join(', ')}; now npm install, npm run generate, and a CHANGELOG entry\n`);
