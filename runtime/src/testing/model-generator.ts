/**
 * Builds model values from schema descriptors, asking a Draw for every decision. The values
 * have exactly the shape the binder gives a parsed document (model/bind-content.ts), so a
 * generated value serializes to a valid document and parses back to itself:
 *
 * - required attributes always, optional ones when the draw says so; fixed values as fixed;
 * - occurrences between minOccurs and maxOccurs (capped by the size options);
 * - every occurrence of a choice or repeated group holds at least one element, since one that
 *   holds none leaves no trace in the document to bind back;
 * - two occurrences in a row of the same branch are drawn only when the binder can tell them
 *   apart (the branch starts with a required element that occurs once), since otherwise the
 *   binder reads them as one;
 * - xs:ID values and the fields of xs:unique and xs:key come from pools, so none repeats;
 * - wildcards get elements of the namespaces they allow: global elements of known schemas
 *   (validated, as lax and strict processing do) or foreign trees of unknown namespaces;
 * - in the `spec` and `invite` profiles, the prose rules are met as values are made (see
 *   rule-requirements.ts): the children and attributes a rule asks for are present and not
 *   blank, and values a rule shapes are drawn from its regex or URI syntax.
 */
import { checkSimpleValue, lexicalOf, type SimpleTypeDescriptor, type SimpleValue } from '../datatypes/index.js';
import { isMany } from '../model/bind-content.js';
import type { MixedItem } from '../model/mixed-content.js';
import { mixedItemsOf } from '../model/mixed-items.js';
import { ModelWriter } from '../model/to-xml.js';
import { substituteKeys } from '../model/xsi-type-model.js';
import { plansOf } from '../model/write-plan.js';
import {
  componentKey,
  keyNamespace,
  wildcardAllows,
  type AttributeDescriptor,
  type ComplexTypeDescriptor,
  type ElementDescriptor,
  type ElementParticleDescriptor,
  type GroupParticleDescriptor,
  type ParticleDescriptor,
  type WildcardDescriptor,
} from '../schema/descriptor.js';
import type { SchemaRegistry } from '../schema/registry.js';
import type { XmlAttribute, XmlElement } from '../xml-node.js';
import { FIXTURE_ATTRIBUTE_NAMESPACE, FIXTURE_NAMESPACE, type Draw, type Sizes } from './draw.js';
import { foreignElement } from './foreign-content.js';
import { ID_POOL, identityFields, type IdentityFields } from './identity-fields.js';
import { asksAnything, merge, NON_BLANK, profileRules, ruleSamples, type ElementRules, type ProfileRules, type ValueRequirement } from './rule-requirements.js';
import { branchesOf, emptiable, isSingleChoice, namesOf, selfSeparating } from './particle-shapes.js';
import { uniqueLexical } from './simple-samples.js';
import { identityValue } from '../validate/identity-values.js';
import { isIdType } from './type-facts.js';

type Model = Record<string, unknown>;

/** The text between the children of mixed content: any string a document can hold. */
const MIXED_TEXT: SimpleTypeDescriptor = { kind: 'builtin', name: 'string' };

/** Levels past maxDepth a required recursion may still go before generation gives up. */
const RECURSION_MARGIN = 40;

/** A value the schema requires cannot be made (a required xs:IDREF, a strict wildcard no schema here fills). */
export class GenerationError extends Error {
  override readonly name = 'GenerationError';
}

/** Values used so far, per pool, as identity values (identityValue: equal values, equal strings). */
export interface GeneratorState {
  readonly pools: Map<string, Set<string>>;
}

export function newState(): GeneratorState {
  return { pools: new Map() };
}

/** What the rules demand of one element's attributes and children, once an alternative is chosen. */
interface Demands {
  /** Attributes (no namespace) that must be present. */
  readonly present: ReadonlySet<string>;
  readonly attributes: ReadonlyMap<string, ValueRequirement>;
  /** Children, as `{namespace}name`, that must be present with a non-blank value. */
  readonly children: ReadonlySet<string>;
}

