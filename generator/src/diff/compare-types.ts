/**
 * Two versions of one named type (the same name, or matched as a rename). Everything found
 * inside is reported at the type, once, with the paths of every element and attribute of that
 * type: the place a reader meets it.
 */
import type { ComplexType, LocalAttributeUse, TypeDef, Wildcard } from '../ir/ir.js';
import { compareDocumentation, compareValueConstraints } from './compare-declarations.js';
import { compareContent, emptiable } from './compare-particles.js';
import { ANY_SIMPLE_TYPE, compareSimpleTypes, compareTypeRefs } from './compare-simple-types.js';
import { compareWildcards, namespacesLabel } from './compare-wildcards.js';
import { BOTH, NARROWS, WIDENS, placePaths, typeLabel, quote, type DiffContext, type Place } from './diff-context.js';
import { fingerprint } from './fingerprint.js';
import { matchComponents } from './match-components.js';

export function compareTypes(ctx: DiffContext, place: Place, b: TypeDef, a: TypeDef): void {
  const at = { before: b.source, after: a.source };
  if (!b.anonymous && !a.anonymous) compareDocumentation(ctx, place, place.owner, b.documentation, a.documentation, at);
  if (b.kind !== a.kind) {
    ctx.report('type-changed', place, place.owner, `${b.kind} type -> ${a.kind} type`, BOTH, at);
    return;
  }
  if (b.kind === 'simple' && a.kind === 'simple') {
    compareSimpleTypes(ctx, { place, subject: place.owner, ...at, paths: place.paths }, b, a);
    return;
  }
  compareComplexTypes(ctx, place, b as ComplexType, a as ComplexType);
}

function compareComplexTypes(ctx: DiffContext, place: Place, b: ComplexType, a: ComplexType): void {
  const at = { before: b.source, after: a.source };
  const subject = place.owner;
  if (b.abstract !== a.abstract) {
    const message = a.abstract ? 'now abstract: documents must name a derived type with xsi:type' : 'no longer abstract';
    ctx.report('type-changed', place, subject, message, a.abstract ? NARROWS : WIDENS, at);
  }
  const derivation = (t: ComplexType) => (t.derivation ? `${t.derivation.method} of ${typeLabel(t.derivation.base, place.namespace)}` : 'no base type');
  const sameDerivation =
    b.derivation === undefined || a.derivation === undefined
      ? b.derivation === a.derivation
      : b.derivation.method === a.derivation.method && ctx.sameTypeName(b.derivation.base, a.derivation.base);
  if (!sameDerivation) ctx.report('type-changed', place, subject, `${derivation(b)} -> ${derivation(a)}`, BOTH, at);

  const { content: cb } = b;
  const { content: ca } = a;
  if (cb.kind === 'elements' && ca.kind === 'elements') compareContent(ctx, place, cb.particle, ca.particle);
  else if (cb.kind === 'simple' && ca.kind === 'simple') compareTypeRefs(ctx, { place, subject, ...at, paths: place.paths }, cb.type, ca.type, ANY_SIMPLE_TYPE);
  else if (cb.kind !== ca.kind) {
    // Empty content against element content that may be empty is a plain widening or narrowing.
    const effects = cb.kind === 'empty' && ca.kind === 'elements' && emptiable(ca.particle) ? WIDENS : ca.kind === 'empty' && cb.kind === 'elements' && emptiable(cb.particle) ? NARROWS : BOTH;
    ctx.report('type-changed', place, subject, `content ${contentLabel(cb.kind)} -> ${contentLabel(ca.kind)}`, effects, at);
  }
  // Mixed on or off: documents gain or lose text between the children, and the model trades its
  // element properties for one `$content` array (or back), which the generated-API comparison
  // marks as breaking code.
  const mixedBefore = cb.kind === 'elements' && cb.mixed;
  const mixedAfter = ca.kind === 'elements' && ca.mixed;
  if (mixedBefore !== mixedAfter) {
    const message = mixedAfter ? 'now mixed: text may come between its child elements' : 'no longer mixed: text between its child elements is refused';
    ctx.report('type-changed', place, subject, message, mixedAfter ? WIDENS : NARROWS, at);
  }
  compareAttributes(ctx, place, b, a);
  compareAnyAttribute(ctx, place, b.anyAttribute, a.anyAttribute, at);
}

