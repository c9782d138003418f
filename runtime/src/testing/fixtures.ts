/**
 * Fixture files for people who test other implementations (an RCS client, a server) with
 * files: N valid documents and M invalid ones, each invalid one with exactly one fault, named
 * after it, and a manifest saying what each file is and which code evfw reports for it. The
 * same seed gives the same files. The files are returned, not written: the caller (`evfw
 * fixture`) puts them on disk, so this module stays free of Node APIs.
 */
import fc from 'fast-check';
import type { DiagnosticCode } from '../diagnostics.js';
import { parseDocument, serializeDocument } from '../document.js';
import type { SchemaRegistry } from '../schema/registry.js';
import { documentArbitrary } from './arbitrary.js';
import type { GenerateOptions } from './draw.js';
import { FAULT_KINDS, mutate, mutationSites, type FaultKind } from './mutate.js';

export interface FixtureOptions extends GenerateOptions {
  readonly registry: SchemaRegistry;
  /** The global element every document starts with: `{namespace}name`. */
  readonly root: string;
  readonly valid: number;
  readonly invalid: number;
  readonly seed: number;
  /** The fault kinds to cycle through; default all. */
  readonly faults?: readonly FaultKind[];
  /** Indentation of the written documents; default 2. */
  readonly indent?: number;
}

export interface InvalidFixture {
  readonly file: string;
  readonly fault: FaultKind;
  readonly code: DiagnosticCode;
  readonly description: string;
  readonly path: string;
}

export interface FixtureReport {
  /** Relative path (`valid/1.xml`, `invalid/unknown-element-1.xml`, `manifest.json`) -> text. */
  readonly files: ReadonlyMap<string, string>;
  readonly valid: readonly string[];
  readonly invalid: readonly InvalidFixture[];
  /** Fault kinds with no place in any of the documents drawn (the schema offers them none). */
  readonly inapplicable: readonly FaultKind[];
}

/** Documents drawn per invalid file wanted before giving up on the kinds that remain. */
const ATTEMPTS_PER_FILE = 8;

export function fixtureFiles(options: FixtureOptions): FixtureReport {
  const { registry, root, seed } = options;
  const indent = options.indent ?? 2;
  const arbitrary = documentArbitrary(registry, root, options);
  const files = new Map<string, string>();

  const valid: string[] = [];
  const values = options.valid > 0 ? fc.sample(arbitrary, { seed, numRuns: options.valid }) : [];
  for (const [i, value] of values.entries()) {
    const text = serializeDocument(registry, root, value, { indent });
    if (!parseDocument(registry, root, text).ok) throw new Error(`evfw: generated valid document ${i + 1} does not validate; this is a bug in evfw`);
    const file = `valid/${i + 1}.xml`;
    files.set(file, text);
    valid.push(file);
  }

  const kinds = options.faults ?? FAULT_KINDS;
  const invalid: InvalidFixture[] = [];
  const applied = new Set<FaultKind>();
  const perKind = new Map<FaultKind, number>();
  const random = mulberry32(seed);
  let next = 0;
  const documents = options.invalid > 0 ? fc.sample(arbitrary, { seed: seed + 1, numRuns: options.invalid * ATTEMPTS_PER_FILE }) : [];
  for (const value of documents) {
    if (invalid.length >= options.invalid) break;
    // Each document gives one mutant: the next kind in turn that applies to it.
    for (let attempt = 0; attempt < kinds.length; attempt++) {
      const kind = kinds[(next + attempt) % kinds.length]!;
      const mutant = mutate(registry, root, value, kind, { choose: (n) => Math.floor(random() * n), indent });
      if (!mutant) continue;
      const first = parseDocument(registry, root, mutant.text).diagnostics.find((d) => d.severity === 'error');
      if (first?.code !== mutant.code) throw new Error(`evfw: a "${kind}" mutant is reported as ${first?.code ?? 'valid'}, not ${mutant.code}; this is a bug in evfw`);
      const n = (perKind.get(kind) ?? 0) + 1;
      perKind.set(kind, n);
      applied.add(kind);
      const file = `invalid/${kind}-${n}.xml`;
      files.set(file, mutant.text);
      invalid.push({ file, fault: kind, code: mutant.code, description: mutant.description, path: mutant.path });
      next = (next + attempt + 1) % kinds.length;
      break;
    }
  }
  // A kind with no file may just not have had its turn: it is inapplicable only if no document has a place for it.
  const inapplicable = kinds.filter((k) => !applied.has(k) && documents.every((value) => mutationSites(registry, root, value, k).length === 0));
  const manifest = {
    root,
    seed,
    note: 'Each invalid file has exactly one fault, named in its file name; "code" is the diagnostic evfw reports first for it.',
    valid,
    invalid,
    inapplicable,
  };
  files.set('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  return { files, valid, invalid, inapplicable };
}

/** A small seeded generator, so the sites a fixture run picks depend on its seed only. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    let t = (state += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
