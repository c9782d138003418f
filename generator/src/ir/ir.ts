/**
 * The schema IR: plain, readonly, JSON-serializable data describing a set of XSD schemas.
 *
 * The reader produces it close to the XSD's own components (references still by name, groups
 * not yet inlined); the transforms in ../transform then resolve and name things, and the
 * emitters read only this data. Every node carries the `source` position it was read from.
 */
import type { RuleDescriptor } from '@evfw/runtime/schema';
import type { SourcePosition } from '../errors.js';

export const XSD_NAMESPACE = 'http://www.w3.org/2001/XMLSchema';
export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/** An expanded name. `namespace` is '' for names in no namespace. */
export interface QName {
  readonly namespace: string;
  readonly name: string;
}

export type Source = SourcePosition;

/** `max` is a number or 'unbounded'. */
export interface Occurs {
  readonly min: number;
  readonly max: number | 'unbounded';
}

/**
 * The IR's two stages, as far as its types tell them apart: 'read' until transform/assign-names
 * has run, 'named' after it. Naming makes required what every emitter reads: the name and
 * TypeScript name of every type in a schema's type list, and the property of every element,
 * wildcard and attribute use. The names that depend on where a model group sits (a choice's
 * union, a repeated group's item type) or on a substitution group stay optional in both stages;
 * naming/group-names.ts reads them where they must be. A node type left at its default
 * (`Schema`, `Particle`) is either stage: what the reader and the transforms before naming take.
 */
export type Stage = 'read' | 'named';

/** What transform/assign-names adds to a node: nothing the type requires before it, `T` after. */
export type NamedBy<S extends Stage, T> = S extends 'named' ? Readonly<T> : unknown;

/** The IR the emitters, the lowering and the schema diff read: every name given. */
export type NamedSchemaSet = SchemaSet<'named'>;

export interface SchemaSet<out S extends Stage = Stage> {
  /** One entry per target namespace, sorted by namespace. */
  readonly schemas: readonly Schema<S>[];
}

export interface Schema<out S extends Stage = Stage> {
  /** The target namespace; '' for a schema without one. */
  readonly namespace: string;
  /** The files this namespace was read from, in reading order. */
  readonly files: readonly string[];
  /** True for the built-in xml: namespace, which is never emitted. */
  readonly builtin: boolean;
  /** The prefix the schema files bind the target namespace to: what serializers prefer. */
  readonly prefix: string | undefined;
  readonly documentation: string | undefined;
  readonly elements: readonly ElementDecl[];
  readonly attributes: readonly AttributeDecl[];
  readonly types: readonly DeclaredType<S>[];
  readonly groups: readonly GroupDef[];
  readonly attributeGroups: readonly AttributeGroupDef[];
  /** The notation declarations (xs:notation), their own symbol space; absent when there are none. */
  readonly notations?: readonly NotationDecl[];
  /** The prose rules of the namespace's rules file (load/load-rules.ts); absent when it has none. */
  readonly rules?: readonly RuleDescriptor[];
}

// ---- Types ------------------------------------------------------------------------------

/** A reference to a named type (built-in types live in XSD_NAMESPACE), or an anonymous type. */
export type TypeRef = NamedTypeRef | TypeDef;

export interface NamedTypeRef {
  readonly kind: 'type-ref';
  readonly ref: QName;
}

export type TypeDef<S extends Stage = Stage> = ComplexType<S> | SimpleType;

/** A type of a schema's type list: always named (by the schema, or by hoisting); after naming, with its TypeScript name. */
export type DeclaredType<S extends Stage = Stage> = TypeDef<S> & { readonly name: QName } & NamedBy<S, { tsName: string }>;
export type DeclaredComplexType<S extends Stage = Stage> = Extract<DeclaredType<S>, { readonly kind: 'complex' }>;
export type DeclaredSimpleType<S extends Stage = Stage> = Extract<DeclaredType<S>, { readonly kind: 'simple' }>;

export interface TypeCommon {
  /** Absent for anonymous types until transform/name-anonymous-types names them. */
  readonly name: QName | undefined;
  /** True when the name was given by the generator rather than the schema. */
  readonly anonymous: boolean;
  /** The TypeScript name, given by transform/assign-names (required then: DeclaredType). */
  readonly tsName?: string;
  readonly documentation: string | undefined;
  readonly source: Source;
}

export interface ComplexType<out S extends Stage = Stage> extends TypeCommon {
  readonly kind: 'complex';
  readonly abstract: boolean;
  /** {final}: the derivations this type refuses to be a base of (its final, or the schema's finalDefault). */
  readonly final: readonly ComplexDerivationMethod[];
  /** {prohibited substitutions}: the derived types xsi:type may not put in its place (block, or blockDefault). */
  readonly block: readonly ComplexDerivationMethod[];
  /** Absent for types that restrict xs:anyType, which is how XSD spells "no base". */
  readonly derivation: Derivation | undefined;
  readonly content: Content<S>;
  readonly attributes: readonly AttributeUse<S>[];
  readonly anyAttribute: Wildcard | undefined;
}

