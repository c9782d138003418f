/**
 * The XPath subset of identity constraints (XSD 1.0 Part 1, 3.11.6), over XmlElement trees:
 * selectors `.//a/b | c` of name tests, `prefix:*`, `*` and `.`; fields the same, ending in an
 * element or `@attribute`. The validator has its own reader of these paths over source trees
 * (validate/identity-constraints.ts); this one serves the generators and mutators.
 */
import type { IdentityDescriptor } from '../schema/descriptor.js';
import type { XmlElement } from '../xml-node.js';

export interface NameTest {
  /** undefined matches any namespace. */
  readonly namespace: string | undefined;
  /** undefined matches any name. */
  readonly name: string | undefined;
}

export interface PathStep extends NameTest {
  readonly attribute: boolean;
}

export interface PathExpr {
  readonly descendants: boolean;
  readonly steps: readonly PathStep[];
}

export function parsePath(xpath: string, constraint: IdentityDescriptor): PathExpr[] {
  const namespaces = new Map(constraint.namespaces.map((n) => [n.prefix, n.uri]));
  return xpath.split('|').map((branch) => {
    let text = branch.trim();
    const descendants = text.startsWith('.//');
    if (descendants) text = text.slice(3);
    const steps = text
      .split('/')
      .map((s) => s.trim())
      .filter((s) => s !== '.' && s !== '')
      .map((s): PathStep => {
        const attribute = s.startsWith('@') || s.startsWith('attribute::');
        const test = s.replace(/^@|^attribute::|^child::/, '');
        if (test === '*') return { attribute, namespace: undefined, name: undefined };
        const colon = test.indexOf(':');
        const prefix = colon < 0 ? '' : test.slice(0, colon);
        const local = colon < 0 ? test : test.slice(colon + 1);
        // Unprefixed names in XSD 1.0 XPath are in no namespace, whatever the default.
        const namespace = prefix === '' ? '' : (namespaces.get(prefix) ?? `#unbound:${prefix}`);
        return { attribute, namespace, name: local === '*' ? undefined : local };
      });
    return { descendants, steps };
  });
}

export function matchesName(test: NameTest, namespace: string, name: string): boolean {
  return (test.namespace === undefined || test.namespace === namespace) && (test.name === undefined || test.name === name);
}

/** The elements a selector reaches from `scope`. */
export function selectElements(scope: XmlElement, exprs: readonly PathExpr[]): XmlElement[] {
  return exprs.flatMap((expr) => walk(scope, expr.descendants, expr.steps));
}

/** Where a field's value sits below a selected element: an attribute of `owner`, or its text. */
export interface FieldSlot {
  readonly owner: XmlElement;
  readonly attribute: NameTest | undefined;
}

export function fieldSlots(target: XmlElement, exprs: readonly PathExpr[]): FieldSlot[] {
  return exprs.flatMap((expr): FieldSlot[] => {
    const last = expr.steps.at(-1);
    if (!last?.attribute) return walk(target, expr.descendants, expr.steps).map((owner) => ({ owner, attribute: undefined }));
    return walk(target, expr.descendants, expr.steps.slice(0, -1))
      .filter((owner) => owner.attributes.some((a) => matchesName(last, a.namespace, a.name)))
      .map((owner) => ({ owner, attribute: last }));
  });
}

/** The name test of the element a path ends on (for a field ending in an attribute: its owner). */
export function lastElementTest(expr: PathExpr): NameTest | undefined {
  const elements = expr.steps.filter((s) => !s.attribute);
  return elements.at(-1);
}

function walk(from: XmlElement, descendants: boolean, steps: readonly PathStep[]): XmlElement[] {
  let current: XmlElement[] = descendants ? descendantsOrSelf(from) : [from];
  for (const step of steps) {
    current = current.flatMap((e) => e.children.filter((c): c is XmlElement => c.kind === 'element' && matchesName(step, c.namespace, c.name)));
  }
  return current;
}

function descendantsOrSelf(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [root];
  for (const c of root.children) if (c.kind === 'element') out.push(...descendantsOrSelf(c));
  return out;
}
