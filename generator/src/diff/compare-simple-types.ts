/**
 * Data types: a reference replaced by another (type-changed, wider or narrower when one derives
 * from the other), and two versions of one simple type compared variety, base, members and facet
 * by facet. Facets are compared by their numbers: a smaller maxLength or a larger minInclusive
 * tightens, the reverse loosens, a new facet tightens and a dropped one loosens.
 */
import { XSD_NAMESPACE, qnameKey, type Facet, type FacetKind, type QName, type SimpleType, type Source, type TypeRef } from '../ir/ir.js';
import { builtinBase } from '../ir/builtins.js';
import { BOTH, NARROWS, WIDENS, quoteTextChange, typeLabel, quote, type DiffContext, type Effects, type Place, type Version } from './diff-context.js';

export const ANY_SIMPLE_TYPE: QName = { namespace: XSD_NAMESPACE, name: 'anySimpleType' };

export interface TypeUse {
  readonly place: Place;
  readonly subject: string;
  readonly before: Source | undefined;
  readonly after: Source | undefined;
  readonly paths: readonly string[];
}

/** Two type references of one element or attribute; `implicit` stands for an absent one. */
export function compareTypeRefs(ctx: DiffContext, use: TypeUse, before: TypeRef | undefined, after: TypeRef | undefined, implicit: QName, what = 'type'): void {
  const b: TypeRef = before ?? { kind: 'type-ref', ref: implicit };
  const a: TypeRef = after ?? { kind: 'type-ref', ref: implicit };
  if (b.kind !== 'type-ref' && a.kind !== 'type-ref') {
    if (b.kind === 'simple' && a.kind === 'simple') compareSimpleTypes(ctx, use, b, a);
    else if (b.kind !== a.kind) ctx.report('type-changed', use.place, use.subject, `its anonymous ${b.kind} type is now a ${a.kind} type`, BOTH, use, use.paths);
    return;
  }
  if (b.kind === 'type-ref' && a.kind === 'type-ref' && ctx.sameTypeName(b.ref, a.ref)) return;
  const ns = use.place.namespace;
  const label = (ref: TypeRef) => (ref.kind === 'type-ref' ? typeLabel(ref.ref, ns) : `an anonymous ${ref.kind} type`);
  const effects = b.kind === 'type-ref' && a.kind === 'type-ref' ? relate(ctx, b.ref, a.ref) : BOTH;
  const how = effects === WIDENS ? ` (${label(a)} admits every value of ${label(b)})` : effects === NARROWS ? ` (${label(a)} admits only some values of ${label(b)})` : '';
  ctx.report('type-changed', use.place, use.subject, `${what} ${label(b)} -> ${label(a)}${how}`, effects, use, use.paths);
}

/**
 * Wider when the new type is an ancestor of the old one, narrower when a descendant. xs:string
 * (and anySimpleType) accept every text, so any simple type replaced by one of them widens,
 * and either replaced by a simple type narrows, whatever the derivation tree says.
 */
function relate(ctx: DiffContext, before: QName, after: QName): Effects {
  if (acceptsEveryText(after) && isSimple(ctx.before, before)) return WIDENS;
  if (acceptsEveryText(before) && isSimple(ctx.after, after)) return NARROWS;
  const afterKey = qnameKey(after);
  if (ancestors(ctx.before, before).some((k) => ctx.renamed(k) === afterKey)) return WIDENS;
  const beforeKey = ctx.renamed(qnameKey(before));
  if (ancestors(ctx.after, after).includes(beforeKey)) return NARROWS;
  return BOTH;
}

function acceptsEveryText(name: QName): boolean {
  return name.namespace === XSD_NAMESPACE && (name.name === 'string' || name.name === 'anySimpleType');
}

function isSimple(version: Version, name: QName): boolean {
  const def = version.index.type(name);
  return def ? def.kind === 'simple' : name.namespace === XSD_NAMESPACE && name.name !== 'anyType';
}

/** The type and every type it restricts, as keys: user types through their base, built-ins through the XSD tree. */
function ancestors(version: Version, name: QName): string[] {
  const keys: string[] = [];
  let current: QName | undefined = name;
  while (current && !keys.includes(qnameKey(current))) {
    keys.push(qnameKey(current));
    const def = version.index.type(current);
    if (!def) current = builtinBase(current);
    else if (def.kind === 'simple') current = def.variety === 'atomic' && def.base?.kind === 'type-ref' ? def.base.ref : ANY_SIMPLE_TYPE;
    else current = def.derivation?.method === 'restriction' ? def.derivation.base : undefined;
  }
  return keys;
}

