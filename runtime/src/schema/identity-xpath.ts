/**
 * The XPath subset of identity constraints (XSD 1.0 Part 1, 3.11.6): selectors `.//a/b | c` of
 * name tests, `prefix:*`, `*` and `.`; fields the same, ending in an element or `@attribute`.
 * One reader of these paths, over any element tree with names and children: the validator
 * walks source trees with it, the fixture generators and mutators walk XmlElement trees.
 */
import type { IdentityDescriptor } from './descriptor.js';

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

/** What the walk needs of an element: SourceElement and XmlElement both are one. */
export interface TreeElement {
  readonly kind: 'element';
  readonly namespace: string;
  readonly name: string;
  readonly attributes: readonly { readonly namespace: string; readonly name: string; readonly value: string }[];
  readonly children: readonly ({ readonly kind: 'text' } | TreeElement)[];
}

export function parsePath(xpath: string, constraint: Pick<IdentityDescriptor, 'namespaces'>): PathExpr[] {
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

/** The elements the element steps of a path reach from `from`. */
export function walkPath<E extends TreeElement>(from: E, descendants: boolean, steps: readonly PathStep[]): E[] {
  let current: E[] = descendants ? descendantsOrSelf(from) : [from];
  for (const step of steps) {
    current = current.flatMap((e) => e.children.filter((c): c is E => c.kind === 'element' && matchesName(step, c.namespace, c.name)));
  }
  return current;
}

function descendantsOrSelf<E extends TreeElement>(root: E): E[] {
  const out: E[] = [];
  const stack: E[] = [root];
  while (stack.length > 0) {
    const e = stack.pop()!;
    out.push(e);
    for (let i = e.children.length - 1; i >= 0; i--) {
      const c = e.children[i]!;
      if (c.kind === 'element') stack.push(c as E);
    }
  }
  return out;
}
