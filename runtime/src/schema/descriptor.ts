/**
 * Schema descriptors: the plain data the generator writes for each namespace (generated
 * src/<module>.schema.ts) and the runtime's parser, validator and serializer interpret.
 *
 * The generator has already done the XSD bookkeeping: derivations are flattened (an extension's
 * attributes and content include its base's), groups are inlined, simple types are written out
 * whole, and every particle carries the model property it fills. Global components are named by
 * key, `{namespace}local` (or `local` in no namespace), and resolved through a SchemaRegistry.
 *
 * For xsi:type (validate/xsi-type.ts) the flattening is not enough: each complex type also
 * says its base and derivation method, its block and whether it is abstract; global simple
 * types are listed with their base and union members; element declarations carry their block.
 * These fields are written only when they say something (a derived type, a non-empty block).
 */
import type { SimpleTypeDescriptor } from '../datatypes/index.js';
import type { RuleDescriptor } from '../rules/rule-descriptor.js';

export type { SimpleTypeDescriptor };

export interface SchemaDescriptor {
  readonly namespace: string;
  /** The prefix serializers prefer for this namespace. */
  readonly prefix: string;
  readonly elements: readonly ElementDescriptor[];
  readonly attributes: readonly AttributeDescriptor[];
  readonly complexTypes: readonly ComplexTypeDescriptor[];
  /** The global simple types, which xsi:type may name (absent when the namespace has none). */
  readonly simpleTypes?: readonly NamedSimpleTypeDescriptor[];
  /** The prose rules of the namespace's rules file, applied by the `spec` and `invite` profiles. */
  readonly rules?: readonly RuleDescriptor[];
}

export type ElementType =
  | { readonly kind: 'complex'; readonly ref: string }
  | {
      readonly kind: 'simple';
      readonly type: SimpleTypeDescriptor;
      /**
       * Which simple type this is, for xsi:type: the key of a named type, or, for an anonymous
       * union, its derivation (its members may be named). Absent for a built-in type, which
       * `type` names, and for other anonymous types: no named type derives from them.
       */
      readonly definition?: SimpleTypeLink;
    }
  /** xs:anyType: any attributes and content, kept as an XmlElement. */
  | { readonly kind: 'any' };

export interface ElementDescriptor {
  readonly namespace: string;
  readonly name: string;
  readonly type: ElementType;
  readonly abstract?: boolean;
  readonly nillable?: boolean;
  readonly default?: string;
  readonly fixed?: string;
  /** {disallowed substitutions}: the derivations an xsi:type (or a substitution) may not use. */
  readonly block?: readonly ('extension' | 'restriction' | 'substitution')[];
  readonly identity?: readonly IdentityDescriptor[];
}

export interface AttributeDescriptor {
  readonly namespace: string;
  readonly name: string;
  readonly type: SimpleTypeDescriptor;
  readonly default?: string;
  readonly fixed?: string;
}

export interface AttributeUseDescriptor extends AttributeDescriptor {
  readonly property: string;
  readonly required: boolean;
}

export interface ComplexTypeDescriptor {
  readonly key: string;
  /** A type the generator named (the schema gave it none): xsi:type cannot name it. */
  readonly anonymous?: true;
  /** An abstract type: an element must name a type derived from it with xsi:type. */
  readonly abstract?: true;
  /** Its base, for xsi:type; absent for a restriction of xs:anyType. */
  readonly derivation?: { readonly method: 'extension' | 'restriction'; readonly base: string };
  /** {prohibited substitutions}: the derived types xsi:type may not put in its place. */
  readonly block?: readonly ('extension' | 'restriction')[];
  readonly attributes: readonly AttributeUseDescriptor[];
  /** Attribute names a restriction prohibits, so they are not taken by the wildcard either. */
  readonly prohibited?: readonly string[];
  readonly anyAttribute?: WildcardDescriptor;
  readonly content: ContentDescriptor;
}

/**
 * A simple type as xsi:type's derivation check sees it (XSD 1.0 part 1, cos-st-derived-ok): the
 * key of a named type (`{http://www.w3.org/2001/XMLSchema}int` for a built-in one), or an
 * anonymous type written inline as its derivation.
 */
