/**
 * Unique Particle Attribution (cos-nonambig, XSD 1.0 part 1, 3.8.6): in every content model, the
 * particle an element matches must be known from the element's name alone, without looking at
 * what follows. Called apart from checkParticles: whether a violation refuses the schema or only
 * warns is the caller's decision (D-46: RFC 4826's resource-lists breaks UPA).
 *
 * The check is the usual one: the position (Glushkov) automaton of the content model, where two
 * positions compete when both can come next (both in the first set, or both in one position's
 * follow set), they stand for different particles of the schema, and their names overlap (an
 * element name, a substitution group's members, a wildcard's namespaces).
 *
 * Occurrence counts are unrolled, but not as written: a count above 2 behaves as 2. Which
 * particles compete depends only on whether a repetition is followed by another that must come,
 * by one that may come, or by nothing; `minOccurs` 2 and `maxOccurs` min+2 already have each of
 * these, so `a{7922,10000}` is checked as `a{2,4}`, exactly (the unit test compares the capped
 * unrolling with the full one on random models). A content model whose unrolled form
 * would still pass MAX_POSITIONS (deep nesting of counted groups) is not checked, nor is what
 * remains of the set once its follow sets have taken MAX_EDGES entries: the check never refuses
 * what it cannot judge in bounded time.
 */
import type { SchemaSet, Source, WildcardNamespaces } from '../ir/ir.js';
import { qnameKey } from '../ir/ir.js';
import type { SchemaIndex } from '../ir/schema-index.js';
import { complexTypesOf, ContentTypes, SubstitutionGroups, type Term } from './particle-model.js';
import { allowsNamespace, describeTerm } from './particle-restriction.js';

/** Positions of one unrolled content model past which it is left unchecked. */
export const MAX_POSITIONS = 5_000;

/**
 * Follow-set entries past which the rest of the schema set is left unchecked: a sequence of n
 * optional elements has n²/2 of them, so this bounds the time of the whole check (about a second).
 */
export const MAX_EDGES = 1_000_000;

/** The largest count the unrolling keeps, for minOccurs and for maxOccurs above minOccurs. */
const COUNT_CAP = 2;

export interface AttributionViolation {
  readonly message: string;
  readonly source: Source;
  /** What to do about it, for a GeneratorError's hint. */
  readonly hint: string;
}

/** The first content model of the set in which two particles compete for one element; undefined when there is none. */
export function uniqueParticleAttributionViolation(set: SchemaSet, index: SchemaIndex): AttributionViolation | undefined {
  const contents = new ContentTypes(index);
  const groups = new SubstitutionGroups(index);
  const budget = { edges: MAX_EDGES };
  for (const [type, label] of complexTypesOf(set)) {
    const content = contents.of(type);
    if (content.kind !== 'elements') continue;
    const clash = competingParticles(content.particle, groups, COUNT_CAP, budget);
    if (clash) {
      return {
        message: `${label} has an ambiguous content model: ${clash.what} can match both ${describeTerm(clash.a)} (line ${clash.a.source.line}) and ${describeTerm(clash.b)} (line ${clash.b.source.line}), so which particle it belongs to depends on what follows it`,
        source: type.source,
        hint: 'make the particles that can come next differ in name (or wildcards in namespace), for example by making one of them required or moving it',
      };
    }
  }
  return undefined;
}

/** One occurrence of a leaf particle in the unrolled model. */
interface Position {
  readonly id: number;
  readonly term: Extract<Term, { kind: 'element' | 'any' }>;
  /** The element names it matches (empty for a wildcard). */
  readonly names: readonly string[];
}

interface Fragment {
  readonly first: readonly Position[];
  readonly last: readonly Position[];
  readonly nullable: boolean;
}

export interface Clash {
  readonly a: Term;
  readonly b: Term;
  readonly what: string;
}

/**
 * Two particles of the model that compete, or undefined. `countCap` is COUNT_CAP; a test passes a
 * larger one to compare the capped unrolling with the full one.
 */
export function competingParticles(model: Term, groups: SubstitutionGroups, countCap = COUNT_CAP, budget = { edges: MAX_EDGES }): Clash | undefined {
  if (unrolledSize(model, countCap) > MAX_POSITIONS) return undefined;
  const automaton = new Automaton(groups, countCap, budget);
  const whole = automaton.build(model);
  if (budget.edges < 0) return undefined;
  return clashIn(whole.first) ?? automaton.follow.map(clashIn).find((c) => c !== undefined);
}

/** How many copies of a particle's term the unrolling makes. */
function copies(min: number, max: number, cap: number): { mandatory: number; optional: number; star: boolean } {
  const mandatory = Math.min(min, cap);
  if (max === Infinity) return { mandatory, optional: 0, star: true };
  return { mandatory, optional: Math.min(max - min, cap), star: false };
}

/** Positions of the unrolled model, saturating past MAX_POSITIONS so that nesting cannot overflow. */
export function unrolledSize(term: Term, cap = COUNT_CAP): number {
  const { mandatory, optional, star } = copies(term.min, term.max, cap);
  const times = mandatory + optional + (star ? 1 : 0);
  if (term.kind === 'element' || term.kind === 'any') return times;
  let inner = 0;
  for (const p of term.particles) {
    inner += unrolledSize(p, cap);
    if (inner > MAX_POSITIONS) return MAX_POSITIONS + 1;
  }
  return Math.min(times * inner, MAX_POSITIONS + 1);
}

