/**
 * Gives every generated declaration its TypeScript name, in one pass so that all emitters
 * (types, parsers, serializers, builders) agree on them:
 * - types: PascalCase, unique across the whole schema set, never shadowing a JS global;
 * - attributes and content particles that become properties: camelCase, plural for arrays,
 *   unique within their object (an extension's names avoid its base type's);
 * - choices and repeated groups: a property plus the name of the union or item type.
 *
 * The rules for which particle becomes a property are the model mapping; README.md states them.
 */
import {
  isUnbounded,
  qnameKey,
  XML_NAMESPACE,
  type ComplexType,
  type DeclaredType,
  type ElementRefParticle,
  type LocalAttributeUse,
  type ModelGroup,
  type NamedSchemaSet,
  type Particle,
  type SchemaSet,
} from '../ir/ir.js';
import { indexSchemas, type SchemaIndex } from '../ir/schema-index.js';
import { camelCase, pascalCase, plural, typeName, uniqueName } from '../naming/names.js';

/**
 * Names the mapping reserves on every object: `$value` for simple content, `$attributes` for
 * anyAttribute, `$case` for choices; and every member of Object.prototype, so that a property
 * a model object does not have is `undefined`, never an inherited function (an element named
 * `constructor` or `toString` becomes `constructor2`, `toString2`). The runtime and consumers
 * read model objects with plain property access.
 */
const RESERVED_PROPERTIES = [
  '$value', '$attributes', '$case',
  // Written out, not read from the running engine, so the output does not depend on the Node version.
  'constructor', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', 'toString', 'valueOf',
  '__proto__', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__',
];

/** The last transform: the set it returns has every name its type requires (ir.ts, Stage). */
export function assignNames(set: SchemaSet): NamedSchemaSet {
  const index = indexSchemas(set);
  const typeNames = new Set<string>();
  const tsNames = new Map<string, string>();
  for (const schema of set.schemas) {
    for (const def of schema.types) tsNames.set(qnameKey(def.name), uniqueName(typeName(def.name.name), typeNames));
  }

  const propertyNamesOf = new Map<string, Set<string>>();
  const named = new Map<string, DeclaredType<'named'>>();

  const nameType = (def: DeclaredType): DeclaredType<'named'> => {
    const key = qnameKey(def.name);
    const done = named.get(key);
    if (done) return done;
    const tsName = tsNames.get(key)!;
    if (def.kind === 'simple') {
      const result = { ...def, tsName };
      named.set(key, result);
      return result;
    }
    const taken = new Set<string>(RESERVED_PROPERTIES);
    if (def.derivation?.method === 'extension') {
      const base = index.type(def.derivation.base);
      if (base?.kind === 'complex') {
        nameType(base);
        for (const name of propertyNamesOf.get(qnameKey(base.name)) ?? []) taken.add(name);
      }
    }
    const attributes = def.attributes.map((use) => nameAttribute(use as LocalAttributeUse, taken));
    const content =
      def.content.kind === 'elements'
        ? { ...def.content, particle: new ParticleNamer(index, typeNames, tsName).field(def.content.particle, taken) }
        : def.content;
    propertyNamesOf.set(key, taken);
    const result: DeclaredType<'named'> = { ...def, tsName, attributes, content };
    named.set(key, result);
    return result;
  };

  return {
    schemas: set.schemas.map((schema) => ({ ...schema, types: schema.types.map(nameType) })),
  };
}

function nameAttribute(use: LocalAttributeUse, taken: Set<string>): LocalAttributeUse<'named'> {
  const { name } = use.attribute;
  const wanted = camelCase(name.name);
  const property = taken.has(wanted) && name.namespace === XML_NAMESPACE ? uniqueName(`xml${pascalCase(name.name)}`, taken) : uniqueName(wanted, taken);
  return { ...use, property };
}

class ParticleNamer {
  constructor(
    private readonly index: SchemaIndex,
    private readonly typeNames: Set<string>,
    private readonly owner: string,
  ) {}