export type SimpleTypeLink = string | SimpleTypeDerivation;

export interface SimpleTypeDerivation {
  /** The {base type definition}: the restricted type, or xs:anySimpleType for a list or a union. */
  readonly base: SimpleTypeLink;
  /** A union's {member type definitions}; a restriction of a union keeps its base's. */
  readonly members?: readonly SimpleTypeLink[];
}

/** A global simple type: its value space and its derivation, for xsi:type. */
export interface NamedSimpleTypeDescriptor extends SimpleTypeDerivation {
  readonly key: string;
  readonly type: SimpleTypeDescriptor;
}

export type ContentDescriptor =
  | { readonly kind: 'empty' }
  | { readonly kind: 'simple'; readonly type: SimpleTypeDescriptor }
  /**
   * `mixed`: character data may come between the children (XSD mixed="true"); the model then
   * holds the children and the text in one `$content` array, in document order. Absent when false.
   */
  | { readonly kind: 'elements'; readonly particle: ParticleDescriptor; readonly mixed?: true };

export type Max = number | 'unbounded';

export type ParticleDescriptor = ElementParticleDescriptor | WildcardParticleDescriptor | GroupParticleDescriptor;

interface ParticleCommon {
  readonly min: number;
  readonly max: Max;
  /** The model property this particle fills; absent for a group flattened into its parent. */
  readonly property?: string;
}

export interface ElementParticleDescriptor extends ParticleCommon {
  readonly kind: 'element';
  /** A local declaration, or `ref`, the key of a global element. */
  readonly element?: ElementDescriptor;
  readonly ref?: string;
  /** For the head of a substitution group: each element that may appear, and its $case. */
  readonly cases?: readonly { readonly ref: string; readonly property: string }[];
}

export interface WildcardParticleDescriptor extends ParticleCommon {
  readonly kind: 'any';
  readonly wildcard: WildcardDescriptor;
}

export interface GroupParticleDescriptor extends ParticleCommon {
  readonly kind: 'sequence' | 'choice' | 'all';
  readonly particles: readonly ParticleDescriptor[];
}

export interface WildcardDescriptor {
  /** 'any'; 'other' (not `namespace`, and not no-namespace); or a list ('' is ##local). */
  readonly namespaces:
    | { readonly kind: 'any' }
    | { readonly kind: 'other'; readonly namespace: string }
    | { readonly kind: 'list'; readonly namespaces: readonly string[] };
  readonly process: 'strict' | 'lax' | 'skip';
}

export interface IdentityDescriptor {
  readonly kind: 'unique' | 'key' | 'keyref';
  readonly name: string;
  readonly refer?: string;
  readonly selector: string;
  readonly fields: readonly string[];
  /** Prefix bindings for the XPath expressions. */
  readonly namespaces: readonly { readonly prefix: string; readonly uri: string }[];
  /**
   * For the streaming validator (fast-identity.ts), when the generator could tell: the selector
   * names child elements and each field is an attribute that every such child's type declares,
   * with one type. Per field, that type and the attribute's default or fixed value.
   */
  readonly attributeFields?: readonly { readonly type: SimpleTypeDescriptor; readonly default?: string }[];
}

export function componentKey(namespace: string, name: string): string {
  return namespace ? `{${namespace}}${name}` : name;
}

/**
 * The two halves of a key. A namespace URI may hold "}" (a hostile schema's can hold anything),
 * but a local name, an NCName, never does: the last "}" is the one that closes the namespace.
 */
export function keyLocalName(key: string): string {
  return key.startsWith('{') ? key.slice(key.lastIndexOf('}') + 1) : key;
}

export function keyNamespace(key: string): string {
  return key.startsWith('{') ? key.slice(1, key.lastIndexOf('}')) : '';
}

export function wildcardAllows(w: WildcardDescriptor, namespace: string): boolean {
  switch (w.namespaces.kind) {
    case 'any':
      return true;
    case 'other':
      return namespace !== '' && namespace !== w.namespaces.namespace;
    case 'list':
      return w.namespaces.namespaces.includes(namespace);
  }
}
