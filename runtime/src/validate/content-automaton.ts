/**
 * Content models as automata. A particle tree compiles to a Thompson NFA whose symbols are
 * leaves (element and wildcard particles); counts are unrolled (a{2,4} is a, a, a?, a?), and an
 * xs:all group becomes "any of its elements, any number of times" with its counts checked
 * after the match. The NFA runs on sets of states, and each set's transitions are memoized, so
 * a long run of children costs one map lookup each: validation stays linear.
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

export type Leaf = ElementParticleDescriptor | WildcardParticleDescriptor;

/** Counts beyond this are treated as unbounded when unrolling: no real schema comes close. */
const MAX_UNROLL = 256;

export interface Step {
  readonly leaf: Leaf;
  /** For an element leaf: the declaration the child is validated against. */
  readonly element: ElementDescriptor | undefined;
  readonly next: StateSet;
}

export class StateSet {
  /** Transitions found so far, by namespace then local name: no key string per child. */
  private readonly steps = new Map<string, Map<string, Step | null>>();

  constructor(
    private readonly automaton: ContentAutomaton,
    readonly states: readonly number[],
    readonly accepting: boolean,
  ) {}

  /** The transition on a child element, or undefined when the child is not allowed here. */
  step(namespace: string, name: string): Step | undefined {
    let byName = this.steps.get(namespace);
    if (byName === undefined) this.steps.set(namespace, (byName = new Map()));
    let found = byName.get(name);
    if (found === undefined) {
      found = this.automaton.transition(this, namespace, name) ?? null;
      byName.set(name, found);
    }
    return found ?? undefined;
  }

  /** The leaves that could come next, for messages. */
  expected(): Leaf[] {
    return this.automaton.leavesFrom(this);
  }
}

interface Edge {
  readonly leaf: Leaf;
  readonly to: number;
}

export class ContentAutomaton {
  private readonly epsilon: number[][] = [];
  private readonly edges: Edge[][] = [];
  private readonly accept: number;
  private readonly sets = new Map<string, StateSet>();
  readonly start: StateSet;
  /** The xs:all groups, whose per-element counts are checked after matching. */
  readonly allGroups: GroupParticleDescriptor[] = [];

  constructor(
    particle: ParticleDescriptor,
    private readonly registry: SchemaRegistry,
  ) {
    const begin = this.state();
    const end = this.fragment(particle, begin);
    this.accept = end;
    this.start = this.setOf([begin]);
  }

  private state(): number {
    this.epsilon.push([]);
    this.edges.push([]);
    return this.epsilon.length - 1;
  }

  /** Builds the NFA of `p` starting at state `from`; returns its end state. */
  private fragment(p: ParticleDescriptor, from: number): number {
    let at = from;
    const min = Math.min(p.min, MAX_UNROLL);
    for (let i = 0; i < min; i++) at = this.once(p, at);
    if (p.max === 'unbounded' || p.max > MAX_UNROLL) {
      // at -> body -> back to at: any number more.
      const loop = this.state();
      this.epsilon[at]!.push(loop);
      const end = this.once(p, loop);
      this.epsilon[end]!.push(loop);
      return loop;
    }
    const exit = this.state();
    for (let i = min; i < p.max; i++) {
      this.epsilon[at]!.push(exit);
      at = this.once(p, at);
    }
    this.epsilon[at]!.push(exit);
    return exit;
  }

  /** One occurrence of `p`. */
  private once(p: ParticleDescriptor, from: number): number {
    switch (p.kind) {
      case 'element':
      case 'any': {
        const to = this.state();
        this.edges[from]!.push({ leaf: p, to });
        return to;
      }
      case 'sequence':
        return p.particles.reduce((at, c) => this.fragment(c, at), from);
      case 'choice': {
        const end = this.state();
        for (const c of p.particles) {
          const start = this.state();
          this.epsilon[from]!.push(start);
          this.epsilon[this.fragment(c, start)]!.push(end);
        }
        if (p.particles.length === 0) this.epsilon[from]!.push(end);
        return end;
      }
      case 'all': {
        this.allGroups.push(p);
        const loop = this.state();
        this.epsilon[from]!.push(loop);
        for (const c of p.particles) {
          const start = this.state();
          this.epsilon[loop]!.push(start);
          this.epsilon[this.once(c, start)]!.push(loop);
        }
        return loop;
      }
    }
  }

  private setOf(seed: readonly number[]): StateSet {
    const closure = new Set<number>();
    const stack = [...seed];
    while (stack.length > 0) {
      const s = stack.pop()!;
      if (closure.has(s)) continue;
      closure.add(s);
      stack.push(...this.epsilon[s]!);
    }
    const states = [...closure].sort((a, b) => a - b);
    const key = states.join(',');
    let set = this.sets.get(key);
    if (!set) {
      set = new StateSet(this, states, closure.has(this.accept));
      this.sets.set(key, set);
    }
    return set;
  }

  /** @internal used by StateSet */
  transition(from: StateSet, namespace: string, name: string): Step | undefined {
    let chosen: { leaf: Leaf; element: ElementDescriptor | undefined } | undefined;
    const targets: number[] = [];
    for (const s of from.states) {
      for (const edge of this.edges[s]!) {
        const match = this.matches(edge.leaf, namespace, name);
        if (!match) continue;
        // Under the Unique Particle Attribution rule only one leaf can match; if a schema
        // breaks it, the first leaf in document order wins and the NFA still accepts correctly.
        chosen ??= match;
        targets.push(edge.to);
      }
    }
    if (!chosen) return undefined;
    return { ...chosen, next: this.setOf(targets) };
  }

  private matches(leaf: Leaf, namespace: string, name: string): { leaf: Leaf; element: ElementDescriptor | undefined } | undefined {
    if (leaf.kind === 'any') return wildcardAllows(leaf.wildcard, namespace) ? { leaf, element: undefined } : undefined;
    const key = componentKey(namespace, name);
    if (leaf.element) {
      return leaf.element.namespace === namespace && leaf.element.name === name ? { leaf, element: leaf.element } : undefined;
    }
    if (leaf.cases) {
      if (!leaf.cases.some((c) => c.ref === key)) return undefined;
    } else if (leaf.ref !== key) {
      return undefined;
    }
    const element = this.registry.element(key);
    return element && !element.abstract ? { leaf, element } : undefined;
  }

  /** @internal used by StateSet */
  leavesFrom(set: StateSet): Leaf[] {
    const leaves: Leaf[] = [];
    for (const s of set.states) for (const edge of this.edges[s]!) if (!leaves.includes(edge.leaf)) leaves.push(edge.leaf);
    return leaves;
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