export function compareSimpleTypes(ctx: DiffContext, use: TypeUse, b: SimpleType, a: SimpleType): void {
  if (b.variety !== a.variety) {
    ctx.report('type-changed', use.place, use.subject, `variety ${b.variety} -> ${a.variety}`, BOTH, { before: b.source, after: a.source }, use.paths);
    return;
  }
  const inner = { ...use, before: b.source, after: a.source };
  if (b.variety === 'atomic') compareTypeRefs(ctx, inner, b.base, a.base, ANY_SIMPLE_TYPE, 'base type');
  if (b.variety === 'list') compareTypeRefs(ctx, inner, b.itemType, a.itemType, ANY_SIMPLE_TYPE, 'item type');
  if (b.variety === 'union') compareMembers(ctx, inner, b, a);
  compareFacets(ctx, inner, b.facets, a.facets);
}

/** A union admits the values of each member: one more widens, one fewer narrows. */
function compareMembers(ctx: DiffContext, use: TypeUse, b: SimpleType, a: SimpleType): void {
  const ns = use.place.namespace;
  const label = (ref: TypeRef) => (ref.kind === 'type-ref' ? typeLabel(ref.ref, ns) : 'an anonymous type');
  const key = (ref: TypeRef, side: 'before' | 'after') => (ref.kind === 'type-ref' ? (side === 'before' ? ctx.renamed(qnameKey(ref.ref)) : qnameKey(ref.ref)) : undefined);
  const beforeKeys = b.memberTypes.map((m) => key(m, 'before'));
  const afterKeys = a.memberTypes.map((m) => key(m, 'after'));
  const list = (refs: readonly TypeRef[]) => refs.map(label).join(' | ');
  for (const m of a.memberTypes) {
    if (m.kind === 'type-ref' && !beforeKeys.includes(key(m, 'after'))) {
      ctx.report('type-changed', use.place, use.subject, `member ${label(m)} added to the union (${list(b.memberTypes)} -> ${list(a.memberTypes)})`, WIDENS, use, use.paths);
    }
  }
  for (const m of b.memberTypes) {
    if (m.kind === 'type-ref' && !afterKeys.includes(key(m, 'before'))) {
      ctx.report('type-changed', use.place, use.subject, `member ${label(m)} removed from the union (${list(b.memberTypes)} -> ${list(a.memberTypes)})`, NARROWS, use, use.paths);
    }
  }
  // Anonymous members are compared by position: they have nothing else to be matched by.
  const inlineB = b.memberTypes.filter((m): m is SimpleType => m.kind === 'simple');
  const inlineA = a.memberTypes.filter((m): m is SimpleType => m.kind === 'simple');
  for (let i = 0; i < Math.min(inlineB.length, inlineA.length); i++) compareSimpleTypes(ctx, use, inlineB[i]!, inlineA[i]!);
  if (inlineB.length !== inlineA.length) {
    const effects = inlineA.length > inlineB.length ? WIDENS : NARROWS;
    ctx.report('type-changed', use.place, use.subject, `anonymous members of the union: ${inlineB.length} -> ${inlineA.length}`, effects, use, use.paths);
  }
}

/** How a bound facet tightens: a larger lower bound, a smaller upper bound or length limit. */
const TIGHTER_WHEN: Partial<Record<FacetKind, 'larger' | 'smaller'>> = {
  minLength: 'larger',
  maxLength: 'smaller',
  totalDigits: 'smaller',
  fractionDigits: 'smaller',
};

export function compareFacets(ctx: DiffContext, use: TypeUse, before: readonly Facet[], after: readonly Facet[]): void {
  const of = (facets: readonly Facet[], kind: FacetKind) => facets.filter((f) => f.kind === kind);
  const report = (kind: Parameters<DiffContext['report']>[0], message: string, effects: Effects, b: Facet | undefined, a: Facet | undefined) =>
    ctx.report(kind, use.place, use.subject, message, effects, { before: b?.source ?? use.before, after: a?.source ?? use.after }, use.paths);

  compareEnumerations(ctx, use, of(before, 'enumeration'), of(after, 'enumeration'));

  const patternsB = of(before, 'pattern');
  const patternsA = of(after, 'pattern');
  const patternText = (fs: readonly Facet[]) => fs.map((f) => quote(f.value)).join(' | ');
  if (patternsB.length === 0 && patternsA.length > 0) report('facet-tightened', `pattern ${patternText(patternsA)} added`, NARROWS, undefined, patternsA[0]);
  else if (patternsB.length > 0 && patternsA.length === 0) report('facet-loosened', `pattern ${patternText(patternsB)} removed`, WIDENS, patternsB[0], undefined);
  else if (patternText(patternsB) !== patternText(patternsA)) report('facet-changed', `pattern ${patternText(patternsB)} -> ${patternText(patternsA)}`, BOTH, patternsB[0], patternsA[0]);

  for (const kind of ['length', 'minLength', 'maxLength', 'totalDigits', 'fractionDigits', 'whiteSpace'] as const) {
    const b = of(before, kind)[0];
    const a = of(after, kind)[0];
    if (b?.value === a?.value) continue;
    if (!b) report('facet-tightened', `${kind} ${a!.value} added`, kind === 'whiteSpace' ? BOTH : NARROWS, undefined, a);
    else if (!a) report('facet-loosened', `${kind} ${b.value} removed`, kind === 'whiteSpace' ? BOTH : WIDENS, b, undefined);
    else {
      const tighter = TIGHTER_WHEN[kind];
      const direction = tighter ? Math.sign(Number(a.value) - Number(b.value)) * (tighter === 'larger' ? 1 : -1) : 0;
      if (direction > 0) report('facet-tightened', `${kind} ${b.value} -> ${a.value}`, NARROWS, b, a);
      else if (direction < 0) report('facet-loosened', `${kind} ${b.value} -> ${a.value}`, WIDENS, b, a);
      else report('facet-changed', `${kind} ${b.value} -> ${a.value}`, BOTH, b, a);
    }
  }

  compareBound(ctx, use, 'lower', before, after);
  compareBound(ctx, use, 'upper', before, after);
}

