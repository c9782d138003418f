/**
 * XSD patterns matched in time linear in the value. JavaScript's RegExp backtracks, so
 * `(a|a)*b` on 50 characters never finishes; XSD patterns have no back-references or
 * lookaround, so a finite automaton decides them exactly. The pattern's tree becomes a Thompson
 * NFA, simulated on sets of states (a Pike VM without captures): each character of the value
 * costs at most one visit of each state. Sets already seen are kept as the states of a lazily
 * built DFA, so a typical pattern costs one table lookup per character. The cache is capped:
 * when a pattern fills it (one with exponentially many sets, as [ab]*a[ab]{20}), the rest of the
 * value is matched on bare state sets and the next value starts a fresh cache, so memory stays
 * bounded whatever the value.
 *
 * Counted repeats are unrolled into copies of their body, so `(a{1000}){1000}` would need a
 * million states: the automaton has a state budget, and a pattern over it is refused when it
 * is compiled (a schema error), never discovered as a slow match.
 */
import { classTest, dotTest, itemTest, literalTest, type CodePointTest } from './char-tests.js';
import { foldXsdRegex, XsdRegexError, type XsdRegexNode } from './xsd-regex-syntax.js';

/**
 * The most NFA states one pattern may compile to. A character of the value costs at most one
 * visit of each state (about 9 ns each, when the DFA cache cannot help), so the budget bounds
 * the cost per character: at 10,000 states the worst pattern takes about 10 s on a
 * 100,000-character value, where 100,000 states would take a minute and a half. Real patterns
 * stay far below (`[A-Za-z0-9]{1,255}` is 510 states, `.{0,4000}` 8,001); a longer count is a
 * length, which xs:maxLength states for free.
 */
export const MAX_PATTERN_STATES = 10_000;

/** States of the lazily built DFA kept before the cache starts afresh (memory bound). */
const MAX_CACHED_DFA_STATES = 4_096;
/** NFA state ids held by those DFA states together, and transitions between them. */
const MAX_CACHED_NFA_IDS = 1 << 20;
const MAX_CACHED_TRANSITIONS = 1 << 20;

/** A pattern whose automaton would exceed MAX_PATTERN_STATES. */
export class XsdPatternTooLargeError extends XsdRegexError {
  constructor(pattern: string, readonly states: number) {
    super(
      `the pattern needs more than ${MAX_PATTERN_STATES} automaton states (counted repeats are copied out, and nested counts multiply)`,
      Array.from(pattern).length,
      pattern,
      'use smaller counts, or state a length with xs:length, xs:minLength or xs:maxLength instead of a count such as .{1,100000}',
    );
  }
}

const CHAR = 0;
const SPLIT = 1;
const JUMP = 2;
const MATCH = 3;

/**
 * The states the automaton for `root` has, or MAX_PATTERN_STATES + 1 when it has more; counts
 * saturate, so a quantifier of a thousand digits is no problem. Mirrors `build` below.
 */
export function automatonSize(root: XsdRegexNode): number {
  const limit = MAX_PATTERN_STATES + 1;
  const size = foldXsdRegex<number>(root, (node, children) => {
    switch (node.kind) {
      case 'group':
        return children[0]!;
      case 'sequence':
        return Math.min(limit, children.reduce((a, b) => a + b, 0));
      case 'choice':
        return Math.min(limit, children.reduce((a, b) => a + b, 0) + children.length - 1);
      case 'repeat': {
        const body = children[0]!;
        const min = Math.min(node.min, limit);
        if (node.max === undefined) return Math.min(limit, Math.max(1, min) * body + 1);
        const max = Math.min(node.max, limit);
        return Math.min(limit, max === 0 ? body + 1 : max * body + (max - min));
      }
      default:
        return 1;
    }
  });
  return Math.min(limit, size + 1);
}

/** A piece of the NFA under construction: states first..end-1, entered at `start`. */
interface Fragment {
  readonly start: number;
  /** Unset exits, each `state * 2 + slot` (slot 0 is out1, 1 is out2). */
  readonly holes: readonly number[];
  readonly first: number;
  readonly end: number;
}

