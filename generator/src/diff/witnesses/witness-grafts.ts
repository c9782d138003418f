/**
 * Witnesses made by grafting: the part of a document around the change, taken from one the
 * first version accepts, put in place of the same part of a document both versions accept.
 * When the new version changes several things, a document drawn from the old one that holds
 * the change (an element since removed) is mostly refused first somewhere else (a value whose
 * type changed, earlier in the document); one drawn from the new version obeys the new rules
 * everywhere but cannot hold the removed element. The graft keeps the donor's subtree, which
 * holds the change, and the recipient's everything else. The smallest subtree that proves the
 * change is tried first: the changed element itself, then its ancestors.
 */
import type { Witness } from '../schema-change.js';
import { showsAt } from './witness-attribution.js';
import { laidOut, proveWitness, type Search } from './witness-proof.js';
import { editChildren, occurrences, readTree, writeTree, type Occurrence } from './witness-trees.js';

/** Donors kept: the latest ones, so that later rounds (larger documents) bring new ones. */
const DONORS = 4;

/** Siblings tried in place of a part the recipient lacks. */
const SIBLINGS = 4;

interface Donor {
  readonly root: string;
  /** The element that holds the change (the changed element, or the one with the changed attribute), then its ancestors up to the root's child. */
  readonly parts: readonly Occurrence[];
}

export class Grafts {
  private readonly donors: Donor[] = [];

  constructor(
    private readonly search: Search,
    private readonly indent: number,
  ) {}

  /** Keeps `document`, valid under the first version, as a donor when it holds the change. */
  offer(root: string, document: string): void {
    const tree = readTree(document);
    const all = tree ? occurrences(tree) : [];
    const site = all.find((o) => o.location.length > 0 && holdsChange(o, this.search.change.paths));
    if (!site) return;
    const parts = all.filter((o) => o.location.length > 0 && o.location.length <= site.location.length && o.location.every((x, i) => x === site.location[i])).reverse();
    this.donors.push({ root, parts });
    if (this.donors.length > DONORS) this.donors.shift();
  }

  /** Whether a document of `root` could be grafted onto now. */
  has(root: string): boolean {
    return this.donors.some((d) => d.root === root);
  }

  /**
   * A witness made from `document`, which both versions accept, with a donor's part grafted
   * in: in place of the same element, or else of a sibling of it, since the part may be one
   * branch of a choice where the recipient took another.
   */
  witness(root: string, document: string): Witness | undefined {
    const donors = this.donors.filter((d) => d.root === root);
    const tree = donors.length > 0 ? readTree(document) : undefined;
    if (!tree) return undefined;
    const places = occurrences(tree);
    for (const { parts } of donors) {
      for (const part of parts) {
        const same = places.filter((p) => p.location.length > 0 && sameNames(p.path, part.path)).slice(0, 1);
        const siblings = same.length > 0 ? [] : places.filter((p) => p.location.length > 0 && sameNames(parentOf(p.path), parentOf(part.path))).slice(0, SIBLINGS);
        for (const place of [...same, ...siblings]) {
          const at = place.location.at(-1)!;
          const grafted = editChildren(tree, place.location.slice(0, -1), (children) => children.map((c, i) => (i === at ? part.element : c)));
          const witness = proveWitness(this.search, root, writeTree(grafted, this.search.from.registry));
          if (witness) return laidOut(this.search, witness, this.indent);
        }
      }
    }
    return undefined;
  }
}

/** The changed element, or one that has the changed attribute. */
function holdsChange(o: Occurrence, paths: readonly string[]): boolean {
  return showsAt(o.path, paths) || o.element.attributes.some((a) => showsAt(`${o.path}/@${a.name}`, paths));
}

function parentOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}

/** The same element names from the root, whatever the positions. */
function sameNames(a: string, b: string): boolean {
  return a.replace(/\[\d+\]/g, '') === b.replace(/\[\d+\]/g, '');
}
