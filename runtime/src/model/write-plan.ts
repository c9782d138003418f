/**
 * Write plans: the schema descriptors as the model walk (walk-model.ts) reads them, worked out
 * once per registry and kept. A plan holds what the walk would otherwise look up for every value
 * it writes: the complex type of an element (resolved by key), whether a particle repeats, which
 * branch of a choice each `$case` names, how a simple type turns a model value into text.
 *
 * The descriptors are plain data of many shapes (each generated literal has its own set of
 * keys), so code that reads them for every element runs slowly in V8; plans are instances of a
 * few classes with fixed fields. Nothing is resolved before it is first written, so a registry
 * that cannot resolve some key fails only when a value needs it, as reading the descriptors
 * directly did.
 */
import { findBuiltin } from '../datatypes/builtins.js';
import { lexicalOf, type SimpleTypeDescriptor } from '../datatypes/index.js';
import type {
  AttributeUseDescriptor,
  ComplexTypeDescriptor,
  ElementDescriptor,
  GroupParticleDescriptor,
  ParticleDescriptor,
} from '../schema/descriptor.js';
import type { SchemaRegistry } from '../schema/registry.js';
import { automatonFor, type ContentAutomaton } from '../validate/content-automaton.js';
import { findBranch, isMany } from './bind-content.js';
import { mixedCases, type MixedCase } from './mixed-content.js';

/** A model value to its lexical form; undefined when the value does not fit the type's kind. */
export type Lexical = (value: unknown) => string | undefined;

export class ElementPlan {
  readonly namespace: string;
  readonly name: string;
  readonly kind: 'any' | 'simple' | 'complex';
  /** For a simple type. */
  readonly lexical: Lexical | undefined;
  private resolved: TypePlan | undefined;

  constructor(
    private readonly plans: WritePlans,
    /** The declaration, for the types a value's `$type` may name (xsi-type-model.ts). */
    readonly decl: ElementDescriptor,
  ) {
    this.namespace = decl.namespace;
    this.name = decl.name;
    this.kind = decl.type.kind;
    this.lexical = decl.type.kind === 'simple' ? lexicalFor(decl.type.type) : undefined;
  }

  /** The complex type's plan (kind 'complex' only). */
  type(): TypePlan {
    if (this.resolved) return this.resolved;
    const type = this.decl.type;
    if (type.kind !== 'complex') throw new Error(`evfw: <${this.name}> has no complex type`);
    return (this.resolved = this.plans.type(type.ref));
  }
}

export class AttributePlan {
  readonly namespace: string;
  readonly name: string;
  readonly property: string;
  readonly required: boolean;
  readonly lexical: Lexical;

  constructor(use: AttributeUseDescriptor) {
    this.namespace = use.namespace;
    this.name = use.name;
    this.property = use.property;
    this.required = use.required;
    this.lexical = lexicalFor(use.type);
  }
}

export class TypePlan {
  readonly attributes: readonly AttributePlan[];
  readonly content: 'empty' | 'simple' | 'elements';
  /** For simple content. */
  readonly lexical: Lexical | undefined;
  /** For element content. */
  readonly particle: ParticlePlan | undefined;
  /** Mixed content: the model has one `$content` array of text and `$case` objects. */
  readonly mixed: boolean;
  /** An abstract type: a value of it must name a derived type with `$type`. */
  readonly abstract: boolean;
  private resolvedCases: ReadonlyMap<string, MixedCase> | undefined;
  private resolvedAutomaton: ContentAutomaton | undefined;

  constructor(
    private readonly plans: WritePlans,
    private readonly type: ComplexTypeDescriptor,
  ) {
    this.attributes = type.attributes.map((use) => new AttributePlan(use));
    const content = type.content;
    this.content = content.kind;
    this.lexical = content.kind === 'simple' ? lexicalFor(content.type) : undefined;
    this.particle = content.kind === 'elements' ? new ParticlePlan(plans, content.particle) : undefined;
    this.mixed = content.kind === 'elements' && content.mixed === true;
    this.abstract = type.abstract === true;
  }

  /** Mixed content: the particle and, for a substitution member, the element that a `$case` names. */
  mixedCase(name: unknown): { readonly leaf: MixedCase['leaf']; readonly element: ElementPlan | undefined } | undefined {
    const content = this.type.content;
    if (content.kind !== 'elements' || typeof name !== 'string') return undefined;
    this.resolvedCases ??= mixedCases(content.particle);
    const found = this.resolvedCases.get(name);
    if (!found) return undefined;
    const leaf = found.leaf;
    if (leaf.kind === 'any') return { leaf, element: undefined };
    const decl = found.ref !== undefined ? this.plans.registry.element(found.ref) : (leaf.element ?? this.plans.registry.element(leaf.ref!));
    return { leaf, element: decl && this.plans.element(decl) };
  }

  /** The content automaton, for checking the order of mixed content's children. */
  automaton(): ContentAutomaton {
    const content = this.type.content;
    if (content.kind !== 'elements') throw new Error('evfw: a type without element content has no content automaton');
    return (this.resolvedAutomaton ??= automatonFor(content.particle, this.plans.registry));
  }
}

/** A substitution group member: its `$case` property and its declaration. */
export interface CasePlan {
  readonly property: string;
  element(): ElementPlan;
}