class NfaBuilder {
  readonly kind: number[] = [];
  readonly out1: number[] = [];
  readonly out2: number[] = [];
  readonly testOf: number[] = [];
  readonly tests: CodePointTest[] = [];

  add(kind: number, test = -1): number {
    this.kind.push(kind);
    this.out1.push(-1);
    this.out2.push(-1);
    this.testOf.push(test);
    return this.kind.length - 1;
  }

  char(test: CodePointTest): Fragment {
    this.tests.push(test);
    const s = this.add(CHAR, this.tests.length - 1);
    return { start: s, holes: [s * 2], first: s, end: s + 1 };
  }

  jump(first = this.kind.length): Fragment {
    const s = this.add(JUMP);
    return { start: s, holes: [s * 2], first, end: s + 1 };
  }

  patch(holes: readonly number[], target: number): void {
    for (const hole of holes) (hole & 1 ? this.out2 : this.out1)[hole >> 1] = target;
  }

  /** A copy of a fragment whose exits are still unset; the copy shares the character tests. */
  clone(f: Fragment): Fragment {
    const delta = this.kind.length - f.first;
    const move = (target: number) => (target >= f.first && target < f.end ? target + delta : target);
    for (let s = f.first; s < f.end; s++) {
      const copy = this.add(this.kind[s]!, this.testOf[s]!);
      this.out1[copy] = move(this.out1[s]!);
      this.out2[copy] = move(this.out2[s]!);
    }
    return { start: f.start + delta, holes: f.holes.map((h) => h + delta * 2), first: f.first + delta, end: f.end + delta };
  }

  sequence(parts: readonly Fragment[]): Fragment {
    if (parts.length === 0) return this.jump();
    for (let i = 0; i + 1 < parts.length; i++) this.patch(parts[i]!.holes, parts[i + 1]!.start);
    const last = parts[parts.length - 1]!;
    return { start: parts[0]!.start, holes: last.holes, first: parts[0]!.first, end: this.kind.length };
  }

  choice(branches: readonly Fragment[]): Fragment {
    let start = branches[branches.length - 1]!.start;
    for (let i = branches.length - 2; i >= 0; i--) {
      const split = this.add(SPLIT);
      this.out1[split] = branches[i]!.start;
      this.out2[split] = start;
      start = split;
    }
    return { start, holes: branches.flatMap((b) => b.holes), first: branches[0]!.first, end: this.kind.length };
  }

  repeat(body: Fragment, min: number, max: number | undefined): Fragment {
    if (max === 0) return this.jump(body.first);
    // Every copy is made before any exit is set, since a clone copies the exits as they are.
    const copies = [body];
    for (let i = 1; i < Math.max(min, max ?? 1); i++) copies.push(this.clone(body));
    const mandatory = copies.slice(0, min);
    if (max === undefined) {
      const loop = this.add(SPLIT);
      const last = copies[copies.length - 1]!;
      this.patch(last.holes, loop);
      this.out1[loop] = last.start;
      const chain = min === 0 ? [] : mandatory.slice(0, -1);
      for (let i = 0; i + 1 < chain.length; i++) this.patch(chain[i]!.holes, chain[i + 1]!.start);
      if (chain.length > 0) this.patch(chain[chain.length - 1]!.holes, last.start);
      return { start: chain[0]?.start ?? (min === 0 ? loop : last.start), holes: [loop * 2 + 1], first: body.first, end: this.kind.length };
    }
    // min mandatory copies, then max - min optional ones, each entered through a split.
    const holes: number[] = [];
    let entry = -1;
    let pending: readonly number[] = [];
    const enter = (target: number) => (entry < 0 ? (entry = target) : this.patch(pending, target));
    for (const copy of mandatory) {
      enter(copy.start);
      pending = copy.holes;
    }
    for (const copy of copies.slice(min)) {
      const split = this.add(SPLIT);
      enter(split);
      this.out1[split] = copy.start;
      holes.push(split * 2 + 1);
      pending = copy.holes;
    }
    return { start: entry, holes: [...holes, ...pending], first: body.first, end: this.kind.length };
  }
}

