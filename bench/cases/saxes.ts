/** saxes, the namespace-aware SAX parser our reader is built on: parse only, counting elements. */
import type { Prepare } from './case.js';
import { loadPeer } from './peer.js';

interface SaxesParser {
  on(event: 'opentag', handler: () => void): void;
  write(chunk: string): SaxesParser;
  close(): SaxesParser;
}
interface Saxes {
  SaxesParser: new (options: { xmlns: boolean }) => SaxesParser;
}

const { SaxesParser } = loadPeer<Saxes>('saxes');

function elements(text: string): number {
  let count = 0;
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', () => count++);
  parser.write(text).close();
  return count;
}

export const parse: Prepare<string> = (docs) => ({
  run() {
    let count = 0;
    for (const doc of docs) count += elements(doc);
    return count;
  },
  check() {
    for (const [i, doc] of docs.entries()) {
      try {
        if (elements(doc) === 0) return `document ${i + 1} gave no elements`;
      } catch (error) {
        return `document ${i + 1}: ${(error as Error).message}`;
      }
    }
    return undefined;
  },
});
