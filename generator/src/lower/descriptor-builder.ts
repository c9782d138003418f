/**
 * Turns the final IR of one namespace into the runtime's SchemaDescriptor data.
 */
import type {
  AttributeDescriptor,
  AttributeUseDescriptor,
  ComplexTypeDescriptor,
  ContentDescriptor,
  ElementDescriptor,
  GroupParticleDescriptor,
  ElementType,
  Facets,
  IdentityDescriptor,
  ParticleDescriptor,
  SchemaDescriptor,
  SimpleTypeDescriptor,
  WildcardDescriptor,
} from '@evfw/runtime';
import type { NamedSimpleTypeDescriptor, SimpleTypeLink } from '@evfw/runtime/schema';
import {
  XSD_NAMESPACE,
  qnameKey,
  type AttributeDecl,
  type DeclaredComplexType,
  type DeclaredSimpleType,
  type ElementDecl,
  type ElementRefParticle,
  type Facet,
  type QName,
  type LocalAttributeUse,
  type Particle,
  type Schema,
  type SimpleType,
  type Stage,
  type TypeDef,
  type TypeRef,
  type Wildcard,
  type WildcardNamespaces,
} from '../ir/ir.js';
import type { SchemaIndex } from '../ir/schema-index.js';
import { simpleDerivation } from './simple-type-derivations.js';
import { wildcardUnion } from '../ir/wildcards.js';
import { attributeFields, type AttributeField, type IdentityFieldLookup } from './identity-fields.js';
import { substitutionAllowed } from './substitution-blocking.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export class DescriptorBuilder {
  // Each type's flattened attributes and content are computed once, from its base's, so a chain
  // of derivations costs its length, not its length squared.
  private readonly attributeUsesOf = new Map<DeclaredComplexType<'named'>, readonly LocalAttributeUse<'named'>[]>();
  private readonly contentOf = new Map<DeclaredComplexType<'named'>, ContentDescriptor>();
  /** The sequences this builder made to join an extension to its base: the next extension appends to them. */
  private readonly extensionSequences = new WeakSet<GroupParticleDescriptor>();

  /** Simple types lower afresh at each use, each complex type's value type through its flattened content. */
  private readonly lowering: SimpleTypeLowering<'named'>;

  constructor(private readonly index: SchemaIndex<'named'>) {
    this.lowering = {
      index,
      complexValue: (def) => {
        const content = this.content(def);
        return content.kind === 'simple' ? content.type : { kind: 'builtin', name: 'string' };
      },
    };
  }

  schema(schema: Schema<'named'>): SchemaDescriptor {
    return {
      namespace: schema.namespace,
      prefix: schema.prefix ?? 'ns',
      elements: schema.elements.map((decl) => this.element(decl)),
      attributes: schema.attributes.map((decl) => this.attribute(decl)),
      complexTypes: schema.types.flatMap((def) => (def.kind === 'complex' ? [this.complexType(def)] : [])),
      ...this.namedSimpleTypes(schema),
      ...(schema.rules && schema.rules.length > 0 ? { rules: schema.rules } : {}),
    };
  }

  // ---- Declarations -------------------------------------------------------------------------

  private element(decl: ElementDecl): ElementDescriptor {
    const out: Mutable<ElementDescriptor> = { namespace: decl.name.namespace, name: decl.name.name, type: this.elementType(decl) };
    if (decl.abstract) out.abstract = true;
    if (decl.nillable) out.nillable = true;
    if (decl.default !== undefined) out.default = decl.default;
    if (decl.fixed !== undefined) out.fixed = decl.fixed;
    if (decl.block.length > 0) out.block = decl.block;
    if (decl.identityConstraints.length > 0) {
      out.identity = decl.identityConstraints.map((c): IdentityDescriptor => {
        const identity: Mutable<IdentityDescriptor> = {
          kind: c.kind,
          name: qnameKey(c.name),
          selector: c.selector,
          fields: c.fields,
          namespaces: Object.entries(c.namespaces).map(([prefix, uri]) => ({ prefix, uri })),
        };
        if (c.refer) identity.refer = qnameKey(c.refer);
        const fields = attributeFields(c, decl, this.identityFields);
        if (fields) identity.attributeFields = fields;
        return identity;
      });
    }
    return out;
  }

  /** What identity-fields.ts asks of the schema: an element's possible children, and their attributes. */
  private readonly identityFields: IdentityFieldLookup = {
    children: (decl) => {
      const elements: ElementDecl[] = [];
      const wildcards: WildcardNamespaces[] = [];
      for (let def = this.complexTypeOf(decl); def; def = def.derivation?.method === 'extension' ? this.baseOf(def) : undefined) {
        if (def.content.kind !== 'elements') continue;
        const stack: Particle<'named'>[] = [def.content.particle];
        for (let p = stack.pop(); p !== undefined; p = stack.pop()) {
          if (p.kind === 'element') elements.push(p.element);
          else if (p.kind === 'any') wildcards.push(p.wildcard.namespaces);
          else if (p.kind === 'element-ref') {
            const global = this.index.element(p.ref);
            // A substitution group can bring elements of other types.
            if (!global || (p.cases?.length ?? 0) > 0 || (global.substitutes?.length ?? 0) > 0) return undefined;
            elements.push(global);
          } else if (p.kind === 'sequence' || p.kind === 'choice' || p.kind === 'all') stack.push(...p.particles);
          else return undefined;
        }
      }
      return { elements, wildcards };
    },
    attribute: (decl, name): AttributeField | undefined => {
      const def = this.complexTypeOf(decl);
      const use = def && this.attributeUses(def).find((u) => u.use !== 'prohibited' && u.attribute.name.namespace === name.namespace && u.attribute.name.name === name.name);
      if (!use) return undefined;
      const lowered = this.attributeUse(use);
      const value = lowered.default ?? lowered.fixed;
      return value === undefined ? { type: lowered.type } : { type: lowered.type, default: value };
    },
  };

  /** The complex type an element declaration names, when it names one. */
  private complexTypeOf(decl: ElementDecl): DeclaredComplexType<'named'> | undefined {
    const def = decl.type?.kind === 'type-ref' ? this.index.type(decl.type.ref) : undefined;
    return def?.kind === 'complex' ? def : undefined;
  }

  private elementType(decl: ElementDecl): ElementType {
    const type = decl.type ?? (decl.substitutionGroup ? this.index.element(decl.substitutionGroup)?.type : undefined);
    if (!type) return decl.substitutionGroup ? this.elementType(this.index.element(decl.substitutionGroup)!) : { kind: 'any' };
    if (type.kind === 'type-ref') {
      if (type.ref.namespace === XSD_NAMESPACE && type.ref.name === 'anyType') return { kind: 'any' };
      const def = this.index.type(type.ref);
      if (def?.kind === 'complex') return { kind: 'complex', ref: qnameKey(type.ref) };
      // A type the generator named is anonymous to xsi:type: only a union's members matter then.
      if (def?.anonymous) return this.simpleElementType(type, simpleDerivation(def, this.index));
      // A built-in type's descriptor names it already.
      return this.simpleElementType(type, type.ref.namespace === XSD_NAMESPACE ? undefined : qnameKey(type.ref));
    }
    return this.simpleElementType(type, type.kind === 'simple' ? simpleDerivation(type, this.index) : undefined);
  }

  /** A simple element type, with which type it is when xsi:type may need it (descriptor.ts). */
  private simpleElementType(type: TypeRef, definition: SimpleTypeLink | undefined): ElementType {
    const out: Mutable<Extract<ElementType, { kind: 'simple' }>> = { kind: 'simple', type: this.simpleType(type) };
    if (typeof definition === 'string' || definition?.members) out.definition = definition;
    return out;
  }

  /** The global simple types of a schema (not those the generator named), for xsi:type. */
  private namedSimpleTypes(schema: Schema<'named'>): { simpleTypes?: NamedSimpleTypeDescriptor[] } {
    const named = schema.types.filter((def): def is DeclaredSimpleType<'named'> => def.kind === 'simple' && !def.anonymous);
    if (named.length === 0) return {};
    return { simpleTypes: named.map((def) => ({ key: qnameKey(def.name), type: this.simpleType(def), ...simpleDerivation(def, this.index) })) };
  }

  private attribute(decl: AttributeDecl): AttributeDescriptor {
    const out: Mutable<AttributeDescriptor> = { namespace: decl.name.namespace, name: decl.name.name, type: this.simpleType(decl.type) };
    if (decl.default !== undefined) out.default = decl.default;
    if (decl.fixed !== undefined) out.fixed = decl.fixed;
    return out;
  }

  private attributeUse(use: LocalAttributeUse<'named'>): AttributeUseDescriptor {
    return { ...this.attribute(use.attribute), property: use.property, required: use.use === 'required' };
  }

  // ---- Complex types: derivations flattened ---------------------------------------------------

  private complexType(def: DeclaredComplexType<'named'>): ComplexTypeDescriptor {
    const out: Mutable<ComplexTypeDescriptor> = {
      key: qnameKey(def.name),
      attributes: this.attributeUses(def).filter((u) => u.use !== 'prohibited').map((u) => this.attributeUse(u)),
      content: this.content(def),
    };
    if (def.anonymous) out.anonymous = true;
    if (def.abstract) out.abstract = true;
    if (def.derivation) out.derivation = { method: def.derivation.method, base: qnameKey(def.derivation.base) };
    if (def.block.length > 0) out.block = def.block;
    // A prohibited attribute is only absent from the {attribute uses}: in XSD 1.0 the attribute
    // wildcard still admits it (cvc-complex-type 3), so no `prohibited` list is written.
    const anyAttribute = this.anyAttribute(def);
    if (anyAttribute) out.anyAttribute = this.wildcard(anyAttribute);
    return out;
  }

  private baseOf(def: DeclaredComplexType<'named'>): DeclaredComplexType<'named'> | undefined {
    if (!def.derivation) return undefined;
    const base = this.index.type(def.derivation.base);
    return base?.kind === 'complex' ? base : undefined;
  }

  /** An extension adds to its base's attributes; a restriction keeps those it does not redeclare. */
  private attributeUses(def: DeclaredComplexType<'named'>): readonly LocalAttributeUse<'named'>[] {
    const known = this.attributeUsesOf.get(def);
    if (known) return known;
    const own = def.attributes;
    const base = this.baseOf(def);
    let uses = own;
    if (base) {
      const ownKeys = new Set(own.map((u) => qnameKey(u.attribute.name)));
      uses = [...this.attributeUses(base).filter((u) => !ownKeys.has(qnameKey(u.attribute.name))), ...own];
    }
    this.attributeUsesOf.set(def, uses);
    return uses;
  }

  /**
   * The {attribute wildcard} (XSD 1.0 Part 1, 3.4.2): a restriction's is its own; an extension's
   * is the union of its own and its base's, with its own {process contents} (the base's when it
   * has none of its own).
   */
  private anyAttribute(def: DeclaredComplexType<'named'>): Wildcard | undefined {
    const base = this.baseOf(def);
    if (def.derivation?.method !== 'extension' || !base) return def.anyAttribute;
    const inherited = this.anyAttribute(base);
    if (!def.anyAttribute || !inherited) return def.anyAttribute ?? inherited;
    const union = wildcardUnion(def.anyAttribute.namespaces, inherited.namespaces);
    // An inexpressible union is a schema error the check stage reports (cos-aw-union).
    return union === 'inexpressible' ? def.anyAttribute : { ...def.anyAttribute, namespaces: union };
  }

  private content(def: DeclaredComplexType<'named'>): ContentDescriptor {
    let content = this.contentOf.get(def);
    if (!content) {
      content = this.contentUncached(def);
      this.contentOf.set(def, content);
    }
    return content;
  }

  private contentUncached(def: DeclaredComplexType<'named'>): ContentDescriptor {
    const base = this.baseOf(def);
    if (def.content.kind === 'simple') return { kind: 'simple', type: this.simpleContentType(def.content.type) };
    const own = def.content.kind === 'elements' ? this.particle(def.content.particle) : undefined;
    if (def.derivation?.method === 'extension' && base) {
      const inherited = this.content(base);
      if (inherited.kind === 'simple') return inherited;
      if (inherited.kind === 'elements' && own) {
        // An extension of an extension appends to the sequence its base's extension made, so a
        // chain of extensions stays one level deep instead of nesting one sequence per step.
        const first = inherited.particle;
        const before = first.kind === 'sequence' && this.extensionSequences.has(first) ? first.particles : [first];
        const joined: GroupParticleDescriptor = { kind: 'sequence', min: 1, max: 1, particles: [...before, own] };
        this.extensionSequences.add(joined);
        return elementsOf(joined, isMixedContent(def) || inherited.mixed === true);
      }
      if (inherited.kind === 'elements') return inherited;
    }
    return own ? elementsOf(own, isMixedContent(def)) : { kind: 'empty' };
  }

  /** simpleContent names a simple type, or a complex type whose value type it reuses. */
  private simpleContentType(ref: TypeRef): SimpleTypeDescriptor {
    return lowerSimpleContentType(ref, this.lowering);
  }

  // ---- Particles ----------------------------------------------------------------------------

  private particle(p: Particle<'named'>): ParticleDescriptor {
    const common = { min: p.min, max: p.max } as Mutable<ParticleDescriptor>;
    if ('property' in p && p.property !== undefined) common.property = p.property;
    switch (p.kind) {
      case 'element':
        return { ...common, kind: 'element', element: this.element(p.element) };
      case 'element-ref': {
        const out: Mutable<Extract<ParticleDescriptor, { kind: 'element' }>> = { ...common, kind: 'element', ref: qnameKey(p.ref) };
        if (p.cases) out.cases = this.substitutionCases(p);
        return out;
      }
      case 'any':
        return { ...common, kind: 'any', wildcard: this.wildcard(p.wildcard) };
      case 'group-ref':
        throw new Error(`group reference ${qnameKey(p.ref)} survived flatten-model-groups`);
      default:
        return { ...common, kind: p.kind, particles: p.particles.map((c) => this.particle(c)) };
    }
  }

  /** The members of a substitution group its head lets stand for it (substitution-blocking.ts). */
  private substitutionCases(p: ElementRefParticle<'named'>): { ref: string; property: string }[] {
    const head = this.index.element(p.ref);
    const allowed = (name: QName) => {
      const member = this.index.element(name);
      return !head || !member || substitutionAllowed(member, head, this.index);
    };
    return (p.cases ?? []).filter((c) => allowed(c.element)).map((c) => ({ ref: qnameKey(c.element), property: c.property }));
  }

  private wildcard(w: Wildcard): WildcardDescriptor {
    return { namespaces: w.namespaces, process: w.processContents };
  }

  // ---- Simple types -------------------------------------------------------------------------

  private simpleType(ref: TypeRef | undefined): SimpleTypeDescriptor {
    return lowerSimpleType(ref, this.lowering);
  }
}