class Automaton {
  /** Each position's follow set, as a list (an entry may repeat). */
  readonly follow: Position[][] = [];

  /** `budget.edges` counts down the follow-set entries left; below 0 the automaton stops and its answer is not used. */
  constructor(
    private readonly groups: SubstitutionGroups,
    private readonly cap: number,
    private readonly budget: { edges: number },
  ) {}

  /** The term with its occurrences, unrolled. */
  build(term: Term): Fragment {
    // Past the budget the answer is thrown away: stop building.
    if (term.max === 0 || this.budget.edges < 0) return { first: [], last: [], nullable: true };
    const { mandatory, optional, star } = copies(term.min, term.max, this.cap);
    let result: Fragment = { first: [], last: [], nullable: true };
    for (let i = 0; i < mandatory; i++) result = this.concat(result, this.body(term));
    for (let i = 0; i < optional; i++) result = this.concat(result, { ...this.body(term), nullable: true });
    if (star) result = this.concat(result, this.loop(this.body(term)));
    return result;
  }

  /** One copy of the term, its occurrences aside. */
  private body(term: Term): Fragment {
    if (term.kind === 'element' || term.kind === 'any') {
      const position: Position = { id: this.follow.length, term, names: term.kind === 'element' ? this.namesOf(term) : [] };
      this.follow.push([]);
      return { first: [position], last: [position], nullable: false };
    }
    const parts = term.particles.map((p) => this.build(p));
    if (term.kind === 'sequence') return parts.reduce((a, b) => this.concat(a, b), { first: [], last: [], nullable: true });
    const union: Fragment = {
      first: parts.flatMap((p) => p.first),
      last: parts.flatMap((p) => p.last),
      nullable: term.kind === 'choice' ? parts.some((p) => p.nullable) : parts.every((p) => p.nullable),
    };
    // An all group's elements come in any order: each may follow any other.
    return term.kind === 'all' ? { ...this.loop(union), nullable: union.nullable } : union;
  }

  private link(from: readonly Position[], to: readonly Position[]): void {
    this.budget.edges -= from.length * to.length;
    if (this.budget.edges < 0) return;
    for (const p of from) this.follow[p.id]!.push(...to);
  }

  private concat(a: Fragment, b: Fragment): Fragment {
    this.link(a.last, b.first);
    if (this.budget.edges < 0) return { first: [], last: [], nullable: true };
    return {
      first: a.nullable ? [...a.first, ...b.first] : a.first,
      last: b.nullable ? [...a.last, ...b.last] : b.last,
      nullable: a.nullable && b.nullable,
    };
  }

  private loop(a: Fragment): Fragment {
    this.link(a.last, a.first);
    return { ...a, nullable: true };
  }

  /** The names an element particle matches: its own, or its substitution group's (abstract ones cannot appear). */
  private namesOf(term: Extract<Term, { kind: 'element' }>): string[] {
    if (!term.global) return [qnameKey(term.decl.name)];
    return this.groups
      .of(term.decl)
      .filter((d) => !d.abstract)
      .map((d) => qnameKey(d.name));
  }
}

/** Two positions of different particles among those that may come next whose names overlap. */
function clashIn(next: readonly Position[]): Clash | undefined {
  const byName = new Map<string, Position>();
  const wildcards: Position[] = [];
  for (const p of next) {
    if (p.term.kind === 'any') {
      for (const w of wildcards) {
        if (w.term.origin !== p.term.origin && w.term.kind === 'any' && namespacesOverlap(w.term.wildcard.namespaces, p.term.wildcard.namespaces)) {
          return { a: w.term, b: p.term, what: 'an element' };
        }
      }
      wildcards.push(p);
      continue;
    }
    for (const name of p.names) {
      const other = byName.get(name);
      if (other && other.term.origin !== p.term.origin) return { a: other.term, b: p.term, what: `element "${localName(name)}"` };
      if (!other) byName.set(name, p);
    }
  }
  for (const w of wildcards) {
    if (w.term.kind !== 'any') continue;
    for (const [name, p] of byName) {
      if (p.term.origin !== w.term.origin && allowsNamespace(w.term.wildcard.namespaces, namespaceOf(name))) {
        return { a: p.term, b: w.term, what: `element "${localName(name)}"` };
      }
    }
  }
  return undefined;
}

function namespaceOf(key: string): string {
  return key.startsWith('{') ? key.slice(1, key.indexOf('}')) : '';
}

function localName(key: string): string {
  return key.startsWith('{') ? key.slice(key.indexOf('}') + 1) : key;
}

/** Whether two wildcards allow some namespace in common. */
function namespacesOverlap(a: WildcardNamespaces, b: WildcardNamespaces): boolean {
  if (a.kind === 'any' || b.kind === 'any') return true;
  if (a.kind === 'other' && b.kind === 'other') return true;
  if (a.kind === 'list') return a.namespaces.some((n) => allowsNamespace(b, n));
  return b.kind === 'list' && b.namespaces.some((n) => allowsNamespace(a, n));
}
