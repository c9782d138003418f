/**
 * Content models as automata. A particle tree compiles to a position (Glushkov) automaton: its
 * states are the leaves (element and wildcard particles), and a move from one leaf to the next
 * says at which group it turns: the next item of a sequence, or a new iteration of a repeated
 * particle. Counts are never unrolled. A particle whose count is not {0,1}, {1,1}, {0,n} or
 * {1,n} has a counter, and a run is a set of configurations (leaf, counter values of the
 * counted particles around it): see counted-run.ts. Content models without counters, which is
 * nearly every real one, run on sets of leaves whose transitions are memoized, so a long run of
 * children costs one map lookup each.
 *
 * Moves are found lazily, per leaf and child name, by walking up from the leaf (explicit loops,
 * no recursion), so building an automaton is linear in the particle tree. An xs:all group is
 * "any of its elements, any number of times", its counts checked after the match.
 *
 * Matching a child tells which leaf it matched. That is all the model binder needs, and all an
 * error message needs ("expected <object> or the end of <operation>").
 */
import {
  componentKey,
  wildcardAllows,
  type ElementDescriptor,
  type ElementParticleDescriptor,
  type GroupParticleDescriptor,
  type ParticleDescriptor,
  type WildcardParticleDescriptor,
} from '../schema/descriptor.js';
import type { SchemaRegistry } from '../schema/registry.js';
import { CountedState } from './counted-run.js';
import type { CountFault } from './count-faults.js';
import { NodeKind, ParticleTree, START } from './particle-tree.js';

export { START };

export type Leaf = ElementParticleDescriptor | WildcardParticleDescriptor;

export interface Step {
  readonly leaf: Leaf;
  /** For an element leaf: the declaration the child is validated against. */
  readonly element: ElementDescriptor | undefined;
  readonly next: StateSet;
}

/** Where a run stands after some children. */
export interface StateSet {
  /** The transition on a child element, or undefined when the child is not allowed here. */
  step(namespace: string, name: string): Step | undefined;
  /** The children so far are a complete content. */
  readonly accepting: boolean;
  /** The leaves that could come next, for messages. */
  expected(): Leaf[];
  /** When the model names the child but a count refuses it: which count, for the message. */
  refusal(namespace: string, name: string): CountFault | undefined;
  /** When the content is incomplete because a count is not reached: which, for the message. */
  shortfall(): CountFault | undefined;
  /** Set when `step` gave up because the run outgrew its budget (evfw.limit.content-model). */
  readonly overBudget: boolean;
}

/** One way from a leaf (or the start) to the next leaf. */
export interface Move {
  readonly to: number;
  /** The group the move turns at: the sequence it advances in, or the particle that iterates again; -1 from the start. */
  readonly turn: number;
  /** A new iteration of `turn` begins (else the move advances in the sequence `turn`). */
  readonly loop: boolean;
  readonly element: ElementDescriptor | undefined;
}

const NO_MOVES: readonly Move[] = Object.freeze([]);

export class ContentAutomaton {
  readonly tree: ParticleTree;
  readonly start: StateSet;
  /** The xs:all groups, whose per-element counts are checked after matching. */
  readonly allGroups: GroupParticleDescriptor[];
  /** Moves found so far, by position (START first), namespace and local name. */
  private readonly moves: Map<string, Map<string, readonly Move[]>>[] = [];
  private readonly sets = new Map<string, PositionSet>();

  constructor(
    particle: ParticleDescriptor,
    private readonly registry: SchemaRegistry,
  ) {
    this.tree = new ParticleTree(particle);
    this.allGroups = this.tree.allGroups;
    this.start = this.tree.hasCounters ? CountedState.initial(this) : this.setOf([START]);
  }

  leafAt(position: number): Leaf {
    return this.tree.particles[position] as Leaf;
  }

