/**
 * What the derivation and declaration checks need to know of a complex type that the read-stage
 * IR does not spell out: its {attribute uses} and {attribute wildcard} once attribute groups are
 * expanded and the base's are carried over (part 1, 3.4.2 and 3.6.2), and the kind of its
 * {content type} (empty, a simple type, element-only or mixed, and whether the particle is
 * emptiable).
 *
 * Results are kept per component, so each type and attribute group is worked out once. Chains of
 * bases are walked with loops; attribute groups and model groups recurse along their references,
 * which the component graph check has bounded by maxNestingDepth.
 */
import { GeneratorError } from '../errors.js';
import { qnameKey, type AttributeDecl, type AttributeGroupDef, type AttributeUse, type ComplexType, type GroupDef, type Particle, type QName, type Source, type TypeRef, type Wildcard } from '../ir/ir.js';
import type { SchemaIndex } from '../ir/schema-index.js';
import { baseOf, isBuiltin, isSimple, resolveType, simpleContentTypeOf, type TypeNode } from './derivation-of.js';
import { completeWildcard, describeConstraint, wildcardUnion } from '../ir/wildcards.js';

export interface ValueConstraint {
  readonly kind: 'default' | 'fixed';
  readonly value: string;
}

/** One attribute use, whether written locally, through `ref` or through an attribute group. */
export interface AttributeUseInfo {
  readonly name: QName;
  readonly use: 'required' | 'optional' | 'prohibited';
  /** The declaration's type; undefined stands for xs:anySimpleType. */
  readonly type: TypeRef | undefined;
  /** The declaration: the same object for every use of one global attribute. */
  readonly declaration: AttributeDecl;
  /** The value constraint written on the use itself (`<xs:attribute ref default|fixed>`). */
  readonly useConstraint: ValueConstraint | undefined;
  /** The {value constraint} of the use: its own, else the declaration's. */
  readonly effective: ValueConstraint | undefined;
  readonly source: Source;
}

/** The uses a type or group writes (groups expanded) and its complete wildcard. */
export interface OwnAttributes {
  readonly uses: readonly AttributeUseInfo[];
  readonly wildcard: Wildcard | undefined;
}

/** A complex type's {attribute uses} (no prohibited ones) and {attribute wildcard}, its own set besides. */
export interface TypeAttributes {
  readonly own: OwnAttributes;
  readonly uses: readonly AttributeUseInfo[];
  readonly wildcard: Wildcard | undefined;
}

export type ContentKind =
  | { readonly kind: 'empty' }
  | { readonly kind: 'simple'; readonly type: TypeNode | undefined }
  | { readonly kind: 'element-only' | 'mixed'; readonly emptiable: boolean };

const MAX_CHAIN = 10_000;

export class DerivationModel {
  private readonly groupAttributeCache = new Map<AttributeGroupDef, OwnAttributes>();
  private readonly typeAttributeCache = new Map<ComplexType, TypeAttributes>();
  private readonly contentCache = new Map<ComplexType, ContentKind>();
  private readonly groupEmptiable = new Map<GroupDef, boolean>();

  constructor(readonly index: SchemaIndex) {}

  /** An attribute group's uses and {attribute wildcard} (ag-props-correct is checked on them). */
  groupAttributes(def: AttributeGroupDef): OwnAttributes {
    let found = this.groupAttributeCache.get(def);
    if (!found) {
      found = this.expand(def.attributes, def.anyAttribute, def.source, `attribute group "${def.name.name}"`);
      this.groupAttributeCache.set(def, found);
    }
    return found;
  }

  /** The uses and complete wildcard written on a type (or group), attribute group references expanded. */
  expand(uses: readonly AttributeUse[], anyAttribute: Wildcard | undefined, source: Source, label: string): OwnAttributes {
    const out: AttributeUseInfo[] = [];
    // A group reached twice brings the same use objects (groups are expanded once): keep them once.
    const seen = new Set<AttributeUseInfo>();
    const add = (info: AttributeUseInfo) => {
      if (seen.has(info)) return;
      seen.add(info);
      out.push(info);
    };
    const groupWildcards: Wildcard[] = [];
    for (const use of uses) {
      if (use.kind === 'attribute') {
        const decl = use.attribute;
        add({ name: decl.name, use: use.use, type: decl.type, declaration: decl, useConstraint: undefined, effective: constraintOf(decl.default, decl.fixed), source: decl.source });
      } else if (use.kind === 'attribute-ref') {
        const decl = this.index.attributes.get(qnameKey(use.ref));
        if (!decl) continue;
        const own = constraintOf(use.default, use.fixed);
        add({ name: decl.name, use: use.use, type: decl.type, declaration: decl, useConstraint: own, effective: own ?? constraintOf(decl.default, decl.fixed), source: use.source });
      } else {
        const group = this.index.attributeGroups.get(qnameKey(use.ref));
        if (!group) continue;
        const inner = this.groupAttributes(group);
        // A prohibited use inside an attribute group is no attribute use (3.2.2): only one written
        // directly in the restriction removes the base's attribute (D-122).
        for (const info of inner.uses) if (info.use !== 'prohibited') add(info);
        if (inner.wildcard) groupWildcards.push(inner.wildcard);
      }
    }
    return { uses: out, wildcard: completeWildcard(anyAttribute, groupWildcards, source, label) };
  }

