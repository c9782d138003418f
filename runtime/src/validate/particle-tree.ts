/**
 * A particle tree laid out flat for the content automaton: one node per particle, numbered in
 * document order (pre-order), with what the automaton asks of each node worked out once:
 * whether it can match nothing, whether a match can end the whole model there, and whether it
 * needs a counter.
 *
 * Built with explicit stacks: a schema can nest groups ten thousand deep, and nothing here may
 * recurse that far. Every array is as long as the tree, never as long as a count.
 */
import type { GroupParticleDescriptor, ParticleDescriptor } from '../schema/descriptor.js';

/** The position a run starts at, before any child. */
export const START = -1;

export const enum NodeKind {
  Leaf,
  Sequence,
  Choice,
  /** xs:all: any of its elements, any number of times; their counts are checked after the match. */
  All,
}

export class ParticleTree {
  readonly particles: ParticleDescriptor[] = [];
  readonly kind: NodeKind[] = [];
  readonly parent: number[] = [];
  readonly firstChild: number[] = [];
  readonly nextSibling: number[] = [];
  /** The count the automaton checks: an xs:all's children count once, and the group loops freely. */
  readonly min: number[] = [];
  readonly max: number[] = [];
  /**
   * The least number of iterations that must be counted before the node may end. When one
   * iteration can match nothing, any shortfall is made up by empty iterations, so it is 0.
   */
  readonly effectiveMin: number[] = [];
  /** One iteration of the node may match no element. */
  readonly termNullable: boolean[] = [];
  /** The node as a whole may match no element. */
  readonly nullable: boolean[] = [];
  /** Every later sibling in its sequence may match nothing (true outside sequences). */
  readonly restNullable: boolean[] = [];
  /** Matching may end the whole model right after this node ends. */
  readonly endsModel: boolean[] = [];
  /** Its own coordinate in a counter vector, or -1 when the node needs no counter. */
  readonly coordinate: number[] = [];
  /** How many counted nodes enclose this one, itself included: the length of its vector. */
  readonly countedDepth: number[] = [];
  /** The nearest counted node among this one and its ancestors, or -1. */
  readonly countedUp: number[] = [];
  readonly allGroups: GroupParticleDescriptor[] = [];
  private readonly minima = new Map<number, readonly number[]>();
  /** Whether any node needs a counter: if none, runs are plain sets of positions. */
  readonly hasCounters: boolean;

  constructor(root: ParticleDescriptor) {
    this.build(root);
    this.computeNullable();
    this.restNullable[0] = true;
    this.computeFromRoot();
    this.hasCounters = this.coordinate.some((c) => c >= 0);
  }

  get size(): number {
    return this.kind.length;
  }

  /** The effective minimum of each coordinate of a position's vector, outermost first. */
  minimaAt(position: number): readonly number[] {
    const known = this.minima.get(position);
    if (known) return known;
    const minima = new Array<number>(this.countedDepth[position]!);
    for (let node = this.countedUp[position]!; node >= 0; node = this.parent[node]! < 0 ? -1 : this.countedUp[this.parent[node]!]!) {
      minima[this.coordinate[node]!] = this.effectiveMin[node]!;
    }
    this.minima.set(position, minima);
    return minima;
  }

  isRepeating(node: number): boolean {
    return this.max[node]! > 1;
  }

  private build(root: ParticleDescriptor): void {
    // Pre-order with an explicit stack; children are pushed last-first so they pop in order.
    const stack: { particle: ParticleDescriptor; parent: number; inAll: boolean }[] = [{ particle: root, parent: -1, inAll: false }];
    const lastChild: number[] = [];
    while (stack.length > 0) {
      const { particle, parent, inAll } = stack.pop()!;
      const node = this.kind.length;
      const kind = particle.kind === 'element' || particle.kind === 'any' ? NodeKind.Leaf : particle.kind === 'sequence' ? NodeKind.Sequence : particle.kind === 'choice' ? NodeKind.Choice : NodeKind.All;
      this.particles.push(particle);
      this.kind.push(kind);
      this.parent.push(parent);
      this.firstChild.push(-1);
      this.nextSibling.push(-1);
      lastChild.push(-1);
      const absent = particle.max === 0;
      if (particle.kind === 'all') this.allGroups.push(particle);
      this.min.push(inAll ? 1 : kind === NodeKind.All ? 0 : particle.min);
      this.max.push(inAll ? 1 : kind === NodeKind.All || particle.max === 'unbounded' ? Infinity : particle.max);
      if (parent >= 0) {
        if (lastChild[parent]! < 0) this.firstChild[parent] = node;
        else this.nextSibling[lastChild[parent]!] = node;
        lastChild[parent] = node;
      }
      // A particle of maxOccurs 0 matches nothing but the empty sequence: a node with no content.
      if (kind === NodeKind.Leaf || absent) continue;
      const children = 'particles' in particle ? particle.particles : [];
      for (let i = children.length - 1; i >= 0; i--) {
        stack.push({ particle: children[i]!, parent: node, inAll: kind === NodeKind.All });
      }
    }
  }

  /** Bottom-up: children have higher numbers than their parent, so a reverse scan suffices. */
  private computeNullable(): void {
    const n = this.size;
    for (let node = n - 1; node >= 0; node--) {
      const kind = this.kind[node]!;
      let term: boolean;
      if (kind === NodeKind.Leaf) term = this.particles[node]!.max === 0;
      else if (kind === NodeKind.All) term = true;
      else if (kind === NodeKind.Sequence) {
        const children: number[] = [];
        for (let c = this.firstChild[node]!; c >= 0; c = this.nextSibling[c]!) children.push(c);
        // Scanned from the end: each child learns whether everything after it may match nothing.
        term = true;
        for (let i = children.length - 1; i >= 0; i--) {
          this.restNullable[children[i]!] = term;
          term &&= this.nullable[children[i]!]!;
        }
      } else {
        // An empty choice matches nothing, as the automaton always had it.
        term = this.firstChild[node]! < 0;
        for (let c = this.firstChild[node]!; c >= 0 && !term; c = this.nextSibling[c]!) term = this.nullable[c]!;
      }
      for (let c = this.firstChild[node]!; kind !== NodeKind.Sequence && c >= 0; c = this.nextSibling[c]!) this.restNullable[c] = true;
      this.termNullable[node] = term;
      this.nullable[node] = term || this.min[node] === 0 || this.max[node] === 0;
      this.effectiveMin[node] = term ? 0 : this.min[node]!;
    }
  }

  /** Top-down, in pre-order: whether a node's end may end the model, and its counter. */
  private computeFromRoot(): void {
    for (let node = 0; node < this.size; node++) {
      const parent = this.parent[node]!;
      const max = this.max[node]!;
      // {0,1}, {1,1}, {0,n} and {1,n} need no counter: entering the node is already one.
      const counted = max > 1 && !(max === Infinity && this.effectiveMin[node]! <= 1);
      const above = parent < 0 ? 0 : this.countedDepth[parent]!;
      this.coordinate[node] = counted ? above : -1;
      this.countedDepth[node] = above + (counted ? 1 : 0);
      this.countedUp[node] = counted ? node : parent < 0 ? -1 : this.countedUp[parent]!;
      this.endsModel[node] = parent < 0 || (this.restNullable[node]! && this.endsModel[parent]!);
    }
  }
}