export type ComplexDerivationMethod = 'extension' | 'restriction';

export interface Derivation {
  readonly method: ComplexDerivationMethod;
  readonly base: QName;
}

export type Content<S extends Stage = Stage> = EmptyContent | SimpleContent | ElementContent<S>;

export interface EmptyContent {
  readonly kind: 'empty';
}

/** Character data of a simple type: xs:simpleContent. */
export interface SimpleContent {
  readonly kind: 'simple';
  readonly type: TypeRef;
}

/** Child elements, described by one particle: xs:complexContent or an implicit one. */
export interface ElementContent<out S extends Stage = Stage> {
  readonly kind: 'elements';
  readonly mixed: boolean;
  readonly particle: Particle<S>;
}

export interface SimpleType extends TypeCommon {
  readonly kind: 'simple';
  readonly variety: 'atomic' | 'list' | 'union';
  /**
   * {final}: the derivations this type refuses to be the base, item or member of (its final, or
   * finalDefault). 'extension' only from #all (XSD 1.0 part 1, 3.14.2): then no complex type
   * may extend it into simple content either.
   */
  readonly final: readonly ('restriction' | 'list' | 'union' | 'extension')[];
  /** The restricted type, for 'atomic' (and for a restriction of a list or union type). */
  readonly base: TypeRef | undefined;
  readonly itemType: TypeRef | undefined;
  readonly memberTypes: readonly TypeRef[];
  readonly facets: readonly Facet[];
}

export type FacetKind =
  | 'enumeration'
  | 'pattern'
  | 'length'
  | 'minLength'
  | 'maxLength'
  | 'minInclusive'
  | 'maxInclusive'
  | 'minExclusive'
  | 'maxExclusive'
  | 'totalDigits'
  | 'fractionDigits'
  | 'whiteSpace';

export interface Facet {
  readonly kind: FacetKind;
  readonly value: string;
  /**
   * The prefixes in scope at an enumeration facet of a type derived from QName or NOTATION,
   * whose value is a QName ('' for the default namespace); set at assembly (ir/qname-enumerations.ts).
   */
  readonly namespaces?: Readonly<Record<string, string>>;
  readonly fixed: boolean;
  readonly documentation: string | undefined;
  readonly source: Source;
}

// ---- Content models -----------------------------------------------------------------------

export type Particle<S extends Stage = Stage> = ElementParticle<S> | ElementRefParticle<S> | ModelGroup<S> | GroupRefParticle | AnyParticle<S>;

/** The property a particle or attribute use becomes, required once named. */
type PropertyName<S extends Stage> = NamedBy<S, { property: string }>;

/** A local element declaration in a content model. */
export type ElementParticle<S extends Stage = Stage> = ElementParticleNode & PropertyName<S>;

export interface ElementParticleNode extends Occurs {
  readonly kind: 'element';
  readonly element: ElementDecl;
  /** The property name in the generated model, given by transform/assign-names. */
  readonly property?: string;
}

/** `<xs:element ref="...">`: a use of a global element (or of its substitution group). */
export type ElementRefParticle<S extends Stage = Stage> = ElementRefParticleNode & PropertyName<S>;

export interface ElementRefParticleNode extends Occurs {
  readonly kind: 'element-ref';
  readonly ref: QName;
  readonly source: Source;
  readonly property?: string;
  /** When the referenced element heads a substitution group: the union's TypeScript name... */
  readonly tsName?: string;
  /** ...and one case per element that may appear, head first unless it is abstract. */
  readonly cases?: readonly SubstitutionCase[];
}

export interface SubstitutionCase {
  readonly element: QName;
  readonly property: string;
}

export interface ModelGroup<out S extends Stage = Stage> extends Occurs {
  readonly kind: 'sequence' | 'choice' | 'all';
  readonly particles: readonly Particle<S>[];
  /** Set when the group was inlined from `<xs:group ref>`: the named group's name. */
  readonly groupName?: QName;
  readonly documentation: string | undefined;
  readonly source: Source;
  /**
   * Given by naming where the group becomes a property (a choice, a repeated group) or a case
   * of a choice (a sequence branch); an inline sequence's particles are its owner's properties.
   */
  readonly property?: string;
  /** TypeScript name of the union or item type a choice or repeated group maps to. */
  readonly tsName?: string;
}

/** `<xs:group ref="...">`, replaced by the group's content in transform/flatten-model-groups. */
export interface GroupRefParticle extends Occurs {
  readonly kind: 'group-ref';
  readonly ref: QName;
  readonly source: Source;
}