const NO_DEMANDS: Demands = { present: new Set(), attributes: new Map(), children: new Set() };

export class ModelGenerator {
  private depth = 0;
  private readonly fields: IdentityFields;
  private readonly rules: ProfileRules;
  /** The children the content being filled must hold, for the rules of its element. */
  private needed: ReadonlySet<string> = NO_DEMANDS.children;

  constructor(
    private readonly registry: SchemaRegistry,
    private readonly draw: Draw,
    private readonly sizes: Sizes,
    private readonly state: GeneratorState = newState(),
  ) {
    this.fields = identityFields(registry);
    this.rules = profileRules(registry, sizes.profile);
  }

  /**
   * The model value of an element: an object, a simple value, or an XmlElement for xs:anyType.
   * `requirement`: what the rules of its parent ask of its value (present, not blank).
   */
  element(decl: ElementDescriptor, requirement?: ValueRequirement): unknown {
    this.depth++;
    try {
      if (this.depth > this.sizes.maxDepth + RECURSION_MARGIN) throw new GenerationError(`evfw: <${decl.name}> cannot be given content that ends: every choice recurses`);
      const type = decl.type;
      // xs:anyType: any attributes and content; children in a namespace no schema declares.
      if (type.kind === 'any') return { ...foreignElement(this.draw, FIXTURE_NAMESPACE, 1), namespace: decl.namespace, name: decl.name };
      if (type.kind === 'simple') {
        const pools = this.fields.element(componentKey(decl.namespace, decl.name));
        const own = this.rules.get(componentKey(decl.namespace, decl.name))?.value;
        const value = this.simple(type.type, decl.name, pools, decl.fixed, merge(requirement, own));
        // An empty element reads as its default (model/model-type-defaults.ts): a value written
        // as no text cannot be had there, so the default is taken instead.
        if (decl.default !== undefined && lexicalOf(type.type, value) === '') return this.simple(type.type, decl.name, pools, decl.default, merge(requirement, own));
        return value;
      }
      // Where xsi:type may name derived types, a fixture sometimes is of one (always, for an
      // abstract declared type), with its `$type` (model/xsi-type-model.ts).
      const derived = substituteKeys(this.registry, decl);
      const declared = this.registry.complexType(type.ref);
      if (derived.length === 0 || (!declared.abstract && this.draw.chance())) return this.complex(declared, decl.name, decl.namespace, requirement);
      const actual = derived[this.draw.pick(derived.length)] ?? type.ref;
      return { $type: actual, ...this.complex(this.registry.complexType(actual), decl.name, decl.namespace, requirement) };
    } finally {
      this.depth--;
    }
  }

  /**
   * The value of a complex type; `ownerName` and `ownerNamespace` name the element, for readable
   * defaults and for the rules that check it; `requirement` applies to a simple content value.
   */
  complex(type: ComplexTypeDescriptor, ownerName: string, ownerNamespace = keyNamespace(type.key), requirement?: ValueRequirement): Model {
    const model: Model = {};
    const rules = this.rules.get(componentKey(ownerNamespace, ownerName));
    const demands = rules ? this.demands(type, ownerName, ownerNamespace, rules) : NO_DEMANDS;
    for (const use of type.attributes) {
      const demanded = use.namespace === '' ? demands.attributes.get(use.name) : undefined;
      const required = use.required || this.fields.keyAttribute(type.key, use.namespace, use.name) || (use.namespace === '' && demands.present.has(use.name));
      if (!required && !this.optional()) continue;
      model[use.property] = this.simple(use.type, use.name, this.fields.attribute(type.key, use.namespace, use.name), use.fixed, demanded);
    }
    if (type.anyAttribute && this.sizes.extensions && this.optional()) {
      const extra = this.wildcardAttributes(type, type.anyAttribute);
      if (extra.length > 0) model.$attributes = extra;
    }
    const content = type.content;
    if (content.kind === 'simple') model.$value = this.simple(content.type, ownerName, [], undefined, merge(requirement, rules?.value));
    if (content.kind === 'elements') {
      // The children this element's rules ask for; its children's own content has its own.
      const outer = this.needed;
      this.needed = demands.children;
      try {
        if (content.mixed) model.$content = this.mixedContent(type.key, content.particle);
        else this.fill(content.particle, model, false);
      } finally {
        this.needed = outer;
      }
    }
    return model;
  }

