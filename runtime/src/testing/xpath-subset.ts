/**
 * Identity-constraint paths over XmlElement trees, for the generators and mutators: which
 * elements a selector reaches, and where a field's value sits. The paths themselves are read
 * by schema/identity-xpath.ts, as the validator reads them.
 */
import { matchesName, walkPath, type NameTest, type PathExpr } from '../schema/identity-xpath.js';
import type { XmlElement } from '../xml-node.js';

export { matchesName, parsePath, type NameTest, type PathExpr, type PathStep } from '../schema/identity-xpath.js';

/** The elements a selector reaches from `scope`. */
export function selectElements(scope: XmlElement, exprs: readonly PathExpr[]): XmlElement[] {
  return exprs.flatMap((expr) => walkPath(scope, expr.descendants, expr.steps));
}

/** Where a field's value sits below a selected element: an attribute of `owner`, or its text. */
export interface FieldSlot {
  readonly owner: XmlElement;
  readonly attribute: NameTest | undefined;
}

export function fieldSlots(target: XmlElement, exprs: readonly PathExpr[]): FieldSlot[] {
  return exprs.flatMap((expr): FieldSlot[] => {
    const last = expr.steps.at(-1);
    if (!last?.attribute) return walkPath(target, expr.descendants, expr.steps).map((owner) => ({ owner, attribute: undefined }));
    return walkPath(target, expr.descendants, expr.steps.slice(0, -1))
      .filter((owner) => owner.attributes.some((a) => matchesName(last, a.namespace, a.name)))
      .map((owner) => ({ owner, attribute: last }));
  });
}

/** The name test of the element a path ends on (for a field ending in an attribute: its owner). */
export function lastElementTest(expr: PathExpr): NameTest | undefined {
  const elements = expr.steps.filter((s) => !s.attribute);
  return elements.at(-1);
}
