/**
 * Witnesses made from documents both versions accept, by one fault of the fixture tools'
 * mutants placed where the change shows. A new version usually holds several changes, and a
 * drawn document is then often refused first for another one: a document required to have
 * five operations, each of whose objects must now carry a uid, is rare among drawn ones. A
 * document valid under both versions is common, and one fault at the change's place turns it
 * into a witness when the version it was drawn from still accepts the fault (an element
 * repeated once more than the new maxOccurs, but within the old one). Cardinality changes
 * also get repetitions of the changed element (witness-repetitions.ts).
 */
import { FAULTS, mutate, mutationSites, type FaultKind } from '@evfw/runtime/testing';
import type { ChangeKind, Witness } from '../schema-change.js';
import { attributable, CARDINALITY_KINDS } from './witness-attribution.js';
import { proveWitness, type Search } from './witness-proof.js';
import { repeatedWitness } from './witness-repetitions.js';

// One occurrence fewer (a minOccurs raised); one more is made by repetition, below.
const CARDINALITY: readonly FaultKind[] = ['missing-required-element'];
const REQUIRED: readonly FaultKind[] = ['missing-required-element', 'missing-required-attribute'];
const FACETS: readonly FaultKind[] = ['attribute-facet-violated', 'value-facet-violated'];
const LEXICAL: readonly FaultKind[] = ['attribute-bad-lexical-form', 'value-bad-lexical-form', ...FACETS];

/**
 * The faults that can show each kind of change. Not listed: changes a fault cannot make, such
 * as a removed element or enumeration value (a mutant writes a made-up name or value, never
 * the one the old version had); drawn documents find those.
 */
const FAULTS_FOR: Partial<Record<ChangeKind, readonly FaultKind[]>> = {
  'element-added': ['missing-required-element'],
  'element-renamed': ['missing-required-element'],
  'attribute-added': ['missing-required-attribute'],
  'attribute-renamed': ['missing-required-attribute'],
  'made-required': REQUIRED,
  'made-optional': REQUIRED,
  'cardinality-widened': CARDINALITY,
  'cardinality-narrowed': CARDINALITY,
  'facet-tightened': FACETS,
  'facet-loosened': FACETS,
  'facet-changed': FACETS,
  'type-changed': LEXICAL,
};

/** Sites tried per fault kind and document: the first few where the change shows. */
const SITES_PER_KIND = 3;

/** Whether a fault or a repetition can show a change of `kind`. */
export function canMutate(kind: ChangeKind): boolean {
  return FAULTS_FOR[kind] !== undefined || CARDINALITY_KINDS.has(kind);
}

/**
 * A witness made from a document both versions accept: `value` is its model as the other
 * version reads it (the fault is one the other version must report), `document` its text.
 */
export function mutantWitness(search: Search, root: string, value: unknown, document: string, indent: number): Witness | undefined {
  const { change, against } = search;
  // Repetition first: it needs no count drawn exactly at the new bound, and costs a parse a copy.
  if (CARDINALITY_KINDS.has(change.kind)) {
    const repeated = repeatedWitness(search, root, document, indent);
    if (repeated) return repeated;
  }
  for (const kind of FAULTS_FOR[change.kind] ?? []) {
    const code = FAULTS.find((f) => f.kind === kind)!.code;
    const sites = mutationSites(against.registry, root, value, kind)
      .map((site, index) => ({ site, index }))
      .filter(({ site }) => attributable({ code, path: site.path }, change.kind, change.paths))
      .slice(0, SITES_PER_KIND);
    for (const { index } of sites) {
      const mutant = mutate(against.registry, root, value, kind, { choose: () => index, indent });
      const witness = mutant && proveWitness(search, root, mutant.text);
      if (witness) return witness;
    }
  }
  return undefined;
}
