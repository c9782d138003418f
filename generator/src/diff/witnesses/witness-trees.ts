/**
 * Documents as trees for the witness edits that the fixture tools' mutants do not make
 * (repeating an element, grafting a subtree from another document): read with the runtime's
 * reader, edited as XmlElement trees, written back with its writer.
 */
import { readXml, writeXml, type SchemaRegistry, type SourceElement, type XmlElement, type XmlNode } from '@evfw/runtime';

export interface Occurrence {
  /** Child positions (among all child nodes) from the root down; [] for the root. */
  readonly location: readonly number[];
  /** As diagnostics write paths, with positions among same-named siblings. */
  readonly path: string;
  readonly element: XmlElement;
}

/** The document as a tree with no positions and no prefixes (the writer chooses them). */
export function readTree(document: string): XmlElement | undefined {
  const root = readXml(document).root;
  return root && plain(root);
}

export function writeTree(tree: XmlElement, registry: SchemaRegistry): string {
  return writeXml(tree, { prefixes: (namespace) => registry.preferredPrefix(namespace), verbatim: (e) => !registry.knowsNamespace(e.namespace) });
}

/** Every element of the tree, in document order, with where it is. */
export function occurrences(element: XmlElement, path = `/${element.name}`, location: readonly number[] = []): Occurrence[] {
  const found: Occurrence[] = [{ location, path, element }];
  const seen = new Map<string, number>();
  element.children.forEach((child, i) => {
    if (child.kind !== 'element') return;
    const n = (seen.get(child.name) ?? 0) + 1;
    seen.set(child.name, n);
    found.push(...occurrences(child, `${path}/${child.name}[${n}]`, [...location, i]));
  });
  return found;
}

/** `tree` with the child nodes of the element at `location` replaced by `edit` of them. */
export function editChildren(tree: XmlElement, location: readonly number[], edit: (children: XmlNode[]) => XmlNode[]): XmlElement {
  const [index, ...rest] = location;
  if (index === undefined) return { ...tree, children: edit([...tree.children]) };
  const children = [...tree.children];
  children[index] = editChildren(children[index] as XmlElement, rest, edit);
  return { ...tree, children };
}

function plain(source: SourceElement): XmlElement {
  const children: XmlNode[] = source.children.map((c) => (c.kind === 'text' ? { kind: 'text', text: c.text } : plain(c)));
  return { kind: 'element', namespace: source.namespace, name: source.name, attributes: source.attributes.map(({ namespace, name, value }) => ({ namespace, name, value })), children };
}