function build(root: XsdRegexNode): { builder: NfaBuilder; start: number } {
  const b = new NfaBuilder();
  const whole = foldXsdRegex<Fragment>(root, (node, children) => {
    switch (node.kind) {
      case 'empty':
        return b.jump();
      case 'literal':
        return b.char(literalTest(node.char));
      case 'dot':
        return b.char(dotTest);
      case 'escape':
        return b.char(itemTest(node.item));
      case 'class':
        return b.char(classTest(node.charClass));
      case 'group':
        return children[0]!;
      case 'sequence':
        return b.sequence(children);
      case 'choice':
        return b.choice(children);
      case 'repeat':
        return b.repeat(children[0]!, node.min, node.max);
    }
  });
  b.patch(whole.holes, b.add(MATCH));
  return { builder: b, start: whole.start };
}

/** A set of NFA states reached after some prefix: one state of the lazily built DFA. */
interface DfaState {
  /** The character states in the set, sorted (the set's identity). */
  readonly states: Int32Array;
  readonly accepting: boolean;
  ascii: (DfaState | undefined)[] | undefined;
  other: Map<number, DfaState> | undefined;
}

/** Visit marks are Int32: counting starts again well before they could overflow. */
const STAMP_LIMIT = 0x3fffffff;

/** A compiled XSD pattern: `test` says whether the whole value matches, in linear time. */
export class XsdAutomaton {
  readonly size: number;
  private readonly kind: Uint8Array;
  private readonly out1: Int32Array;
  private readonly out2: Int32Array;
  private readonly testOf: Int32Array;
  private readonly tests: readonly CodePointTest[];
  private readonly mark: Int32Array;
  private stamp = 0;
  private readonly testStamp: Int32Array;
  private readonly testResult: Uint8Array;
  private readonly stack: number[] = [];
  private cache = new Map<string, DfaState>();
  private cachedIds = 0;
  private cachedTransitions = 0;
  private initial: DfaState;
  private work: { current: Int32Array; next: Int32Array; stack: Int32Array } | undefined;

  /**
   * Throws XsdPatternTooLargeError over the state budget. `stampLimit` is where the visit marks
   * start again (see nextStamp); only a test sets it lower, to see them wrap.
   */
  constructor(
    root: XsdRegexNode,
    pattern: string,
    private readonly stampLimit = STAMP_LIMIT,
  ) {
    const expected = automatonSize(root);
    if (expected > MAX_PATTERN_STATES) throw new XsdPatternTooLargeError(pattern, expected);
    const { builder, start } = build(root);
    this.size = builder.kind.length;
    this.kind = Uint8Array.from(builder.kind);
    this.out1 = Int32Array.from(builder.out1);
    this.out2 = Int32Array.from(builder.out2);
    this.testOf = Int32Array.from(builder.testOf);
    this.tests = builder.tests;
    this.mark = new Int32Array(this.size);
    this.testStamp = new Int32Array(this.tests.length);
    this.testResult = new Uint8Array(this.tests.length);
    this.nextStamp();
    this.stack.push(start);
    this.initial = this.closure();
  }

  test(value: string): boolean {
    let d = this.initial;
    for (let i = 0; i < value.length; ) {
      const cp = value.codePointAt(i)!;
      let next = cp < 128 ? d.ascii?.[cp] : d.other?.get(cp);
      if (next === undefined) {
        // A full cache means this pattern has too many state sets to tabulate (as [ab]*a[ab]{20}
        // has): the rest of the value is matched on bare state sets, and the next value starts a
        // fresh cache.
        if (this.cacheFull()) {
          this.resetCache();
          return this.simulate(d, value, i);
        }
        next = this.step(d, cp);
        this.record(d, cp, next);
      }
      d = next;
      i += cp > 0xffff ? 2 : 1;
      if (d.states.length === 0) return d.accepting && i >= value.length;
    }
    return d.accepting;
  }