/** Element content; `mixed` is written only when true, so descriptors of element-only types keep their shape. */
function elementsOf(particle: ParticleDescriptor, mixed: boolean): ContentDescriptor {
  return mixed ? { kind: 'elements', particle, mixed: true } : { kind: 'elements', particle };
}

function isMixedContent(def: DeclaredComplexType<'named'>): boolean {
  return def.content.kind === 'elements' && def.content.mixed;
}

// ---- Simple types, shared with the check stage (check/simple-values.ts) ----------------------

/**
 * What lowering a simple type needs besides the type: the index its named types resolve
 * through, the value type of a complex type that a simpleContent restriction names as its
 * base, and optionally one descriptor per type definition kept for reuse (the check stage
 * keeps them; the builder lowers afresh, so the generated tables keep their shape).
 */
export interface SimpleTypeLowering<S extends Stage = Stage> {
  readonly index: SchemaIndex<S>;
  /** The simple content type of a complex type (xs:string when its content is not simple). */
  complexValue(def: DeclaredComplexType<S>): SimpleTypeDescriptor;
  readonly cache?: Map<TypeDef, SimpleTypeDescriptor>;
}

/** A simple type, named or anonymous, as a descriptor; a complex type or none is xs:anySimpleType. */
export function lowerSimpleType<S extends Stage>(ref: TypeRef | undefined, lowering: SimpleTypeLowering<S>): SimpleTypeDescriptor {
  if (!ref) return { kind: 'builtin', name: 'anySimpleType' };
  if (ref.kind === 'complex') return { kind: 'builtin', name: 'anySimpleType' };
  if (ref.kind === 'type-ref') {
    if (ref.ref.namespace === XSD_NAMESPACE) return { kind: 'builtin', name: ref.ref.name };
    const def = lowering.index.type(ref.ref);
    if (def?.kind === 'simple') return lowerSimpleDef(def, lowering);
    return { kind: 'builtin', name: 'anySimpleType' };
  }
  return lowerSimpleDef(ref, lowering);
}

