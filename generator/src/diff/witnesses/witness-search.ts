/**
 * The search for one witness in one direction: documents drawn by the fixture tools'
 * documentArbitrary until one is valid under one version and refused by the other where the
 * change shows (witness-proof.ts).
 *
 * Two streams of documents, in rounds that start small and grow:
 * - drawn from the version the witness must be valid under, each a witness when the other
 *   version refuses it at the change;
 * - drawn from the other version. A new version often holds several changes, and a document
 *   drawn from the old one is then mostly refused first for another; one drawn from the new
 *   version obeys the new rules everywhere else.
 * Documents both versions accept, from either stream, are edited at the change's place into
 * witnesses: one fault of the fixture tools' mutants, a repetition (witness-mutants.ts), or a
 * graft of the part around the change from a drawn document refused elsewhere first
 * (witness-grafts.ts).
 *
 * Small documents come first: most changes show in a document that holds the changed element
 * once and little else, and they are cheap. Cardinality changes need many occurrences, so
 * their rounds raise maxOccurs. Every draw is seeded from the caller's seed and the change, so
 * the same inputs give the same witness whatever other changes are searched.
 */
import fc from 'fast-check';
import { parseDocument, serializeDocument } from '@evfw/runtime';
import { documentArbitrary, GenerationError, type GenerateOptions } from '@evfw/runtime/testing';
import type { SchemaChange, Witness } from '../schema-change.js';
import { elementDepth } from './witness-attribution.js';
import { Grafts } from './witness-grafts.js';
import { canMutate, mutantWitness } from './witness-mutants.js';
import { proveWitness, type Search, type Version } from './witness-proof.js';
import { witnessRoots, type WitnessRoot } from './witness-roots.js';

export type { Search, Version } from './witness-proof.js';

export type SearchOutcome = { readonly witness: Witness; readonly tries: number } | { readonly witness?: undefined; readonly tries: number; readonly reason: string };

interface Round {
  /** The part of the budget this round draws. */
  readonly share: number;
  readonly sizes: (root: WitnessRoot) => GenerateOptions;
}

/** Where a stream draws from, and what it does with each document. */
interface Stream {
  readonly version: Version;
  readonly roots: readonly WitnessRoot[];
  readonly share: number;
  /** As many as every other stream's: round r of each is drawn before round r + 1 of any. */
  readonly rounds: readonly Round[];
  readonly attempt: (root: string, value: unknown) => Witness | undefined;
}

const INDENT = 2;

/** Rounds of growing sizes; each stream has this many. */
const ROUNDS = 3;

/** Documents drawn by one fast-check run before the next stream or root takes its turn. */
const CHUNK = 10;

/** Documents both versions accept that are edited into witnesses, at most, per search: each costs several parses. */
const EDITED_DOCUMENTS = 60;

export function searchWitness(search: Search): SearchOutcome {
  const { change, from } = search;
  const streams = streamsFor(search);
  if (streams.every((s) => s.roots.length === 0)) return { tries: 0, reason: `no global element of the ${from.name} version leads to ${change.paths.join(', ')}` };
  let tries = 0;
  let generationFailure: string | undefined;
  for (let r = 0; r < ROUNDS; r++) {
    // Each stream and root draws its share of the round in chunks, taking turns, so that the
    // stream that suits the change finds its witness before the others spend their share.
    const left = quotas(streams, r, search.budget);
    for (let chunk = 0; [...left.values()].some((n) => n > 0); chunk++) {
      for (const stream of streams) {
        for (const root of stream.roots) {
          const key = `${stream.version.name} ${root.key}`;
          const runs = Math.min(CHUNK, left.get(key)!, search.budget - tries);
          if (runs <= 0) continue;
          left.set(key, left.get(key)! - runs);
          const seed = seedOf(search.seed, change.kind, change.namespace, change.subject, from.name, key, String(r), String(chunk));
          try {
            const drawn = draw(stream, root.key, stream.rounds[r]!.sizes(root), seed, runs);
            tries += drawn.tries;
            if (drawn.witness) return { witness: drawn.witness, tries };
          } catch (error) {
            // A root that cannot be filled (a required strict wildcard no schema serves) is no place to look.
            if (!(error instanceof GenerationError)) throw error;
            generationFailure ??= error.message.replace(/^evfw: /, '');
            left.set(key, 0);
          }
        }
      }
      if (tries >= search.budget) break;
    }
  }
  if (tries === 0 && generationFailure) return { tries, reason: `no valid document of the ${from.name} version can be generated: ${generationFailure}` };
  return { tries, reason: `no document found in ${tries} tries` };
}

/** Documents each stream draws from each of its roots in round `r`, by `stream root` key. */
function quotas(streams: readonly Stream[], r: number, budget: number): Map<string, number> {
  const left = new Map<string, number>();
  for (const stream of streams) {
    const quota = Math.max(1, Math.floor((budget * stream.share * stream.rounds[r]!.share) / Math.max(1, stream.roots.length)));
    for (const root of stream.roots) left.set(`${stream.version.name} ${root.key}`, quota);
  }
  return left;
}

