/**
 * One namespace's JSON Schema (draft 2020-12) of the typed model's plain-object form, read from
 * the schema descriptors, where derivations are already flattened and every particle carries
 * the property the types emitter gave it. The walk mirrors emit-types.ts and the runtime's
 * ModelWriter: the three must agree on the shape of the object.
 *
 * - a complex type is a `$defs` entry: an object, `additionalProperties: false`, attributes
 *   and child elements as properties, `required` for required attributes and elements;
 * - a repeated particle is an array with `minItems`/`maxItems` from its occurrence bounds;
 * - a choice or substitution group is a `oneOf` of `$case` objects, with ajv's `discriminator`;
 * - wildcard content is `$defs/XmlElement`, the runtime's XmlElement shape;
 * - mixed content is one `$content` array of strings and `$case` objects;
 * - simple values: see builtin-schemas.ts and `simple` below.
 */
import type {
  ComplexTypeDescriptor,
  ElementDescriptor,
  Facets,
  ParticleDescriptor,
  SchemaDescriptor,
  SimpleTypeDescriptor,
} from '@evfw/runtime';
import { SchemaRegistry, substituteKeys } from '@evfw/runtime';
import { anchoredPattern, builtinModelKind, builtinSchema, type JsonSchema, XSD_PATTERN_KEYWORD } from './builtin-schemas.js';

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** The `$id` of a module's schema; validators refer to its `$defs` through it. */
export function schemaId(module: string): string {
  return `urn:evfw:json-schema:${module}`;
}

/** Where `xs:documentation` is known: by component key, and by `typeKey property` for attributes and elements. */
export type Documentation = ReadonlyMap<string, string>;

export interface BuiltSchema {
  readonly schema: JsonSchema;
  /** `$defs` name of each non-abstract global element of the namespace, by its XML name. */
  readonly roots: ReadonlyMap<string, string>;
}

type Kind = 'string' | 'number' | 'boolean' | 'list';

export class JsonSchemaBuilder {
  private readonly types = new Map<string, ComplexTypeDescriptor>();
  private readonly elements = new Map<string, ElementDescriptor>();
  private readonly prefixes = new Map<string, string>();
  private readonly defs = new Map<string, JsonSchema>();
  private pending: string[] = [];
  /** For xsi:type: the registry of every namespace, and the complex types in a derivation between complex types. */
  private readonly registry: SchemaRegistry;
  private readonly derivationTypes = new Set<string>();

  constructor(
    all: readonly SchemaDescriptor[],
    private readonly own: SchemaDescriptor,
    private readonly docs: Documentation,
  ) {
    for (const s of all) {
      this.prefixes.set(s.namespace, s.prefix);
      for (const t of s.complexTypes) this.types.set(t.key, t);
      for (const e of s.elements) this.elements.set(key(e.namespace, e.name), e);
    }
    this.registry = new SchemaRegistry(all);
    for (const t of this.types.values()) {
      if (t.derivation && this.types.has(t.derivation.base)) this.derivationTypes.add(t.key).add(t.derivation.base);
    }
  }

