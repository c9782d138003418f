/**
 * Which schema changes break code written against the generated package. The breaks come from
 * comparing the generated declarations (generated-api.ts); each is tied back to the schema
 * changes found in the component it was generated from, by the components' positions:
 *
 * - a property (`ObjectType.uid`) comes from an attribute use or a particle (`property` in the
 *   IR): a change positioned anywhere in it (`made-required` at the attribute) breaks the API;
 * - a declaration's definition (a union narrowed) comes from the whole type, or from the
 *   choice or substitution group it was generated for: an `enumeration-value-removed` at its
 *   facet breaks the API;
 * - a declaration removed comes from the type itself (`type-removed`, `type-renamed`).
 *
 * Documentation never changes a declaration. A break that no change accounts for is listed as
 * a change of its own (`generated-api-changed`), so the report never says less than the code.
 */
import { qnameKey, type Particle, type SchemaSet, type Source } from '../ir/ir.js';
import { pascalCase, uniqueName } from '../naming/names.js';
import { NEITHER, type DiffContext } from './diff-context.js';
import { generatedApiBreaks, type ApiBreak, type DeclarationRenames } from './generated-api.js';
import type { SchemaChange } from './schema-change.js';

/** Where a generated declaration came from: positions in the schema files, as `file:line:column`. */
interface Component {
  /** The type, choice or substitution group itself. */
  readonly own: Set<string>;
  /** Everything inside it. */
  readonly all: Set<string>;
  /** Each property's component, by property name. */
  readonly members: Map<string, Set<string>>;
  /** The type a choice's or a repeated group's declaration sits in. */
  readonly parent?: string;
}

/** The changes with `apiBreaking` set where the generated API breaks, then a change per break that none accounts for. */
export function markApiBreaking(ctx: DiffContext, changes: readonly SchemaChange[]): SchemaChange[] {
  const renames = declarationRenames(ctx);
  const breaks = generatedApiBreaks(ctx.before.set, ctx.after.set, renames);
  if (breaks.length === 0) return [...changes];
  const sides: Sides = { before: components(ctx.before.set), after: components(ctx.after.set), at: changesAt(changes) };
  const breaking = new Set<SchemaChange>();
  const unexplained: ApiBreak[] = [];
  for (const b of breaks) {
    const explained = causes(sides, b, renames);
    for (const c of explained) breaking.add(c);
    if (explained.size === 0) unexplained.push(b);
  }
  return [...changes.map((c) => (breaking.has(c) && !c.apiBreaking ? { ...c, apiBreaking: true } : c)), ...unexplainedChanges(unexplained)];
}

interface Sides {
  readonly before: Map<string, Component>;
  readonly after: Map<string, Component>;
  /** The changes by position: `before file:line:column` and `after file:line:column`. */
  readonly at: Map<string, SchemaChange[]>;
}

function changesAt(changes: readonly SchemaChange[]): Map<string, SchemaChange[]> {
  const at = new Map<string, SchemaChange[]>();
  const add = (key: string, c: SchemaChange) => at.set(key, [...(at.get(key) ?? []), c]);
  for (const c of changes) {
    if (c.before) add(`before ${sourceKey(c.before)}`, c);
    if (c.after) add(`after ${sourceKey(c.after)}`, c);
  }
  return at;
}

/**
 * The changes a break comes from: those positioned in the part of the component it reaches;
 * failing that, anywhere in the declaration's component; failing that, in the type it sits in.
 * A name the generator derives from the content (a choice of `a` and `b` is `aOrB`) changes with
 * the content, so a property or declaration can vanish because of a change next to it.
 */
function causes(sides: Sides, b: ApiBreak, allRenames: DeclarationRenames): Set<SchemaChange> {
  const renames = allRenames.get(b.namespace) ?? new Map<string, string>();
  const was = sides.before.get(componentKey(b.namespace, b.declaration));
  const is = sides.after.get(componentKey(b.namespace, renames.get(b.declaration) ?? b.declaration));
  const within = (positionsBefore: ReadonlySet<string> | undefined, positionsAfter: ReadonlySet<string> | undefined, test: (c: SchemaChange) => boolean) => {
    const found = new Set<SchemaChange>();
    for (const [side, positions] of [['before', positionsBefore], ['after', positionsAfter]] as const) {
      for (const position of positions ?? []) for (const c of sides.at.get(`${side} ${position}`) ?? []) if (test(c)) found.add(c);
    }
    return found;
  };
  const direct = within(reached(was, b), reached(is, b), (c) => canCause(c, b));
  if (direct.size > 0) return direct;
  const any = (c: SchemaChange) => c.kind !== 'documentation-changed';
  const whole = within(was?.all, is?.all, any);
  if (whole.size > 0) return whole;
  // The type it sits in, on both sides: a choice's union may be gone from the new version, not its type.
  const parent = (was ?? is)?.parent;
  if (parent === undefined) return whole;
  return within(sides.before.get(componentKey(b.namespace, parent))?.all, sides.after.get(componentKey(b.namespace, renames.get(parent) ?? parent))?.all, any);
}

/**
 * What only adds cannot narrow a union: in a type that lost an enumeration value and gained
 * another, the removal breaks the API and the addition does not. (A property added as required
 * does break it, so this holds for definitions only.) Documentation never changes a declaration.
 */
const ONLY_ADDS: ReadonlySet<SchemaChange['kind']> = new Set(['enumeration-value-added', 'element-added', 'attribute-added', 'type-added', 'facet-loosened', 'wildcard-namespace-widened']);

function canCause(change: SchemaChange, b: ApiBreak): boolean {
  if (change.kind === 'documentation-changed') return false;
  return b.reach !== 'definition' || !ONLY_ADDS.has(change.kind);
}

