/**
 * Call-IDs, branches, tags and session ids come from a random source the caller passes in, so a
 * test can fix every byte of a request while production code uses the operating system's CSPRNG.
 * RFC 3261 section 8.1.1.4 and 19.3 ask for cryptographically random Call-IDs and tags.
 */
import { randomBytes } from 'node:crypto';

/** Returns `byteCount` random bytes. */
export type RandomSource = (byteCount: number) => Uint8Array;

/** The production source: node:crypto. */
export const cryptoRandom: RandomSource = (byteCount) => new Uint8Array(randomBytes(byteCount));

/**
 * A deterministic source for tests: a xorshift32 stream from `seed`. Never use it on a network:
 * its output is predictable by design.
 */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0 || 0x9e3779b9;
  return (byteCount) => {
    const out = new Uint8Array(byteCount);
    for (let i = 0; i < byteCount; i++) {
      state ^= state << 13;
      state >>>= 0;
      state ^= state >>> 17;
      state ^= state << 5;
      state >>>= 0;
      out[i] = state & 0xff;
    }
    return out;
  };
}

export function randomHex(random: RandomSource, byteCount: number): string {
  const bytes = random(byteCount);
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** The magic cookie of RFC 3261 section 8.1.1.7 marks a branch as RFC 3261 compliant. */
export function newBranch(random: RandomSource): string {
  return `z9hG4bK${randomHex(random, 8)}`;
}

export function newTag(random: RandomSource): string {
  return randomHex(random, 6);
}

export function newCallId(random: RandomSource): string {
  return randomHex(random, 16);
}
