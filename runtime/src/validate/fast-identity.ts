/**
 * The identity constraints the streaming validator (fast-validator.ts) checks itself, as children
 * arrive: an xs:unique or xs:key whose selector names children and whose fields are attributes of
 * them. Anything else (keyref, paths, descendants, element fields) is left to the full path, and a
 * duplicate or a missing key field gives up, so that the full path reports it.
 */
import type { IdentityDescriptor } from '../schema/descriptor.js';
import { matchesName, parsePath, type NameTest } from '../schema/identity-xpath.js';
import type { FastTag } from '../xml/fast-reader.js';
import { giveUp } from '../xml/give-up.js';

/** An xs:unique or xs:key the fast path can check as children arrive. */
export interface SimpleIdentity {
  readonly kind: 'unique' | 'key';
  readonly selector: readonly NameTest[];
  readonly fields: readonly NameTest[];
}

/** A constraint being checked in one element: the field values of the children seen so far. */
export interface IdentityCheck {
  readonly constraint: SimpleIdentity;
  readonly seen: Set<string>;
}

/** The constraints as child name tests and attribute fields; null when any is not that simple. */
export function simpleIdentity(constraints: readonly IdentityDescriptor[]): readonly SimpleIdentity[] | null {
  const out: SimpleIdentity[] = [];
  for (const c of constraints) {
    if (c.kind === 'keyref') return null;
    const selector = parsePath(c.selector, c);
    if (selector.some((e) => e.descendants || e.steps.length !== 1 || e.steps[0]!.attribute)) return null;
    const fields = c.fields.map((f) => parsePath(f, c));
    if (fields.some((f) => f.length !== 1 || f[0]!.descendants || f[0]!.steps.length !== 1 || !f[0]!.steps[0]!.attribute)) return null;
    out.push({ kind: c.kind, selector: selector.map((e) => e.steps[0]!), fields: fields.map((f) => f[0]!.steps[0]!) });
  }
  return out;
}

/** A child the constraints select: its field values must be present (key) and unique. */
export function selected(checks: readonly IdentityCheck[], tag: FastTag): void {
  for (const check of checks) {
    const { constraint } = check;
    if (!constraint.selector.some((test) => matchesName(test, tag.namespace, tag.name))) continue;
    let tuple = '';
    let complete = true;
    const { fields } = constraint;
    for (let i = 0; i < fields.length; i++) {
      const attribute = tag.attributes.find((a) => matchesName(fields[i]!, a.namespace, a.name));
      if (!attribute) {
        complete = false;
        break;
      }
      // One field is its value; several are each prefixed with their length, so none can blur.
      tuple = fields.length === 1 ? attribute.value : `${tuple}${attribute.value.length}:${attribute.value}`;
    }
    if (!complete) {
      if (constraint.kind === 'key') giveUp();
      continue;
    }
    if (check.seen.has(tuple)) giveUp();
    check.seen.add(tuple);
  }
}
