/**
 * Mixed content (XSD mixed="true") in the model: one `$content` array that holds the element's
 * text runs (strings) and its children (`{ $case, [$case]: value }` objects), in document order.
 *
 * - `$case` is the property the child's particle has (what it would be called in element-only
 *   content); for a member of a substitution group, the member's case, as elsewhere.
 * - Text is data here: whitespace is kept exactly, adjacent text (split by a comment or a
 *   processing instruction, which the model does not keep) is one string, and there are no
 *   empty strings.
 *
 * Reading (bindMixed) follows the automaton's verdict for each child, as bind-content.ts does;
 * writing and checking a model value (mixedItems) resolve each `$case` to its particle.
 */
import { componentKey, type ParticleDescriptor } from '../schema/descriptor.js';
import type { Leaf } from '../validate/content-automaton.js';
import type { SourceElement } from '../xml/source-tree.js';
import type { BoundChild } from './bind-content.js';

/** One child of mixed content in the model. */
export type MixedItem = string | { readonly $case: string; readonly [property: string]: unknown };

/** The `$content` array of a valid element: its text and the values of its bound children, in order. */
export function bindMixed(source: SourceElement, children: readonly BoundChild[]): MixedItem[] {
  const out: MixedItem[] = [];
  let text = '';
  let next = 0;
  for (const node of source.children) {
    if (node.kind === 'text') {
      text += node.text;
      continue;
    }
    if (text !== '') out.push(text);
    text = '';
    // The bound children are the element children, in the same order.
    const child = children[next++];
    if (child) out.push(mixedItem(child));
  }
  if (text !== '') out.push(text);
  return out;
}

function mixedItem(child: BoundChild): MixedItem {
  const property = caseOf(child.leaf, child.source.namespace, child.source.name);
  return { $case: property, [property]: child.value };
}

/** The `$case` of a child that matched `leaf`: the leaf's property, or its substitution member's. */
export function caseOf(leaf: Leaf, namespace: string, name: string): string {
  if (leaf.kind === 'element' && leaf.cases) {
    const key = componentKey(namespace, name);
    const member = leaf.cases.find((c) => c.ref === key);
    if (member) return member.property;
  }
  return leaf.property ?? name;
}

/**
 * The leaves of a content model by the `$case` they take in mixed content: each element or
 * wildcard particle by its property, each substitution member by its case. The first particle of
 * a name wins (two particles named alike declare the same element: naming gives distinct
 * particles distinct names within one type, except across branches whose declarations agree).
 */
export function mixedCases(particle: ParticleDescriptor): ReadonlyMap<string, MixedCase> {
  const out = new Map<string, MixedCase>();
  const stack: ParticleDescriptor[] = [particle];
  // Depth-first, in document order: children pushed in reverse.
  for (let p = stack.pop(); p !== undefined; p = stack.pop()) {
    if (p.kind === 'element') {
      if (p.cases) {
        for (const c of p.cases) if (!out.has(c.property)) out.set(c.property, { leaf: p, ref: c.ref });
      } else if (p.property !== undefined && !out.has(p.property)) {
        out.set(p.property, { leaf: p, ref: undefined });
      }
    } else if (p.kind === 'any') {
      if (p.property !== undefined && !out.has(p.property)) out.set(p.property, { leaf: p, ref: undefined });
    } else {
      for (let i = p.particles.length - 1; i >= 0; i--) stack.push(p.particles[i]!);
    }
  }
  return out;
}

/** What a `$case` of mixed content names: a leaf, and for a substitution member the member's key. */
export interface MixedCase {
  readonly leaf: Leaf;
  readonly ref: string | undefined;
}
