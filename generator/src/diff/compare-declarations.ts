/**
 * What elements and attributes declare besides their name: type, nillable, fixed and default
 * values, identity constraints, documentation. A fixed value is a one-value facet (added
 * tightens, dropped loosens); a default changes no verdict, but a consumer reading an absent
 * value now gets another one.
 */
import { XSD_NAMESPACE, qnameKey, type ElementDecl, type IdentityConstraint, type QName, type Source } from '../ir/ir.js';
import { compareTypeRefs } from './compare-simple-types.js';
import { BOTH, NARROWS, NEITHER, WIDENS, quote, quoteTextChange, type DiffContext, type Place } from './diff-context.js';
import { matchComponents } from './match-components.js';

const ANY_TYPE: QName = { namespace: XSD_NAMESPACE, name: 'anyType' };

interface At {
  readonly before: Source;
  readonly after: Source;
}

export function compareElementDecls(ctx: DiffContext, place: Place, subject: string, b: ElementDecl, a: ElementDecl, paths: readonly string[]): void {
  const at: At = { before: b.source, after: a.source };
  compareTypeRefs(ctx, { place, subject, ...at, paths }, b.type, a.type, ANY_TYPE);
  if (b.nillable !== a.nillable) {
    ctx.report('type-changed', place, subject, `nillable ${b.nillable} -> ${a.nillable}`, a.nillable ? WIDENS : NARROWS, at, paths);
  }
  compareValueConstraints(ctx, place, subject, b, a, at, paths);
  compareIdentityConstraints(ctx, place, subject, b, a, paths);
  compareDocumentation(ctx, place, subject, b.documentation, a.documentation, at);
}

/**
 * xs:unique, xs:key and xs:keyref, paired by name: a new one refuses documents the old version
 * took, a dropped one takes documents it refused. A key is a unique whose fields must be there.
 */
function compareIdentityConstraints(ctx: DiffContext, place: Place, subject: string, b: ElementDecl, a: ElementDecl, paths: readonly string[]): void {
  const shape = (c: IdentityConstraint) => `${c.selector} | ${c.fields.join(' ')} | ${c.refer ? qnameKey(c.refer) : ''}`;
  const label = (c: IdentityConstraint) => `${c.kind} ${c.name.name} (selector ${quote(c.selector)}, field${c.fields.length === 1 ? '' : 's'} ${c.fields.map(quote).join(', ')})`;
  const matching = matchComponents(b.identityConstraints, a.identityConstraints, (c) => qnameKey(c.name));
  for (const c of matching.added) ctx.report('identity-constraint-changed', place, subject, `${label(c)} added`, NARROWS, { before: b.source, after: c.source }, paths);
  for (const c of matching.removed) ctx.report('identity-constraint-changed', place, subject, `${label(c)} removed`, WIDENS, { before: c.source, after: a.source }, paths);
  for (const [x, y] of matching.kept) {
    const at = { before: x.source, after: y.source };
    if (shape(x) !== shape(y) || (x.kind === 'keyref') !== (y.kind === 'keyref')) ctx.report('identity-constraint-changed', place, subject, `${label(x)} -> ${label(y)}`, BOTH, at, paths);
    else if (x.kind !== y.kind) ctx.report('identity-constraint-changed', place, subject, `${label(x)} -> ${y.kind}`, y.kind === 'key' ? NARROWS : WIDENS, at, paths);
    compareDocumentation(ctx, place, subject, x.documentation, y.documentation, at);
  }
}

export function compareValueConstraints(
  ctx: DiffContext,
  place: Place,
  subject: string,
  b: { readonly fixed: string | undefined; readonly default: string | undefined },
  a: { readonly fixed: string | undefined; readonly default: string | undefined },
  at: At,
  paths: readonly string[],
): void {
  if (b.fixed !== a.fixed) {
    if (b.fixed === undefined) ctx.report('facet-tightened', place, subject, `fixed value ${quote(a.fixed)} added`, NARROWS, at, paths);
    else if (a.fixed === undefined) ctx.report('facet-loosened', place, subject, `fixed value ${quote(b.fixed)} removed`, WIDENS, at, paths);
    else ctx.report('facet-changed', place, subject, `fixed value ${quote(b.fixed)} -> ${quote(a.fixed)}`, BOTH, at, paths);
  }
  if (b.default !== a.default) {
    const show = (v: string | undefined) => (v === undefined ? '(none)' : quote(v));
    ctx.report(
      'facet-changed',
      place,
      subject,
      `default ${show(b.default)} -> ${show(a.default)}: a document without it now reads ${a.default === undefined ? 'no value' : show(a.default)}`,
      { producers: 'none', consumers: 'affected' },
      at,
      paths,
    );
  }
}

/** Documentation reaches neither side: a patch, and no instance path. */
export function compareDocumentation(ctx: DiffContext, place: Place, subject: string, b: string | undefined, a: string | undefined, at: { before?: Source; after?: Source }): void {
  if (normalize(b) === normalize(a)) return;
  ctx.report('documentation-changed', place, subject, `documentation ${quoteTextChange(b, a)}`, NEITHER, at, []);
}

/** Re-wrapping a paragraph is not a change. */
function normalize(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
