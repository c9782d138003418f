/**
 * Particle Valid (Restriction), XSD 1.0 part 1 (Second Edition), 3.9.6: whether the content model
 * of a type derived by restriction allows only what its base's allows, judged particle by
 * particle with the table of cases the spec gives (NameAndTypeOK, NSCompat, NSSubset,
 * NSRecurseCheckCardinality, Recurse, RecurseLax, RecurseUnordered, MapAndSum).
 *
 * Both trees are first normalized as clause 2 of the constraint says: a global element that heads
 * a substitution group stands for a choice of its group's members, and pointless model groups
 * are dropped (empty ones; ones of occurrence 1 with one particle, or inside a group of their
 * own kind). Each pair of terms is judged once (memoized), so the work is bounded by the product
 * of the two trees' sizes; the Recurse mapping is found by dynamic programming, not by search.
 */
import { qnameKey, type ElementDecl, type Wildcard, type WildcardNamespaces } from '../ir/ir.js';
import type { SchemaIndex } from '../ir/schema-index.js';
import { isValidlyDerived } from './derivation-of.js';
import { sameValue } from './simple-values.js';
import { elementType, formatMax, type GroupTerm, type SubstitutionGroups, type Term, type WildcardTerm, URTYPE_WILDCARDS } from './particle-model.js';

/** Why a restriction fails: the rcase of 3.9.6 and a sentence naming the particle. */
export interface RestrictionFailure {
  readonly rcase: string;
  readonly message: string;
}

const AVOID_IN_NAME_AND_TYPE = new Set(['extension', 'list', 'union']);

/** Clause 2 of Particle Valid (Restriction): substitution groups as choices, pointless groups gone. Undefined when nothing is left. */
export function normalizeForRestriction(term: Term, groups: SubstitutionGroups): Term | undefined {
  const parts = normalize(term, undefined, groups);
  return parts.length === 1 ? parts[0] : parts.length === 0 ? undefined : { kind: 'sequence', min: 1, max: 1, particles: parts, source: term.source, origin: term.origin };
}

function normalize(term: Term, parent: GroupTerm['kind'] | undefined, groups: SubstitutionGroups): Term[] {
  if (term.kind === 'any') return [term];
  if (term.kind === 'element') {
    if (!term.global) return [term];
    const members = groups.of(term.decl);
    if (members.length <= 1) return [term];
    const particles: Term[] = members.map((decl) => ({ kind: 'element', min: 1, max: 1, decl, global: false, source: term.source, origin: decl }));
    return [{ kind: 'choice', min: term.min, max: term.max, particles, source: term.source, origin: term.origin }];
  }
  const particles = term.particles.flatMap((p) => normalize(p, term.kind, groups));
  if (particles.length === 0) return [];
  const once = term.min === 1 && term.max === 1;
  if (once && (particles.length === 1 || (parent === term.kind && term.kind !== 'all'))) return particles;
  return [{ ...term, particles }];
}

const minRanges = new WeakMap<Term, number>();
const maxRanges = new WeakMap<Term, number>();

/** The minimum of a term's effective total range (3.8.6); cached, as the Recurse mapping asks it often. */
export function minRange(term: Term): number {
  if (term.kind !== 'sequence' && term.kind !== 'all' && term.kind !== 'choice') return term.min;
  const cached = minRanges.get(term);
  if (cached !== undefined) return cached;
  const mins = term.particles.map(minRange);
  const inner = term.kind === 'choice' ? mins.reduce((a, b) => Math.min(a, b), mins.length === 0 ? 0 : Infinity) : mins.reduce((a, b) => a + b, 0);
  const result = term.min * inner;
  minRanges.set(term, result);
  return result;
}

/** The maximum of a term's effective total range (3.8.6); Infinity for unbounded. */
export function maxRange(term: Term): number {
  if (term.kind !== 'sequence' && term.kind !== 'all' && term.kind !== 'choice') return term.max;
  const cached = maxRanges.get(term);
  if (cached !== undefined) return cached;
  const maxes = term.particles.map(maxRange);
  const inner = term.kind === 'choice' ? maxes.reduce((a, b) => Math.max(a, b), 0) : maxes.reduce((a, b) => a + b, 0);
  const result = inner === 0 || term.max === 0 ? 0 : term.max * inner;
  maxRanges.set(term, result);
  return result;
}

