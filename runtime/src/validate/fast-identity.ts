/**
 * The identity constraints the streaming validator (fast-validator.ts) checks itself, as children
 * arrive: an xs:unique or xs:key whose selector names children and whose fields are attributes
 * of them, when the generator could tell the attributes' types (IdentityDescriptor's
 * attributeFields). Values are compared as values of those types, as the full path compares them
 * (identity-values.ts). Anything else (keyref, paths, descendants, element fields, attributes of
 * unknown type) is left to the full path, and a duplicate, a missing key field, a value its type
 * refuses or a child with xsi: attributes gives up, so that the full path decides.
 */
import type { SimpleTypeDescriptor, WhiteSpace } from '../datatypes/index.js';
import { normalizeWhiteSpace } from '../datatypes/whitespace.js';
import type { IdentityDescriptor } from '../schema/descriptor.js';
import { matchesName, parsePath, type NameTest } from '../schema/identity-xpath.js';
import type { FastTag } from '../xml/fast-reader.js';
import { giveUp } from '../xml/give-up.js';
import { identityValue, plainStringWhiteSpace } from './identity-values.js';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** An xs:unique or xs:key the fast path can check as children arrive. */
export interface SimpleIdentity {
  readonly kind: 'unique' | 'key';
  readonly selector: readonly NameTest[];
  readonly fields: readonly SimpleField[];
}

/** An attribute field, with the type and default the generator found for it. */
interface SimpleField {
  readonly test: NameTest;
  readonly type: SimpleTypeDescriptor;
  readonly default: string | undefined;
  /** Set for a string-valued type: the field's value is its text normalized so (identity-values.ts). */
  readonly plain: WhiteSpace | undefined;
}

/** A constraint being checked in one element: the key-sequences of the children seen so far. */
export interface IdentityCheck {
  readonly constraint: SimpleIdentity;
  readonly seen: Set<string>;
}

/** The constraints as child name tests and typed attribute fields; null when any is not that simple. */
export function simpleIdentity(constraints: readonly IdentityDescriptor[]): readonly SimpleIdentity[] | null {
  const out: SimpleIdentity[] = [];
  for (const c of constraints) {
    if (c.kind === 'keyref' || !c.attributeFields || c.attributeFields.length !== c.fields.length) return null;
    const selector = parsePath(c.selector, c);
    if (selector.some((e) => e.descendants || e.steps.length !== 1 || e.steps[0]!.attribute)) return null;
    const paths = c.fields.map((f) => parsePath(f, c));
    const fields: SimpleField[] = [];
    for (const [i, path] of paths.entries()) {
      const step = path.length === 1 && !path[0]!.descendants && path[0]!.steps.length === 1 ? path[0]!.steps[0]! : undefined;
      const typed = c.attributeFields[i];
      // One named attribute: `@*` could select several, which only the full path reports.
      if (!step?.attribute || step.name === undefined || step.namespace === undefined || !typed) return null;
      fields.push({ test: step, type: typed.type, default: typed.default, plain: plainStringWhiteSpace(typed.type) });
    }
    out.push({ kind: c.kind, selector: selector.map((e) => e.steps[0]!), fields });
  }
  return out;
}

/** A child the constraints select: its field values must be present (key) and unique. */
export function selected(checks: readonly IdentityCheck[], tag: FastTag): void {
  for (const check of checks) {
    const { constraint } = check;
    if (!constraint.selector.some((test) => matchesName(test, tag.namespace, tag.name))) continue;
    // xsi:type may give the child another type, and so its attributes other types.
    if (tag.attributes.some((a) => a.namespace === XSI)) giveUp();
    let tuple = '';
    let complete = true;
    for (const field of constraint.fields) {
      const attribute = tag.attributes.find((a) => matchesName(field.test, a.namespace, a.name));
      const text = attribute ? attribute.value : field.default;
      if (text === undefined) {
        complete = false;
        break;
      }
      const value = field.plain !== undefined ? normalizeWhiteSpace(text, field.plain) : identityValue(field.type, text, undefined);
      if (value === undefined) giveUp();
      // Values hold no U+0000 (XML text cannot), so the separator cannot blur two sequences.
      tuple = tuple === '' ? value : `${tuple}\u0000${value}`;
    }
    if (!complete) {
      if (constraint.kind === 'key') giveUp();
      continue;
    }
    if (check.seen.has(tuple)) giveUp();
    check.seen.add(tuple);
  }
}
