/**
 * A run of a content model with counters: a set of configurations, each a position (a leaf, or
 * the start) and the values of the counters of the counted particles enclosing it, outermost
 * first. A move from one leaf to the next applies the counter actions of the group it turns at
 * (content-automaton.ts): every counted particle it leaves must have reached its minimum; the
 * particle that iterates again must be under its maximum and counts one more; every counted
 * particle it enters starts at 1. Counts stay numbers, so a maxOccurs of 2^31-1 costs what a
 * maxOccurs of 2 does.
 *
 * Unique Particle Attribution makes the leaf unique but not the iteration: (a{2,3}){2,3} can
 * split six a's as 3+3 or 2+2+2. So a run keeps every vector, without duplicates, pruned by
 * dominance. For a counter whose particle has reached its minimum, a smaller value allows
 * every future a larger one allows (leaving needs only the minimum, iterating needs room
 * under the maximum, and entering resets both), so of two vectors at one position, equal where
 * either is under its minimum and no larger elsewhere, the larger adds nothing and is dropped.
 * Past the minimum of an unbounded particle every value allows the same, so they are kept at
 * the minimum. Nested counts such as ((a{1,250}){1,250}){1,250} keep a few vectors per child.
 *
 * Not memoized, unlike runs without counters: the values are part of the state.
 */
import { CONTENT_MODEL_BUDGET } from '../limits.js';
import type { ContentAutomaton, Leaf, Move, Step, StateSet } from './content-automaton.js';
import { LEAVES_NAMED, type CountFault } from './count-faults.js';
import { NodeKind, START, type ParticleTree } from './particle-tree.js';

/** What one run (one element's children) has spent, against CONTENT_MODEL_BUDGET. */
interface Meter {
  steps: number;
  work: number;
}

/** Why a move is refused: the counted node, and its count. */
interface Blocked {
  readonly kind: 'max' | 'min';
  readonly node: number;
  readonly count: number;
}

const EMPTY: readonly number[] = Object.freeze([]);

export class CountedState implements StateSet {
  private exceeded = false;
  private accepts: boolean | undefined;

  private constructor(
    private readonly automaton: ContentAutomaton,
    private readonly positions: readonly number[],
    private readonly vectors: readonly (readonly number[])[],
    /** Undefined for the start, which every run shares: each run gets its own from its first step. */
    private readonly meter: Meter | undefined,
  ) {}

  static initial(automaton: ContentAutomaton): CountedState {
    return new CountedState(automaton, [START], [EMPTY], undefined);
  }

  get overBudget(): boolean {
    return this.exceeded;
  }

  get accepting(): boolean {
    if (this.accepts === undefined) {
      this.accepts = false;
      for (let i = 0; i < this.positions.length && !this.accepts; i++) this.accepts = this.endFault(i) === null;
    }
    return this.accepts;
  }

  step(namespace: string, name: string): Step | undefined {
    const { automaton, positions, vectors } = this;
    const tree = automaton.tree;
    const meter = this.meter ?? { steps: 0, work: 0 };
    meter.steps++;
    const reachedPositions: number[] = [];
    const reachedVectors: (readonly number[])[] = [];
    let chosen: Move | undefined;
    for (let i = 0; i < positions.length; i++) {
      const from = positions[i]!;
      const vector = vectors[i]!;
      const moves = automaton.movesFrom(from, namespace, name);
      for (let m = 0; m < moves.length; m++) {
        const move = moves[m]!;
        meter.work += vector.length + 1;
        // Checked as it goes: a model nested thousands deep makes one child cost that much.
        if (spent(meter)) {
          this.exceeded = true;
          return undefined;
        }
        const next = advance(tree, from, vector, move);
        if (!Array.isArray(next)) continue;
        if (chosen === undefined || move.to < chosen.to) chosen = move;
        reachedPositions.push(move.to);
        reachedVectors.push(next);
      }
    }
    if (chosen === undefined) return undefined;
    // One reading is the common case (a model that obeys UPA and whose counts do not nest).
    const [nextPositions, nextVectors] = reachedPositions.length === 1 ? [reachedPositions, reachedVectors] : pruneAll(tree, reachedPositions, reachedVectors, meter);
    if (nextPositions.length > CONTENT_MODEL_BUDGET.maxConfigurations || spent(meter)) {
      this.exceeded = true;
      return undefined;
    }
    return { leaf: automaton.leafAt(chosen.to), element: chosen.element, next: new CountedState(automaton, nextPositions, nextVectors, meter) };
  }

