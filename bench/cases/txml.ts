/** txml: a small DOM parser, parse only, no namespaces and no schema. */
import type { Prepare } from './case.js';
import { loadPeer } from './peer.js';

interface Txml {
  parse(text: string): readonly unknown[];
}

const txml = loadPeer<Txml>('txml');

export const parse: Prepare<string> = (docs) => ({
  run() {
    let nodes = 0;
    for (const doc of docs) nodes += txml.parse(doc).length;
    return nodes;
  },
  check() {
    const empty = docs.findIndex((doc) => txml.parse(doc).length === 0);
    return empty < 0 ? undefined : `document ${empty + 1} gave no nodes`;
  },
});