/** Particle Emptiable (3.9.6). */
export function emptiable(term: Term): boolean {
  return minRange(term) === 0;
}

/** How a particle is named in messages: `element "a"`, `wildcard (##other)`, `sequence at line 3`. */
export function describeTerm(term: Term): string {
  if (term.kind === 'element') return `element "${term.decl.name.name}"`;
  if (term.kind === 'any') return `wildcard (${describeNamespaces(term.wildcard.namespaces)})`;
  return `${term.kind === 'all' ? 'all group' : term.kind} at line ${term.source.line}`;
}

function describeNamespaces(ns: WildcardNamespaces): string {
  if (ns.kind === 'any') return '##any';
  if (ns.kind === 'other') return '##other';
  return ns.namespaces.map((n) => (n === '' ? '##local' : n)).join(' ') || 'no namespace';
}

function range(min: number, max: number): string {
  return `${min}..${formatMax(max)}`;
}

/** Occurrence Range OK (3.9.6). */
function rangeOk(rMin: number, rMax: number, bMin: number, bMax: number): boolean {
  return rMin >= bMin && rMax <= bMax;
}

export function allowsNamespace(ns: WildcardNamespaces, namespace: string): boolean {
  if (ns.kind === 'any') return true;
  if (ns.kind === 'other') return namespace !== ns.namespace && namespace !== '';
  return ns.namespaces.includes(namespace);
}

/** Wildcard Subset (3.10.6): every namespace R allows, B allows. */
function namespaceSubset(r: WildcardNamespaces, b: WildcardNamespaces): boolean {
  if (b.kind === 'any') return true;
  if (r.kind === 'any') return false;
  if (r.kind === 'other') return b.kind === 'other' && b.namespace === r.namespace;
  return r.namespaces.every((n) => allowsNamespace(b, n));
}

const STRENGTH = { skip: 0, lax: 1, strict: 2 } as const;

/** One check of a restriction: R's tree against B's, with a memo over pairs of terms. */
export class RestrictionCheck {
  private readonly memo = new Map<Term, Map<Term, RestrictionFailure | null>>();

  constructor(private readonly index: SchemaIndex) {}

  /** Undefined when R is a valid restriction of B. */
  check(r: Term, b: Term): RestrictionFailure | undefined {
    // Two elements of different names, the most common pair the Recurse mapping tries: no memo entry.
    if (r.kind === 'element' && b.kind === 'element' && qnameKey(r.decl.name) !== qnameKey(b.decl.name)) {
      return { rcase: 'rcase-NameAndTypeOK', message: `${describeTerm(r)} does not match the base's ${describeTerm(b)}` };
    }
    let row = this.memo.get(r);
    if (!row) this.memo.set(r, (row = new Map()));
    const known = row.get(b);
    if (known !== undefined) return known ?? undefined;
    const result = this.judge(r, b);
    row.set(b, result ?? null);
    return result;
  }

  private judge(r: Term, b: Term): RestrictionFailure | undefined {
    if (r.kind === 'element') {
      if (b.kind === 'element') return this.nameAndType(r, b);
      if (b.kind === 'any') return this.nsCompat(r, b);
      // RecurseAsIfGroup: R as a group of B's kind holding R alone, the group occurring once.
      // (particlesZ001 expects the element's occurrences moved onto the group; particlesHa161 and
      // particlesK006 expect them kept on the element, as the spec says: we follow the spec.)
      const wrapped: GroupTerm = { kind: b.kind, min: 1, max: 1, particles: [r], source: r.source, origin: r.origin };
      return b.kind === 'choice' ? this.recurseLax(wrapped, b) : this.recurse(wrapped, b);
    }
    if (r.kind === 'any') {
      if (b.kind === 'any') return this.nsSubset(r, b);
      return forbidden(r, b);
    }
    if (b.kind === 'element') return forbidden(r, b);
    if (b.kind === 'any') return this.nsRecurseCheckCardinality(r, b);
    if (r.kind === b.kind) return r.kind === 'choice' ? this.recurseLax(r, b) : this.recurse(r, b);
    if (r.kind === 'sequence' && b.kind === 'all') return this.recurseUnordered(r, b);
    if (r.kind === 'sequence' && b.kind === 'choice') return this.mapAndSum(r, b);
    return forbidden(r, b);
  }