  /**
   * Mixed content: the children filled as element-only content would be, listed in document
   * order as `$case` items (model/mixed-items.ts), with text drawn between them: an xs:string
   * value, so it is text a document can hold.
   */
  private mixedContent(typeKey: string, particle: ParticleDescriptor): MixedItem[] {
    const children: Model = {};
    this.fill(particle, children, false);
    const items: MixedItem[] = [];
    mixedItemsOf(plansOf(this.registry).type(typeKey).particle!, children, items);
    const out: MixedItem[] = [];
    const text = () => {
      const run = this.draw.chance() ? this.draw.lexical(MIXED_TEXT, 'text') : undefined;
      if (run) out.push(run);
    };
    for (const item of items) {
      text();
      out.push(item);
    }
    text();
    return out;
  }

  /**
   * What the rules ask of an element's attributes and children: attribute patterns always, and
   * for each one-of-identifications rule, one alternative the type can hold, chosen by the draw.
   */
  private demands(type: ComplexTypeDescriptor, ownerName: string, ownerNamespace: string, rules: ElementRules): Demands {
    const present = new Set<string>();
    const attributes = new Map(rules.attributes);
    const children = new Set([...rules.children].map((c) => componentKey(ownerNamespace, c)));
    const declared = new Set(type.attributes.filter((a) => a.namespace === '').map((a) => a.name));
    const holdable = type.content.kind === 'elements' ? namesOf(type.content.particle) : new Set<string>();
    for (const alternatives of rules.alternatives) {
      const possible = alternatives.filter((a) => a.attributes.every((n) => declared.has(n)) && a.children.every((n) => holdable.has(componentKey(ownerNamespace, n))));
      if (possible.length === 0) throw new GenerationError(`evfw: the ${this.sizes.profile} profile's rules ask <${ownerName}> for attributes or children its type cannot hold`);
      const chosen = possible[this.draw.pick(possible.length)]!;
      for (const n of chosen.attributes) {
        present.add(n);
        attributes.set(n, merge(attributes.get(n), NON_BLANK)!);
      }
      for (const n of chosen.children) children.add(componentKey(ownerNamespace, n));
    }
    return { present, attributes, children };
  }

  // ---- Simple values ------------------------------------------------------------------------

  private simple(type: SimpleTypeDescriptor, name: string, pools: readonly string[], fixed: string | undefined, requirement?: ValueRequirement): SimpleValue {
    const lexical = this.simpleLexical(type, name, pools, fixed, asksAnything(requirement) ? requirement : undefined);
    const checked = checkSimpleValue(type, lexical);
    if (!checked.ok) throw new GenerationError(`evfw: generated "${lexical}" for ${name}, which its type refuses: ${checked.message}`);
    return checked.value;
  }

  private simpleLexical(type: SimpleTypeDescriptor, name: string, pools: readonly string[], fixed: string | undefined, requirement?: ValueRequirement): string {
    if (fixed !== undefined) return fixed;
    const all = isIdType(type) ? [...pools, ID_POOL] : pools;
    let lexical = requirement ? this.draw.lexical(type, name, requirement) : this.draw.lexical(type, name);
    if (lexical === undefined) {
      const why = requirement ? `that the ${this.sizes.profile} profile's rules accept` : 'that can be written in a document on its own';
      throw new GenerationError(`evfw: no value of the type of "${name}" ${why}`);
    }
    if (all.length === 0) return lexical;
    // Pools hold values, not texts: the validator compares a key's fields in the value space,
    // where ".000" and "-0.000" are one decimal (identity-values.ts).
    const valueOf = (text: string) => identityValue(type, text, undefined) ?? text;
    const sets = all.map((p) => this.pool(p));
    if (sets.some((s) => s.has(valueOf(lexical!)))) {
      const used = new Set(sets.flatMap((s) => [...s]));
      const fresh = (text: string) => !used.has(valueOf(text));
      lexical = requirement ? ruleSamples(type, requirement).find(fresh) : uniqueLexical(type, name, fresh);
      if (lexical === undefined) throw new GenerationError(`evfw: "${name}" has run out of distinct values`);
    }
    for (const s of sets) s.add(valueOf(lexical));
    return lexical;
  }

