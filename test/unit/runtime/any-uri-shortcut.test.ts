/**
 * xs:anyURI's shortcut (PLAIN_REFERENCE) must accept only what the full check accepts: every
 * string of up to four characters over the characters the shortcut allows, plus a sample of
 * longer ones, is tried both ways. The full check itself is compared with libxml2 in
 * test/differential/datatypes-vs-libxml2.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { PLAIN_REFERENCE, parsesAsUriReference } from '../../../runtime/src/datatypes/any-uri.js';
import { Prng } from '../../support/prng.js';

const ALPHABET = [...'aZ9-._~!$&()*+,;=:@/'];

function* strings(length: number, prefix = ''): Generator<string> {
  if (length === 0) {
    yield prefix;
    return;
  }
  for (const c of ALPHABET) yield* strings(length - 1, prefix + c);
}

describe('the anyURI shortcut', () => {
  it('accepts nothing the full check refuses, for every string of up to four characters', () => {
    let shortcut = 0;
    for (let length = 0; length <= 4; length++) {
      for (const s of strings(length)) {
        if (!PLAIN_REFERENCE.test(s)) continue;
        shortcut++;
        if (!parsesAsUriReference(s)) expect.fail(`the shortcut accepts ${JSON.stringify(s)}, the full check does not`);
      }
    }
    // The shortcut must take most strings, or it buys nothing.
    expect(shortcut).toBeGreaterThan(100_000);
  });

  it('accepts nothing the full check refuses, for 20,000 longer strings', () => {
    const prng = new Prng(7);
    for (let n = 0; n < 20_000; n++) {
      const s = Array.from({ length: 5 + prng.int(30) }, () => prng.pick(ALPHABET)).join('');
      if (PLAIN_REFERENCE.test(s) && !parsesAsUriReference(s)) expect.fail(`the shortcut accepts ${JSON.stringify(s)}, the full check does not`);
    }
  });

  it('takes the values event reports carry', () => {
    for (const value of ['Default/conv1/', 'tel:+33612345678', 'sip:+1555@ims.example.org', '/a/b', '']) {
      expect(PLAIN_REFERENCE.test(value), value).toBe(true);
    }
    // What it leaves to the full check: an authority, escapes, queries, a colon in a first segment.
    for (const value of ['//host/a', 'a%20b', 'a?q', 'a#f', 'a:b:c/d'.replace('a:', '1a:')]) {
      expect(PLAIN_REFERENCE.test(value), value).toBe(false);
    }
  });
});
