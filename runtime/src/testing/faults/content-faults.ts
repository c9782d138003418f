/**
 * Faults in content models: a required element left out, two elements swapped out of order,
 * one element too many, an element the namespace does not declare, text where only elements
 * may be, and a root element no schema declares. The content-model automaton confirms each
 * site: a swap the model allows anyway is no fault.
 */
import type { XmlElement, XmlNode } from '../../xml-node.js';
import { componentKey } from '../../schema/descriptor.js';
import { contentVerdict, replaceAt, type TypedNode } from '../typed-tree.js';
import { UNDECLARED_ELEMENT, withChildren, type Fault, type MutationContext, type Site } from './fault.js';
import { holdsUniqueValues } from './unique-slots.js';

/** Nodes of element content, with the indexes of their element children. */
function elementContent(c: MutationContext): { node: TypedNode; elements: number[] }[] {
  return c.nodes
    .filter((node) => node.type?.content.kind === 'elements')
    .map((node) => ({ node, elements: [...node.element.children.keys()].filter((i) => node.element.children[i]!.kind === 'element') }));
}

function particleOf(node: TypedNode) {
  const content = node.type!.content;
  if (content.kind !== 'elements') throw new Error('evfw: not element content');
  return content.particle;
}

function nameOf(child: XmlNode): string {
  return child.kind === 'element' ? child.name : '#text';
}

export const missingRequiredElement: Fault<'missing-required-element'> = {
  kind: 'missing-required-element',
  code: 'evfw.content.missing',
  summary: 'an element the content model requires is left out',
  sites: (c) =>
    elementContent(c).flatMap(({ node, elements }) =>
      elements.flatMap((i): Site[] => {
        const children = node.element.children.filter((_, j) => j !== i);
        const verdict = contentVerdict(c.registry, particleOf(node), children);
        if (!('complete' in verdict) || verdict.complete) return [];
        return [{
          path: node.path,
          description: `<${nameOf(node.element.children[i]!)}>, which <${node.decl.name}> requires, is left out`,
          apply: () => replaceAt(c.root, node.location, (e) => withChildren(e, children)),
        }];
      }),
    ),
};

export const elementOutOfOrder: Fault<'element-out-of-order'> = {
  kind: 'element-out-of-order',
  code: 'evfw.content.unexpected',
  summary: 'two neighbouring elements are swapped into an order the content model refuses',
  sites: (c) =>
    elementContent(c).flatMap(({ node, elements }) =>
      elements.slice(0, -1).flatMap((i, k): Site[] => {
        const j = elements[k + 1]!;
        const [a, b] = [node.element.children[i] as XmlElement, node.element.children[j] as XmlElement];
        if (a.namespace === b.namespace && a.name === b.name) return [];
        const children = [...node.element.children];
        children[i] = b;
        children[j] = a;
        if (!('refused' in contentVerdict(c.registry, particleOf(node), children))) return [];
        return [{
          path: node.path,
          description: `<${b.name}> is moved before <${a.name}> in <${node.decl.name}>, an order its content model refuses`,
          apply: () => replaceAt(c.root, node.location, (e) => withChildren(e, children)),
        }];
      }),
    ),
};

export const cardinalityExceeded: Fault<'cardinality-exceeded'> = {
  kind: 'cardinality-exceeded',
  code: 'evfw.content.unexpected',
  summary: 'an element is repeated more often than its maxOccurs allows',
  sites: (c) =>
    c.nodes.flatMap((child): Site[] => {
      const parent = child.parent;
      const index = child.location.at(-1)!;
      if (!parent || parent.type?.content.kind !== 'elements' || child.location.length !== parent.location.length + 1) return [];
      if (holdsUniqueValues(c, child)) return [];
      const children = [...parent.element.children];
      children.splice(index + 1, 0, child.element);
      if (!('refused' in contentVerdict(c.registry, particleOf(parent), children))) return [];
      return [{
        path: child.path,
        description: `<${child.decl.name}> is written once more right after itself, more often than <${parent.decl.name}> allows`,
        apply: () => replaceAt(c.root, parent.location, (e) => withChildren(e, children)),
      }];
    }),
};

export const unknownElement: Fault<'unknown-element'> = {
  kind: 'unknown-element',
  code: 'evfw.content.unexpected',
  summary: 'an element its namespace does not declare is added',
  sites: (c) =>
    c.nodes.flatMap((node): Site[] => {
      const content = node.type?.content.kind;
      if (content !== 'elements' && content !== 'empty') return [];
      const stranger: XmlElement = { kind: 'element', namespace: node.decl.namespace, name: UNDECLARED_ELEMENT, attributes: [], children: [] };
      if (c.registry.element(componentKey(stranger.namespace, stranger.name))) return [];
      const before = node.element.children.length;
      const positions = [...[...node.element.children.keys()].filter((i) => node.element.children[i]!.kind === 'element'), before];
      return positions.flatMap((at): Site[] => {
        const children = [...node.element.children];
        children.splice(at, 0, stranger);
        if (content === 'elements') {
          const verdict = contentVerdict(c.registry, particleOf(node), children);
          const position = children.slice(0, at).filter((x) => x.kind === 'element').length;
          if (!('refused' in verdict) || verdict.refused !== position) return [];
        }
        return [{
          path: `${node.path}/${UNDECLARED_ELEMENT}[1]`,
          description: `<${UNDECLARED_ELEMENT}>, which the namespace of <${node.decl.name}> does not declare, is added to it`,
          apply: () => replaceAt(c.root, node.location, (e) => withChildren(e, children)),
        }];
      });
    }),
};

export const unexpectedText: Fault<'unexpected-text'> = {
  kind: 'unexpected-text',
  code: 'evfw.content.text',
  summary: 'text is put into an element whose content is only elements, or empty',
  sites: (c) =>
    c.nodes
      .filter((node) => node.type?.content.kind === 'elements' || node.type?.content.kind === 'empty')
      .map((node): Site => ({
        path: node.path,
        description: `the text "unexpected text" is put into <${node.decl.name}>, which holds ${node.type!.content.kind === 'empty' ? 'nothing' : 'only elements'}`,
        apply: () => replaceAt(c.root, node.location, (e) => withChildren(e, [{ kind: 'text', text: 'unexpected text' }, ...e.children])),
      })),
};

export const unknownRoot: Fault<'unknown-root'> = {
  kind: 'unknown-root',
  code: 'evfw.root.unknown',
  summary: 'the root element is renamed to one no schema declares',
  sites: (c) => {
    const name = 'undeclared-root';
    if (c.registry.element(componentKey(c.root.namespace, name))) return [];
    return [{ path: `/${name}`, description: `the root <${c.root.name}> is renamed <${name}>`, apply: () => ({ ...c.root, name }) }];
  },
};
