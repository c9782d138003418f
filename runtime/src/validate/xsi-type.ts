/**
 * xsi:type (XSD 1.0 part 1, Element Locally Valid (Element), clause 4): an element may name,
 * with xsi:type, the type it is to be validated against instead of its declared one. The name
 * is a QName resolved with the element's in-scope namespaces (cvc-elt.4.1, 4.2); the type it
 * names must not be abstract (cvc-type.2) and must be validly derived from the declared type
 * (cvc-elt.4.3): through a chain of extensions and restrictions none of which the element's
 * {disallowed substitutions} or the declared type's {prohibited substitutions} blocks
 * (cos-ct-derived-ok), or, for a simple type, through restrictions, list and union
 * (cos-st-derived-ok), including a member of a declared union type.
 *
 * The chains are walked with a visited set, so a descriptor set with a cycle (which the
 * generator refuses) still ends.
 */
import { findBuiltin } from '../datatypes/builtins.js';
import type { SimpleTypeDescriptor } from '../datatypes/index.js';
import { isNCName } from '../datatypes/names.js';
import { excerpt } from '../diagnostics.js';
import {
  componentKey,
  keyLocalName,
  keyNamespace,
  type ElementDescriptor,
  type ElementType,
  type SimpleTypeLink,
} from '../schema/descriptor.js';
import type { SchemaRegistry } from '../schema/registry.js';
import type { SourceElement } from '../xml/source-tree.js';
import { BUILTIN_BASE } from './xsi-type-builtins.js';

const XSD = 'http://www.w3.org/2001/XMLSchema';
const ANY_TYPE = componentKey(XSD, 'anyType');

/** The type an xsi:type names, as an element type; or why it may not stand for the declared one. */
export type XsiTypeResult =
  | { readonly ok: true; readonly type: ElementType }
  | { readonly ok: false; readonly why: string; readonly hint: string };

type Method = 'extension' | 'restriction';

/** Resolves `value`, an xsi:type on `element` declared by `decl`, and checks it may be used. */
export function substituteType(registry: SchemaRegistry, decl: ElementDescriptor, value: string, element: SourceElement): XsiTypeResult {
  const name = value.trim();
  const colon = name.indexOf(':');
  const prefix = colon < 0 ? '' : name.slice(0, colon);
  const local = name.slice(colon + 1);
  if ((colon >= 0 && !isNCName(prefix)) || !isNCName(local)) {
    return { ok: false, why: 'the value is not a QName', hint: 'write the type\'s name as prefix:name, or name alone for a type in the default namespace' };
  }
  const namespace = element.lookupNamespace(prefix);
  if (namespace === undefined) {
    return { ok: false, why: `the prefix "${excerpt(prefix, 32)}" is not declared here`, hint: `declare it with xmlns:${excerpt(prefix, 32)}="..." on this element or an ancestor` };
  }
  return substituteKey(registry, decl, componentKey(namespace, local), element.name);
}

/**
 * The same check for a type already named by key (`{namespace}local`): a model value's `$type`
 * (model/xsi-type-model.ts). `elementName` names the element in messages.
 */
export function substituteKey(registry: SchemaRegistry, decl: ElementDescriptor, key: string, elementName: string): XsiTypeResult {
  const namespace = keyNamespace(key);
  const local = keyLocalName(key);
  const actual = lookUpType(registry, key);
  if (!actual) {
    return { ok: false, why: `no known schema defines a type "${excerpt(local, 64)}" in ${namespace ? `namespace "${excerpt(namespace, 64)}"` : 'no namespace'}`, hint: 'name a type of the schema, with the prefix its namespace is bound to, or remove xsi:type' };
  }
  const shown = `"${excerpt(local, 64)}"`;
  if (actual.kind === 'complex' && registry.complexType(actual.ref).abstract) {
    return { ok: false, why: `the type ${shown} is abstract`, hint: `name a type that is not abstract and is derived from ${shown}` };
  }
  const declared = declaredType(decl);
  const declaredName = declared === undefined ? 'its anonymous type' : typeof declared === 'string' ? `"${excerpt(keyLocalName(declared), 64)}"` : 'its anonymous type';
  const methods = derivationMethods(registry, key, actual.kind === 'complex', declared);
  if (!methods) {
    return { ok: false, why: `the type ${shown} is not derived from the declared type ${declaredName}`, hint: `name ${declaredName === 'its anonymous type' ? 'a type' : declaredName} or a type derived from it, or remove xsi:type` };
  }
  // cvc-elt.4.3: a complex type is checked against the element's {disallowed substitutions}
  // and the declared type's {prohibited substitutions}; a simple type against the former only.
  const byElement = new Set<string>(decl.block ?? []);
  const byType = new Set<string>(actual.kind === 'complex' && decl.type.kind === 'complex' ? (registry.complexType(decl.type.ref).block ?? []) : []);
  for (const method of methods) {
    if (byElement.has(method)) {
      return { ok: false, why: `${shown} is derived by ${method} from the declared type ${declaredName}, and the declaration of <${excerpt(elementName, 64)}> blocks ${method} (block)`, hint: `name a type derived otherwise, or remove xsi:type` };
    }
    if (byType.has(method)) {
      return { ok: false, why: `${shown} is derived by ${method} from the declared type ${declaredName}, which blocks substitution by ${method} (block)`, hint: `name a type derived otherwise, or remove xsi:type` };
    }
  }
  return { ok: true, type: actual };
}

