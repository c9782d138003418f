/**
 * The operations on attribute wildcards' namespace constraints that XSD 1.0 part 1 defines in
 * 3.10.6: Wildcard Subset, Attribute Wildcard Union (how an extension combines its base's
 * wildcard with its own) and Attribute Wildcard Intersection (how a type's or attribute group's
 * own wildcard combines with those of the attribute groups it refers to). Exported for the
 * lowering too, which must give the runtime the same combined wildcard.
 *
 * In the IR, '' stands for absent (no namespace): `{ kind: 'other', namespace: '' }` is the
 * pair (not, absent), and '' in a list is ##local.
 */
import { GeneratorError } from '../errors.js';
import type { QName, Source, Wildcard, WildcardNamespaces } from './ir.js';

/** Wildcard allows Namespace Name (3.10.4), for a name's namespace ('' when it has none). */
export function wildcardAllows(constraint: WildcardNamespaces, namespace: string): boolean {
  switch (constraint.kind) {
    case 'any':
      return true;
    case 'other':
      // (not, N) excludes N and, in XSD 1.0, unqualified names as well.
      return namespace !== constraint.namespace && namespace !== '';
    case 'list':
      return constraint.namespaces.includes(namespace);
  }
}

export function wildcardAllowsName(constraint: WildcardNamespaces, name: QName): boolean {
  return wildcardAllows(constraint, name.namespace);
}

/** Wildcard Subset (cos-ns-subset): every namespace `sub` allows, `sup` allows too. */
export function isWildcardSubset(sub: WildcardNamespaces, sup: WildcardNamespaces): boolean {
  if (sup.kind === 'any') return true;
  if (sub.kind === 'any') return false;
  if (sub.kind === 'other') {
    // A negation allows every namespace name but one: only a negation of the same name, or of
    // absent (which every negation excludes anyway), holds it.
    return sup.kind === 'other' && (sup.namespace === sub.namespace || sup.namespace === '');
  }
  if (sup.kind === 'list') {
    const allowed = new Set(sup.namespaces);
    return sub.namespaces.every((ns) => allowed.has(ns));
  }
  return sub.namespaces.every((ns) => ns !== sup.namespace && ns !== '');
}

/**
 * Attribute Wildcard Union (cos-aw-union), or 'inexpressible' in the one case XSD 1.0 has no
 * constraint for: a negation of a namespace name with a set that holds absent but not that name.
 */
export function wildcardUnion(a: WildcardNamespaces, b: WildcardNamespaces): WildcardNamespaces | 'inexpressible' {
  if (sameConstraint(a, b)) return a;
  if (a.kind === 'any' || b.kind === 'any') return { kind: 'any' };
  if (a.kind === 'list' && b.kind === 'list') return list([...a.namespaces, ...b.namespaces]);
  if (a.kind === 'other' && b.kind === 'other') return { kind: 'other', namespace: '' };
  const negation = a.kind === 'other' ? a : (b as Extract<WildcardNamespaces, { kind: 'other' }>);
  const set = a.kind === 'list' ? a : (b as Extract<WildcardNamespaces, { kind: 'list' }>);
  const hasAbsent = set.namespaces.includes('');
  if (negation.namespace === '') {
    // Clause 6: (not, absent) with a set.
    return hasAbsent ? { kind: 'any' } : negation;
  }
  // Clause 5: (not, N) with a set.
  const hasNegated = set.namespaces.includes(negation.namespace);
  if (hasNegated && hasAbsent) return { kind: 'any' };
  if (hasNegated) return { kind: 'other', namespace: '' };
  if (hasAbsent) return 'inexpressible';
  return negation;
}

/**
 * Attribute Wildcard Intersection (cos-aw-intersect), or 'inexpressible' for two negations of
 * different namespace names.
 */
export function wildcardIntersection(a: WildcardNamespaces, b: WildcardNamespaces): WildcardNamespaces | 'inexpressible' {
  if (sameConstraint(a, b)) return a;
  if (a.kind === 'any') return b;
  if (b.kind === 'any') return a;
  if (a.kind === 'list' && b.kind === 'list') {
    const inB = new Set(b.namespaces);
    return list(a.namespaces.filter((ns) => inB.has(ns)));
  }
  if (a.kind === 'other' && b.kind === 'other') {
    // Different negations: (not, absent) gives way to the negation of a name; two names have no intersection to write.
    if (a.namespace === '') return b;
    if (b.namespace === '') return a;
    return 'inexpressible';
  }
  const negation = a.kind === 'other' ? a : (b as Extract<WildcardNamespaces, { kind: 'other' }>);
  const set = a.kind === 'list' ? a : (b as Extract<WildcardNamespaces, { kind: 'list' }>);
  return list(set.namespaces.filter((ns) => ns !== negation.namespace && ns !== ''));
}

/** The order of {process contents} from weakest to strongest. */
const STRENGTH = { skip: 0, lax: 1, strict: 2 } as const;

/** True when `derived`'s {process contents} is the same as or stronger than `base`'s. */
export function processContentsNotWeaker(derived: Wildcard['processContents'], base: Wildcard['processContents']): boolean {
  return STRENGTH[derived] >= STRENGTH[base];
}

export function describeConstraint(constraint: WildcardNamespaces): string {
  switch (constraint.kind) {
    case 'any':
      return '##any';
    case 'other':
      return constraint.namespace === '' ? 'not (no namespace)' : `##other (not "${constraint.namespace}")`;
    case 'list':
      return constraint.namespaces.length === 0 ? 'no namespace at all (an empty list)' : constraint.namespaces.map((ns) => (ns === '' ? '##local' : `"${ns}"`)).join(' ');
  }
}

function sameConstraint(a: WildcardNamespaces, b: WildcardNamespaces): boolean {
  if (a.kind === 'any' || b.kind === 'any') return a.kind === b.kind;
  if (a.kind === 'other' || b.kind === 'other') return a.kind === 'other' && b.kind === 'other' && a.namespace === b.namespace;
  const inA = new Set(a.namespaces);
  const inB = new Set(b.namespaces);
  return inA.size === inB.size && [...inA].every((ns) => inB.has(ns));
}

function list(namespaces: readonly string[]): WildcardNamespaces {
  return { kind: 'list', namespaces: [...new Set(namespaces)] };
}

/**
 * The complete wildcard (3.4.2 / 3.6.2) of a type or attribute group: the local wildcard's
 * {process contents} (else the first group wildcard's) with the intersection of every namespace
 * constraint; an inexpressible intersection is xsd.cos-aw-intersect. `label` names the owner.
 */
export function completeWildcard(local: Wildcard | undefined, groups: readonly Wildcard[], source: Source, label: string): Wildcard | undefined {
  const first = local ?? groups[0];
  if (!first) return undefined;
  let namespaces = first.namespaces;
  for (const other of local ? groups : groups.slice(1)) {
    const meet = wildcardIntersection(namespaces, other.namespaces);
    if (meet === 'inexpressible') {
      throw new GeneratorError(
        'xsd.cos-aw-intersect',
        `the attribute wildcards of ${label} (its own and its attribute groups') allow ${describeConstraint(namespaces)} and ${describeConstraint(other.namespaces)}: XSD 1.0 cannot express their intersection`,
        local?.source ?? source,
        'two ##other wildcards from schemas of different target namespaces cannot be combined: list the namespaces explicitly in one of them',
      );
    }
    namespaces = meet;
  }
  return { ...first, namespaces };
}