  /** The Pike VM itself, from `from` at `start`: typed arrays, nothing kept between characters. */
  private simulate(from: DfaState, value: string, start: number): boolean {
    const { kind, out1, out2, testOf, tests, mark, testStamp, testResult } = this;
    const work = (this.work ??= { current: new Int32Array(this.size), next: new Int32Array(this.size), stack: new Int32Array(3 * this.size + 1) });
    let current = work.current;
    let next = work.next;
    const stack = work.stack;
    current.set(from.states);
    let count = from.states.length;
    let accepting = from.accepting;
    for (let i = start; i < value.length; ) {
      const cp = value.codePointAt(i)!;
      i += cp > 0xffff ? 2 : 1;
      const stamp = this.nextStamp();
      let top = 0;
      for (let k = 0; k < count; k++) {
        const s = current[k]!;
        const t = testOf[s]!;
        if (testStamp[t] !== stamp) {
          testStamp[t] = stamp;
          testResult[t] = tests[t]!(cp) ? 1 : 0;
        }
        if (testResult[t] === 1) stack[top++] = out1[s]!;
      }
      count = 0;
      accepting = false;
      while (top > 0) {
        const s = stack[--top]!;
        if (mark[s] === stamp) continue;
        mark[s] = stamp;
        const k = kind[s];
        if (k === CHAR) next[count++] = s;
        else if (k === MATCH) accepting = true;
        else if (k === SPLIT) {
          stack[top++] = out2[s]!;
          stack[top++] = out1[s]!;
        } else stack[top++] = out1[s]!;
      }
      [current, next] = [next, current];
      if (count === 0) return accepting && i >= value.length;
    }
    return accepting;
  }

  /**
   * A fresh mark for a set under construction. The marks are 32-bit, and a server validating
   * for months could count past them: then every mark is cleared and counting starts again.
   */
  private nextStamp(): number {
    if (this.stamp >= this.stampLimit) {
      this.mark.fill(0);
      this.testStamp.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }

  /** The set reached from `d` on `cp`: each character state visited once, each test run once. */
  private step(d: DfaState, cp: number): DfaState {
    const stamp = this.nextStamp();
    for (const s of d.states) {
      const t = this.testOf[s]!;
      if (this.testStamp[t] !== stamp) {
        this.testStamp[t] = stamp;
        this.testResult[t] = this.tests[t]!(cp) ? 1 : 0;
      }
      if (this.testResult[t] === 1) this.stack.push(this.out1[s]!);
    }
    return this.closure();
  }

  /** Follows splits and jumps from the states on the stack; the current stamp marks visits. */
  private closure(): DfaState {
    const stamp = this.stamp;
    const found: number[] = [];
    let accepting = false;
    while (this.stack.length > 0) {
      const s = this.stack.pop()!;
      if (this.mark[s] === stamp) continue;
      this.mark[s] = stamp;
      switch (this.kind[s]) {
        case CHAR:
          found.push(s);
          break;
        case MATCH:
          accepting = true;
          break;
        case SPLIT:
          this.stack.push(this.out2[s]!, this.out1[s]!);
          break;
        default:
          this.stack.push(this.out1[s]!);
      }
    }
    return this.intern(Int32Array.from(found).sort(), accepting);
  }

  private intern(states: Int32Array, accepting: boolean): DfaState {
    const key = `${accepting ? '+' : '-'}${states.join(',')}`;
    let d = this.cache.get(key);
    if (d === undefined) {
      d = { states, accepting, ascii: undefined, other: undefined };
      this.cache.set(key, d);
      this.cachedIds += states.length;
    }
    return d;
  }

  private cacheFull(): boolean {
    return this.cache.size > MAX_CACHED_DFA_STATES || this.cachedIds > MAX_CACHED_NFA_IDS || this.cachedTransitions > MAX_CACHED_TRANSITIONS;
  }

  /** Drops every cached state (they become garbage) but a fresh initial one. */
  private resetCache(): void {
    this.cache = new Map();
    this.cachedIds = 0;
    this.cachedTransitions = 0;
    this.initial = this.intern(this.initial.states, this.initial.accepting);
  }

  private record(from: DfaState, cp: number, to: DfaState): void {
    this.cachedTransitions++;
    if (cp < 128) (from.ascii ??= new Array<DfaState | undefined>(128))[cp] = to;
    else (from.other ??= new Map()).set(cp, to);
  }
}