export type AnyParticle<S extends Stage = Stage> = AnyParticleNode & PropertyName<S>;

export interface AnyParticleNode extends Occurs {
  readonly kind: 'any';
  readonly wildcard: Wildcard;
  readonly property?: string;
}

export interface Wildcard {
  readonly namespaces: WildcardNamespaces;
  readonly processContents: 'strict' | 'lax' | 'skip';
  readonly documentation: string | undefined;
  readonly source: Source;
}

/**
 * `##any`; `##other` (not the target namespace, and not absent); or a list in which '' stands
 * for `##local` and the target namespace has been substituted for `##targetNamespace`.
 */
export type WildcardNamespaces =
  | { readonly kind: 'any' }
  | { readonly kind: 'other'; readonly namespace: string }
  | { readonly kind: 'list'; readonly namespaces: readonly string[] };

// ---- Declarations ---------------------------------------------------------------------------

export interface ElementDecl {
  readonly name: QName;
  /** Absent when the declaration names no type: it then has its head's type, or xs:anyType. */
  readonly type: TypeRef | undefined;
  readonly abstract: boolean;
  readonly nillable: boolean;
  /** {disallowed substitutions}: block, or the schema's blockDefault. */
  readonly block: readonly ('extension' | 'restriction' | 'substitution')[];
  /** {substitution group exclusions}: final, or the schema's finalDefault (its extension and restriction). */
  readonly final: readonly ComplexDerivationMethod[];
  readonly default: string | undefined;
  readonly fixed: string | undefined;
  readonly substitutionGroup: QName | undefined;
  /** Global elements that may stand for this one, transitively; by transform/collect-substitution-groups. */
  readonly substitutes?: readonly QName[];
  readonly identityConstraints: readonly IdentityConstraint[];
  readonly documentation: string | undefined;
  readonly source: Source;
}

export interface AttributeDecl {
  readonly name: QName;
  readonly type: TypeRef | undefined;
  readonly default: string | undefined;
  readonly fixed: string | undefined;
  readonly documentation: string | undefined;
  readonly source: Source;
}

/** Named, a type's attribute uses are all local: flatten-attribute-groups has replaced the references. */
export type AttributeUse<S extends Stage = Stage> = S extends 'named' ? LocalAttributeUse<'named'> : LocalAttributeUse | AttributeRefUse | AttributeGroupRefUse;

export type LocalAttributeUse<S extends Stage = Stage> = LocalAttributeUseNode & PropertyName<S>;

export interface LocalAttributeUseNode {
  readonly kind: 'attribute';
  readonly use: 'required' | 'optional' | 'prohibited';
  readonly attribute: AttributeDecl;
  /** True when the declaration came from a global attribute through `ref`. */
  readonly global: boolean;
  readonly property?: string;
}

/** Replaced by a LocalAttributeUse with `global: true` in transform/flatten-attribute-groups. */
export interface AttributeRefUse {
  readonly kind: 'attribute-ref';
  readonly ref: QName;
  readonly use: 'required' | 'optional' | 'prohibited';
  readonly default: string | undefined;
  readonly fixed: string | undefined;
  readonly source: Source;
}

/** Replaced by the group's attributes in transform/flatten-attribute-groups. */
export interface AttributeGroupRefUse {
  readonly kind: 'attribute-group-ref';
  readonly ref: QName;
  readonly source: Source;
}

export interface GroupDef {
  readonly name: QName;
  readonly particle: ModelGroup;
  readonly documentation: string | undefined;
  readonly source: Source;
}

export interface AttributeGroupDef {
  readonly name: QName;
  readonly attributes: readonly AttributeUse[];
  readonly anyAttribute: Wildcard | undefined;
  readonly documentation: string | undefined;
  readonly source: Source;
}

/**
 * `<xs:notation>` (XSD 1.0 part 1, 3.12): a name for a format, with a public identifier, a
 * system identifier or both. Values of a type derived from xs:NOTATION name one of these.
 */
export interface NotationDecl {
  readonly name: QName;
  readonly public: string | undefined;
  readonly system: string | undefined;
  readonly documentation: string | undefined;
  readonly source: Source;
}

export interface IdentityConstraint {
  readonly kind: 'unique' | 'key' | 'keyref';
  readonly name: QName;
  /** For keyref: the key or unique constraint referred to. */
  readonly refer: QName | undefined;
  readonly selector: string;
  readonly fields: readonly string[];
  /** Prefix bindings in scope, needed to read the XPath expressions. */
  readonly namespaces: Readonly<Record<string, string>>;
  readonly documentation: string | undefined;
  readonly source: Source;
}

export function qnameKey(name: QName): string {
  return name.namespace ? `{${name.namespace}}${name.name}` : name.name;
}

export function isUnbounded(occurs: Occurs): boolean {
  return occurs.max === 'unbounded' || occurs.max > 1;
}
