/**
 * The way back: a typed model value to XML events (xml-sink.ts), by the schema descriptors (read
 * through their write plans, write-plan.ts) and the same mapping rules bind-content.ts reads
 * with. A value that does not fit its schema (a missing required property, an unknown `$case`, a
 * value of the wrong kind) is collected as an evfw.model.invalid diagnostic with the model path;
 * callers refuse to write a document that has any.
 */
import { cut, printable, quote } from '../datatypes/messages.js';
import type { Diagnostic } from '../diagnostics.js';
import type { ElementDescriptor } from '../schema/descriptor.js';
import type { SchemaRegistry } from '../schema/registry.js';
import type { XmlElement } from '../xml-node.js';
import { plansOf, type ElementPlan, type Lexical, type ParticlePlan, type TypePlan, type WritePlans } from './write-plan.js';
import type { XmlSink } from './xml-sink.js';
import { valueType, xsiTypeAttribute, type ValueType } from './xsi-type-model.js';
import { defaultText } from './model-type-defaults.js';

type Model = Record<string, unknown>;

const DECLARED: ValueType = { ok: true, key: undefined };

export class ModelWalker {
  private readonly path = new ModelPath();
  private readonly plans: WritePlans;
  /** The order faults of mixed content, by JSON pointer from the root value (for validateObject). */
  readonly contentFaults: { readonly code: 'evfw.content.unexpected' | 'evfw.content.missing'; readonly message: string; readonly pointer: string }[] = [];

  constructor(
    registry: SchemaRegistry,
    private readonly out: XmlSink,
    readonly problems: Diagnostic[] = [],
  ) {
    this.plans = plansOf(registry);
  }

  /** Writes `value` as the element `decl`; `path` names it in messages (the root's name). */
  document(decl: ElementDescriptor, value: unknown, path: string): void {
    this.path.enter(path);
    this.element(this.plans.element(decl), value);
    this.path.leave();
  }

  private element(plan: ElementPlan, value: unknown): void {
    if (plan.kind === 'any') {
      if (!isXmlElement(value)) return this.invalid(plan.namespace, plan.name, undefined, 'expected an XmlElement');
      this.out.verbatim({ kind: 'element', namespace: plan.namespace, name: plan.name, attributes: value.attributes, children: value.children });
      return;
    }
    if (plan.kind === 'simple') {
      this.out.open(plan.namespace, plan.name, false);
      const declared = plan.decl.type;
      const empty = declared.kind === 'simple' && (plan.decl.default !== undefined || plan.decl.fixed !== undefined) ? defaultText(plan.decl, declared.type, plan.lexical!) : undefined;
      this.text(plan.lexical!, value, undefined, empty);
      this.out.close();
      return;
    }
    if (!isObject(value)) return this.invalid(plan.namespace, plan.name, undefined, `expected an object for <${plan.name}>`);
    // `$type` names the type the value is of, written as xsi:type (xsi-type-model.ts).
    // Most values have none, and are of a declared type that is not abstract: no look-up then.
    const actual = value.$type === undefined && !plan.type().abstract ? DECLARED : valueType(this.plans.registry, plan.decl, value.$type);
    if (!actual.ok) return this.invalid(plan.namespace, plan.name, '$type', actual.message);
    const type = actual.key === undefined ? plan.type() : this.plans.type(actual.key);
    // Mixed content is never indented: its whitespace is data.
    this.out.open(plan.namespace, plan.name, type.content === 'elements' && !type.mixed);
    if (actual.key !== undefined) this.out.attributes([xsiTypeAttribute(actual.key)]);
    this.attributes(type, value);
    if (type.content === 'simple') this.text(type.lexical!, value.$value, '$value', this.contentDefault(plan, actual.key));
    else if (type.mixed) this.mixed(type, value);
    else if (type.content === 'elements') this.particle(type.particle!, value);
    this.out.close();
  }

  private attributes(type: TypePlan, value: Model): void {
    for (const a of type.attributes) {
      const v = value[a.property];
      if (v === undefined) {
        if (a.required) this.problem(a.property, `the required attribute "${a.name}" has no value`);
        continue;
      }
      const lexical = a.lexical(v);
      if (lexical === undefined) this.problem(a.property, `${describe(v)} is not a value of attribute "${a.name}"`);
      else this.out.attribute(a.namespace, a.name, lexical);
    }
    const extra = value.$attributes;
    if (Array.isArray(extra)) this.out.attributes(extra);
  }