  /** Names a particle of an object's content: it becomes one property, or (a plain sequence) several. */
  field(p: Particle, taken: Set<string>): Particle<'named'> {
    switch (p.kind) {
      case 'element':
      case 'element-ref':
      case 'any': {
        const base = this.baseName(p);
        const property = uniqueName(isUnbounded(p) ? plural(base) : base, taken);
        return p.kind === 'element-ref' ? this.substitution({ ...p, property }) : { ...p, property };
      }
      case 'group-ref':
        return p; // flattened before this transform runs
      case 'sequence':
      case 'all':
        if (!isUnbounded(p)) return { ...p, particles: p.particles.map((c) => this.field(c, taken)) };
        return this.repeatedGroup(p, taken);
      case 'choice': {
        const base = this.baseName(p);
        const property = uniqueName(isUnbounded(p) ? plural(base) : base, taken);
        return { ...p, property, tsName: uniqueName(this.owner + pascalCase(base), this.typeNames), particles: this.branches(p.particles, new Set(RESERVED_PROPERTIES)) };
      }
    }
  }

  /** A repeated sequence: an array property of item objects with their own names. */
  private repeatedGroup(p: ModelGroup, taken: Set<string>): ModelGroup<'named'> {
    const base = this.baseName(p);
    const property = uniqueName(plural(base), taken);
    // A repeated sequence of one choice is simply a repeated choice: name the inner union.
    const only = p.particles.length === 1 ? p.particles[0] : undefined;
    if (only?.kind === 'choice' && !isUnbounded(only)) {
      const inner: ModelGroup<'named'> = { ...only, property, tsName: uniqueName(this.owner + pascalCase(base), this.typeNames), particles: this.branches(only.particles, new Set(RESERVED_PROPERTIES)) };
      return { ...p, property, particles: [inner] };
    }
    const itemTaken = new Set<string>(RESERVED_PROPERTIES);
    return {
      ...p,
      property,
      tsName: uniqueName(this.owner + pascalCase(base), this.typeNames),
      particles: p.particles.map((c) => this.field(c, itemTaken)),
    };
  }

  /** The branches of a choice; `cases` keeps their discriminants unique. */
  private branches(particles: readonly Particle[], cases: Set<string>): Particle<'named'>[] {
    return particles.map((b) => {
      if (b.kind === 'choice' && !isUnbounded(b)) return { ...b, particles: this.branches(b.particles, cases) };
      if ((b.kind === 'sequence' || b.kind === 'all') && !isUnbounded(b)) {
        const branchTaken = new Set<string>(RESERVED_PROPERTIES);
        const particles = b.particles.map((c) => this.field(c, branchTaken));
        return { ...b, property: uniqueName(this.baseName(b), cases), particles };
      }
      if (b.kind === 'element-ref' && !isUnbounded(b)) {
        // A single branch's substitution cases become the choice's own `$case` values (types,
        // JSON Schema, runtime), so they are named from the choice's set to stay unique.
        return this.substitution({ ...b, property: uniqueName(this.baseName(b), cases) }, cases);
      }
      return this.field(b, cases);
    });
  }

  /**
   * The cases of a ref to a substitution group head. `choiceCases`, for a single branch of a
   * choice: the choice's `$case` names, which these cases join. The head's own case may reuse the
   * branch's property (it names the same element), so that name is freed while they are named.
   */
  private substitution(p: ElementRefParticle<'named'>, choiceCases?: Set<string>): ElementRefParticle<'named'> {
    const head = this.index.element(p.ref)!;
    if (!head.substitutes?.length) return p;
    const members = [...(head.abstract ? [] : [head.name]), ...head.substitutes].filter((name) => !this.index.element(name)!.abstract);
    const cases = choiceCases ?? new Set<string>(RESERVED_PROPERTIES);
    if (choiceCases && p.property !== undefined) choiceCases.delete(p.property);
    const named = members.map((element) => ({ element, property: uniqueName(camelCase(element.name), cases) }));
    if (choiceCases && p.property !== undefined) choiceCases.add(p.property);
    return { ...p, tsName: uniqueName(this.owner + pascalCase(head.name.name), this.typeNames), cases: named };
  }

  /** The singular camelCase name a particle would be called by. */
  private baseName(p: Particle): string {
    switch (p.kind) {
      case 'element':
        return camelCase(p.element.name.name);
      case 'element-ref':
      case 'group-ref':
        return camelCase(p.ref.name);
      case 'any':
        return 'extension';
      default: {
        if (p.groupName) return camelCase(p.groupName.name);
        const parts = p.particles.map((c) => this.baseName(c));
        if (p.kind !== 'choice') return parts[0] ?? 'group';
        return parts.length <= 2 ? camelCase(parts.join('-or-')) : 'choice';
      }
    }
  }
}
