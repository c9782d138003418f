/**
 * Occurrence counts against libxml2, at the boundaries: for each n, documents with n-1, n and
 * n+1 occurrences, single (an element counted) and nested (a counted group around counted
 * elements), validated by evfw's fast path, its full path and libxml2, which must all agree.
 * libxml2 is right on these, unambiguous, models; on ambiguous nested counts it is not (see
 * test/hostile/schemas/counts.test.ts and bench/hostile/counts.ts).
 *
 * The fast path only ever claims valid documents, so it must claim exactly those libxml2 finds
 * valid: a fast path that gave up on everything would fail here.
 */
import { describe, expect, it } from 'vitest';
import { parseFullPath } from '../../runtime/src/document.js';
import { resolveLimits } from '../../runtime/src/limits.js';
import { validateFast } from '../../runtime/src/validate/fast-validator.js';
import { Libxml2Oracle } from '../support/libxml2-oracle.js';
import { countsSchemaFile } from '../support/counts-schema.js';
import { schemaDescriptorsFor } from '../support/schema-sets.js';

const COUNTS = [1, 2, 255, 256, 257, 1000, 100_000];
/** Documents of 100,000 items and more take a second each across the three validators: the big count goes to one single and one nested shape. */
const BIG = 100_000;
const limits = resolveLimits({});

interface Shape {
  readonly name: string;
  /** Whether the shape is also run at n = BIG. */
  readonly big?: boolean;
  /** The content of <doc>'s complex type for a count n. */
  schema(n: number): string;
  /** Documents around the boundaries of n, each labelled. */
  documents(n: number): { label: string; children: string }[];
}

const items = (element: string, k: number) => `<${element}/>`.repeat(k);
const around = (n: number) => [n - 1, n, n + 1].filter((k) => k >= 0);

const SHAPES: readonly Shape[] = [
  {
    name: 'an element with minOccurs = maxOccurs = n',
    big: true,
    schema: (n) => `<xs:sequence><xs:element name="a" minOccurs="${n}" maxOccurs="${n}"/></xs:sequence>`,
    documents: (n) => around(n).map((k) => ({ label: `${k} a`, children: items('a', k) })),
  },
  {
    name: 'an element with minOccurs = 0, maxOccurs = n, then a marker',
    schema: (n) => `<xs:sequence><xs:element name="a" minOccurs="0" maxOccurs="${n}"/><xs:element name="m"/></xs:sequence>`,
    documents: (n) => around(n).map((k) => ({ label: `${k} a`, children: `${items('a', k)}<m/>` })),
  },
  {
    name: 'an element with minOccurs = n, maxOccurs unbounded',
    schema: (n) => `<xs:sequence><xs:element name="a" minOccurs="${n}" maxOccurs="unbounded"/></xs:sequence>`,
    documents: (n) => around(n).map((k) => ({ label: `${k} a`, children: items('a', k) })),
  },
  {
    name: 'an element with minOccurs = ceil(n/2), maxOccurs = n',
    schema: (n) => `<xs:sequence><xs:element name="a" minOccurs="${Math.ceil(n / 2)}" maxOccurs="${n}"/></xs:sequence>`,
    documents: (n) => [...around(Math.ceil(n / 2)), ...around(n)].map((k) => ({ label: `${k} a`, children: items('a', k) })),
  },
  {
    name: 'a sequence repeated exactly n times around <a/> and exactly two <b/>',
    big: true,
    schema: (n) => `<xs:sequence minOccurs="${n}" maxOccurs="${n}"><xs:element name="a"/><xs:element name="b" minOccurs="2" maxOccurs="2"/></xs:sequence>`,
    documents: (n) => [
      ...around(n).map((k) => ({ label: `${k} groups`, children: '<a/><b/><b/>'.repeat(k) })),
      { label: `${n} groups, the last with three b`, children: '<a/><b/><b/>'.repeat(n - 1) + '<a/><b/><b/><b/>' },
    ],
  },
  {
    name: 'an element counted n times inside a sequence repeated 2 to 3 times, a marker between',
    schema: (n) => `<xs:sequence minOccurs="2" maxOccurs="3"><xs:element name="m"/><xs:element name="a" minOccurs="${n}" maxOccurs="${n}"/></xs:sequence>`,
    documents: (n) => [
      ...around(n).map((k) => ({ label: `2 groups, the second of ${k} a`, children: `<m/>${items('a', n)}<m/>${items('a', k)}` })),
      { label: `3 groups of ${n} a`, children: `<m/>${items('a', n)}`.repeat(3) },
      { label: `4 groups of ${n} a`, children: `<m/>${items('a', n)}`.repeat(4) },
    ],
  },
];

describe.each(SHAPES.map((s) => [s.name, s] as const))('%s: evfw and libxml2 agree', (_, shape) => {
  it.each(COUNTS.filter((n) => n < BIG || shape.big))('n = %i', (n) => {
    const { dir, file } = countsSchemaFile(shape.schema(n));
    const { registry, namespaces } = schemaDescriptorsFor([file], dir);
    const oracle = new Libxml2Oracle(namespaces);
    try {
      const verdicts: boolean[] = [];
      for (const { label, children } of shape.documents(n)) {
        const text = `<doc xmlns="urn:t">${children}</doc>`;
        const theirs = oracle.verdict(text);
        const full = parseFullPath(registry, undefined, text);
        const fast = validateFast(registry, undefined, text, limits, { compat: [], bind: false });
        const say = full.ok ? 'valid' : full.diagnostics[0]?.message;
        expect(full.ok, `${label}: evfw says ${say}; libxml2 says ${theirs ?? 'valid'}`).toBe(theirs === undefined);
        expect(fast !== undefined, `${label}: the fast path ${fast ? 'claims' : 'gives up on'} it; libxml2 says ${theirs ?? 'valid'}`).toBe(theirs === undefined);
        verdicts.push(full.ok);
      }
      // Each shape's documents straddle a boundary: some valid, some not.
      expect(verdicts).toContain(true);
      expect(verdicts).toContain(false);
    } finally {
      oracle.dispose();
    }
  });
});