  build(module: string, description: string | undefined): BuiltSchema {
    const roots = new Map<string, string>();
    for (const e of this.own.elements) {
      if (e.abstract) continue;
      const name = `element.${e.name}`;
      const doc = this.docs.get(key(e.namespace, e.name));
      this.defs.set(name, withDescription({ ...this.elementValue(e), 'x-evfw-xml': { kind: 'element', name: e.name, namespace: e.namespace } }, doc));
      roots.set(e.name, name);
    }
    while (this.pending.length > 0) {
      const typeKey = this.pending.shift()!;
      this.defs.set(this.defName(typeKey), this.complexType(this.types.get(typeKey)!));
    }
    const defs = Object.fromEntries([...this.defs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const schema: JsonSchema = {
      $schema: JSON_SCHEMA_DIALECT,
      $id: schemaId(module),
      title: `${this.own.namespace} (plain-object form)`,
      ...(description ? { description } : {}),
      // A namespace with no global element (or only abstract ones) has no documents: its schema
      // matches nothing, as an empty anyOf would say if JSON Schema allowed one.
      ...(roots.size > 0 ? { anyOf: [...roots.values()].map((name) => ({ $ref: `#/$defs/${name}` })) } : { not: {} }),
      $defs: defs,
    };
    return { schema, roots };
  }

  /**
   * `Local` in the namespace's own schema, `prefix.Local` for a type of another namespace. The
   * key is split at its last `}`: a local name (an NCName) cannot hold one, a namespace URI can.
   */
  private defName(typeKey: string): string {
    const end = typeKey.startsWith('{') ? typeKey.lastIndexOf('}') : -1;
    const namespace = end > 0 ? typeKey.slice(1, end) : '';
    const local = end > 0 ? typeKey.slice(end + 1) : typeKey;
    return namespace === this.own.namespace ? local : `${this.prefixes.get(namespace) ?? 'ns'}.${local}`;
  }

  private typeRef(typeKey: string): JsonSchema {
    const name = this.defName(typeKey);
    if (!this.defs.has(name)) {
      this.defs.set(name, {}); // reserved, filled in by build()
      this.pending.push(typeKey);
    }
    return { $ref: `#/$defs/${name}` };
  }

  private xmlElement(): JsonSchema {
    if (!this.defs.has('XmlElement')) {
      this.defs.set('XmlAttribute', XML_ATTRIBUTE);
      this.defs.set('XmlText', XML_TEXT);
      this.defs.set('XmlElement', XML_ELEMENT);
    }
    return { $ref: '#/$defs/XmlElement' };
  }

  private elementValue(e: ElementDescriptor): JsonSchema {
    switch (e.type.kind) {
      case 'complex':
        return this.complexValue(e, e.type.ref);
      case 'simple':
        return this.simple(e.type.type);
      case 'any':
        return this.xmlElement();
    }
  }

  /**
   * An element of a complex type (emit-types.ts, ir/substitutable-types.ts): where xsi:type may name
   * derived types, one of them, each with its `$type` required, or the declared type (if not
   * abstract) with `$type` optional; `$type`'s const in each type's object tells them apart.
   */
  private complexValue(e: ElementDescriptor, typeKey: string): JsonSchema {
    const derived = substituteKeys(this.registry, e);
    if (derived.length === 0) return this.typeRef(typeKey);
    const branches: JsonSchema[] = derived.map((k) => ({ ...this.typeRef(k), properties: { $type: { const: k } }, required: ['$type'] }));
    if (!this.types.get(typeKey)?.abstract) branches.unshift(this.typeRef(typeKey));
    const [only] = branches;
    return branches.length === 1 && only ? only : { oneOf: branches };
  }

  private complexType(t: ComplexTypeDescriptor): JsonSchema {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    const content = t.content;
    // A type in a derivation names itself in `$type` (runtime/src/model/xsi-type-model.ts).
    if (this.derivationTypes.has(t.key)) properties.$type = { const: t.key };
    if (content.kind === 'simple') {
      properties.$value = { ...this.simple(content.type), 'x-evfw-xml': { kind: 'value' } };
      required.push('$value');
    }
    for (const use of t.attributes) {
      const doc = this.docs.get(`${t.key} ${use.property}`);
      properties[use.property] = withDescription({ ...this.simple(use.type), 'x-evfw-xml': { kind: 'attribute', name: use.name, namespace: use.namespace } }, doc);
      if (use.required) required.push(use.property);
    }
    if (t.anyAttribute) properties.$attributes = { type: 'array', items: { $ref: '#/$defs/XmlAttribute' }, 'x-evfw-xml': { kind: 'attribute-wildcard' } };
    if (t.anyAttribute) this.xmlElement();
    const dependentRequired: Record<string, string[]> = {};
    if (content.kind === 'elements' && content.mixed) {
      properties.$content = this.mixedContent(content.particle);
      required.push('$content');
    } else if (content.kind === 'elements') {
      this.fields(content.particle, false, { properties, required, dependentRequired }, t.key);
    }
    return withDescription(objectSchema(properties, required, dependentRequired), this.docs.get(t.key));
  }

  /**
   * Mixed content (emit-types.ts `mixedContent`): an array of text and `$case` objects, one per
   * element, substitution member or wildcard of the content model. The order of the children is
   * beyond JSON Schema: the object validator runs them through the content automaton after it.
   */
  private mixedContent(particle: ParticleDescriptor): JsonSchema {
    const cases = new Map<string, JsonSchema>();
    const stack: ParticleDescriptor[] = [particle];
    for (let p = stack.pop(); p !== undefined; p = stack.pop()) {
      if (p.kind === 'element' && p.cases) {
        for (const c of p.cases) if (!cases.has(c.property)) cases.set(c.property, caseObject(c.property, this.elementValue(this.elements.get(c.ref)!)));
      } else if ((p.kind === 'element' || p.kind === 'any') && p.property !== undefined && !cases.has(p.property)) {
        cases.set(p.property, caseObject(p.property, this.particleValue(p, '')));
      } else if (p.kind !== 'element' && p.kind !== 'any') {
        for (let i = p.particles.length - 1; i >= 0; i--) stack.push(p.particles[i]!);
      }
    }
    const text: JsonSchema = { type: 'string' };
    const items = cases.size === 0 ? text : { anyOf: [text, union([...cases.values()])] };
    return { type: 'array', items, 'x-evfw-xml': { kind: 'mixed' } };
  }

  /** The properties a particle adds to the object holding it (emit-types.ts `fields`). */
  private fields(p: ParticleDescriptor, optional: boolean, holder: Holder, owner: string): void {
    const { properties, required } = holder;
    if (p.property === undefined) {
      if (p.kind !== 'sequence' && p.kind !== 'all') return;
      for (const c of p.particles) this.fields(c, optional || p.min === 0, holder, owner);
      // An optional sequence comes whole or not at all: each required member needs the others.
      const members = p.particles.flatMap((c) => (c.property !== undefined && c.min > 0 && !isMany(c) ? [c.property] : []));
      if (p.min === 0 && members.length > 1) for (const m of members) holder.dependentRequired[m] = members.filter((o) => o !== m);
      return;
    }
    const many = isMany(p);
    const value = this.particleValue(p, owner);
    const doc = this.docs.get(`${owner} ${p.property}`);
    properties[p.property] = withDescription(many ? arrayOf(value, optional ? 0 : p.min, p.max) : value, doc);
    if (many || !(optional || p.min === 0)) required.push(p.property);
  }

  /** One occurrence of a particle's value. */
  private particleValue(p: ParticleDescriptor, owner: string): JsonSchema {
    switch (p.kind) {
      case 'element': {
        if (p.cases) return union(p.cases.map((c) => caseObject(c.property, this.elementValue(this.elements.get(c.ref)!))));
        const decl = p.element ?? this.elements.get(p.ref!)!;
        return { ...this.elementValue(decl), 'x-evfw-xml': { kind: 'element', name: decl.name, namespace: decl.namespace } };
      }
      case 'any':
        return { ...this.xmlElement(), 'x-evfw-xml': { kind: 'element-wildcard' } };
      case 'choice':
        return union(this.branches(p.particles, owner));
      case 'sequence':
      case 'all': {
        const only = p.particles.length === 1 ? p.particles[0] : undefined;
        if (only?.kind === 'choice' && only.property === p.property) return union(this.branches(only.particles, owner));
        const holder: Holder = { properties: {}, required: [], dependentRequired: {} };
        for (const c of p.particles) this.fields(c, false, holder, owner);
        return objectSchema(holder.properties, holder.required, holder.dependentRequired);
      }
    }
  }

  /** The `$case` objects of a choice, nested choices flattened into it (emit-types.ts `branches`). */
  private branches(particles: readonly ParticleDescriptor[], owner: string): JsonSchema[] {
    return particles.flatMap((b): JsonSchema[] => {
      if (b.kind === 'choice' && !isMany(b)) return this.branches(b.particles, owner);
      if ((b.kind === 'sequence' || b.kind === 'all') && !isMany(b)) {
        const holder: Holder = { properties: { $case: { const: b.property } }, required: ['$case'], dependentRequired: {} };
        for (const c of b.particles) this.fields(c, false, holder, owner);
        return [objectSchema(holder.properties, holder.required, holder.dependentRequired)];
      }
      if (b.kind === 'element' && b.cases && !isMany(b)) {
        return b.cases.map((c) => caseObject(c.property, this.elementValue(this.elements.get(c.ref)!)));
      }
      // The branch's one property is always present: choosing the branch is choosing it.
      const name = b.property;
      if (name === undefined) return []; // as emit-types.ts: a branch that holds no property adds no case
      const value = this.particleValue(b, owner);
      const property = isMany(b) ? arrayOf(value, b.min, b.max) : value;
      return [objectSchema({ $case: { const: name }, [name]: property }, ['$case', name])];
    });
  }

  // ---- Simple values ------------------------------------------------------------------------

  private simple(t: SimpleTypeDescriptor): JsonSchema {
    switch (t.kind) {
      case 'builtin':
        return builtinSchema(t.name);
      case 'list': {
        const f = t.facets;
        const facets: JsonSchema[] = [];
        if (f.length !== undefined) facets.push({ minItems: f.length, maxItems: f.length });
        if (f.minLength !== undefined) facets.push({ minItems: f.minLength });
        if (f.maxLength !== undefined) facets.push({ maxItems: f.maxLength });
        return { type: 'array', items: this.simple(t.item), ...(facets.length ? { allOf: facets } : {}) };
      }
      case 'union':
        return { anyOf: t.members.map((m) => this.simple(m)) };
      case 'atomic':
        return restrict(this.simple(t.base), t.facets, kindOf(t), rootBuiltin(t));
    }
  }
}

/**
 * The facets JSON Schema can state on a model value of this kind (the rest: D-67). Each facet
 * is an `allOf` entry, so an error's schema path tells a facet from the datatype itself.
 */
function restrict(base: JsonSchema, f: Facets, kind: Kind, root: string): JsonSchema {
  const schema: JsonSchema = { ...base };
  if (f.enumeration) schema.enum = [...new Set(f.enumeration.map((v) => modelValue(v, kind)))];
  const facets: JsonSchema[] = [...((base.allOf as JsonSchema[] | undefined) ?? [])];
  if (kind === 'string') {
    // The XSD alternatives ride along: the generated object validators match them with the
    // runtime's linear-time engine, never the translation with a backtracking RegExp (D-90).
    for (const step of f.patterns ?? []) facets.push({ pattern: anchoredPattern(step), [XSD_PATTERN_KEYWORD]: [...step] });
    // Binary lengths count octets and QName lengths are not checked: JSON Schema counts characters.
    if (!LENGTH_NOT_IN_CHARACTERS.has(root)) {
      if (f.length !== undefined) facets.push({ minLength: f.length, maxLength: f.length });
      if (f.minLength !== undefined) facets.push({ minLength: f.minLength });
      if (f.maxLength !== undefined) facets.push({ maxLength: f.maxLength });
    }
  }
  if (kind === 'number') {
    if (f.minInclusive !== undefined) facets.push({ minimum: Number(f.minInclusive) });
    if (f.maxInclusive !== undefined) facets.push({ maximum: Number(f.maxInclusive) });
    if (f.minExclusive !== undefined) facets.push({ exclusiveMinimum: Number(f.minExclusive) });
    if (f.maxExclusive !== undefined) facets.push({ exclusiveMaximum: Number(f.maxExclusive) });
  }
  if (facets.length) schema.allOf = facets;
  return schema;
}

const LENGTH_NOT_IN_CHARACTERS = new Set(['hexBinary', 'base64Binary', 'QName', 'NOTATION']);

function rootBuiltin(t: SimpleTypeDescriptor): string {
  return t.kind === 'builtin' ? t.name : t.kind === 'atomic' ? rootBuiltin(t.base) : '';
}

function kindOf(t: SimpleTypeDescriptor): Kind {
  switch (t.kind) {
    case 'builtin':
      return builtinModelKind(t.name);
    case 'atomic':
      return kindOf(t.base);
    case 'list':
      return 'list';
    case 'union':
      return 'string';
  }
}

function modelValue(lexical: string, kind: Kind): unknown {
  if (kind === 'number') return Number(lexical);
  if (kind === 'boolean') return lexical.trim() === 'true' || lexical.trim() === '1';
  return lexical;
}

/** The properties, required ones and dependencies an object's particles add up to. */
interface Holder {
  readonly properties: Record<string, JsonSchema>;
  readonly required: string[];
  readonly dependentRequired: Record<string, string[]>;
}

function objectSchema(properties: Record<string, JsonSchema>, required: readonly string[], dependentRequired: Record<string, string[]> = {}): JsonSchema {
  return {
    type: 'object',
    properties,
    ...(required.length ? { required: [...required] } : {}),
    ...(Object.keys(dependentRequired).length ? { dependentRequired } : {}),
    additionalProperties: false,
  };
}

function caseObject(property: string, value: JsonSchema): JsonSchema {
  return objectSchema({ $case: { const: property }, [property]: value }, ['$case', property]);
}

/**
 * `$case` objects; ajv's `discriminator` keyword picks the branch, so its errors are the branch's.
 * A choice with no branches (an empty xs:choice) can never be satisfied: no value matches, as
 * the types emitter's `never` says (JSON Schema allows no empty oneOf).
 */
function union(branches: readonly JsonSchema[]): JsonSchema {
  if (branches.length === 0) return { not: {} };
  return { type: 'object', discriminator: { propertyName: '$case' }, oneOf: [...branches] };
}

function arrayOf(items: JsonSchema, min: number, max: number | 'unbounded'): JsonSchema {
  return { type: 'array', items, ...(min > 0 ? { minItems: min } : {}), ...(max !== 'unbounded' ? { maxItems: max } : {}) };
}

function isMany(p: ParticleDescriptor): boolean {
  return p.max === 'unbounded' || p.max > 1;
}

function key(namespace: string, name: string): string {
  return namespace ? `{${namespace}}${name}` : name;
}

function withDescription(schema: JsonSchema, doc: string | undefined): JsonSchema {
  return doc ? { description: doc, ...schema } : schema;
}

const XML_ATTRIBUTE: JsonSchema = {
  description: 'An attribute of extension content, or one allowed by xs:anyAttribute (the runtime\'s XmlAttribute).',
  type: 'object',
  properties: { namespace: { type: 'string' }, name: { type: 'string' }, value: { type: 'string' }, prefix: { type: 'string' } },
  required: ['namespace', 'name', 'value'],
  additionalProperties: false,
};

const XML_TEXT: JsonSchema = {
  type: 'object',
  properties: { kind: { const: 'text' }, text: { type: 'string' } },
  required: ['kind', 'text'],
  additionalProperties: false,
};

const XML_ELEMENT: JsonSchema = {
  description: 'Wildcard (xs:any) content, kept whole: the runtime\'s XmlElement. What the element itself must be is checked by the XML validator (D-67).',
  type: 'object',
  properties: {
    kind: { const: 'element' },
    namespace: { type: 'string' },
    name: { type: 'string' },
    prefix: { type: 'string' },
    attributes: { type: 'array', items: { $ref: '#/$defs/XmlAttribute' } },
    children: { type: 'array', items: { anyOf: [{ $ref: '#/$defs/XmlElement' }, { $ref: '#/$defs/XmlText' }] } },
  },
  required: ['kind', 'namespace', 'name', 'attributes', 'children'],
  additionalProperties: false,
};