  /** The moves from `from` on a child named so, memoized. */
  movesFrom(from: number, namespace: string, name: string): readonly Move[] {
    let byNamespace = this.moves[from + 1];
    if (byNamespace === undefined) this.moves[from + 1] = byNamespace = new Map();
    let byName = byNamespace.get(namespace);
    if (byName === undefined) byNamespace.set(namespace, (byName = new Map()));
    let found = byName.get(name);
    if (found === undefined) {
      const elements = new Map<number, ElementDescriptor | undefined>();
      found = this.follow(from, (leaf) => {
        const match = this.matches(this.leafAt(leaf), namespace, name);
        if (match) elements.set(leaf, match.element);
        return match !== undefined;
      }).map((m) => ({ ...m, element: elements.get(m.to) }));
      if (found.length === 0) found = NO_MOVES;
      byName.set(name, found);
    }
    return found;
  }

  /** Every move from `from`, whatever the child: for messages only. */
  anyMoves(from: number): Move[] {
    return this.follow(from, () => true).map((m) => ({ ...m, element: undefined }));
  }

  /** Whether the model may end after `from` (counts aside). */
  mayEnd(from: number): boolean {
    return from === START ? this.tree.nullable[0]! : this.tree.endsModel[from]!;
  }

  /**
   * The moves from a leaf to the leaves `accept` takes, in document order of the target. Walks
   * up from the leaf: each repeated particle it may end may iterate again; each sequence it
   * may leave an item of offers its next items, as far as they may match nothing; it goes on
   * up only while the rest of the sequence may match nothing.
   */
  private follow(from: number, accept: (leaf: number) => boolean): Omit<Move, 'element'>[] {
    const tree = this.tree;
    const moves: Omit<Move, 'element'>[] = [];
    const firsts = new FirstLeaves(tree, accept);
    const collect = (node: number, turn: number, loop: boolean) => {
      for (const to of firsts.of(node)) moves.push({ to, turn, loop });
    };
    if (from === START) {
      collect(0, -1, false);
    } else {
      for (let node = from; ; ) {
        if (tree.isRepeating(node)) collect(node, node, true);
        const parent = tree.parent[node]!;
        if (parent < 0) break;
        if (tree.kind[parent] === NodeKind.Sequence) {
          for (let s = tree.nextSibling[node]!; s >= 0; s = tree.nextSibling[s]!) {
            collect(s, parent, false);
            if (!tree.nullable[s]) break;
          }
        }
        if (!tree.restNullable[node]) break;
        node = parent;
      }
    }
    return moves.sort((a, b) => a.to - b.to);
  }

  private matches(leaf: Leaf, namespace: string, name: string): { element: ElementDescriptor | undefined } | undefined {
    if (leaf.kind === 'any') return wildcardAllows(leaf.wildcard, namespace) ? { element: undefined } : undefined;
    if (leaf.element) {
      return leaf.element.namespace === namespace && leaf.element.name === name ? { element: leaf.element } : undefined;
    }
    const key = componentKey(namespace, name);
    if (leaf.cases) {
      if (!leaf.cases.some((c) => c.ref === key)) return undefined;
    } else if (leaf.ref !== key) {
      return undefined;
    }
    const element = this.registry.element(key);
    return element && !element.abstract ? { element } : undefined;
  }

  /** @internal the memoized set of positions, for models without counters */
  setOf(positions: readonly number[]): PositionSet {
    const key = positions.join(',');
    let set = this.sets.get(key);
    if (!set) {
      set = new PositionSet(this, positions, positions.some((p) => this.mayEnd(p)));
      this.sets.set(key, set);
    }
    return set;
  }

  /** @internal the leaves that may follow any of `positions`, in document order */
  expectedFrom(positions: readonly number[], allowed: (from: number, move: Move) => boolean = () => true): Leaf[] {
    const found = new Set<number>();
    for (const from of positions) for (const move of this.anyMoves(from)) if (allowed(from, move)) found.add(move.to);
    return [...found].sort((a, b) => a - b).map((p) => this.leafAt(p));
  }
}

