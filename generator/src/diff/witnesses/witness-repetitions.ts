/**
 * Witnesses of cardinality changes made by repetition: an element of a document both versions
 * accept is written again right after itself, once, twice, ..., until the other version
 * refuses the count while the first still accepts it. The fixture tools' cardinality fault
 * adds exactly one occurrence, and only where that one is already too many, so a document
 * drawn with two operations says nothing about a maximum lowered from ten to six; drawing one
 * with seven or more that also obeys every other change of the new version is rare.
 */
import { parseDocument } from '@evfw/runtime';
import type { Witness } from '../schema-change.js';
import { showsAt } from './witness-attribution.js';
import { firstError, laidOut, proveWitness, type Search } from './witness-proof.js';
import { editChildren, occurrences, readTree, writeTree } from './witness-trees.js';

/** Occurrences of the changed element tried per document: the first ones in document order. */
const OCCURRENCES = 2;

/** Copies added at most: a bound further than this above the count drawn is out of reach. */
const MOST_COPIES = 40;

export function repeatedWitness(search: Search, root: string, document: string, indent: number): Witness | undefined {
  const tree = readTree(document);
  if (!tree) return undefined;
  const { change, against } = search;
  const targets = occurrences(tree).filter(({ path, location }) => location.length > 0 && showsAt(path, change.paths));
  for (const { location, element } of targets.slice(0, OCCURRENCES)) {
    const parent = location.slice(0, -1);
    const at = location.at(-1)!;
    for (let copies = 1; copies <= MOST_COPIES; copies++) {
      const text = writeTree(editChildren(tree, parent, (children) => [...children.slice(0, at + 1), ...Array.from({ length: copies }, () => element), ...children.slice(at + 1)]), against.registry);
      const refusals = parseDocument(against.registry, undefined, text).diagnostics;
      // The first count the other version refuses decides: more copies only repeat the refusal.
      if (firstError(refusals)) {
        const witness = proveWitness(search, root, text, refusals);
        if (witness) return laidOut(search, witness, indent);
        break;
      }
    }
  }
  return undefined;
}
