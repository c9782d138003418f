/**
 * No input crashes the parser: thousands of seeded mutations of the valid samples (bytes
 * flipped, cut, duplicated, markup spliced in) each give a result, never an exception, and
 * every diagnostic is well-formed: a known code, a position inside the document, a short message.
 */
import { describe, expect, it } from 'vitest';
import { registry } from '../../generated/src/registry.js';
import { DIAGNOSTIC_CODES, parseDocument } from '../../runtime/src/index.js';
import { sampleDocuments } from '../support/documents.js';
import { mutateBytes as mutate } from '../support/byte-mutants.js';
import { Prng } from '../support/prng.js';

describe('parse never throws, and its diagnostics are well-formed', () => {
  const samples = sampleDocuments('valid');
  it.each([1, 2, 3, 4])('seed %i: 500 mutated documents', (seed) => {
    const prng = new Prng(seed);
    let invalid = 0;
    for (let n = 0; n < 500; n++) {
      const doc = mutate(prng.pick(samples).bytes, prng);
      const lines = new TextDecoder().decode(doc).split('\n').length;
      const result = parseDocument(registry, undefined, doc);
      if (!result.ok) invalid++;
      for (const d of result.diagnostics) {
        expect(Object.hasOwn(DIAGNOSTIC_CODES, d.code), d.code).toBe(true);
        expect(d.line).toBeGreaterThanOrEqual(0);
        expect(d.line).toBeLessThanOrEqual(lines + 1);
        expect(d.message.length).toBeLessThan(400);
      }
    }
    // The mutations must actually break documents, or this test proves nothing.
    expect(invalid).toBeGreaterThan(100);
  });
});

describe('messages stay short when the document is huge', () => {
  const long = 'x'.repeat(100_000);
  const cases: [string, string][] = [
    ['a long unknown root name', `<${long}/>`],
    ['a long unknown child name', `<cpm-evfw xmlns="urn:oma:xml:cpm:evfw"><${long}/></cpm-evfw>`],
    ['a long unknown attribute name', `<cpm-evfw xmlns="urn:oma:xml:cpm:evfw" ${long}="1"><event-cpm-imap type="flags" index="1"><operation name="add" flags="\\Seen"><object/></operation></event-cpm-imap></cpm-evfw>`],
    ['a long bad value', `<cpm-evfw xmlns="urn:oma:xml:cpm:evfw"><event-cpm-imap type="${long}" index="1"><operation name="add" flags="\\Seen"><object/></operation></event-cpm-imap></cpm-evfw>`],
    ['a long namespace', `<cpm-evfw xmlns="urn:${long}"/>`],
  ];
  it.each(cases)('%s', (_name, text) => {
    const result = parseDocument(registry, undefined, text);
    expect(result.ok).toBe(false);
    for (const d of result.diagnostics) {
      expect(d.message.length + (d.hint?.length ?? 0) + d.path.length, JSON.stringify(d).slice(0, 300)).toBeLessThan(600);
    }
  });
});
