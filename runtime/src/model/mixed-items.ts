/**
 * The children an element-only model value holds, in the order the serializer writes them, as
 * the `$case` items of mixed content (mixed-content.ts). The fixture generator fills a mixed
 * type's content model as it fills element-only content, then lists the children this way and
 * puts text between them; the walk is walk-model.ts's, without the writing.
 */
import type { ParticlePlan } from './write-plan.js';
import type { MixedItem } from './mixed-content.js';

type Model = Record<string, unknown>;

/** The children `holder` gives particle `p`, appended to `out` as `{ $case, [$case]: value }` items. */
export function mixedItemsOf(p: ParticlePlan, holder: Model, out: MixedItem[]): void {
  if (p.property === undefined) {
    if (p.kind !== 'sequence' && p.kind !== 'all') return;
    if (p.min === 0 && !holds(p, holder)) return;
    for (const c of p.particles) mixedItemsOf(c, holder, out);
    return;
  }
  const raw = holder[p.property];
  const values: unknown[] = p.many ? (Array.isArray(raw) ? raw : []) : raw === undefined ? [] : [raw];
  for (const v of values) occurrence(p, v, out);
}

function occurrence(p: ParticlePlan, v: unknown, out: MixedItem[]): void {
  switch (p.kind) {
    case 'element':
      // A substitution group's value is already its member's `$case` object.
      if (!p.local && p.cases && isObject(v) && typeof v.$case === 'string') out.push({ ...v, $case: v.$case });
      else out.push({ $case: p.property!, [p.property!]: v });
      return;
    case 'any':
      out.push({ $case: p.property!, [p.property!]: v });
      return;
    case 'choice':
      branch(p, v, out);
      return;
    case 'sequence':
    case 'all':
      if (p.onlyChoice) branch(p.onlyChoice, v, out);
      else if (isObject(v)) for (const c of p.particles) mixedItemsOf(c, v, out);
      return;
  }
}

function branch(choice: ParticlePlan, v: unknown, out: MixedItem[]): void {
  const found = isObject(v) ? choice.branch(v.$case) : undefined;
  if (!found || !isObject(v)) return;
  if ((found.kind === 'sequence' || found.kind === 'all') && !found.many) for (const c of found.particles) mixedItemsOf(c, v, out);
  else if (found.kind === 'element' && found.cases && !found.many) occurrence(found, v, out);
  else mixedItemsOf(found, v, out);
}

function holds(p: ParticlePlan, holder: Model): boolean {
  if (p.property === undefined) return p.particles.some((c) => holds(c, holder));
  const v = holder[p.property];
  return Array.isArray(v) ? v.length > 0 : v !== undefined;
}

function isObject(value: unknown): value is Model {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
