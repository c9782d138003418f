/**
 * Seeded byte-level damage to a document: bytes flipped, cut or duplicated, and markup spliced
 * in. The never-throws property and the fast-path comparison both read thousands of these.
 */
import type { Prng } from './prng.js';

const SPLICES = ['<', '>', '&', '&amp;', '&#0;', '"', "'", '</operation>', '<object/>', '<!DOCTYPE x>', ']]>', '<![CDATA[', 'xmlns:a="', '\u201c', '\u0000', '\uFFFF', '{', ' flag="\\Seen"', '<x:y>'];

export function mutateBytes(bytes: Uint8Array, prng: Prng): Uint8Array {
  const out = [...bytes];
  const edits = 1 + prng.int(4);
  for (let i = 0; i < edits; i++) {
    const at = prng.int(out.length + 1);
    switch (prng.int(4)) {
      case 0:
        out[at] = prng.int(256);
        break;
      case 1:
        out.splice(at, prng.int(20));
        break;
      case 2:
        out.splice(at, 0, ...new TextEncoder().encode(prng.pick(SPLICES)));
        break;
      default:
        out.splice(at, 0, ...out.slice(at, at + prng.int(40)));
    }
  }
  return new Uint8Array(out);
}