  private nameAndType(r: Extract<Term, { kind: 'element' }>, b: Extract<Term, { kind: 'element' }>): RestrictionFailure | undefined {
    const fail = (why: string): RestrictionFailure => ({ rcase: 'rcase-NameAndTypeOK', message: `${describeTerm(r)} ${why}` });
    const rd = r.decl;
    const bd = b.decl;
    if (qnameKey(rd.name) !== qnameKey(bd.name)) return fail(`does not match the base's ${describeTerm(b)}`);
    if (!rangeOk(r.min, r.max, b.min, b.max)) return fail(`occurs ${range(r.min, r.max)} times, outside the base's ${range(b.min, b.max)}`);
    if (rd === bd) return undefined;
    if (rd.nillable && !bd.nillable) return fail("is nillable and the base's is not");
    if (bd.fixed !== undefined && (rd.fixed === undefined || !this.sameFixed(rd.fixed, bd.fixed, bd))) {
      return fail(`must keep the base's fixed value "${bd.fixed}"`);
    }
    const baseConstraints = new Set(bd.identityConstraints.map((c) => qnameKey(c.name)));
    const extra = rd.identityConstraints.find((c) => !baseConstraints.has(qnameKey(c.name)));
    if (extra) return fail(`has the identity constraint "${extra.name.name}", which the base's declaration lacks`);
    const unblocked = bd.block.find((method) => !rd.block.includes(method));
    if (unblocked) return fail(`must block ${unblocked} as the base's declaration does`);
    const rType = elementType(rd, this.index);
    const bType = elementType(bd, this.index);
    if (!isValidlyDerived(rType, bType, AVOID_IN_NAME_AND_TYPE, this.index)) {
      return fail("has a type that is not the base's element's type nor derived from it by restriction");
    }
    return undefined;
  }

  /** Two fixed values the same in the value space of the base declaration's type ("1" and "true" for a boolean), or the same text. */
  private sameFixed(r: string, b: string, decl: ElementDecl): boolean {
    if (r === b) return true;
    return decl.type !== undefined && sameValue(decl.type, r, b, this.index);
  }

  private nsCompat(r: Extract<Term, { kind: 'element' }>, b: WildcardTerm): RestrictionFailure | undefined {
    if (!allowsNamespace(b.wildcard.namespaces, r.decl.name.namespace)) {
      return { rcase: 'rcase-NSCompat', message: `${describeTerm(r)} is in a namespace the base's ${describeTerm(b)} does not allow` };
    }
    if (!rangeOk(r.min, r.max, b.min, b.max)) {
      return { rcase: 'rcase-NSCompat', message: `${describeTerm(r)} occurs ${range(r.min, r.max)} times, outside the base's wildcard's ${range(b.min, b.max)}` };
    }
    return undefined;
  }

  private nsSubset(r: WildcardTerm, b: WildcardTerm): RestrictionFailure | undefined {
    const fail = (why: string): RestrictionFailure => ({ rcase: 'rcase-NSSubset', message: `${describeTerm(r)} ${why}` });
    if (!rangeOk(r.min, r.max, b.min, b.max)) return fail(`occurs ${range(r.min, r.max)} times, outside the base's wildcard's ${range(b.min, b.max)}`);
    return wildcardSubset(r.wildcard, b.wildcard, fail);
  }

