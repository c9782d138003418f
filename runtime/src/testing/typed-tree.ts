/**
 * An XmlElement tree with each element the validator checks paired with its declaration, found
 * the way the validator finds it: children of element content through the content-model
 * automaton, wildcard content through the registry (lax and strict), and nothing under skip.
 * Mutators pick their targets here, and change trees through `replaceAt`.
 */
import { automatonFor } from '../validate/content-automaton.js';
import { componentKey, type ComplexTypeDescriptor, type ElementDescriptor, type ParticleDescriptor } from '../schema/descriptor.js';
import type { SchemaRegistry } from '../schema/registry.js';
import type { XmlElement, XmlNode } from '../xml-node.js';

export interface TypedNode {
  readonly element: XmlElement;
  /** Child indices (in `children`, text nodes counted) from the root to this element. */
  readonly location: readonly number[];
  /** `/cpm-evfw/event-cpm-imap[2]/operation[1]`, for descriptions. */
  readonly path: string;
  readonly decl: ElementDescriptor;
  /** The complex type, for complex declarations. */
  readonly type: ComplexTypeDescriptor | undefined;
  readonly parent: TypedNode | undefined;
  readonly children: TypedNode[];
}

export function typedTree(registry: SchemaRegistry, decl: ElementDescriptor, root: XmlElement): TypedNode {
  return node(registry, decl, root, [], `/${root.name}`, undefined);
}

/** Every node, root first, in document order. */
export function allNodes(root: TypedNode): TypedNode[] {
  return [root, ...root.children.flatMap(allNodes)];
}

function node(registry: SchemaRegistry, decl: ElementDescriptor, element: XmlElement, location: readonly number[], path: string, parent: TypedNode | undefined): TypedNode {
  const type = decl.type.kind === 'complex' ? registry.complexType(decl.type.ref) : undefined;
  const self: TypedNode = { element, location, path, decl, type, parent, children: [] };
  if (decl.type.kind === 'any') {
    laxChildren(registry, element, location, path, self);
  } else if (type?.content.kind === 'elements') {
    let state = automatonFor(type.content.particle, registry).start;
    for (const [child, index, at] of elementChildren(element, path)) {
      const step = state.step(child.namespace, child.name);
      if (!step) break;
      state = step.next;
      const childLocation = [...location, index];
      if (step.element) {
        self.children.push(node(registry, step.element, child, childLocation, at, self));
      } else if (step.leaf.kind === 'any' && step.leaf.wildcard.process !== 'skip') {
        const known = registry.element(componentKey(child.namespace, child.name));
        if (known && !known.abstract) self.children.push(node(registry, known, child, childLocation, at, self));
        else if (step.leaf.wildcard.process === 'lax') laxChildren(registry, child, childLocation, at, self);
      }
    }
  }
  return self;
}

/** Lax content: known global elements are validated wherever they sit. */
function laxChildren(registry: SchemaRegistry, element: XmlElement, location: readonly number[], path: string, owner: TypedNode): void {
  for (const [child, index, at] of elementChildren(element, path)) {
    const known = registry.element(componentKey(child.namespace, child.name));
    if (known && !known.abstract) owner.children.push(node(registry, known, child, [...location, index], at, owner));
    else laxChildren(registry, child, [...location, index], at, owner);
  }
}

/** Element children with their index in `children` and their path, positions counted by name. */
export function* elementChildren(element: XmlElement, path: string): Generator<[XmlElement, number, string]> {
  const seen = new Map<string, number>();
  for (const [index, child] of element.children.entries()) {
    if (child.kind !== 'element') continue;
    const position = (seen.get(child.name) ?? 0) + 1;
    seen.set(child.name, position);
    yield [child, index, `${path}/${child.name}[${position}]`];
  }
}

/** What the content model says of a list of children: where it first refuses one, or whether it is complete. */
export function contentVerdict(registry: SchemaRegistry, particle: ParticleDescriptor, children: readonly XmlNode[]): { refused: number } | { complete: boolean } {
  let state = automatonFor(particle, registry).start;
  const elements = children.filter((c): c is XmlElement => c.kind === 'element');
  for (const [i, child] of elements.entries()) {
    const step = state.step(child.namespace, child.name);
    if (!step) return { refused: i };
    state = step.next;
  }
  return { complete: state.accepting };
}

/** A copy of `root` with the element at `location` replaced by `change(element)`. */
export function replaceAt(root: XmlElement, location: readonly number[], change: (e: XmlElement) => XmlElement): XmlElement {
  if (location.length === 0) return change(root);
  const [index, ...rest] = location as [number, ...number[]];
  const child = root.children[index];
  if (child?.kind !== 'element') throw new Error('evfw: replaceAt was given a location that is not an element');
  const children = [...root.children];
  children[index] = replaceAt(child, rest, change);
  return { ...root, children };
}