  private particle(p: ParticlePlan, holder: Model): void {
    if (p.property === undefined) {
      if (p.kind !== 'sequence' && p.kind !== 'all') return;
      // An optional group is written when any of its members has a value; then it is whole.
      if (p.min === 0 && !hasValue(p, holder)) return;
      for (const c of p.particles) this.particle(c, holder);
      return;
    }
    const raw = holder[p.property];
    this.path.enter(p.property);
    if (!p.many) {
      if (raw === undefined && p.min > 0) this.problem(undefined, 'required, but missing');
      else if (raw !== undefined) this.occurrence(p, raw);
    } else if (Array.isArray(raw)) {
      let count = 0;
      for (let i = 0; i < raw.length; i++) {
        if (!(i in raw)) continue; // a hole in a sparse array is not an occurrence
        count++;
        this.path.enter(i);
        this.occurrence(p, raw[i]);
        this.path.leave();
      }
      // A flattened group around this particle occurs at most once (a repeated one has a
      // property of its own), so the particle's own bounds are the array's.
      if (count < p.min) this.problem(undefined, `${count} given, at least ${p.min} required`);
      else if (p.max !== 'unbounded' && count > p.max) this.problem(undefined, `${count} given, at most ${p.max} allowed`);
    } else if (raw === undefined && p.min > 0) {
      this.problem(undefined, `required, but missing (at least ${p.min})`);
    } else if (raw !== undefined) {
      // One value where an array belongs: refused, and still walked for its own problems.
      this.problem(undefined, 'expected an array');
      this.path.enter(0);
      this.occurrence(p, raw);
      this.path.leave();
    }
    this.path.leave();
  }

  /** One value of a particle that has a property. */
  private occurrence(p: ParticlePlan, v: unknown): void {
    switch (p.kind) {
      case 'element':
        this.leaf(p, v);
        return;
      case 'any':
        if (isXmlElement(v)) this.out.verbatim(v);
        else this.problem(undefined, 'expected an XmlElement');
        return;
      case 'choice':
        this.branch(p, v);
        return;
      case 'sequence':
      case 'all':
        if (p.onlyChoice) this.branch(p.onlyChoice, v);
        else if (isObject(v)) for (const c of p.particles) this.particle(c, v);
        else this.problem(undefined, 'expected an object');
        return;
    }
  }

  private leaf(p: ParticlePlan, value: unknown): void {
    if (p.local || !p.cases) return this.element(p.element(), value);
    const chosen = isObject(value) ? p.cases.get(value.$case) : undefined;
    if (!chosen || !isObject(value)) return this.invalid('', 'invalid', '$case', `expected one of ${p.caseNames}`);
    this.path.enter(chosen.property);
    this.element(chosen.element(), value[chosen.property]);
    this.path.leave();
  }

  /** Writes the branch of a choice that a `$case` object names. */
  private branch(choice: ParticlePlan, value: unknown): void {
    const item = isObject(value) ? value : undefined;
    const found = item && choice.branch(item.$case);
    if (!item || !found) {
      this.problem('$case', `${describe(item?.$case)} is not a branch of this choice`);
      return;
    }
    if ((found.kind === 'sequence' || found.kind === 'all') && !found.many) {
      for (const c of found.particles) this.particle(c, item);
    } else if (found.kind === 'element' && found.cases && !found.many) {
      this.leaf(found, item);
    } else {
      this.particle(found, item);
    }
  }

  /**
   * Mixed content (mixed-content.ts): `$content`'s strings as text, its `$case` objects as the
   * elements they name, in order. The order must be one the content model allows: the children
   * are run through the content automaton, as the validator runs a document's.
   */
  private mixed(type: TypePlan, value: Model): void {
    const items = value.$content;
    this.path.enter('$content');
    if (!Array.isArray(items)) {
      this.problem(undefined, items === undefined ? 'required, but missing (an array of text and elements)' : 'expected an array of text and elements');
      this.path.leave();
      return;
    }
    let state = type.automaton().start;
    let broken = false;
    for (let i = 0; i < items.length; i++) {
      if (!(i in items)) continue;
      const item: unknown = items[i];
      this.path.enter(i);
      if (typeof item === 'string') {
        if (item !== '') this.out.text(item);
      } else if (!isObject(item)) {
        this.problem(undefined, `${describe(item)} is neither text (a string) nor an element (a $case object)`);
      } else {
        const chosen = type.mixedCase(item.$case);
        // mixedCase answers only for a string `$case`, so `child` is the property it names.
        const child = chosen ? item[String(item.$case)] : undefined;
        const name = chosen?.element ?? (isXmlElement(child) ? child : undefined);
        if (!chosen) {
          this.problem('$case', `${describe(item.$case)} names no element of this content`);
        } else if (!name) {
          this.problem(String(item.$case), 'expected an XmlElement');
        } else {
          const step = broken ? undefined : state.step(name.namespace, name.name);
          if (step) state = step.next;
          else if (!broken) {
            // One report per value: after the first misplaced child the automaton has no state.
            broken = true;
            this.contentFault('evfw.content.unexpected', `<${name.name}> is not allowed here by the content model`);
          }
          this.path.enter(String(item.$case));
          if (chosen.element) this.element(chosen.element, child);
          else if (isXmlElement(child)) this.out.verbatim(child);
          this.path.leave();
        }
      }
      this.path.leave();
    }
    if (!broken && !state.accepting) this.contentFault('evfw.content.missing', 'the content ends before the content model allows: an element it requires is missing');
    this.path.leave();
  }

