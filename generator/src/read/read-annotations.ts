/** <xs:annotation>: the documentation an XSD component carries, its indentation folded; appinfo is skipped. */
import { xsdChildren, unexpected, checkAttributes } from './read-context.js';
import type { XmlNode } from './xml-tree.js';

/** A component's children apart from its annotations, in order, and the annotations' documentation. */
export function splitAnnotations(node: XmlNode): { readonly documentation: string | undefined; readonly rest: XmlNode[] } {
  let documentation: string | undefined;
  const rest: XmlNode[] = [];
  for (const child of xsdChildren(node)) {
    if (child.name === 'annotation') documentation = joinDocs(documentation, readAnnotation(child));
    else rest.push(child);
  }
  return { documentation, rest };
}

/** The documentation of a component that may hold nothing but annotations (a facet, a wildcard). */
export function annotationsOnly(node: XmlNode): string | undefined {
  const { documentation, rest } = splitAnnotations(node);
  for (const child of rest) unexpected(child, `xs:${node.name}`);
  return documentation;
}

export function readAnnotation(node: XmlNode): string | undefined {
  checkAttributes(node);
  let text: string | undefined;
  for (const child of xsdChildren(node)) {
    checkAttributes(child);
    if (child.name === 'documentation') text = joinDocs(text, normalizeDoc(deepText(child)));
    else if (child.name !== 'appinfo') unexpected(child, 'xs:annotation');
  }
  return text;
}

function deepText(node: XmlNode): string {
  return node.text + node.children.map(deepText).join('');
}

/** Folds the indentation of XSD documentation while keeping blank-line paragraph breaks. */
export function normalizeDoc(text: string): string | undefined {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return paragraphs.length ? paragraphs.join('\n\n') : undefined;
}

export function joinDocs(a: string | undefined, b: string | undefined): string | undefined {
  return a && b ? `${a}\n\n${b}` : (a ?? b);
}