  /** Each particle of R's group within B's wildcard (occurrences aside), and R's effective total range within B's. */
  private nsRecurseCheckCardinality(r: GroupTerm, b: WildcardTerm): RestrictionFailure | undefined {
    const fail = (why: string): RestrictionFailure => ({ rcase: 'rcase-NSRecurseCheckCardinality', message: why });
    const pending: Term[] = [...r.particles];
    while (pending.length > 0) {
      const term = pending.pop()!;
      if (term.kind === 'element') {
        if (!allowsNamespace(b.wildcard.namespaces, term.decl.name.namespace)) return fail(`${describeTerm(term)} is in a namespace the base's ${describeTerm(b)} does not allow`);
      } else if (term.kind === 'any') {
        const failure = wildcardSubset(term.wildcard, b.wildcard, (why) => fail(`${describeTerm(term)} ${why}`));
        if (failure) return failure;
      } else {
        pending.push(...term.particles);
      }
    }
    const min = minRange(r);
    const max = maxRange(r);
    if (!rangeOk(min, max, b.min, b.max)) return fail(`${describeTerm(r)} allows ${range(min, max)} elements, outside the base's wildcard's ${range(b.min, b.max)}`);
    return undefined;
  }

  /** Recurse (all/all, sequence/sequence): an order-preserving mapping; the base's particles left out must be emptiable. */
  private recurse(r: GroupTerm, b: GroupTerm): RestrictionFailure | undefined {
    const rcase = 'rcase-Recurse';
    if (!rangeOk(r.min, r.max, b.min, b.max)) return { rcase, message: `${describeTerm(r)} occurs ${range(r.min, r.max)} times, outside the base's ${range(b.min, b.max)}` };
    const rs = r.particles;
    const bs = b.particles;
    const n = rs.length;
    const m = bs.length;
    // reach[i][j]: the first i particles of R map into the first j of B, those skipped emptiable.
    const reach = Array.from({ length: n + 1 }, () => new Uint8Array(m + 1));
    reach[0]![0] = 1;
    for (let i = 0; i <= n; i++) {
      for (let j = 1; j <= m; j++) {
        const skip = reach[i]![j - 1] === 1 && emptiable(bs[j - 1]!);
        const map = i > 0 && reach[i - 1]![j - 1] === 1 && this.check(rs[i - 1]!, bs[j - 1]!) === undefined;
        reach[i]![j] = skip || map ? 1 : 0;
      }
    }
    if (reach[n]![m] === 1) return undefined;
    // Name what went wrong: the first particle of R that maps nowhere, or a required particle of B left out.
    let mapped = 0;
    for (let i = 0; i <= n; i++) if (reach[i]!.includes(1)) mapped = i;
    if (mapped === n) {
      const last = reach[n]!.lastIndexOf(1);
      const missing = bs.slice(last).find((p) => !emptiable(p)) ?? bs[m - 1];
      return { rcase, message: `the base's ${missing ? describeTerm(missing) : 'content'} is required and the restriction leaves it out` };
    }
    const stuck = rs[mapped]!;
    // A base particle it could restrict, beyond a required one the restriction would skip.
    const from = reach[mapped]!.indexOf(1);
    const target = bs.findIndex((q, j) => j >= from && this.check(stuck, q) === undefined);
    const skipped = target < 0 ? undefined : bs.slice(from, target).find((q) => !emptiable(q));
    if (skipped) return { rcase, message: `the base's ${describeTerm(skipped)} is required and the restriction leaves it out` };
    return { rcase, message: `${describeTerm(stuck)} restricts no particle of the base's ${describeTerm(b)} in order${this.because(stuck, bs)}` };
  }

  /** RecurseLax (choice/choice): an order-preserving mapping; the base's particles left out need not be emptiable. */
  private recurseLax(r: GroupTerm, b: GroupTerm): RestrictionFailure | undefined {
    const rcase = 'rcase-RecurseLax';
    if (!rangeOk(r.min, r.max, b.min, b.max)) return { rcase, message: `${describeTerm(r)} occurs ${range(r.min, r.max)} times, outside the base's ${range(b.min, b.max)}` };
    // Matching each particle to the earliest base particle it restricts is optimal for a subsequence.
    let j = 0;
    for (const p of r.particles) {
      while (j < b.particles.length && this.check(p, b.particles[j]!) !== undefined) j++;
      if (j === b.particles.length) return { rcase, message: `${describeTerm(p)} restricts no particle of the base's ${describeTerm(b)} in order${this.because(p, b.particles)}` };
      j++;
    }
    return undefined;
  }

