/**
 * The fast path of validation: validates and binds while the fast reader (xml/fast-reader.ts)
 * reads, with no source tree, so a valid document costs one pass and memory for its model only.
 *
 * Like the fast reader, it only ever says "valid, and here is the value". On anything it does
 * not handle, and on the first sign of a fault, it gives up, and parseDocument takes the full
 * path, which builds the tree and reports every diagnostic with its position. So it needs no
 * positions, no messages and no recovery; test/differential/fast-path.test.ts checks that it
 * agrees with the full path on every sample, corpus instance and mutant.
 *
 * What it handles itself: elements of simple type; complex types with element-only, simple or
 * empty content, through the same content automata and binder as the full path; declared
 * attributes; xs:unique and xs:key whose selector names children and whose fields are
 * attributes. What it hands to the full path's ElementReader, one subtree at a time, built as
 * a small tree: content matched by a wildcard, xs:anyType, mixed content, xs:all groups, other identity
 * constraints, xsi:type and xsi:nil. Anything that reaches xs:ID or xs:IDREF, a fixed value, an
 * empty element with a default, an attribute wildcard or a known deviation gives up outright.
 */
import { checkSimpleValue, type SimpleTypeDescriptor } from '../datatypes/index.js';
import { DiagnosticSink } from '../diagnostics.js';
import type { Limits } from '../limits.js';
import { bindContent, bindDirectly, directBindings, initialize, type BoundChild, type DirectBinding } from '../model/bind-content.js';
import {
  componentKey,
  type AttributeUseDescriptor,
  type ComplexTypeDescriptor,
  type ElementDescriptor,
  type ParticleDescriptor,
} from '../schema/descriptor.js';
import type { SchemaRegistry } from '../schema/registry.js';
import { scanFast, type FastHandler, type FastTag } from '../xml/fast-reader.js';
import { giveUp } from '../xml/give-up.js';
import type { NamespaceScope } from '../xml/namespace-scope.js';
import type { SourceAttribute, SourceElement, SourceNode } from '../xml/source-tree.js';
import { ReadElement } from '../xml/tree-builder.js';
import { automatonFor, type Leaf, type StateSet } from './content-automaton.js';
import { ElementReader, identifierKind, type ReaderOptions } from './element-reader.js';
import { selected, simpleIdentity, type IdentityCheck, type SimpleIdentity } from './fast-identity.js';
import { anyRuleFires, ruleFires, type RulesByElement } from '../rules/run-rules.js';
import type { RuleDescriptor } from '../rules/rule-descriptor.js';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
/** The children of every element when nothing is bound. */
const NOTHING_BOUND: BoundChild[] = Object.freeze([]) as unknown as BoundChild[];

/** The model value of a valid document, or undefined when the full path must decide. */
/**
 * `{ value }` when the document is valid, its model value if `bind` asks for it; undefined when
 * the full path must decide. Without `bind`, no model is built: validation alone.
 */
export function validateFast(
  registry: SchemaRegistry,
  rootKey: string | undefined,
  text: string,
  limits: Limits,
  options: FastOptions,
): { value: unknown } | undefined {
  const handler = new ValidatingHandler(registry, rootKey, limits, options);
  if (!scanFast(text, limits, handler, false) || !handler.done) return undefined;
  return { value: handler.value };
}

export interface FastOptions extends ReaderOptions {
  /** Build the model value; without it, validation alone. */
  readonly bind: boolean;
  /**
   * A profile's prose rules: an element that one would report on makes the fast path give up,
   * so that the full path reports it with its position. Without them, the schemas alone.
   */
  readonly rules?: RulesByElement;
}

/** How an element's content is read. */
const enum Content {
  /** Children only, matched by the content automaton; white space between them. */
  Elements,
  /** Text only: a simple type, or a complex type with simple content. */
  Simple,
  /** Nothing at all. */
  Empty,
}

/** One open element the fast path validates itself. */
interface Frame {
  readonly decl: ElementDescriptor;
  readonly plan: Plan;
  /** The leaf of the parent's content model this element matched; undefined for the root. */
  readonly leaf: Leaf | undefined;
  readonly content: Content;
  readonly model: Record<string, unknown> | undefined;
  state: StateSet | undefined;
  readonly bound: BoundChild[];
  text: string;
  readonly scope: NamespaceScope;
  readonly identity: IdentityCheck[] | undefined;
  /** The prose rules that check this element, if any. */
  readonly rules: readonly RuleDescriptor[] | undefined;
  /**
   * The element as the rules read it (attributes, children and their text), kept for an element
   * rules check and for each child of one; undefined for the rest.
   */
  readonly node: ReadElement | undefined;
}