/** The type a key names as xsi:type sees it: global, complex or simple, or built-in. */
function lookUpType(registry: SchemaRegistry, key: string): ElementType | undefined {
  const complex = registry.findComplexType(key);
  // A type the generator named was anonymous in the schema: no document can name it.
  if (complex && !complex.anonymous) return { kind: 'complex', ref: key };
  const simple = registry.simpleType(key);
  if (simple) return { kind: 'simple', type: simple.type, definition: key };
  if (keyNamespace(key) !== XSD) return undefined;
  const name = keyLocalName(key);
  if (name === 'anyType') return { kind: 'any' };
  const builtin: SimpleTypeDescriptor | undefined = BUILTIN_BASE.has(name) && findBuiltin(name) ? { kind: 'builtin', name } : undefined;
  return builtin && { kind: 'simple', type: builtin, definition: key };
}

/** Which type a declaration declares, as derivations name it; undefined for an anonymous one that derivations cannot reach. */
function declaredType(decl: ElementDescriptor): SimpleTypeLink | undefined {
  switch (decl.type.kind) {
    case 'any':
      return ANY_TYPE;
    case 'complex':
      return decl.type.ref;
    case 'simple':
      return decl.type.definition ?? (decl.type.type.kind === 'builtin' ? componentKey(XSD, decl.type.type.name) : undefined);
  }
}

/**
 * The derivation methods on the way from the type `key` to `declared`, or undefined when it
 * is not derived from it. Complex types go up their bases (extension or restriction); once a
 * base is simple, every step is a restriction, and a member of a declared union (or of a union
 * among its members) counts as reached by one more restriction (cos-st-derived-ok 2.2.4).
 */
function derivationMethods(registry: SchemaRegistry, key: string, complex: boolean, declared: SimpleTypeLink | undefined): Method[] | undefined {
  if (declared === undefined) return undefined;
  if (key === declared) return [];
  const members = unionMembers(registry, declared);
  const methods: Method[] = [];
  const seen = new Set<string>();
  let current = key;
  // Complex steps: the type's own derivation method, then its base.
  while (complex) {
    if (seen.has(current)) return undefined;
    seen.add(current);
    const type = registry.findComplexType(current);
    if (!type) break;
    methods.push(type.derivation?.method ?? 'restriction');
    current = type.derivation?.base ?? ANY_TYPE;
    if (current === declared) return methods;
    if (current === ANY_TYPE) return undefined;
    if (!registry.findComplexType(current)) break;
  }
  // Simple steps, each a restriction.
  const seenSimple = new Set<SimpleTypeLink>();
  for (let link: SimpleTypeLink | undefined = current; link !== undefined; link = simpleBase(registry, link)) {
    if (link === declared) return methods;
    if (members.has(link)) return [...methods, 'restriction'];
    if (seenSimple.has(link)) return undefined;
    seenSimple.add(link);
    methods.push('restriction');
  }
  return undefined;
}

/** A simple type's base, by key or inline; undefined above xs:anyType. */
function simpleBase(registry: SchemaRegistry, link: SimpleTypeLink): SimpleTypeLink | undefined {
  if (typeof link !== 'string') return link.base;
  const named = registry.simpleType(link);
  if (named) return named.base;
  if (keyNamespace(link) !== XSD) return undefined;
  const base = BUILTIN_BASE.get(keyLocalName(link));
  return base === undefined ? undefined : componentKey(XSD, base);
}

/** The member types of a union, and of the unions among them, by key (named) or object (inline). */
function unionMembers(registry: SchemaRegistry, union: SimpleTypeLink): Set<SimpleTypeLink> {
  const found = new Set<SimpleTypeLink>();
  const stack: SimpleTypeLink[] = [union];
  for (let link = stack.pop(); link !== undefined; link = stack.pop()) {
    const members = typeof link === 'string' ? registry.simpleType(link)?.members : link.members;
    for (const member of members ?? []) {
      if (found.has(member)) continue;
      found.add(member);
      stack.push(member);
    }
  }
  return found;
}
