/**
 * Wildcards (xs:any, xs:anyAttribute): the namespaces they admit compared as sets, and
 * processContents on its scale skip < lax < strict. Towards strict, an element the old version
 * let through unchecked (skip) or undeclared (lax) may now be refused: narrower for producers.
 */
import type { Wildcard, WildcardNamespaces } from '../ir/ir.js';
import { BOTH, NARROWS, WIDENS, type DiffContext, type Place } from './diff-context.js';

export function compareWildcards(ctx: DiffContext, place: Place, subject: string, b: Wildcard, a: Wildcard, paths: readonly string[]): void {
  const at = { before: b.source, after: a.source };
  const wider = admitsAll(a.namespaces, b.namespaces);
  const narrower = admitsAll(b.namespaces, a.namespaces);
  const change = `namespace ${namespacesLabel(b.namespaces)} -> ${namespacesLabel(a.namespaces)}`;
  if (wider && !narrower) ctx.report('wildcard-namespace-widened', place, subject, change, WIDENS, at, paths);
  else if (narrower && !wider) ctx.report('wildcard-namespace-narrowed', place, subject, change, NARROWS, at, paths);
  else if (!wider && !narrower) ctx.report('wildcard-namespace-changed', place, subject, change, BOTH, at, paths);

  if (b.processContents !== a.processContents) {
    const stricter = STRICTNESS[a.processContents] > STRICTNESS[b.processContents];
    const why = stricter ? 'elements it let through may now be refused' : 'elements it refused may now pass';
    ctx.report('wildcard-process-contents-changed', place, subject, `processContents ${b.processContents} -> ${a.processContents}: ${why}`, stricter ? NARROWS : WIDENS, at, paths);
  }
}

const STRICTNESS = { skip: 0, lax: 1, strict: 2 } as const;

/** Whether every namespace `inner` admits is admitted by `outer`. */
export function admitsAll(outer: WildcardNamespaces, inner: WildcardNamespaces): boolean {
  if (outer.kind === 'any') return true;
  if (inner.kind === 'any') return false;
  if (outer.kind === 'other') {
    if (inner.kind === 'other') return inner.namespace === outer.namespace;
    return inner.namespaces.every((ns) => ns !== outer.namespace && ns !== '');
  }
  // A list never admits ##other's unbounded set.
  if (inner.kind === 'other') return false;
  return inner.namespaces.every((ns) => outer.namespaces.includes(ns));
}

export function namespacesLabel(ns: WildcardNamespaces): string {
  if (ns.kind === 'any') return '##any';
  if (ns.kind === 'other') return '##other';
  return ns.namespaces.length === 0 ? '(none)' : ns.namespaces.map((n) => (n === '' ? '##local' : n)).join(' ');
}