function streamsFor(search: Search): Stream[] {
  const { change, from, against } = search;
  const grafts = new Grafts(search, INDENT);
  let edits = EDITED_DOCUMENTS;
  const mutable = canMutate(change.kind);
  /** A document both versions accept, made a witness by a fault, a repetition or a graft at the change. */
  const edited = (root: string, value: unknown, document: string) => {
    // Counted only when there is something to try: grafts wait for a donor.
    if (edits <= 0 || (!mutable && !grafts.has(root))) return undefined;
    edits--;
    return (mutable ? mutantWitness(search, root, value, document, INDENT) : undefined) ?? grafts.witness(root, document);
  };
  /** A stream over `version`'s roots of the change; each attempt gets the drawn value written as a document. */
  const stream = (version: Version, share: number, rounds: readonly Round[], attempt: (root: string, value: unknown, document: string) => Witness | undefined): Stream => ({
    version,
    roots: witnessRoots(version.registry, change.namespace, change.paths),
    share,
    rounds,
    attempt: (root, value) => attempt(root, value, serializeDocument(version.registry, root, value, { indent: INDENT })),
  });
  const drawn = stream(from, 0.6, roundsFor(change), (root, _value, document) => {
    const other = parseDocument(against.registry, undefined, document);
    if (other.ok) return edited(root, other.value, document);
    const witness = proveWitness(search, root, document, other.diagnostics);
    // Refused for something else first: the part around the change may still serve as a graft.
    if (!witness) grafts.offer(root, document);
    return witness;
  });
  // Small documents: the fewer elements, the likelier both versions accept one.
  const common = stream(against, 0.4, generalRounds(change), (root, value, document) =>
    parseDocument(from.registry, undefined, document).ok ? edited(root, value, document) : undefined,
  );
  return [drawn, common];
}

/**
 * One arbitrary, `runs` documents, stopping at the first witness (no shrinking: a smaller
 * witness is not worth the time, and the rounds start small anyway).
 */
function draw(stream: Stream, root: string, sizes: GenerateOptions, seed: number, runs: number): { witness?: Witness; tries: number } {
  const arbitrary = documentArbitrary<unknown>(stream.version.registry, root, sizes);
  let tries = 0;
  let witness: Witness | undefined;
  const details = fc.check(
    fc.property(arbitrary, (value) => {
      tries++;
      witness = stream.attempt(root, value);
      return witness === undefined;
    }),
    { seed, numRuns: runs, endOnFailure: true },
  );
  // fast-check counts an exception as a failed run: it is ours to report, not a witness.
  if (details.failed && !witness) throw details.errorInstance ?? new Error('evfw: the witness search stopped without a witness; this is a bug in evfw');
  return witness ? { witness, tries } : { tries };
}

// ---- Sizes -------------------------------------------------------------------------------------

/** Elements a cardinality round may multiply up to, over the levels down to the changed element. */
const CARDINALITY_ELEMENTS = 400;

/** The shallowest and deepest element levels of the change's paths. */
function levelsOf(change: SchemaChange): { shallow: number; deep: number } {
  const depths = change.paths.map(elementDepth);
  return { shallow: Math.max(1, Math.min(...depths)), deep: Math.max(1, ...depths) };
}

function roundsFor(change: SchemaChange): Round[] {
  const { shallow } = levelsOf(change);
  if (change.kind === 'cardinality-widened' || change.kind === 'cardinality-narrowed') {
    // Elements past maxDepth get their minimal content, which a new version's other changes
    // (an attribute made required) often refuse: the first round goes one level further.
    const levels = (root: WitnessRoot) => shallow + root.offset;
    const most = (root: WitnessRoot) => Math.max(3, Math.floor(CARDINALITY_ELEMENTS ** (1 / levels(root))) - 1);
    return [
      { share: 0.4, sizes: (root) => ({ maxOccurs: 2, maxDepth: levels(root) + 1, extensions: needsExtensions(change, root) }) },
      { share: 0.3, sizes: (root) => ({ maxOccurs: Math.min(8, most(root)), maxDepth: levels(root) }) },
      { share: 0.3, sizes: (root) => ({ maxOccurs: Math.min(24, most(root)), maxDepth: levels(root) }) },
    ];
  }
  return generalRounds(change);
}

/** Growing from one occurrence of everything, one level below the change, to the generator's defaults. */
function generalRounds(change: SchemaChange): Round[] {
  const { shallow, deep } = levelsOf(change);
  return [
    { share: 0.5, sizes: (root) => ({ maxOccurs: 1, maxDepth: shallow + root.offset + 1, extensions: needsExtensions(change, root) }) },
    { share: 0.3, sizes: (root) => ({ maxOccurs: 2, maxDepth: deep + root.offset + 1 }) },
    { share: 0.2, sizes: (root) => ({ maxOccurs: 3, maxDepth: deep + root.offset + 2 }) },
  ];
}

/**
 * Whether the first round fills optional wildcards: only where the change may sit in wildcard
 * content. Without it, witnesses are smaller and read without foreign elements in the way.
 */
function needsExtensions(change: SchemaChange, root: WitnessRoot): boolean {
  return root.offset > 0 || change.kind.startsWith('wildcard-');
}

/** A 31-bit seed from the caller's and the strings that name one draw (FNV-1a). */
function seedOf(seed: number, ...parts: string[]): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (const char of parts.join('\u0000')) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash & 0x7fffffff;
}