  /** {attribute uses} and {attribute wildcard} of a complex type, its base's carried over. */
  typeAttributes(def: ComplexType): TypeAttributes {
    const cached = this.typeAttributeCache.get(def);
    if (cached) return cached;
    // The chain up to the first type already known (or the first base that is not a complex type of the schema).
    const chain: ComplexType[] = [def];
    for (let current = def; chain.length < MAX_CHAIN; ) {
      const base = current.derivation ? resolveType(current.derivation.base, this.index) : undefined;
      if (!base || base.kind !== 'complex' || this.typeAttributeCache.has(base) || chain.includes(base)) break;
      chain.push(base);
      current = base;
    }
    let result: TypeAttributes | undefined;
    for (let i = chain.length - 1; i >= 0; i--) {
      const type = chain[i]!;
      const base = type.derivation ? resolveType(type.derivation.base, this.index) : undefined;
      let inherited = base?.kind === 'complex' ? (this.typeAttributeCache.get(base) ?? EMPTY_ATTRIBUTES) : EMPTY_ATTRIBUTES;
      // xs:anyType's {attribute wildcard} is ##any (lax): an extension of it keeps that wildcard.
      if (base && isBuiltin(base, 'anyType') && type.derivation?.method === 'extension') {
        inherited = { ...EMPTY_ATTRIBUTES, wildcard: { namespaces: { kind: 'any' }, processContents: 'lax', documentation: undefined, source: type.source } };
      }
      result = this.combine(type, inherited);
      this.typeAttributeCache.set(type, result);
    }
    return result ?? EMPTY_ATTRIBUTES;
  }

  private combine(def: ComplexType, base: TypeAttributes): TypeAttributes {
    const label = describeComplex(def);
    const own = this.expand(def.attributes, def.anyAttribute, def.source, label);
    const present = own.uses.filter((u) => u.use !== 'prohibited');
    if (def.derivation?.method === 'extension') {
      let wildcard = own.wildcard ?? base.wildcard;
      if (own.wildcard && base.wildcard) {
        const union = wildcardUnion(own.wildcard.namespaces, base.wildcard.namespaces);
        if (union === 'inexpressible') {
          throw new GeneratorError(
            'xsd.cos-aw-union',
            `${label} extends a type whose attribute wildcard allows ${describeConstraint(base.wildcard.namespaces)}, and its own allows ${describeConstraint(own.wildcard.namespaces)}: XSD 1.0 cannot express their union`,
            own.wildcard.source,
            'widen one of the two wildcards (for example to ##any) so that their union is a wildcard XSD 1.0 can write',
          );
        }
        wildcard = { ...own.wildcard, namespaces: union };
      }
      return { own, uses: [...base.uses, ...present], wildcard };
    }
    // A restriction keeps the base's uses it does not name itself (naming one as prohibited removes it).
    const named = new Set(own.uses.map((u) => qnameKey(u.name)));
    return { own, uses: [...present, ...base.uses.filter((u) => !named.has(qnameKey(u.name)))], wildcard: own.wildcard };
  }

