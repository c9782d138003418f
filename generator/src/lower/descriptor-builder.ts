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
import {
  XSD_NAMESPACE,
  qnameKey,
  type AttributeDecl,
  type DeclaredComplexType,
  type ElementDecl,
  type Facet,
  type LocalAttributeUse,
  type Particle,
  type Schema,
  type SimpleType,
  type TypeRef,
  type Wildcard,
} from '../ir/ir.js';
import type { SchemaIndex } from '../ir/schema-index.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export class DescriptorBuilder {
  // Each type's flattened attributes and content are computed once, from its base's, so a chain
  // of derivations costs its length, not its length squared.
  private readonly attributeUsesOf = new Map<DeclaredComplexType<'named'>, readonly LocalAttributeUse<'named'>[]>();
  private readonly contentOf = new Map<DeclaredComplexType<'named'>, ContentDescriptor>();
  /** The sequences this builder made to join an extension to its base: the next extension appends to them. */
  private readonly extensionSequences = new WeakSet<GroupParticleDescriptor>();

  constructor(private readonly index: SchemaIndex<'named'>) {}

  schema(schema: Schema<'named'>): SchemaDescriptor {
    return {
      namespace: schema.namespace,
      prefix: schema.prefix ?? 'ns',
      elements: schema.elements.map((decl) => this.element(decl)),
      attributes: schema.attributes.map((decl) => this.attribute(decl)),
      complexTypes: schema.types.flatMap((def) => (def.kind === 'complex' ? [this.complexType(def)] : [])),
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
        return identity;
      });
    }
    return out;
  }

  private elementType(decl: ElementDecl): ElementType {
    const type = decl.type ?? (decl.substitutionGroup ? this.index.element(decl.substitutionGroup)?.type : undefined);
    if (!type) return decl.substitutionGroup ? this.elementType(this.index.element(decl.substitutionGroup)!) : { kind: 'any' };
    if (type.kind === 'type-ref') {
      if (type.ref.namespace === XSD_NAMESPACE && type.ref.name === 'anyType') return { kind: 'any' };
      const def = this.index.type(type.ref);
      if (def?.kind === 'complex') return { kind: 'complex', ref: qnameKey(type.ref) };
    }
    return { kind: 'simple', type: this.simpleType(type) };
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
    const prohibited = this.attributeUses(def).filter((u) => u.use === 'prohibited').map((u) => qnameKey(u.attribute.name));
    if (prohibited.length > 0) out.prohibited = prohibited;
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

  private anyAttribute(def: DeclaredComplexType<'named'>): Wildcard | undefined {
    const base = this.baseOf(def);
    if (def.derivation?.method === 'extension' && base) return def.anyAttribute ?? this.anyAttribute(base);
    return def.anyAttribute;
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
        return { kind: 'elements', particle: joined };
      }
      if (inherited.kind === 'elements') return inherited;
    }
    return own ? { kind: 'elements', particle: own } : { kind: 'empty' };
  }

  /** simpleContent names a simple type, or a complex type whose value type it reuses. */
  private simpleContentType(ref: TypeRef): SimpleTypeDescriptor {
    if (ref.kind === 'type-ref') {
      const def = this.index.type(ref.ref);
      if (def?.kind === 'complex') {
        const content = this.content(def);
        return content.kind === 'simple' ? content.type : { kind: 'builtin', name: 'string' };
      }
    }
    if (ref.kind === 'simple' && ref.base?.kind === 'type-ref') {
      const base = this.index.type(ref.base.ref);
      if (base?.kind === 'complex') return { kind: 'atomic', base: this.simpleContentType(ref.base), facets: facets(ref.facets) };
    }
    return this.simpleType(ref);
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
        if (p.cases) out.cases = p.cases.map((c) => ({ ref: qnameKey(c.element), property: c.property }));
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

  private wildcard(w: Wildcard): WildcardDescriptor {
    return { namespaces: w.namespaces, process: w.processContents };
  }

  // ---- Simple types -------------------------------------------------------------------------

  private simpleType(ref: TypeRef | undefined): SimpleTypeDescriptor {
    if (!ref) return { kind: 'builtin', name: 'anySimpleType' };
    if (ref.kind === 'complex') return { kind: 'builtin', name: 'anySimpleType' };
    if (ref.kind === 'type-ref') {
      if (ref.ref.namespace === XSD_NAMESPACE) return { kind: 'builtin', name: ref.ref.name };
      const def = this.index.type(ref.ref);
      if (def?.kind === 'simple') return this.simpleType(def);
      return { kind: 'builtin', name: 'anySimpleType' };
    }
    return this.simpleDef(ref);
  }

  private simpleDef(def: SimpleType): SimpleTypeDescriptor {
    const own = facets(def.facets);
    if (def.variety === 'list') return { kind: 'list', item: this.simpleType(def.itemType), facets: own };
    if (def.variety === 'union') return { kind: 'union', members: def.memberTypes.map((m) => this.simpleType(m)), facets: own };
    const base = this.simpleType(def.base);
    // A restriction of a list or union type restricts it with the new facets.
    if (base.kind === 'list' || base.kind === 'union') {
      const patterns = [...(base.facets.patterns ?? []), ...(own.patterns ?? [])];
      return { ...base, facets: { ...base.facets, ...own, ...(patterns.length ? { patterns } : {}) } };
    }
    return { kind: 'atomic', base, facets: own };
  }
}

function facets(list: readonly Facet[]): Facets {
  const out: Record<string, unknown> = {};
  const enumeration = list.filter((f) => f.kind === 'enumeration').map((f) => f.value);
  if (enumeration.length > 0) out.enumeration = enumeration;
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