/**
 * The leaves a node's match may begin with, among those `accept` takes. Memoized per node for
 * one walk, since the walk asks again for groups that enclose ones it has asked for; computed
 * in post-order with an explicit stack.
 */
class FirstLeaves {
  private readonly memo = new Map<number, readonly number[]>();

  constructor(
    private readonly tree: ParticleTree,
    private readonly accept: (leaf: number) => boolean,
  ) {}

  of(root: number): readonly number[] {
    const tree = this.tree;
    const stack = [root];
    while (stack.length > 0) {
      const node = stack[stack.length - 1]!;
      if (this.memo.has(node)) {
        stack.pop();
        continue;
      }
      if (tree.kind[node] === NodeKind.Leaf) {
        this.memo.set(node, tree.max[node]! > 0 && this.accept(node) ? [node] : NO_LEAVES);
        stack.pop();
        continue;
      }
      const children = this.beginners(node);
      const pending = children.filter((c) => !this.memo.has(c));
      if (pending.length > 0) {
        for (let i = pending.length - 1; i >= 0; i--) stack.push(pending[i]!);
        continue;
      }
      stack.pop();
      const lists = children.map((c) => this.memo.get(c)!).filter((l) => l.length > 0);
      this.memo.set(node, lists.length === 0 ? NO_LEAVES : lists.length === 1 ? lists[0]! : lists.flat());
    }
    return this.memo.get(root)!;
  }

  /** The children a match of `node` may begin in. */
  private beginners(node: number): number[] {
    const tree = this.tree;
    const out: number[] = [];
    for (let c = tree.firstChild[node]!; c >= 0; c = tree.nextSibling[c]!) {
      out.push(c);
      if (tree.kind[node] === NodeKind.Sequence && !tree.nullable[c]) break;
    }
    return out;
  }
}

const NO_LEAVES: readonly number[] = Object.freeze([]);

/** A run of a model without counters: a set of positions, its transitions memoized. */
export class PositionSet implements StateSet {
  /** Transitions found so far, by namespace then local name: no key string per child. */
  private readonly steps = new Map<string, Map<string, Step | null>>();
  readonly overBudget = false;

  constructor(
    private readonly automaton: ContentAutomaton,
    readonly positions: readonly number[],
    readonly accepting: boolean,
  ) {}

  step(namespace: string, name: string): Step | undefined {
    let byName = this.steps.get(namespace);
    if (byName === undefined) this.steps.set(namespace, (byName = new Map()));
    let found = byName.get(name);
    if (found === undefined) {
      found = this.transition(namespace, name) ?? null;
      byName.set(name, found);
    }
    return found ?? undefined;
  }

  private transition(namespace: string, name: string): Step | undefined {
    let chosen: Move | undefined;
    const targets = new Set<number>();
    for (const from of this.positions) {
      for (const move of this.automaton.movesFrom(from, namespace, name)) {
        // Under the Unique Particle Attribution rule only one leaf can match; if a schema
        // breaks it, the first leaf in document order wins and the run still accepts correctly.
        if (chosen === undefined || move.to < chosen.to) chosen = move;
        targets.add(move.to);
      }
    }
    if (!chosen) return undefined;
    const next = this.automaton.setOf([...targets].sort((a, b) => a - b));
    return { leaf: this.automaton.leafAt(chosen.to), element: chosen.element, next };
  }

  expected(): Leaf[] {
    return this.automaton.expectedFrom(this.positions);
  }

  refusal(): CountFault | undefined {
    return undefined;
  }

  shortfall(): CountFault | undefined {
    return undefined;
  }
}

const automata = new WeakMap<ParticleDescriptor, ContentAutomaton>();

/** One automaton per content model, built the first time it is needed. */
export function automatonFor(particle: ParticleDescriptor, registry: SchemaRegistry): ContentAutomaton {
  let automaton = automata.get(particle);
  if (!automaton) {
    automaton = new ContentAutomaton(particle, registry);
    automata.set(particle, automaton);
  }
  return automaton;
}