/** A subtree handed to the full path: built as a tree, validated when it ends. */
interface Subtree {
  readonly open: ReadElement[];
  readonly root: ReadElement;
  readonly leaf: Leaf | undefined;
  readonly element: ElementDescriptor | undefined;
}

/** What the fast path knows of a declaration, worked out once per registry. */
interface Plan {
  /** Undefined: hand the element to the full path. */
  readonly content: Content | undefined;
  /** The complex type; undefined for an element of simple type. */
  readonly type: ComplexTypeDescriptor | undefined;
  /** The type of the text, for simple content. */
  readonly simple: SimpleTypeDescriptor | undefined;
  /** For element content: its particle, and the state its automaton starts in. */
  readonly particle: ParticleDescriptor | undefined;
  readonly start: StateSet | undefined;
  readonly requiredAttributes: number;
  readonly identity: readonly SimpleIdentity[] | undefined;
  /** For element content whose children can be bound as they come: where each goes. */
  readonly direct: ReadonlyMap<Leaf, DirectBinding> | undefined;
  /** Then also: the array properties the model starts with, empty. */
  readonly arrays: readonly string[];
}

class ValidatingHandler implements FastHandler {
  /** The root's model value, once `done`. */
  value: unknown;
  done = false;
  private readonly bind: boolean;
  private readonly frames: Frame[] = [];
  private subtree: Subtree | undefined;
  private readonly plans: WeakMap<ElementDescriptor, Plan>;

  constructor(
    private readonly registry: SchemaRegistry,
    private readonly rootKey: string | undefined,
    private readonly limits: Limits,
    private readonly options: FastOptions,
  ) {
    this.plans = plansOf(registry);
    this.bind = options.bind;
  }

  start(tag: FastTag, scope: NamespaceScope): void {
    const subtree = this.subtree;
    if (subtree) {
      const element = new ReadElement(tag, scope);
      (subtree.open[subtree.open.length - 1]!.children as SourceNode[]).push(element);
      subtree.open.push(element);
      return;
    }
    const frames = this.frames;
    if (frames.length === 0) {
      const key = componentKey(tag.namespace, tag.name);
      const decl = this.rootKey === undefined || this.rootKey === key ? this.registry.element(key) : undefined;
      if (!decl || decl.abstract) giveUp();
      this.open(tag, scope, decl, undefined);
      return;
    }
    const parent = frames[frames.length - 1]!;
    if (parent.content !== Content.Elements) giveUp();
    const step = parent.state!.step(tag.namespace, tag.name);
    if (!step) giveUp();
    parent.state = step.next;
    if (parent.identity) selected(parent.identity, tag);
    if (step.element) this.open(tag, scope, step.element, step.leaf);
    else this.hand(tag, scope, step.leaf, undefined);
  }

  /** Opens a frame for `decl`, or hands the element to the full path. */
  private open(tag: FastTag, scope: NamespaceScope, decl: ElementDescriptor, leaf: Leaf | undefined): void {
    const plan = this.planOf(decl);
    if (plan.content === undefined || hasInstanceAttributes(tag.attributes)) {
      this.hand(tag, scope, leaf, decl);
      return;
    }
    const rules = this.options.rules?.get(tag.namespace)?.get(tag.name);
    const node = rules || this.parentNode() ? this.ruleNode(tag, scope) : undefined;
    let model: Record<string, unknown> | undefined;
    if (plan.type) {
      if (this.bind) {
        model = {};
        // Binding as children come needs the array properties there from the start.
        for (const property of plan.arrays) model[property] = [];
      }
      this.attributes(tag.attributes, plan, scope, model);
    } else if (tag.attributes.length > 0 && !onlyXsi(tag.attributes)) {
      giveUp();
    }
    this.frames.push({
      decl,
      plan,
      leaf,
      content: plan.content,
      model,
      state: plan.start,
      bound: this.bind && !plan.direct ? [] : NOTHING_BOUND,
      text: '',
      scope,
      identity: plan.identity?.map((constraint) => ({ constraint, seen: new Set<string>() })),
      rules,
      node,
    });
  }