  /** The kind of a type's {content type}; anyType's is mixed and emptiable, a simple type's is itself. */
  contentOf(node: TypeNode): ContentKind {
    if (node.kind === 'builtin' && node.name === 'anyType') return { kind: 'mixed', emptiable: true };
    if (node.kind !== 'complex') return { kind: 'simple', type: isSimple(node) ? node : undefined };
    const cached = this.contentCache.get(node);
    if (cached) return cached;
    // An extension with no content of its own has its base's: walk down to the first type that says.
    const chain: ComplexType[] = [node];
    let inherited: ContentKind | undefined;
    for (let current = node; chain.length < MAX_CHAIN; ) {
      if (!this.keepsBaseContent(current)) break;
      const base = baseOf(current, this.index)?.base;
      if (!base || base.kind !== 'complex') {
        inherited = base ? this.contentOf(base) : { kind: 'empty' };
        break;
      }
      const known = this.contentCache.get(base);
      if (known || chain.includes(base)) {
        inherited = known ?? { kind: 'empty' };
        break;
      }
      chain.push(base);
      current = base;
    }
    let result: ContentKind | undefined = inherited;
    for (let i = chain.length - 1; i >= 0; i--) {
      const type = chain[i]!;
      result = this.keepsBaseContent(type) && result ? result : this.ownContent(type);
      this.contentCache.set(type, result);
    }
    return result ?? { kind: 'empty' };
  }

  /**
   * 3.4.2, complex content: an extension whose effective content is empty (no particle of its
   * own, and not mixed) has its base's content type. Mixed with no particle is a mixed empty
   * sequence, which is content of its own (Xerces reads it so too, and the suite's ctF008 needs it).
   */
  keepsBaseContent(def: ComplexType): boolean {
    return def.derivation?.method === 'extension' && def.content.kind !== 'simple' && this.explicitlyEmpty(def) && !isMixed(def);
  }

  /** The content type of a type that does not take its base's wholesale. */
  private ownContent(def: ComplexType): ContentKind {
    if (def.content.kind === 'simple') return { kind: 'simple', type: simpleContentTypeOf(def, this.index) };
    const mixed = isMixed(def);
    if (this.explicitlyEmpty(def) && !mixed) return { kind: 'empty' };
    const kind = mixed ? 'mixed' : 'element-only';
    const emptiable = def.content.kind === 'elements' && !this.explicitlyEmpty(def) ? this.emptiable(def.content.particle) : true;
    if (def.derivation?.method !== 'extension') return { kind, emptiable };
    // An extension appends its content to its base's particle, if the base has one.
    const base = baseOf(def, this.index)?.base;
    const baseContent = base ? this.contentOf(base) : ({ kind: 'empty' } as const);
    if (baseContent.kind === 'element-only' || baseContent.kind === 'mixed') return { kind, emptiable: emptiable && baseContent.emptiable };
    return { kind, emptiable };
  }

  /** explicit content empty (3.4.2, complex content, clause 2.1). */
  explicitlyEmpty(def: ComplexType): boolean {
    if (def.content.kind !== 'elements') return def.content.kind === 'empty';
    const particle = def.content.particle;
    if (particle.max === 0) return true;
    if (particle.kind === 'sequence' || particle.kind === 'all') return particle.particles.length === 0;
    if (particle.kind === 'choice') return particle.particles.length === 0 && particle.min === 0;
    return false;
  }

  /** Particle Emptiable (3.9.6): the particle accepts the empty sequence. */
  emptiable(particle: Particle): boolean {
    if (particle.min === 0) return true;
    switch (particle.kind) {
      case 'element':
      case 'element-ref':
      case 'any':
        return false;
      case 'sequence':
      case 'all':
        return particle.particles.every((p) => this.emptiable(p));
      case 'choice':
        return particle.particles.length === 0 || particle.particles.some((p) => this.emptiable(p));
      case 'group-ref': {
        const group = this.index.groups.get(qnameKey(particle.ref));
        if (!group) return false;
        let found = this.groupEmptiable.get(group);
        if (found === undefined) {
          // Set first, so a reference cycle (refused earlier anyway) cannot loop.
          this.groupEmptiable.set(group, false);
          found = this.emptiable(group.particle);
          this.groupEmptiable.set(group, found);
        }
        return found;
      }
    }
  }
}

const EMPTY_ATTRIBUTES: TypeAttributes = { own: { uses: [], wildcard: undefined }, uses: [], wildcard: undefined };

function constraintOf(defaultValue: string | undefined, fixed: string | undefined): ValueConstraint | undefined {
  if (fixed !== undefined) return { kind: 'fixed', value: fixed };
  if (defaultValue !== undefined) return { kind: 'default', value: defaultValue };
  return undefined;
}

/** The effective mixed: the reader gives a mixed type with no particle an empty sequence (D-118, D-124). */
export function isMixed(def: ComplexType): boolean {
  return def.content.kind === 'elements' && def.content.mixed;
}

export function describeComplex(def: ComplexType): string {
  return def.name && !def.anonymous ? `complex type "${def.name.name}"` : 'an anonymous complex type';
}