  /** A mixed value whose children break the content model: a problem, and a fault the object validator reports. */
  private contentFault(code: 'evfw.content.unexpected' | 'evfw.content.missing', message: string): void {
    this.problem(undefined, message);
    this.contentFaults.push({ code, message, pointer: this.path.pointer() });
  }

  /**
   * Simple content: nothing for the empty string, so the element is written `<a/>`; nothing
   * either for the element's default or fixed value (`empty`), which an empty element reads as.
   */
  private text(lexicalOf: Lexical, value: unknown, property: string | undefined, empty?: string): void {
    const lexical = lexicalOf(value);
    if (lexical === undefined) this.problem(property, `${describe(value)} is not a value of this element`);
    else if (lexical !== '' && lexical !== empty) this.out.text(lexical);
  }

  /** The text of the default or fixed value of an element of simple content, if it has one. */
  private contentDefault(plan: ElementPlan, actualKey: string | undefined): string | undefined {
    const decl = plan.decl;
    if (decl.default === undefined && decl.fixed === undefined) return undefined;
    const key = actualKey ?? (decl.type.kind === 'complex' ? decl.type.ref : undefined);
    const content = key === undefined ? undefined : this.plans.registry.complexType(key).content;
    const plans = key === undefined ? undefined : this.plans.type(key);
    return content?.kind === 'simple' && plans?.lexical ? defaultText(decl, content.type, plans.lexical) : undefined;
  }

  /** An element that cannot be written from its value: written empty, with the problem recorded. */
  private invalid(namespace: string, name: string, property: string | undefined, message: string): void {
    this.problem(property, message);
    this.out.open(namespace, name, false);
    this.out.close();
  }

  /** `property`: a property of the value at the current path that the message is about. */
  private problem(property: string | undefined, message: string): void {
    const at = this.path.toString(property);
    this.problems.push({ code: 'evfw.model.invalid', severity: 'error', message: `${at}: ${message}`, line: 0, column: 0, path: '' });
  }
}

/**
 * Where the walk is in the model value (`cpm-evfw.events[3].eventCpmImap`), as a stack of
 * segments spelled out only for a message: most values have no problem, and building the path
 * string of every element cost more than writing the element.
 */
class ModelPath {
  /** The root's name, then property names and array indexes. */
  private readonly segments: (string | number)[] = [];

  enter(segment: string | number): void {
    this.segments.push(segment);
  }

  leave(): void {
    this.segments.pop();
  }

  /** The path below the root as a JSON pointer (`/events/0/$content/2`). */
  pointer(): string {
    return this.segments
      .slice(1)
      .map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`)
      .join('');
  }

  toString(property?: string): string {
    let text = '';
    this.segments.forEach((s, i) => {
      text += typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`;
    });
    return property === undefined ? text : `${text}.${property}`;
  }
}

/** Whether the model holds anything for this particle (a flattened group: for any member). */
function hasValue(p: ParticlePlan, holder: Model): boolean {
  if (p.property === undefined) {
    for (const c of p.particles) if (hasValue(c, holder)) return true;
    return false;
  }
  const v = holder[p.property];
  return Array.isArray(v) ? v.length > 0 : v !== undefined;
}

function isObject(value: unknown): value is Model {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isXmlElement(value: unknown): value is XmlElement {
  return isObject(value) && value.kind === 'element' && typeof value.name === 'string' && Array.isArray(value.children);
}

/** A value of the model in a message: a string quoted as written, anything else as String() shows it. */
function describe(value: unknown): string {
  return typeof value === 'string' ? quote(value) : printable(cut(String(value), 40));
}
