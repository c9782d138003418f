/**
 * Every schema a generated package knows, looked up by key. Lax wildcard content is validated
 * when its namespace is in the registry, which is how "known" is defined for processContents.
 */
import {
  componentKey,
  type AttributeDescriptor,
  type ComplexTypeDescriptor,
  type ElementDescriptor,
  type NamedSimpleTypeDescriptor,
  type SchemaDescriptor,
} from './descriptor.js';
import type { NamespaceRules } from '../rules/run-rules.js';

export class SchemaRegistry {
  private readonly elementMap = new Map<string, ElementDescriptor>();
  private readonly attributeMap = new Map<string, AttributeDescriptor>();
  private readonly typeMap = new Map<string, ComplexTypeDescriptor>();
  private readonly simpleTypeMap = new Map<string, NamedSimpleTypeDescriptor>();
  private readonly prefixes = new Map<string, string>();

  constructor(readonly schemas: readonly SchemaDescriptor[]) {
    for (const schema of schemas) {
      this.prefixes.set(schema.namespace, schema.prefix);
      for (const e of schema.elements) this.elementMap.set(componentKey(e.namespace, e.name), e);
      for (const a of schema.attributes) this.attributeMap.set(componentKey(a.namespace, a.name), a);
      for (const t of schema.complexTypes) this.typeMap.set(t.key, t);
      for (const t of schema.simpleTypes ?? []) this.simpleTypeMap.set(t.key, t);
    }
  }

  element(key: string): ElementDescriptor | undefined {
    return this.elementMap.get(key);
  }

  attribute(key: string): AttributeDescriptor | undefined {
    return this.attributeMap.get(key);
  }

  complexType(key: string): ComplexTypeDescriptor {
    const found = this.typeMap.get(key);
    if (!found) throw new Error(`evfw: the schema registry has no complex type ${key}; regenerate the package`);
    return found;
  }

  /** A complex type by key, or undefined: for names that come from a document (xsi:type). */
  findComplexType(key: string): ComplexTypeDescriptor | undefined {
    return this.typeMap.get(key);
  }

  /** A global simple type by key (built-in types are not listed). */
  simpleType(key: string): NamedSimpleTypeDescriptor | undefined {
    return this.simpleTypeMap.get(key);
  }

  knowsNamespace(namespace: string): boolean {
    return this.prefixes.has(namespace);
  }

  preferredPrefix(namespace: string): string | undefined {
    return this.prefixes.get(namespace);
  }

  /** The prose rules of every namespace that has some, for the `spec` and `invite` profiles. */
  ruleSets(): NamespaceRules[] {
    return this.schemas.flatMap((s) => (s.rules && s.rules.length > 0 ? [{ namespace: s.namespace, rules: s.rules }] : []));
  }

  /** Global elements, for messages listing what a document may start with. */
  globalElements(): ElementDescriptor[] {
    return [...this.elementMap.values()];
  }
}