  expected(): Leaf[] {
    const found = new Set<number>();
    const movesByPosition = new Map<number, Move[]>();
    for (let i = 0; i < this.positions.length; i++) {
      const from = this.positions[i]!;
      let moves = movesByPosition.get(from);
      if (!moves) movesByPosition.set(from, (moves = this.automaton.anyMoves(from)));
      for (const move of moves) if (Array.isArray(advance(this.automaton.tree, from, this.vectors[i]!, move))) found.add(move.to);
    }
    return [...found].sort((a, b) => a - b).map((p) => this.automaton.leafAt(p));
  }

  refusal(namespace: string, name: string): CountFault | undefined {
    let blocked: Blocked | undefined;
    for (let i = 0; i < this.positions.length; i++) {
      for (const move of this.automaton.movesFrom(this.positions[i]!, namespace, name)) {
        const next = advance(this.automaton.tree, this.positions[i]!, this.vectors[i]!, move);
        if (!isBlocked(next)) return undefined;
        // Too many is the likelier mistake to name: a child too many, not several missing.
        if (blocked === undefined || (blocked.kind === 'min' && next.kind === 'max')) blocked = next;
      }
    }
    return blocked && this.fault(blocked);
  }

  shortfall(): CountFault | undefined {
    if (this.accepting) return undefined;
    for (let i = 0; i < this.positions.length; i++) {
      const blocked = this.endFault(i);
      if (blocked) return this.fault(blocked);
    }
    return undefined;
  }

  /** null when configuration `i` may end the content, the count that stops it, or undefined when the model does not end there. */
  private endFault(i: number): Blocked | null | undefined {
    const from = this.positions[i]!;
    if (!this.automaton.mayEnd(from)) return undefined;
    return from === START ? null : (exitFault(this.automaton.tree, from, this.vectors[i]!, 0) ?? null);
  }

  private fault(blocked: Blocked): CountFault {
    const tree = this.automaton.tree;
    const { node } = blocked;
    return {
      kind: blocked.kind,
      particle: tree.particles[node]!,
      bound: blocked.kind === 'max' ? tree.max[node]! : tree.min[node]!,
      count: blocked.count,
      leaves: tree.kind[node] === NodeKind.Leaf ? [] : leavesUnder(tree, node).map((p) => this.automaton.leafAt(p)),
    };
  }
}

function spent(meter: Meter): boolean {
  return meter.work > CONTENT_MODEL_BUDGET.baseWork + CONTENT_MODEL_BUDGET.workPerChild * meter.steps;
}

/** The readings no other dominates, grouped by position in document order. */
function pruneAll(tree: ParticleTree, positions: readonly number[], vectors: readonly (readonly number[])[], meter: Meter): [number[], (readonly number[])[]] {
  const byPosition = new Map<number, (readonly number[])[]>();
  for (let i = 0; i < positions.length; i++) {
    const list = byPosition.get(positions[i]!);
    if (list) list.push(vectors[i]!);
    else byPosition.set(positions[i]!, [vectors[i]!]);
  }
  const nextPositions: number[] = [];
  const nextVectors: (readonly number[])[] = [];
  for (const position of [...byPosition.keys()].sort((a, b) => a - b)) {
    for (const vector of prune(tree, position, byPosition.get(position)!, meter)) {
      nextPositions.push(position);
      nextVectors.push(vector);
    }
  }
  return [nextPositions, nextVectors];
}

/** The vector after `move`, or what refuses it. */
function isBlocked(result: number[] | Blocked): result is Blocked {
  return !Array.isArray(result);
}

function advance(tree: ParticleTree, from: number, vector: readonly number[], move: Move): number[] | Blocked {
  const turn = move.turn;
  const keep = turn < 0 ? 0 : tree.countedDepth[turn]!;
  if (from !== START) {
    const fault = exitFault(tree, from, vector, keep);
    if (fault) return fault;
  }
  const next = new Array<number>(tree.countedDepth[move.to]!);
  for (let i = 0; i < keep; i++) next[i] = vector[i]!;
  const coordinate = turn < 0 ? -1 : tree.coordinate[turn]!;
  if (move.loop && coordinate >= 0) {
    const count = vector[coordinate]!;
    const max = tree.max[turn]!;
    if (count >= max) return { kind: 'max', node: turn, count };
    next[coordinate] = max === Infinity ? Math.min(count + 1, tree.effectiveMin[turn]!) : count + 1;
  }
  for (let i = keep; i < next.length; i++) next[i] = 1;
  return next;
}