function lowerSimpleDef<S extends Stage>(def: SimpleType, lowering: SimpleTypeLowering<S>): SimpleTypeDescriptor {
  const known = lowering.cache?.get(def);
  if (known) return known;
  const lowered = lowerSimpleDefUncached(def, lowering);
  lowering.cache?.set(def, lowered);
  return lowered;
}

function lowerSimpleDefUncached<S extends Stage>(def: SimpleType, lowering: SimpleTypeLowering<S>): SimpleTypeDescriptor {
  const own = lowerFacets(def.facets);
  if (def.variety === 'list') return { kind: 'list', item: lowerSimpleType(def.itemType, lowering), facets: own };
  if (def.variety === 'union') return { kind: 'union', members: def.memberTypes.map((m) => lowerSimpleType(m, lowering)), facets: own };
  const base = lowerSimpleType(def.base, lowering);
  // A restriction of a list or union type restricts it with the new facets.
  if (base.kind === 'list' || base.kind === 'union') {
    const patterns = [...(base.facets.patterns ?? []), ...(own.patterns ?? [])];
    return { ...base, facets: { ...base.facets, ...own, ...(patterns.length ? { patterns } : {}) } };
  }
  return { kind: 'atomic', base, facets: own };
}

/** The value type of simple content: a simple type, or the value type of the complex type named. */
export function lowerSimpleContentType<S extends Stage>(ref: TypeRef, lowering: SimpleTypeLowering<S>): SimpleTypeDescriptor {
  if (ref.kind === 'type-ref') {
    const def = lowering.index.type(ref.ref);
    if (def?.kind === 'complex') return lowering.complexValue(def);
  }
  if (ref.kind === 'simple' && ref.base?.kind === 'type-ref') {
    const base = lowering.index.type(ref.base.ref);
    if (base?.kind === 'complex') return { kind: 'atomic', base: lowerSimpleContentType(ref.base, lowering), facets: lowerFacets(ref.facets) };
  }
  return lowerSimpleType(ref, lowering);
}

export function lowerFacets(list: readonly Facet[]): Facets {
  const out: Record<string, unknown> = {};
  const enumeration = list.filter((f) => f.kind === 'enumeration').map((f) => f.value);
  if (enumeration.length > 0) out.enumeration = enumeration;
  // QName and NOTATION options compare as expanded names: the runtime needs their prefixes.
  // Assembly gives every enumeration of one step the same map (ir/qname-enumerations.ts).
  const namespaces = list.find((f) => f.kind === 'enumeration' && f.namespaces !== undefined)?.namespaces;
  if (namespaces !== undefined) out.namespaces = namespaces;
  const patterns = list.filter((f) => f.kind === 'pattern').map((f) => f.value);
  if (patterns.length > 0) out.patterns = [patterns];
  for (const f of list) {
    switch (f.kind) {
      case 'length':
      case 'minLength':
      case 'maxLength':
      case 'totalDigits':
      case 'fractionDigits':
        out[f.kind] = Number(f.value);
        break;
      case 'minInclusive':
      case 'maxInclusive':
      case 'minExclusive':
      case 'maxExclusive':
      case 'whiteSpace':
        out[f.kind] = f.value;
        break;
      default:
        break;
    }
  }
  return out as Facets;
}