export class ParticlePlan {
  readonly kind: ParticleDescriptor['kind'];
  /** The model property; undefined for a group flattened into its parent. */
  readonly property: string | undefined;
  readonly min: number;
  readonly max: number | 'unbounded';
  readonly many: boolean;
  /** A group's particles; empty for an element or a wildcard. */
  readonly particles: readonly ParticlePlan[];
  /** An element particle with a local declaration, which is written whatever `cases` says. */
  readonly local: boolean;
  /** The head of a substitution group: the members, by `$case`. */
  readonly cases: ReadonlyMap<unknown, CasePlan> | undefined;
  /** The `$case` names of `cases`, in order, for messages. */
  readonly caseNames: string | undefined;
  /** A repeated sequence that holds just a choice of the same property: that choice. */
  readonly onlyChoice: ParticlePlan | undefined;
  private resolvedElement: ElementPlan | undefined;
  private resolvedBranches: Map<unknown, ParticlePlan> | undefined;

  constructor(
    private readonly plans: WritePlans,
    private readonly descriptor: ParticleDescriptor,
  ) {
    const p = descriptor;
    this.kind = p.kind;
    this.property = p.property;
    this.min = p.min;
    this.max = p.max;
    this.many = isMany(p);
    this.particles = p.kind === 'element' || p.kind === 'any' ? [] : p.particles.map((c) => plans.particle(c));
    this.local = p.kind === 'element' && p.element !== undefined;
    const cases = p.kind === 'element' ? p.cases : undefined;
    this.cases = cases && casesOf(plans, cases);
    this.caseNames = cases?.map((c) => c.property).join(', ');
    const only = p.kind === 'sequence' || p.kind === 'all' ? (p.particles.length === 1 ? p.particles[0] : undefined) : undefined;
    this.onlyChoice = only?.kind === 'choice' && only.property === p.property ? plans.particle(only) : undefined;
  }

  /** The element an element particle writes: its local declaration, or the global one it refers to. */
  element(): ElementPlan {
    if (this.resolvedElement) return this.resolvedElement;
    const p = this.descriptor as Extract<ParticleDescriptor, { kind: 'element' }>;
    return (this.resolvedElement = this.plans.element(p.element ?? this.plans.registry.element(p.ref!)!));
  }

  /** The branch of this choice that a `$case` names, as findBranch finds it; remembered per name. */
  branch(name: unknown): ParticlePlan | undefined {
    const branches = (this.resolvedBranches ??= new Map());
    const known = branches.get(name);
    if (known) return known;
    const found = findBranch(this.descriptor as GroupParticleDescriptor, name);
    const plan = found && this.plans.particle(found);
    // Only names that are branches are remembered: any other value is a program error, and
    // remembering it would let a broken caller grow the map without end.
    if (plan) branches.set(name, plan);
    return plan;
  }
}

/** The members by `$case`; the first member of a name wins, as a search in order would find. */
function casesOf(plans: WritePlans, cases: readonly { readonly ref: string; readonly property: string }[]): Map<unknown, CasePlan> {
  const out = new Map<unknown, CasePlan>();
  for (const c of cases) {
    let resolved: ElementPlan | undefined;
    if (!out.has(c.property)) out.set(c.property, { property: c.property, element: () => (resolved ??= plans.element(plans.registry.element(c.ref)!)) });
  }
  return out;
}

/** The plans of one registry; `plansOf` keeps one per registry. */
export class WritePlans {
  private readonly elements = new Map<ElementDescriptor, ElementPlan>();
  private readonly types = new Map<string, TypePlan>();
  private readonly particles = new Map<ParticleDescriptor, ParticlePlan>();

  constructor(readonly registry: SchemaRegistry) {}

  element(decl: ElementDescriptor): ElementPlan {
    let plan = this.elements.get(decl);
    if (!plan) this.elements.set(decl, (plan = new ElementPlan(this, decl)));
    return plan;
  }

  type(key: string): TypePlan {
    let plan = this.types.get(key);
    if (!plan) this.types.set(key, (plan = new TypePlan(this, this.registry.complexType(key))));
    return plan;
  }

  particle(p: ParticleDescriptor): ParticlePlan {
    let plan = this.particles.get(p);
    if (!plan) this.particles.set(p, (plan = new ParticlePlan(this, p)));
    return plan;
  }
}

const plansByRegistry = new WeakMap<SchemaRegistry, WritePlans>();

export function plansOf(registry: SchemaRegistry): WritePlans {
  let plans = plansByRegistry.get(registry);
  if (!plans) plansByRegistry.set(registry, (plans = new WritePlans(registry)));
  return plans;
}

/**
 * lexicalOf for one type, decided once. Most types of a schema are strings (an atomic chain down
 * to a built-in whose model value is a string), whose lexical form is the value itself: that
 * case skips lexicalOf's walk down the chain and its look-up of the built-in for every value.
 */
function lexicalFor(type: SimpleTypeDescriptor): Lexical {
  let base = type;
  while (base.kind === 'atomic') base = base.base;
  const builtin = base.kind === 'builtin' ? findBuiltin(base.name) : undefined;
  if (builtin?.variety === 'atomic' && builtin.model === 'string') return stringLexical;
  return (value) => lexicalOf(type, value);
}

function stringLexical(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