/** The first counted node around `from` with a coordinate from `keep` on that is under its minimum. */
function exitFault(tree: ParticleTree, from: number, vector: readonly number[], keep: number): Blocked | undefined {
  for (let node = tree.countedUp[from]!; node >= 0 && tree.coordinate[node]! >= keep; node = countedAbove(tree, node)) {
    const count = vector[tree.coordinate[node]!]!;
    if (count < tree.effectiveMin[node]!) return { kind: 'min', node, count };
  }
  return undefined;
}

function countedAbove(tree: ParticleTree, node: number): number {
  const parent = tree.parent[node]!;
  return parent < 0 ? -1 : tree.countedUp[parent]!;
}

/**
 * The vectors at one position that no other dominates. Two vectors can be compared only where
 * both are under the minimum on the same coordinates with the same values, so they are grouped
 * by that; within a group, the coordinates at or past their minimum are compared.
 */
function prune(tree: ParticleTree, position: number, vectors: (readonly number[])[], meter: Meter): (readonly number[])[] {
  if (vectors.length === 1) return vectors;
  const width = vectors[0]!.length;
  if (width === 0) return [vectors[0]!];
  const mins = tree.minimaAt(position);
  const groups = new Map<string | number, (readonly number[])[]>();
  for (const vector of vectors) {
    const key = groupKey(vector, mins);
    const group = groups.get(key);
    if (group) group.push(vector);
    else groups.set(key, [vector]);
    meter.work += width;
  }
  const kept: (readonly number[])[] = [];
  for (const group of groups.values()) {
    const first = group[0]!;
    if (group.length === 1) {
      kept.push(first);
      continue;
    }
    const high: number[] = [];
    for (let i = 0; i < width; i++) if (first[i]! >= mins[i]!) high.push(i);
    if (high.length === 0) {
      kept.push(first);
    } else if (high.length === 1) {
      const at = high[0]!;
      let best = first;
      for (let i = 1; i < group.length; i++) if (group[i]![at]! < best[at]!) best = group[i]!;
      kept.push(best);
    } else {
      // A vector that dominates another has the smaller sum, so it comes first in this order.
      const sum = (v: readonly number[]) => high.reduce((s, i) => s + v[i]!, 0);
      const ordered = group.map((v) => ({ v, s: sum(v) })).sort((a, b) => a.s - b.s);
      const front: (readonly number[])[] = [];
      for (const { v } of ordered) {
        meter.work += front.length * high.length;
        // The step fails on the budget anyway: no need to finish a front that big.
        if (spent(meter)) return kept;
        if (!front.some((f) => high.every((i) => f[i]! <= v[i]!))) front.push(v);
      }
      kept.push(...front);
    }
  }
  return kept;
}

/** The values under their minimum, with the others marked as past it: vectors compare only within one key. */
function groupKey(vector: readonly number[], mins: readonly number[]): string | number {
  // Small models get a number, which costs no string per vector: one or two counters under 2^20.
  if (vector.length <= 2) {
    const a = vector[0]! >= mins[0]! ? 0 : vector[0]! + 1;
    const b = vector.length < 2 || vector[1]! >= mins[1]! ? 0 : vector[1]! + 1;
    if (a < 1 << 20 && b < 1 << 20) return a * (1 << 21) + b;
  }
  let key = '';
  for (let i = 0; i < vector.length; i++) key += vector[i]! >= mins[i]! ? 'h,' : `${vector[i]},`;
  return key;
}

/** The first few leaves under a group, in document order, to name it by. */
function leavesUnder(tree: ParticleTree, node: number): number[] {
  const leaves: number[] = [];
  // Pre-order numbering: the subtree is the run of nodes after `node` that descend from it.
  for (let i = node + 1; i < tree.size && leaves.length < LEAVES_NAMED; i++) {
    let up = tree.parent[i]!;
    while (up > node) up = tree.parent[up]!;
    if (up !== node) break;
    if (tree.kind[i] === NodeKind.Leaf) leaves.push(i);
  }
  return leaves;
}