function contentLabel(kind: ComplexType['content']['kind']): string {
  return kind === 'elements' ? 'child elements' : kind === 'simple' ? 'text (simple content)' : 'empty';
}

function compareAttributes(ctx: DiffContext, place: Place, b: ComplexType, a: ComplexType): void {
  const uses = (t: ComplexType) => t.attributes.filter((u): u is LocalAttributeUse => u.kind === 'attribute' && u.use !== 'prohibited');
  const matching = matchComponents(
    uses(b),
    uses(a),
    (u) => `${u.attribute.name.namespace} ${u.attribute.name.name}`,
    (u, side) => fingerprint({ type: u.attribute.type, use: u.use, fixed: u.attribute.fixed }, side === 'before' ? { rename: ctx.renamed } : {}),
  );
  const subjectOf = (u: LocalAttributeUse) => `attribute ${u.attribute.name.name} of ${place.owner}`;
  const pathsOf = (u: LocalAttributeUse) => placePaths(place, `/@${u.attribute.name.name}`);
  for (const u of matching.added) {
    const required = u.use === 'required';
    ctx.report('attribute-added', place, subjectOf(u), `attribute ${u.attribute.name.name} added, ${u.use}`, required ? BOTH : WIDENS, { after: u.attribute.source }, pathsOf(u));
  }
  for (const u of matching.removed) {
    const required = u.use === 'required';
    ctx.report('attribute-removed', place, subjectOf(u), `attribute ${u.attribute.name.name} removed (it was ${u.use})`, required ? BOTH : NARROWS, { before: u.attribute.source }, pathsOf(u));
  }
  for (const [x, y] of matching.renamed) {
    const message = `attribute ${quote(x.attribute.name.name)} renamed to ${quote(y.attribute.name.name)}`;
    ctx.report('attribute-renamed', place, subjectOf(y), message, BOTH, { before: x.attribute.source, after: y.attribute.source }, [...pathsOf(x), ...pathsOf(y)]);
  }
  for (const [x, y] of [...matching.kept, ...matching.renamed]) {
    const subject = subjectOf(y);
    const paths = pathsOf(y);
    const at = { before: x.attribute.source, after: y.attribute.source };
    if (x.use !== y.use) {
      const change = `use ${x.use} -> ${y.use}`;
      if (y.use === 'required') ctx.report('made-required', place, subject, `attribute ${y.attribute.name.name} is now required (${change})`, NARROWS, at, paths);
      else ctx.report('made-optional', place, subject, `attribute ${y.attribute.name.name} is now optional (${change})`, WIDENS, at, paths);
    }
    compareTypeRefs(ctx, { place, subject, ...at, paths }, x.attribute.type, y.attribute.type, ANY_SIMPLE_TYPE);
    compareValueConstraints(ctx, place, subject, x.attribute, y.attribute, at, paths);
    compareDocumentation(ctx, place, subject, x.attribute.documentation, y.attribute.documentation, at);
  }
}

function compareAnyAttribute(ctx: DiffContext, place: Place, b: Wildcard | undefined, a: Wildcard | undefined, at: { before: TypeDef['source']; after: TypeDef['source'] }): void {
  const subject = `attribute wildcard of ${place.owner}`;
  const paths = placePaths(place, '/@*');
  if (b && a) compareWildcards(ctx, place, subject, b, a, paths);
  else if (a) ctx.report('wildcard-namespace-widened', place, subject, `attribute wildcard ${namespacesLabel(a.namespaces)} added`, WIDENS, { before: at.before, after: a.source }, paths);
  else if (b) ctx.report('wildcard-namespace-narrowed', place, subject, `attribute wildcard ${namespacesLabel(b.namespaces)} removed`, NARROWS, { before: b.source, after: at.after }, paths);
}