/** The positions a break reaches in one version's component (none when it has no such component). */
function reached(component: Component | undefined, b: ApiBreak): ReadonlySet<string> {
  if (!component) return new Set();
  if (b.reach === 'declaration') return component.own;
  if (b.reach === 'definition') return component.all;
  return component.members.get(b.member ?? '') ?? new Set();
}

/** Per namespace, old declaration name -> new one, for the types the diff matched under a new name. */
function declarationRenames(ctx: DiffContext): DeclarationRenames {
  const renames = new Map<string, Map<string, string>>();
  for (const [oldKey, newKey] of ctx.typeRenames) {
    const was = ctx.before.index.types.get(oldKey)?.def.tsName;
    const is = ctx.after.index.types.get(newKey);
    if (was === undefined || is?.def.tsName === undefined || was === is.def.tsName) continue;
    const namespace = is.schema.namespace;
    renames.set(namespace, (renames.get(namespace) ?? new Map<string, string>()).set(was, is.def.tsName));
  }
  return renames;
}

/** One change per declaration whose breaks no schema change accounts for. */
function unexplainedChanges(breaks: readonly ApiBreak[]): SchemaChange[] {
  const byDeclaration = new Map<string, ApiBreak[]>();
  for (const b of breaks) {
    const key = componentKey(b.namespace, b.declaration);
    byDeclaration.set(key, [...(byDeclaration.get(key) ?? []), b]);
  }
  return [...byDeclaration.values()].map((group) => {
    const { namespace, declaration } = group[0]!;
    return {
      kind: 'generated-api-changed',
      namespace,
      subject: `generated declaration ${declaration}`,
      message: group.map((b) => b.reason).join('; '),
      producers: NEITHER.producers,
      consumers: NEITHER.consumers,
      apiBreaking: true,
      paths: [],
    };
  });
}

function componentKey(namespace: string, declaration: string): string {
  return `${namespace}\0${declaration}`;
}

function sourceKey(source: Source): string {
  return `${source.file}:${source.line}:${source.column}`;
}

/** Every generated declaration of one version, by namespace and name, with the positions it came from. */
function components(set: SchemaSet): Map<string, Component> {
  const found = new Map<string, Component>();
  const add = (namespace: string, name: string, own: Source, node: unknown, parent?: string): Component => {
    const component: Component = { own: new Set([sourceKey(own)]), all: positionsIn(node), members: new Map(), ...(parent ? { parent } : {}) };
    found.set(componentKey(namespace, name), component);
    return component;
  };
  const globals = new Map(set.schemas.flatMap((schema) => schema.elements.map((e) => [qnameKey(e.name), e] as const)));
  // A property for a reference to a global element is generated from that element, too.
  const particlePositions = (p: Particle) => positionsIn(p.kind === 'element-ref' ? [p, globals.get(qnameKey(p.ref))] : p);
  for (const schema of set.schemas) {
    if (schema.builtin) continue;
    for (const type of schema.types) {
      const component = type.tsName === undefined ? undefined : add(schema.namespace, type.tsName, type.source, type);
      const members = component?.members ?? new Map<string, Set<string>>();
      if (type.kind !== 'complex') continue;
      for (const use of type.attributes) if (use.kind === 'attribute' && use.property) members.set(use.property, positionsIn(use));
      if (type.anyAttribute) members.set('$attributes', positionsIn(type.anyAttribute));
      if (type.content.kind === 'simple') members.set('$value', positionsIn(type.content));
      if (type.content.kind === 'elements') particleComponents(type.content.particle, members, particlePositions, (p, name) => add(schema.namespace, name, p.source, p, type.tsName));
    }
    // Each global element that is not abstract gets parse, validate and serialize functions,
    // named as emit-types.ts names them: its name in PascalCase, made unique in the module.
    const taken = new Set<string>();
    for (const element of schema.elements) {
      if (element.abstract) continue;
      const name = uniqueName(pascalCase(element.name.name), taken);
      for (const verb of ['parse', 'validate', 'serialize']) add(schema.namespace, `${verb}${name}`, element.source, element);
    }
  }
  return found;
}

/**
 * The properties a content model gives its type, and the declarations generated for its
 * choices, repeated groups and substitution groups (each with the properties of its own).
 */
function particleComponents(
  p: Particle,
  members: Map<string, Set<string>>,
  positions: (p: Particle) => Set<string>,
  declare: (p: Particle & { source: Source }, name: string) => Component,
): void {
  if (p.kind === 'group-ref') return;
  if (p.kind !== 'sequence' && p.kind !== 'choice' && p.kind !== 'all') {
    if (p.property) members.set(p.property, positions(p));
    if (p.kind === 'element-ref' && p.tsName) declare(p, p.tsName);
    return;
  }
  if (p.property) members.set(p.property, positions(p));
  const own = p.tsName ? declare(p, p.tsName).members : p.property ? new Map<string, Set<string>>() : members;
  for (const child of p.particles) particleComponents(child, own, positions, declare);
}

/**
 * Every position inside a part of the IR: its own `source` and those of all it contains
 * (attributes, facets, particles, nested anonymous types). The IR is a tree, so this is
 * linear in the part's size (a content model is walked once per level of groups in it, which
 * the schema limits cap).
 */
function positionsIn(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) positionsIn(item, into);
  } else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'source' && isSource(value)) into.add(sourceKey(value));
      else positionsIn(value, into);
    }
  }
  return into;
}

function isSource(value: unknown): value is Source {
  return typeof value === 'object' && value !== null && 'file' in value && 'line' in value && 'column' in value;
}