  /** RecurseUnordered (sequence/all): each particle maps to its own particle of the all group; the rest emptiable. */
  private recurseUnordered(r: GroupTerm, b: GroupTerm): RestrictionFailure | undefined {
    const rcase = 'rcase-RecurseUnordered';
    if (!rangeOk(r.min, r.max, b.min, b.max)) return { rcase, message: `${describeTerm(r)} occurs ${range(r.min, r.max)} times, outside the base's ${range(b.min, b.max)}` };
    const used = new Set<Term>();
    for (const p of r.particles) {
      const target = b.particles.find((q) => !used.has(q) && this.check(p, q) === undefined);
      if (!target) return { rcase, message: `${describeTerm(p)} restricts no particle of the base's ${describeTerm(b)}${this.because(p, b.particles)}` };
      used.add(target);
    }
    const missing = b.particles.find((q) => !used.has(q) && !emptiable(q));
    if (missing) return { rcase, message: `the base's ${describeTerm(missing)} is required and the restriction leaves it out` };
    return undefined;
  }

  /** MapAndSum (sequence/choice): each particle restricts some branch, and the sequence's count of elements fits the choice's range. */
  private mapAndSum(r: GroupTerm, b: GroupTerm): RestrictionFailure | undefined {
    const rcase = 'rcase-MapAndSum';
    for (const p of r.particles) {
      if (!b.particles.some((q) => this.check(p, q) === undefined)) {
        return { rcase, message: `${describeTerm(p)} restricts no branch of the base's ${describeTerm(b)}${this.because(p, b.particles)}` };
      }
    }
    const count = r.particles.length;
    const min = r.min * count;
    const max = count === 0 ? 0 : r.max * count;
    if (!rangeOk(min, max, b.min, b.max)) return { rcase, message: `${describeTerm(r)} stands for ${range(min, max)} choices, outside the base's ${describeTerm(b)}'s ${range(b.min, b.max)}` };
    return undefined;
  }

  /** The reason a particle fails against the base particle of its own name, when there is one: what a reader wants to know. */
  private because(p: Term, candidates: readonly Term[]): string {
    for (const q of candidates) {
      const sameName = p.kind === 'element' && q.kind === 'element' && qnameKey(p.decl.name) === qnameKey(q.decl.name);
      if (!sameName && !(p.kind !== 'element' && p.kind === q.kind)) continue;
      const failure = this.check(p, q);
      if (failure) return ` (${failure.rcase}: ${failure.message})`;
    }
    return '';
  }
}

function wildcardSubset(r: Wildcard, b: Wildcard, fail: (why: string) => RestrictionFailure): RestrictionFailure | undefined {
  if (!namespaceSubset(r.namespaces, b.namespaces)) return fail(`allows namespaces the base's wildcard (${describeNamespaces(b.namespaces)}) does not`);
  if (!URTYPE_WILDCARDS.has(b) && STRENGTH[r.processContents] < STRENGTH[b.processContents]) {
    return fail(`has processContents="${r.processContents}", weaker than the base's "${b.processContents}"`);
  }
  return undefined;
}

/** The kinds of particle the table of 3.9.6 never lets restrict another kind. */
const KIND_NAMES = { element: 'an element', any: 'a wildcard', sequence: 'a sequence', choice: 'a choice', all: 'an all group' } as const;

function forbidden(r: Term, b: Term): RestrictionFailure {
  return { rcase: 'forbidden', message: `${describeTerm(r)} cannot restrict the base's ${describeTerm(b)}: ${KIND_NAMES[r.kind]} never restricts ${KIND_NAMES[b.kind]} in XSD 1.0` };
}