  private pool(name: string): Set<string> {
    let set = this.state.pools.get(name);
    if (!set) {
      set = new Set();
      this.state.pools.set(name, set);
    }
    return set;
  }

  // ---- Content models -----------------------------------------------------------------------

  /** Puts the values of one particle into `target`; `forced`: it must hold at least one element. */
  private fill(p: ParticleDescriptor, target: Model, forced: boolean): void {
    if (p.property === undefined) {
      if (p.kind === 'element' || p.kind === 'any') return;
      initialize(target, p.particles);
      if (p.min === 0 && !forced && !this.holdsNeeded(p) && !this.optional()) return;
      this.members(p, target, forced);
      return;
    }
    const value = this.particleValue(p, forced);
    if (isMany(p)) target[p.property] = value;
    else if (value !== undefined) target[p.property] = value;
  }

  /** A group's members in order; when it must not be empty and every member could be, one is made to hold something. */
  private members(group: GroupParticleDescriptor, target: Model, forced: boolean): void {
    let chosen: ParticleDescriptor | undefined;
    if (forced && group.particles.every(emptiable)) {
      const producible = group.particles.filter((c) => this.canProduce(c));
      if (producible.length === 0) throw new GenerationError('evfw: a group that must hold an element has no member that can');
      chosen = producible[this.draw.pick(producible.length)];
    }
    for (const c of group.particles) this.fill(c, target, c === chosen);
  }

  /** One particle's value: an array of occurrences when it repeats, else one occurrence or nothing. */
  private particleValue(p: ParticleDescriptor, forced: boolean): unknown {
    // maxOccurs="0" (a restriction that removes a particle): it may never appear.
    if (p.max === 0) return undefined;
    const min = Math.max(p.min, forced || this.holdsNeeded(p) ? 1 : 0);
    if (!isMany(p)) {
      if (min === 0 && (!this.optional() || (p.kind === 'any' && !this.sizes.extensions))) return undefined;
      const one = this.occurrence(p, undefined);
      if (one === undefined && min > 0) throw new GenerationError('evfw: a required particle cannot be filled');
      return one?.value;
    }
    const repeatable = p.kind === 'element' || p.kind === 'any' || p.kind === 'choice' || selfSeparating(p) || isSingleChoice(p);
    const max = !repeatable ? Math.max(min, 1) : p.kind === 'any' && !this.sizes.extensions ? min : this.cap(p, min);
    const count = this.draw.count(min, max);
    const items: unknown[] = [];
    let previous: ParticleDescriptor | undefined;
    for (let i = 0; i < count; i++) {
      const one = this.occurrence(p, previous);
      if (one === undefined) break;
      items.push(one.value);
      previous = one.branch;
    }
    if (items.length < min) throw new GenerationError('evfw: a particle cannot reach its minOccurs');
    return items;
  }

  private cap(p: ParticleDescriptor, min: number): number {
    if (this.depth > this.sizes.maxDepth) return min;
    const upper = min + this.sizes.maxOccurs;
    return p.max === 'unbounded' ? upper : Math.max(min, Math.min(p.max, upper));
  }

  /** One occurrence; for a choice, `branch` says which, so the next one can avoid running into it. */
  private occurrence(p: ParticleDescriptor, previous: ParticleDescriptor | undefined): { value: unknown; branch?: ParticleDescriptor } | undefined {
    switch (p.kind) {
      case 'element':
        return { value: this.leafValue(p) };
      case 'any': {
        const element = this.wildcardElement(p.wildcard);
        return element && { value: element };
      }
      case 'choice':
        return this.choiceOccurrence(p, previous);
      case 'sequence':
      case 'all': {
        const only = p.particles[0];
        if (isSingleChoice(p) && only?.kind === 'choice') return this.choiceOccurrence(only, previous);
        const item = initialize({}, p.particles);
        this.members(p, item, true);
        return { value: item };
      }
    }
  }

