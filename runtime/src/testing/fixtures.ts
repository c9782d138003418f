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
import type { Profile, RuleCode } from '../rules/rule-descriptor.js';
import type { SchemaRegistry } from '../schema/registry.js';
import { documentArbitrary } from './arbitrary.js';
import type { GenerateOptions } from './draw.js';
import { faultKindsFor, mutate, placeableKinds, type FaultKind } from './mutate.js';

export interface FixtureOptions extends GenerateOptions {
  readonly registry: SchemaRegistry;
  /** The global element every document starts with: `{namespace}name`. */
  readonly root: string;
  readonly valid: number;
  readonly invalid: number;
  readonly seed: number;
  /**
   * The fault kinds to cycle through; default every kind the profile offers (the schema's, and
   * in `spec` and `invite` the rule kinds of the rules they apply: see faultKindsFor).
   */
  readonly faults?: readonly FaultKind[];
  /** Indentation of the written documents; default 2. */
  readonly indent?: number;
}

export interface InvalidFixture {
  readonly file: string;
  readonly fault: FaultKind;
  /** The first error evfw reports for the file, validated in the report's profile. */
  readonly code: DiagnosticCode | RuleCode;
  readonly description: string;
  readonly path: string;
}

export interface FixtureReport {
  /** Relative path (`valid/1.xml`, `invalid/unknown-element-1.xml`, `manifest.json`) -> text. */
  readonly files: ReadonlyMap<string, string>;
  /** The profile every file was made and checked for. */
  readonly profile: Profile;
  readonly valid: readonly string[];
  readonly invalid: readonly InvalidFixture[];
  /** Fault kinds asked for that none of the documents drawn has a place for (the schema, or the profile, offers them none). */
  readonly inapplicable: readonly FaultKind[];
  /** Fault kinds the profile offers that were not asked for: left out of `faults`, or all of them when no invalid file was asked for. */
  readonly notAsked: readonly FaultKind[];
}

/** Rounds of documents drawn before giving up on the kinds that remain, and the fewest documents a round draws. */
const MAX_ROUNDS = 8;
const MIN_ROUND = 20;

export function fixtureFiles(options: FixtureOptions): FixtureReport {
  const { registry, root, seed } = options;
  const profile = options.profile ?? 'xsd';
  const indent = options.indent ?? 2;
  const arbitrary = documentArbitrary(registry, root, options);
  const files = new Map<string, string>();

  const valid: string[] = [];
  const values = options.valid > 0 ? fc.sample(arbitrary, { seed, numRuns: options.valid }) : [];
  for (const [i, value] of values.entries()) {
    const text = serializeDocument(registry, root, value, { indent });
    // Valid means no diagnostic at all in the profile: no error, and no warning either.
    const reported = parseDocument(registry, root, text, { profile }).diagnostics[0];
    if (reported) throw new Error(`evfw: generated valid document ${i + 1} is reported in the ${profile} profile (${reported.code}: ${reported.message}); this is a bug in evfw`);
    const file = `valid/${i + 1}.xml`;
    files.set(file, text);
    valid.push(file);
  }

  const offered = faultKindsFor(registry, profile);
  const kinds = options.invalid > 0 ? (options.faults ?? offered) : [];
  const notAsked = offered.filter((k) => !kinds.includes(k));
  const invalid: InvalidFixture[] = [];
  const applied = new Set<FaultKind>();
  const perKind = new Map<FaultKind, number>();
  const random = mulberry32(seed);
  const examined: unknown[] = [];
  let next = 0;
  // Documents are drawn a round at a time, as many as invalid files are still wanted: most give
  // one each, so one round usually does. A round that gives none ends the search.
  for (let round = 0; kinds.length > 0 && round < MAX_ROUNDS && invalid.length < options.invalid; round++) {
    const before = invalid.length;
    const documents = fc.sample(arbitrary, { seed: roundSeed(seed, round), numRuns: Math.max(options.invalid - invalid.length, MIN_ROUND) });
    for (const value of documents) {
      if (invalid.length >= options.invalid) break;
      examined.push(value);
      // Each document gives one mutant: the next kind in turn that applies to it.
      for (let attempt = 0; attempt < kinds.length; attempt++) {
        const kind = kinds[(next + attempt) % kinds.length]!;
        const mutant = mutate(registry, root, value, kind, { choose: (n) => Math.floor(random() * n), indent, profile });
        if (!mutant) continue;
        // The first error is all that is checked, so validation may stop there.
        const first = parseDocument(registry, root, mutant.text, { profile, limits: { maxErrors: 1 } }).diagnostics.find((d) => d.severity === 'error');
        if (first?.code !== mutant.code) throw new Error(`evfw: a "${kind}" mutant is reported as ${first?.code ?? 'valid'}, not ${mutant.code}, in the ${profile} profile; this is a bug in evfw`);
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
    if (invalid.length === before) break;
  }
  // A kind with no file may just not have had its turn: it is inapplicable only if no document has a place for it.
  let unmade = kinds.filter((k) => !applied.has(k));
  for (const value of examined) {
    if (unmade.length === 0) break;
    const placeable = placeableKinds(registry, root, value, unmade, { profile });
    unmade = unmade.filter((k) => !placeable.includes(k));
  }
  const inapplicable = unmade;
  const manifest = {
    root,
    seed,
    profile,
    note: `Each invalid file has exactly one fault, named in its file name; "code" is the diagnostic evfw reports first for it, validated in the ${profile} profile (evfw validate --profile ${profile}). Valid files have no error and no warning in that profile.`,
    valid,
    invalid,
    inapplicable,
    notAsked,
  };
  files.set('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  return { files, profile, valid, invalid, inapplicable, notAsked };
}

/** The seed of a round of invalid documents: the first is `seed + 1`, as it always was. */
function roundSeed(seed: number, round: number): number {
  return (seed + 1 + round * 0x9e3779b1) | 0;
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