function compareEnumerations(ctx: DiffContext, use: TypeUse, before: readonly Facet[], after: readonly Facet[]): void {
  const values = (fs: readonly Facet[]) => fs.map((f) => quote(f.value)).join(', ');
  const at = (b: Facet | undefined, a: Facet | undefined) => ({ before: b?.source ?? use.before, after: a?.source ?? use.after });
  if (before.length === 0 && after.length > 0) {
    ctx.report('facet-tightened', use.place, use.subject, `enumeration ${values(after)} added`, NARROWS, at(undefined, after[0]), use.paths);
    return;
  }
  if (before.length > 0 && after.length === 0) {
    ctx.report('facet-loosened', use.place, use.subject, `enumeration ${values(before)} removed`, WIDENS, at(before[0], undefined), use.paths);
    return;
  }
  const change = `(${values(before)} -> ${values(after)})`;
  for (const a of after) {
    const b = before.find((f) => f.value === a.value);
    if (!b) ctx.report('enumeration-value-added', use.place, use.subject, `value ${quote(a.value)} added to the enumeration ${change}`, WIDENS, at(undefined, a), use.paths);
    else if ((b.documentation ?? '') !== (a.documentation ?? '')) {
      ctx.report('documentation-changed', use.place, use.subject, `documentation of value ${quote(a.value)}: ${quoteTextChange(b.documentation, a.documentation)}`, { producers: 'none', consumers: 'none' }, at(b, a), []);
    }
  }
  for (const b of before) {
    if (!after.some((f) => f.value === b.value)) {
      ctx.report('enumeration-value-removed', use.place, use.subject, `value ${quote(b.value)} removed from the enumeration ${change}`, NARROWS, at(b, undefined), use.paths);
    }
  }
}

interface Bound {
  readonly facet: Facet;
  readonly value: number | undefined;
  readonly exclusive: boolean;
}

/** minInclusive and minExclusive are one lower bound (max* one upper): 5 inclusive -> 5 exclusive tightens. */
function compareBound(ctx: DiffContext, use: TypeUse, which: 'lower' | 'upper', before: readonly Facet[], after: readonly Facet[]): void {
  const [inclusive, exclusive] = which === 'lower' ? (['minInclusive', 'minExclusive'] as const) : (['maxInclusive', 'maxExclusive'] as const);
  const bound = (fs: readonly Facet[]): Bound | undefined => {
    const f = fs.find((x) => x.kind === inclusive || x.kind === exclusive);
    if (!f) return undefined;
    const n = Number(f.value);
    return { facet: f, value: f.value.trim() !== '' && Number.isFinite(n) ? n : undefined, exclusive: f.kind === exclusive };
  };
  const b = bound(before);
  const a = bound(after);
  const text = (x: Bound) => `${x.facet.kind} ${x.facet.value}`;
  const at = { before: b?.facet.source ?? use.before, after: a?.facet.source ?? use.after };
  if (!b && !a) return;
  if (!b) return ctx.report('facet-tightened', use.place, use.subject, `${text(a!)} added`, NARROWS, at, use.paths);
  if (!a) return ctx.report('facet-loosened', use.place, use.subject, `${text(b)} removed`, WIDENS, at, use.paths);
  if (b.facet.kind === a.facet.kind && b.facet.value === a.facet.value) return;
  if (b.value === undefined || a.value === undefined) {
    return ctx.report('facet-changed', use.place, use.subject, `${text(b)} -> ${text(a)}`, BOTH, at, use.paths);
  }
  // Position of the bound on the number line, exclusive just inside its value.
  const sign = which === 'lower' ? 1 : -1;
  const tighter = (a.value - b.value) * sign > 0 || (a.value === b.value && a.exclusive && !b.exclusive);
  if (tighter) ctx.report('facet-tightened', use.place, use.subject, `${text(b)} -> ${text(a)}`, NARROWS, at, use.paths);
  else ctx.report('facet-loosened', use.place, use.subject, `${text(b)} -> ${text(a)}`, WIDENS, at, use.paths);
}