  /** The node of the open element when the rules read it: a new child goes into it. */
  private parentNode(): ReadElement | undefined {
    const parent = this.frames.length === 0 ? undefined : this.frames[this.frames.length - 1]!;
    return parent?.rules ? parent.node : undefined;
  }

  /** A node for the rules, put among its parent's children when the parent is read by rules. */
  private ruleNode(tag: FastTag, scope: NamespaceScope): ReadElement {
    const node = new ReadElement(tag, scope);
    (this.parentNode()?.children as SourceNode[] | undefined)?.push(node);
    return node;
  }

  private attributes(attributes: readonly SourceAttribute[], plan: Plan, scope: NamespaceScope, model: Record<string, unknown> | undefined): void {
    const uses = plan.type!.attributes;
    let required = 0;
    for (let i = 0; i < attributes.length; i++) {
      const attribute = attributes[i]!;
      if (attribute.namespace === XSI) continue;
      const use = findUse(uses, attribute.namespace, attribute.name);
      if (!use) giveUp();
      if (use.required) required++;
      const result = checkSimpleValue(use.type, attribute.value, scope);
      if (!result.ok) giveUp();
      if (model) model[use.property] = result.value;
    }
    if (required !== plan.requiredAttributes) giveUp();
  }

  /** Builds the element's subtree for the full path's reader, which validates it at its end. */
  private hand(tag: FastTag, scope: NamespaceScope, leaf: Leaf | undefined, element: ElementDescriptor | undefined): void {
    const root = this.parentNode() ? this.ruleNode(tag, scope) : new ReadElement(tag, scope);
    this.subtree = { open: [root], root, leaf, element };
  }

  keepsWhiteSpace(): boolean {
    return this.subtree !== undefined || this.frames[this.frames.length - 1]!.content !== Content.Elements;
  }

  text(text: string): void {
    const subtree = this.subtree;
    if (subtree) {
      (subtree.open[subtree.open.length - 1]!.children as SourceNode[]).push({ kind: 'text', text, line: 0, column: 0 });
      return;
    }
    const frame = this.frames[this.frames.length - 1]!;
    if (frame.content === Content.Simple) frame.text += text;
    else if (frame.content === Content.Empty || !isWhiteSpace(text)) giveUp();
    (frame.node?.children as SourceNode[] | undefined)?.push({ kind: 'text', text, line: 0, column: 0 });
  }

  end(): void {
    const subtree = this.subtree;
    if (subtree) {
      subtree.open.pop();
      if (subtree.open.length > 0) return;
      this.subtree = undefined;
      const value = this.viaFullPath(subtree);
      if (this.options.rules && anyRuleFires(this.options.rules, subtree.root)) giveUp();
      this.finish(subtree.root, subtree.leaf, subtree.element, value);
      return;
    }
    const frame = this.frames.pop()!;
    if (frame.rules && ruleFires(frame.rules, frame.node!)) giveUp();
    const { decl, model } = frame;
    let value: unknown = model;
    if (frame.content === Content.Simple) {
      if (frame.text === '' && decl.default !== undefined) giveUp();
      const result = checkSimpleValue(frame.plan.simple!, frame.text, frame.scope);
      if (!result.ok) giveUp();
      if (model) model.$value = result.value;
      else value = result.value;
    } else if (frame.content === Content.Elements) {
      if (!frame.state!.accepting) giveUp();
      if (model && !frame.plan.direct) bindContent(model, frame.plan.particle!, frame.bound);
    }
    // Binding asks a child only its name (to tell substitution group members apart).
    this.finish({ namespace: decl.namespace, name: decl.name } as SourceElement, frame.leaf, decl, value);
  }

  /** Hands a finished element to its parent, or keeps it as the document's value. */
  private finish(source: SourceElement, leaf: Leaf | undefined, element: ElementDescriptor | undefined, value: unknown): void {
    const parent = this.frames.length === 0 ? undefined : this.frames[this.frames.length - 1]!;
    if (!parent) {
      this.value = value;
      this.done = true;
    } else if (this.bind) {
      const direct = parent.plan.direct;
      if (direct) bindDirectly(parent.model!, direct.get(leaf!)!, value);
      else parent.bound.push({ leaf: leaf!, element, source, value });
    }
  }

