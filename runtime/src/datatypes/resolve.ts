/**
 * A descriptor seen as what checking needs: the type at the bottom of its restriction chain (a
 * built-in, a list or a union), the facets of each restriction step from the inside out, and
 * the whiteSpace that applies. Facets of an outer step may only narrow the inner ones, so all
 * steps are checked.
 */
import { findBuiltin, type Builtin } from './builtins.js';
import type { Facets, SimpleTypeDescriptor, WhiteSpace } from './types.js';

export type Root =
  | { readonly kind: 'builtin'; readonly builtin: Builtin }
  | { readonly kind: 'list'; readonly item: SimpleTypeDescriptor }
  | { readonly kind: 'union'; readonly members: readonly SimpleTypeDescriptor[] };

export interface Resolved {
  readonly root: Root;
  /** Innermost restriction step first. */
  readonly steps: readonly Facets[];
  readonly whiteSpace: WhiteSpace;
}

const cache = new WeakMap<SimpleTypeDescriptor, Resolved>();

export function resolveType(type: SimpleTypeDescriptor): Resolved {
  let resolved = cache.get(type);
  if (!resolved) {
    resolved = resolveUncached(type);
    cache.set(type, resolved);
  }
  return resolved;
}

function resolveUncached(type: SimpleTypeDescriptor): Resolved {
  const outerFirst: Facets[] = [];
  let current = type;
  while (current.kind === 'atomic') {
    outerFirst.push(current.facets);
    current = current.base;
  }
  let root: Root;
  let rootWhiteSpace: WhiteSpace = 'collapse';
  if (current.kind === 'builtin') {
    const builtin = findBuiltin(current.name);
    if (!builtin) throw new Error(`evfw: "${current.name}" is not an XSD built-in simple type`);
    root = { kind: 'builtin', builtin };
    if (builtin.variety === 'atomic') rootWhiteSpace = builtin.whiteSpace;
  } else if (current.kind === 'list') {
    root = { kind: 'list', item: current.item };
    outerFirst.push(current.facets);
  } else {
    root = { kind: 'union', members: current.members };
    outerFirst.push(current.facets);
  }
  const whiteSpace = outerFirst.find((f) => f.whiteSpace !== undefined)?.whiteSpace ?? rootWhiteSpace;
  return { root, steps: outerFirst.reverse(), whiteSpace };
}

/** "xs:int", or a short description of a derived type, for messages. */
export function describeType(type: SimpleTypeDescriptor): string {
  switch (type.kind) {
    case 'builtin':
      return `xs:${type.name}`;
    case 'atomic':
      return describeType(type.base);
    case 'list':
      return `list of ${describeType(type.item)}`;
    case 'union':
      return `union of ${type.members.map(describeType).join(', ')}`;
  }
}
