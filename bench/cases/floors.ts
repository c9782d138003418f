/**
 * The floors, what no XML validator can beat: one pass over the bytes counting '<', and
 * JSON.parse of the same information as JSON (JSON.stringify of our typed object).
 */
import type { Prepare } from './case.js';

const LESS_THAN = 0x3c;

function countTags(bytes: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === LESS_THAN) count++;
  return count;
}

export const byteScan: Prepare<Uint8Array> = (docs) => ({
  run() {
    let tags = 0;
    for (const doc of docs) tags += countTags(doc);
    return tags;
  },
  check() {
    const empty = docs.findIndex((doc) => countTags(doc) === 0);
    return empty < 0 ? undefined : `document ${empty + 1} has no '<'`;
  },
});

export const jsonParse: Prepare<string> = (docs) => ({
  run() {
    let events = 0;
    for (const doc of docs) events += (JSON.parse(doc) as { events: unknown[] }).events.length;
    return events;
  },
  check() {
    const empty = docs.findIndex((doc) => (JSON.parse(doc) as { events: unknown[] }).events.length === 0);
    return empty < 0 ? undefined : `document ${empty + 1} has no events`;
  },
});
