/**
 * Loads a peer from bench/node_modules (installed by `npm run bench:setup`), by a name the
 * bundler leaves alone, so that a missing peer is an error when its case starts, reported as
 * missing, and the type checker never needs the peers installed: each case module declares the
 * little of the peer's API it uses.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const requirePeer = createRequire(import.meta.url);

export function loadPeer<Api>(name: string): Api {
  return requirePeer(name) as Api;
}

/** The version of the peer that loadPeer loads, from its package.json. */
export function peerVersion(name: string): string | undefined {
  let dir = path.dirname(requirePeer.resolve(name));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (manifest.name === name) return manifest.version;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