  /** The value of a handed subtree, as the full path reads it; any diagnostic gives up. */
  private viaFullPath(subtree: Subtree): unknown {
    const sink = new DiagnosticSink(this.limits.maxErrors);
    const reader = new ElementReader(this.registry, sink, this.options);
    const value = subtree.leaf
      ? reader.matched(subtree.root, subtree.leaf, subtree.element, '')
      : reader.document(subtree.root, subtree.element!);
    if (sink.items.length > 0 || reader.sawIdentifiers || value === undefined) giveUp();
    return value;
  }

  private planOf(decl: ElementDescriptor): Plan {
    let found = this.plans.get(decl);
    if (!found) {
      found = makePlan(this.registry, decl);
      this.plans.set(decl, found);
    }
    return found;
  }
}

const plansByRegistry = new WeakMap<SchemaRegistry, WeakMap<ElementDescriptor, Plan>>();

function plansOf(registry: SchemaRegistry): WeakMap<ElementDescriptor, Plan> {
  let plans = plansByRegistry.get(registry);
  if (!plans) plansByRegistry.set(registry, (plans = new WeakMap()));
  return plans;
}

const NO_ARRAYS: readonly string[] = [];
const HAND_OVER: Plan = {
  content: undefined,
  type: undefined,
  simple: undefined,
  particle: undefined,
  start: undefined,
  requiredAttributes: 0,
  identity: undefined,
  direct: undefined,
  arrays: NO_ARRAYS,
};

/** A plan for content the fast path reads itself: what is not given is absent. */
const planFor = (content: Content, given: Partial<Plan>): Plan => ({ ...HAND_OVER, content, ...given });

function makePlan(registry: SchemaRegistry, decl: ElementDescriptor): Plan {
  if (decl.fixed !== undefined) return HAND_OVER;
  const identity = decl.identity ? simpleIdentity(decl.identity) : undefined;
  if (identity === null) return HAND_OVER;
  if (decl.type.kind === 'any') return HAND_OVER;
  if (decl.type.kind === 'simple') {
    if (identifierKind(decl.type.type)) return HAND_OVER;
    return planFor(Content.Simple, { simple: decl.type.type, identity });
  }
  const type = registry.complexType(decl.type.ref);
  // An abstract type is an error unless xsi:type replaces it: the full path says which.
  if (type.abstract) return HAND_OVER;
  if (type.anyAttribute || type.attributes.some((a) => a.fixed !== undefined || identifierKind(a.type))) return HAND_OVER;
  const requiredAttributes = type.attributes.filter((a) => a.required).length;
  const content = type.content;
  if (content.kind === 'simple') {
    if (identifierKind(content.type)) return HAND_OVER;
    return planFor(Content.Simple, { type, simple: content.type, requiredAttributes, identity });
  }
  if (content.kind === 'empty') return planFor(Content.Empty, { type, requiredAttributes, identity });
  // Mixed content: the full path reads the subtree, text and all, into its `$content` array.
  if (content.mixed) return HAND_OVER;
  const automaton = automatonFor(content.particle, registry);
  if (automaton.allGroups.length > 0) return HAND_OVER;
  const direct = directBindings(content.particle);
  const arrays = direct ? Object.keys(initialize({}, [content.particle])) : NO_ARRAYS;
  return planFor(Content.Elements, { type, particle: content.particle, start: automaton.start, requiredAttributes, identity, direct, arrays });
}

function findUse(uses: readonly AttributeUseDescriptor[], namespace: string, name: string): AttributeUseDescriptor | undefined {
  for (let i = 0; i < uses.length; i++) {
    const use = uses[i]!;
    if (use.name === name && use.namespace === namespace) return use;
  }
  return undefined;
}

/** xsi:type and xsi:nil need the full path; other xsi attributes (schema hints) are ignored. */
function hasInstanceAttributes(attributes: readonly SourceAttribute[]): boolean {
  for (let i = 0; i < attributes.length; i++) {
    const a = attributes[i]!;
    if (a.namespace === XSI && (a.name === 'type' || a.name === 'nil')) return true;
  }
  return false;
}

function onlyXsi(attributes: readonly SourceAttribute[]): boolean {
  return attributes.every((a) => a.namespace === XSI);
}

function isWhiteSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit !== 0x20 && unit !== 0x0a && unit !== 0x09 && unit !== 0x0d) return false;
  }
  return true;
}
