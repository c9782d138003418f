/**
 * Content models. Two particles are compared child by child: children are paired by what they
 * are (element `x`, a reference to `y`, a wildcard, a nested group of one kind), an element
 * removed and one added with the same type and occurrences in one group is a rename, and what
 * remains is an addition or a removal, wider or narrower by where it sits: a new alternative
 * of a choice only widens, a new required child of a sequence also narrows. A sequence whose
 * kept children come in another order, or a group that changed kind, is content-model-changed.
 *
 * A group inlined from `<xs:group ref>` reports under `group <name>`, so a change in a group
 * used by several types is one change with the paths of all of them.
 */
import { qnameKey, type ModelGroup, type Occurs, type Particle, type Source } from '../ir/ir.js';
import { compareDocumentation, compareElementDecls } from './compare-declarations.js';
import { compareWildcards, namespacesLabel } from './compare-wildcards.js';
import { BOTH, NARROWS, WIDENS, occursLabel, placePaths, quote, type DiffContext, type Effects, type Place } from './diff-context.js';
import { fingerprint } from './fingerprint.js';
import { matchComponents } from './match-components.js';

export function compareContent(ctx: DiffContext, place: Place, before: Particle, after: Particle): void {
  const b = asGroup(before, after);
  const a = asGroup(after, before);
  compareGroups(ctx, place, b, a);
}

/**
 * A lone particle is a group of one: collapse-single-particle-groups made `(a)*` into `a*`, and
 * adding `b` gives `(a, b)*` back. The occurrences go on the wrapper when the other side's
 * group repeats, so `a*` against `(a, b)*` compares `a` with `a`.
 */
function asGroup(p: Particle, other: Particle): ModelGroup {
  if (isGroup(p)) return p;
  const repeatsOutside = isGroup(other) && (other.min !== 1 || other.max !== 1);
  const occurs: Occurs = repeatsOutside ? { min: p.min, max: p.max } : { min: 1, max: 1 };
  const inner = repeatsOutside ? ({ ...p, min: 1, max: 1 } as Particle) : p;
  return { kind: 'sequence', ...occurs, particles: [inner], documentation: undefined, source: sourceOf(p) };
}

function isGroup(p: Particle): p is ModelGroup {
  return p.kind === 'sequence' || p.kind === 'choice' || p.kind === 'all';
}

function compareGroups(ctx: DiffContext, place: Place, b: ModelGroup, a: ModelGroup): void {
  const subject = `${groupLabel(b)} in ${place.owner}`;
  const at = { before: b.source, after: a.source };
  if (b.kind !== a.kind) {
    ctx.report('content-model-changed', place, subject, `${b.kind} -> ${a.kind}`, BOTH, at);
    return;
  }
  compareOccurs(ctx, place, subject, groupLabel(b), b, a, at, place.paths);
  const group = a.groupName && b.groupName && qnameKey(a.groupName) === qnameKey(b.groupName) ? a.groupName : undefined;
  const sameGroup = group !== undefined;
  const inner = group ? { ...place, owner: `group ${group.name}` } : place;
  // The group's own documentation belongs to the group, wherever it is used: reported once.
  compareDocumentation(ctx, inner, sameGroup ? inner.owner : subject, b.documentation, a.documentation, at);
  compareChildren(ctx, inner, b, a);
}

function compareChildren(ctx: DiffContext, place: Place, b: ModelGroup, a: ModelGroup): void {
  // A reference to a global element renamed is kept: the rename is reported once, at the element.
  const keyed = (ps: readonly Particle[], side: 'before' | 'after') => {
    const seen = new Map<string, number>();
    return ps.map((p) => {
      const k = p.kind === 'element-ref' && side === 'before' ? `element-ref ${ctx.renamedElement(qnameKey(p.ref))}` : particleKey(p);
      const n = (seen.get(k) ?? 0) + 1;
      seen.set(k, n);
      return { key: `${k}#${n}`, particle: p };
    });
  };
  const shape = (item: { key: string; particle: Particle }, side: 'before' | 'after') => {
    const p = item.particle;
    if (p.kind !== 'element') return `${side} ${item.key}`;
    const { element } = p;
    return fingerprint({ type: element.type, min: p.min, max: p.max, nillable: element.nillable, fixed: element.fixed }, side === 'before' ? { rename: ctx.renamed } : {});
  };
  const afterItems = keyed(a.particles, 'after');
  const matching = matchComponents(keyed(b.particles, 'before'), afterItems, (item) => item.key, shape);

  // Kept children come in the old order; out of order in the new one means the sequence was reordered.
  const newOrder = matching.kept.map(([, y]) => afterItems.indexOf(y));
  if (b.kind === 'sequence' && newOrder.some((v, i) => i > 0 && v < newOrder[i - 1]!)) {
    const labels = (items: readonly { particle: Particle }[]) => items.map((x) => particleLabel(x.particle)).join(', ');
    const reordered = afterItems.filter((y) => matching.kept.some(([, k]) => k === y));
    ctx.report('content-model-changed', place, `sequence in ${place.owner}`, `the order of the sequence changed: ${labels(matching.kept.map(([x]) => x))} -> ${labels(reordered)}`, BOTH, { before: b.source, after: a.source });
  }

  for (const [x, y] of matching.kept) compareMatched(ctx, place, x.particle, y.particle);
  for (const [x, y] of matching.renamed) {
    const from = x.particle.kind === 'element' ? x.particle.element.name.name : '';
    const to = y.particle.kind === 'element' ? y.particle.element.name.name : '';
    ctx.report('element-renamed', place, `element ${to} in ${place.owner}`, `element ${quote(from)} renamed to ${quote(to)}`, BOTH, { before: sourceOf(x.particle), after: sourceOf(y.particle) }, [
      ...placePaths(place, `/${from}`),
      ...placePaths(place, `/${to}`),
    ]);
    compareMatched(ctx, place, x.particle, y.particle);
  }
  for (const { particle } of matching.removed) reportPresence(ctx, place, b.kind, particle, 'removed');
  for (const { particle } of matching.added) reportPresence(ctx, place, a.kind, particle, 'added');
}

