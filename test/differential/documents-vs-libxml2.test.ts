/**
 * The differential test: our validator and libxml2, the reference, must give the same verdict
 * (valid or not) on every sample under schemas/examples/ and on every corpus instance against
 * its folder's XSDs. A disagreement names the document and what each side said.
 *
 * Our side runs the generated package's own registry for the samples, and descriptors built
 * from the corpus XSDs for the corpus. Hostile documents are never given to libxml2: the
 * oracle refuses anything with a DOCTYPE without parsing it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { registry } from '../../generated/src/registry.js';
import { formatDiagnostic, parseDocument } from '../../runtime/src/index.js';
import { Libxml2Oracle } from '../support/libxml2-oracle.js';
import { corpusCases, sampleDocuments } from '../support/documents.js';
import { CORPUS_AVAILABLE, CORPUS_SKIP_REASON } from '../support/paths.js';
import type { SchemaRegistry } from '../../runtime/src/schema/registry.js';
import { LIBXML2_REFUSES, corpusOracle } from '../support/libxml2-quirks.js';
import { corpusMissing, testMissing } from '../support/requirements.js';

const decoder = new TextDecoder();

function ours(registry: SchemaRegistry, bytes: Uint8Array): string | undefined {
  const result = parseDocument(registry, undefined, bytes);
  if (result.ok) return undefined;
  const first = result.diagnostics.find((d) => d.severity === 'error') ?? result.diagnostics[0];
  return first ? formatDiagnostic(first) : 'invalid, without a diagnostic';
}

function agree(name: string, ourVerdict: string | undefined, theirs: string | undefined): void {
  const say = (v: string | undefined) => v ?? 'valid';
  expect(
    ourVerdict === undefined,
    `${name}: evfw says ${say(ourVerdict)}; libxml2 says ${say(theirs)}`,
  ).toBe(theirs === undefined);
}

describe('evfw and libxml2 agree on every sample document', () => {
  const oracle = new Libxml2Oracle();
  afterAll(() => oracle.dispose());
  it.each(sampleDocuments().map((d) => [d.name, d] as const))('%s', (name, doc) => {
    const theirs = oracle.verdict(decoder.decode(doc.bytes));
    agree(name, ours(registry, doc.bytes), theirs);
    expect(theirs === undefined, `${name} is filed under ${doc.expectValid ? 'valid' : 'invalid'}/`).toBe(doc.expectValid);
  });
});

describe(`evfw and libxml2 agree on the corpus instances${CORPUS_AVAILABLE ? '' : ` (${CORPUS_SKIP_REASON})`}`, () => {
  testMissing('the tests of the corpus', corpusMissing());
  for (const c of corpusCases()) {
    describe(c.set, () => {
      const { oracle, refusal } = corpusOracle(c);
      afterAll(() => oracle?.dispose());

      it(refusal ? 'libxml2 refuses the schema for the known reason' : 'libxml2 compiles the schema', () => {
        if (LIBXML2_REFUSES[c.set]) expect(refusal).toContain(LIBXML2_REFUSES[c.set]);
        else expect(refusal).toBeUndefined();
      });

      it.each(c.instances.map((i) => [i.name, i] as const))('%s', (name, instance) => {
        const theirs = oracle
          ? oracle.verdict(decoder.decode(instance.bytes))
          : name.endsWith('.malformed.xml') ? 'malformed, by its name' : undefined;
        agree(name, ours(c.registry, instance.bytes), theirs);
      });
    });
  }
});
