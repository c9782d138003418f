/**
 * Issue 17, item 4: occurrence counts checked exactly, with counters instead of unrolled states.
 * Ours is parseDocument (the fast path, then the full path where it gives up) on a registry
 * built from an inline schema; the peer is libxml2 validating the same document against the
 * same schema.
 *
 * On three nested maxOccurs="250" libxml2 gives the wrong verdict: the 10,000 children fit
 * (250^3 are allowed) but its counters cannot tell which iteration a child starts, and it
 * reports "This element is not expected". The outcome column shows it. On the single exact
 * count of 100,000 both must say valid.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIr, schemaDescriptors } from '@evfw/generator';
import { parseDocument, SchemaRegistry } from '@evfw/runtime';
import type { HostileCase, HostileRun } from './hostile-case.js';
import { libxml2Run } from './libxml2-run.js';

const schema = (content: string) =>
  `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t" elementFormDefault="qualified">` +
  `<xs:element name="doc"><xs:complexType>${content}</xs:complexType></xs:element></xs:schema>`;

interface Workload {
  readonly id: string;
  readonly label: string;
  readonly budgetMs: number;
  readonly content: string;
  readonly document: () => string;
}

const WORKLOADS: readonly Workload[] = [
  {
    id: 'counts-nested-250-cubed',
    label: 'three nested maxOccurs="250" (a sequence in a sequence around an element), 10,000 children: valid',
    budgetMs: 2_000,
    content: '<xs:sequence maxOccurs="250"><xs:sequence maxOccurs="250"><xs:element name="a" maxOccurs="250"/></xs:sequence></xs:sequence>',
    document: () => `<doc xmlns="urn:t">${'<a/>'.repeat(10_000)}</doc>`,
  },
  {
    id: 'counts-exact-100000',
    label: 'minOccurs = maxOccurs = 100,000 on one element, 100,000 children: valid',
    budgetMs: 2_000,
    content: '<xs:sequence><xs:element name="a" minOccurs="100000" maxOccurs="100000"/></xs:sequence>',
    document: () => `<doc xmlns="urn:t">${'<a/>'.repeat(100_000)}</doc>`,
  },
];

/** Descriptors from the schema text, through the generator, as `evfw validate --schema` builds them. */
function registryOf(content: string): SchemaRegistry {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'evfw-bench-counts-'));
  try {
    const file = path.join(dir, 'counts.xsd');
    writeFileSync(file, schema(content));
    return new SchemaRegistry(schemaDescriptors(buildIr([file], { rootDir: dir })));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function ours(w: Workload): HostileRun {
  const registry = registryOf(w.content);
  const text = w.document();
  return {
    run: () => {
      const result = parseDocument(registry, undefined, text);
      return result.ok ? 'valid' : `invalid ${result.diagnostics[0]?.code ?? ''}`.trim();
    },
  };
}

function libxml2(w: Workload): HostileRun {
  return libxml2Run(schema(w.content), w.document());
}

export const CASES: readonly HostileCase[] = WORKLOADS.map((w) => ({
  id: w.id,
  label: w.label,
  budgetMs: w.budgetMs,
  prepare: () => ours(w),
  peers: [{ name: 'libxml2', prepare: () => libxml2(w) }],
}));