  private choiceOccurrence(choice: GroupParticleDescriptor, previous: ParticleDescriptor | undefined) {
    let allowed = branchesOf(choice).filter((b) => (b !== previous || selfSeparating(b)) && this.canProduce(b));
    if (allowed.length === 0) return undefined;
    // The first occurrence takes a branch that holds the most of the children the rules ask for.
    if (previous === undefined && this.needed.size > 0) {
      const covered = allowed.map((b) => this.neededIn(b));
      const most = Math.max(...covered);
      if (most > 0) allowed = allowed.filter((_, i) => covered[i] === most);
    }
    const branch = allowed[this.draw.pick(allowed.length)]!;
    return { value: this.branchValue(branch), branch };
  }

  /** A branch's `$case` object, as the binder builds it. */
  private branchValue(b: ParticleDescriptor): unknown {
    if ((b.kind === 'sequence' || b.kind === 'all') && !isMany(b)) {
      const item = initialize({ $case: b.property }, b.particles);
      this.members(b, item, true);
      return item;
    }
    if (b.kind === 'element' && b.cases && !isMany(b)) return this.leafValue(b);
    return { $case: b.property, [b.property!]: this.particleValue(b, true) };
  }

  private leafValue(p: ElementParticleDescriptor): unknown {
    if (p.element) return this.element(p.element, this.childRequirement(p.element));
    if (p.cases) {
      const cases = p.cases.filter((c) => this.registry.element(c.ref)?.abstract !== true);
      // An abstract head whose members are all blocked (or abstract) has nothing that may appear.
      if (cases.length === 0) throw new GenerationError('evfw: no element of a substitution group may appear in place of its abstract head');
      const chosen = cases[this.draw.pick(cases.length)]!;
      const decl = this.registry.element(chosen.ref)!;
      return { $case: chosen.property, [chosen.property]: this.element(decl, this.childRequirement(decl)) };
    }
    const decl = this.registry.element(p.ref!)!;
    return this.element(decl, this.childRequirement(decl));
  }

  /** A child the rules ask for must not be blank. */
  private childRequirement(decl: ElementDescriptor): ValueRequirement | undefined {
    return this.needed.has(componentKey(decl.namespace, decl.name)) ? NON_BLANK : undefined;
  }

  /** Whether a particle can hold a child the rules ask for (then it is not left out). */
  private holdsNeeded(p: ParticleDescriptor): boolean {
    return this.needed.size > 0 && this.neededIn(p) > 0;
  }

  /** How many of the children the rules ask for a particle can hold. */
  private neededIn(p: ParticleDescriptor): number {
    let n = 0;
    for (const key of namesOf(p)) if (this.needed.has(key)) n++;
    return n;
  }

  private canProduce(p: ParticleDescriptor): boolean {
    if (p.max === 0) return false;
    switch (p.kind) {
      case 'element':
        // An element reference with cases needs one that is not abstract; a reference with
        // none, a declaration that is not abstract itself.
        if (p.cases) return p.cases.some((c) => this.registry.element(c.ref)?.abstract !== true);
        return p.element !== undefined || (p.ref !== undefined && this.registry.element(p.ref)?.abstract !== true);
      case 'any':
        return p.wildcard.process !== 'strict' || this.knownElements(p.wildcard).length > 0;
      case 'choice':
        return p.particles.some((c) => this.canProduce(c));
      default:
        return p.particles.some((c) => this.canProduce(c)) && p.particles.every((c) => c.min === 0 || this.canProduce(c));
    }
  }

  private optional(): boolean {
    return this.depth <= this.sizes.maxDepth && this.draw.chance();
  }

  // ---- Wildcards ----------------------------------------------------------------------------

