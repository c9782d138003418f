/**
 * Which values must differ from each other in a valid document: the fields of xs:unique and
 * xs:key constraints, found by name through every element declaration of the registry. The
 * generators draw such values from a pool per constraint, so a generated document never
 * repeats an `index`; xs:ID values share one pool for the whole document.
 *
 * Matching is by name, so a field is pooled wherever an element of that name appears, not only
 * within the constraint's scope: stricter than the schema, never weaker.
 */
import { componentKey, type ElementDescriptor, type IdentityDescriptor, type ParticleDescriptor } from '../schema/descriptor.js';
import type { SchemaRegistry } from '../schema/registry.js';
import { lastElementTest, matchesName, parsePath, type NameTest } from './xpath-subset.js';

export const ID_POOL = '#ID';

export interface IdentityFields {
  /** Pools of an attribute of elements of the complex type `typeKey`. */
  attribute(typeKey: string, namespace: string, name: string): readonly string[];
  /** Whether that attribute is a field of an xs:key, and so must be present. */
  keyAttribute(typeKey: string, namespace: string, name: string): boolean;
  /** Pools of the simple value of elements named `elementKey`. */
  element(elementKey: string): readonly string[];
}

const cache = new WeakMap<SchemaRegistry, IdentityFields>();

export function identityFields(registry: SchemaRegistry): IdentityFields {
  let fields = cache.get(registry);
  if (!fields) {
    fields = computeFields(registry);
    cache.set(registry, fields);
  }
  return fields;
}

interface FieldRule {
  readonly constraint: IdentityDescriptor;
  readonly owner: NameTest;
  readonly attribute: NameTest | undefined;
}

function computeFields(registry: SchemaRegistry): IdentityFields {
  const declarations = allDeclarations(registry);
  const rules: FieldRule[] = [];
  for (const decl of declarations) {
    for (const constraint of decl.identity ?? []) {
      if (constraint.kind === 'keyref') continue;
      const selected = parsePath(constraint.selector, constraint).map(lastElementTest);
      for (const field of constraint.fields) {
        for (const expr of parsePath(field, constraint)) {
          const last = expr.steps.at(-1);
          const owners = expr.steps.some((s) => !s.attribute) ? [lastElementTest(expr)] : selected;
          for (const owner of owners) {
            if (owner) rules.push({ constraint, owner, attribute: last?.attribute ? last : undefined });
          }
        }
      }
    }
  }
  const attributes = new Map<string, string[]>();
  const keys = new Set<string>();
  const elements = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, pool: string) => {
    const list = map.get(key) ?? [];
    if (!list.includes(pool)) list.push(pool);
    map.set(key, list);
  };
  for (const rule of rules) {
    for (const decl of declarations) {
      if (!matchesName(rule.owner, decl.namespace, decl.name)) continue;
      if (rule.attribute && decl.type.kind === 'complex') {
        const attribute = fieldAttribute(registry, decl.type.ref, rule.attribute);
        if (attribute === undefined) continue;
        const key = `${decl.type.ref}|${attribute}`;
        add(attributes, key, rule.constraint.name);
        if (rule.constraint.kind === 'key') keys.add(key);
      } else if (!rule.attribute && decl.type.kind === 'simple') {
        add(elements, componentKey(decl.namespace, decl.name), rule.constraint.name);
      }
    }
  }
  return {
    attribute: (typeKey, namespace, name) => attributes.get(`${typeKey}|${componentKey(namespace, name)}`) ?? [],
    keyAttribute: (typeKey, namespace, name) => keys.has(`${typeKey}|${componentKey(namespace, name)}`),
    element: (elementKey) => elements.get(elementKey) ?? [],
  };
}

/**
 * The attribute of the complex type `typeKey` a field's last step names, as `componentKey`: the
 * name itself, or for a wildcard test (`@*`, `@p:*`) the one attribute the type declares that it
 * matches. When several match, which one holds the value is left open (the generators make no
 * attribute required for it), and undefined is returned.
 */
function fieldAttribute(registry: SchemaRegistry, typeKey: string, test: NameTest): string | undefined {
  if (test.name !== undefined) return componentKey(test.namespace ?? '', test.name);
  const matching = (registry.findComplexType(typeKey)?.attributes ?? []).filter((use) => matchesName(test, use.namespace, use.name));
  const only = matching.length === 1 ? matching[0] : undefined;
  return only && componentKey(only.namespace, only.name);
}

/** Every element declaration: global ones and those local to content models. */
function allDeclarations(registry: SchemaRegistry): ElementDescriptor[] {
  const out: ElementDescriptor[] = [];
  const visit = (p: ParticleDescriptor): void => {
    if (p.kind === 'element') {
      if (p.element) out.push(p.element);
    } else if (p.kind !== 'any') {
      p.particles.forEach(visit);
    }
  };
  for (const schema of registry.schemas) {
    out.push(...schema.elements);
    for (const type of schema.complexTypes) if (type.content.kind === 'elements') visit(type.content.particle);
  }
  return out;
}