function compareMatched(ctx: DiffContext, place: Place, b: Particle, a: Particle): void {
  if (isGroup(b) && isGroup(a)) return compareGroups(ctx, place, b, a);
  const subject = `${particleLabel(a)} in ${place.owner}`;
  const at = { before: sourceOf(b), after: sourceOf(a) };
  const paths = particlePaths(place, a);
  compareOccurs(ctx, place, subject, particleLabel(a), b, a, at, paths);
  if (b.kind === 'element' && a.kind === 'element') compareElementDecls(ctx, place, subject, b.element, a.element, paths);
  if (b.kind === 'any' && a.kind === 'any') compareWildcards(ctx, place, subject, b.wildcard, a.wildcard, paths);
}

/** An added or removed child: how far it reaches depends on the group it sits in and whether it is required. */
function reportPresence(ctx: DiffContext, place: Place, parent: ModelGroup['kind'], p: Particle, how: 'added' | 'removed'): void {
  const required = p.min > 0 && parent !== 'choice';
  const effects: Effects = how === 'added' ? (required ? BOTH : WIDENS) : required ? BOTH : NARROWS;
  const at = how === 'added' ? { after: sourceOf(p) } : { before: sourceOf(p) };
  const subject = `${particleLabel(p)} in ${place.owner}`;
  const where = parent === 'choice' ? 'as an alternative of the choice' : required ? `required (minOccurs ${p.min})` : 'optional (minOccurs 0)';
  const what = p.kind === 'any' ? `wildcard ${namespacesLabel(p.wildcard.namespaces)}` : particleLabel(p);
  const message = `${what} ${how}, ${where}`;
  const paths = particlePaths(place, p);
  if (p.kind === 'element' || p.kind === 'element-ref') ctx.report(how === 'added' ? 'element-added' : 'element-removed', place, subject, message, effects, at, paths);
  else if (p.kind === 'any') ctx.report(how === 'added' ? 'wildcard-namespace-widened' : 'wildcard-namespace-narrowed', place, subject, message, effects, at, paths);
  else ctx.report('content-model-changed', place, subject, message, effects, at, paths);
}

export function compareOccurs(ctx: DiffContext, place: Place, subject: string, label: string, b: Occurs, a: Occurs, at: { before: Source; after: Source }, paths: readonly string[]): void {
  if (b.min !== a.min) {
    const change = `minOccurs ${b.min} -> ${a.min}`;
    if (b.min === 0) ctx.report('made-required', place, subject, `${label} is now required (${change})`, NARROWS, at, paths);
    else if (a.min === 0) ctx.report('made-optional', place, subject, `${label} is now optional (${change})`, WIDENS, at, paths);
    else if (a.min > b.min) ctx.report('cardinality-narrowed', place, subject, `${label}: ${change}`, NARROWS, at, paths);
    else ctx.report('cardinality-widened', place, subject, `${label}: ${change}`, WIDENS, at, paths);
  }
  if (b.max !== a.max) {
    const change = `maxOccurs ${occursLabel(b.max)} -> ${occursLabel(a.max)}`;
    const wider = (a.max === 'unbounded' ? Infinity : a.max) > (b.max === 'unbounded' ? Infinity : b.max);
    ctx.report(wider ? 'cardinality-widened' : 'cardinality-narrowed', place, subject, `${label}: ${change}`, wider ? WIDENS : NARROWS, at, paths);
  }
}

function particleKey(p: Particle): string {
  switch (p.kind) {
    case 'element':
      return `element ${qnameKey(p.element.name)}`;
    case 'element-ref':
    case 'group-ref':
      return `${p.kind} ${qnameKey(p.ref)}`;
    case 'any':
      return 'any';
    default:
      return `${p.kind} ${p.groupName ? qnameKey(p.groupName) : ''}`;
  }
}

export function particleLabel(p: Particle): string {
  switch (p.kind) {
    case 'element':
      return `element ${p.element.name.name}`;
    case 'element-ref':
      return `element ${p.ref.name}`;
    case 'group-ref':
      return `group ${p.ref.name}`;
    case 'any':
      return 'wildcard';
    default:
      return groupLabel(p);
  }
}

function groupLabel(g: ModelGroup): string {
  return g.groupName ? `${g.kind} (group ${g.groupName.name})` : g.kind;
}

function particlePaths(place: Place, p: Particle): string[] {
  if (p.kind === 'element') return placePaths(place, `/${p.element.name.name}`);
  if (p.kind === 'element-ref') return placePaths(place, `/${p.ref.name}`);
  if (p.kind === 'any') return placePaths(place, '/*');
  return [...place.paths];
}

export function sourceOf(p: Particle): Source {
  return p.kind === 'element' ? p.element.source : p.kind === 'any' ? p.wildcard.source : p.source;
}

export function emptiable(p: Particle): boolean {
  if (p.min === 0) return true;
  if (p.kind === 'sequence' || p.kind === 'all') return p.particles.every(emptiable);
  if (p.kind === 'choice') return p.particles.some(emptiable);
  return false;
}