  /** An element a wildcard admits: foreign (lax, skip) or a known global element (lax, strict). */
  private wildcardElement(w: WildcardDescriptor): XmlElement | undefined {
    const known = w.process === 'skip' || this.depth > this.sizes.maxDepth ? [] : this.knownElements(w);
    const foreign = w.process === 'strict' ? [] : foreignNamespaces(w, this.registry);
    const options = (foreign.length > 0 ? 1 : 0) + known.length;
    if (options === 0) return undefined;
    const i = this.draw.pick(options);
    if (foreign.length > 0 && i === 0) return foreignElement(this.draw, foreign[this.draw.pick(foreign.length)]!);
    const decl = known[i - (foreign.length > 0 ? 1 : 0)]!;
    const writer = new ModelWriter(this.registry);
    const element = writer.element(decl, this.element(decl), decl.name);
    if (writer.problems.length > 0) throw new GenerationError(`evfw: generated an invalid <${decl.name}>: ${writer.problems[0]!.message}`);
    return element;
  }

  private readonly knownCache = new WeakMap<WildcardDescriptor, ElementDescriptor[]>();

  /**
   * Global elements a wildcard admits. Under Unique Particle Attribution none of them can also
   * be taken by a sibling particle, so each reads back as wildcard content.
   */
  private knownElements(w: WildcardDescriptor): ElementDescriptor[] {
    let known = this.knownCache.get(w);
    if (!known) {
      known = this.registry.globalElements().filter((e) => !e.abstract && wildcardAllows(w, e.namespace));
      this.knownCache.set(w, known);
    }
    return known;
  }

  private wildcardAttributes(type: ComplexTypeDescriptor, w: WildcardDescriptor): XmlAttribute[] {
    const declared = new Set(type.attributes.map((a) => componentKey(a.namespace, a.name)));
    const excluded = (a: { namespace: string; name: string }) => declared.has(componentKey(a.namespace, a.name)) || type.prohibited?.includes(componentKey(a.namespace, a.name));
    const known: AttributeDescriptor[] = w.process === 'skip' ? [] : this.registry.schemas.flatMap((s) => s.attributes).filter((a) => wildcardAllows(w, a.namespace) && !excluded(a));
    const foreign = w.process === 'strict' ? [] : [FIXTURE_ATTRIBUTE_NAMESPACE, ''].filter((ns) => wildcardAllows(w, ns) && !this.registry.knowsNamespace(ns));
    const out: XmlAttribute[] = [];
    const count = this.draw.count(1, 2);
    for (let i = 0; i < count && known.length + foreign.length > 0; i++) {
      const k = this.draw.pick(known.length + foreign.length);
      const attribute = k < known.length ? known[k]! : undefined;
      const namespace = attribute ? attribute.namespace : foreign[k - known.length]!;
      const name = attribute ? attribute.name : this.draw.name();
      if (out.some((a) => a.namespace === namespace && a.name === name) || excluded({ namespace, name })) continue;
      const value = attribute ? this.simpleLexical(attribute.type, attribute.name, [], attribute.fixed) : this.draw.text();
      out.push({ namespace, name, value });
    }
    return out;
  }
}

/** Array properties are always present, empty when nothing is there (as the binder makes them). */
function initialize(target: Model, particles: readonly ParticleDescriptor[]): Model {
  for (const p of particles) {
    if (p.property !== undefined && isMany(p)) target[p.property] ??= [];
    else if (p.property === undefined && (p.kind === 'sequence' || p.kind === 'all')) initialize(target, p.particles);
  }
  return target;
}

/** Namespaces of foreign content a wildcard admits: ours for testing, and listed ones no schema here declares. */
function foreignNamespaces(w: WildcardDescriptor, registry: SchemaRegistry): string[] {
  const candidates = w.namespaces.kind === 'list' ? w.namespaces.namespaces : [FIXTURE_NAMESPACE, ''];
  return candidates.filter((ns) => wildcardAllows(w, ns) && !registry.knowsNamespace(ns));
}
