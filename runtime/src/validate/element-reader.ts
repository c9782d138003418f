/**
 * Validates a source element tree against schema descriptors and, where it is valid, builds the
 * typed model value at the same time: one walk, so every diagnostic and every value comes from
 * the same reading of the document.
 *
 * Per element: attributes (declared, wildcard, required, fixed, datatypes), then content
 * (simple value, or children matched against the content-model automaton), then identity
 * constraints. An invalid child is reported and skipped, and validation goes on with its
 * siblings, so one run reports every independent fault (up to the error cap).
 */
import { checkSimpleValue, type SimpleTypeDescriptor } from '../datatypes/index.js';
import { excerpt, type Diagnostic, type DiagnosticCode, type DiagnosticSink } from '../diagnostics.js';
import {
  componentKey,
  keyLocalName,
  keyNamespace,
  wildcardAllows,
  type AttributeDescriptor,
  type ComplexTypeDescriptor,
  type ElementDescriptor,
  type ElementType,
  type WildcardDescriptor,
} from '../schema/descriptor.js';
import type { SchemaRegistry } from '../schema/registry.js';
import { bindContent, type BoundChild } from '../model/bind-content.js';
import { bindMixed } from '../model/mixed-content.js';
import { toXmlElement } from '../model/xml-element.js';
import { parsedTypeKey } from '../model/xsi-type-model.js';
import type { SourceAttribute, SourceElement, SourcePoint } from '../xml/source-tree.js';
import { CONTENT_MODEL_BUDGET } from '../limits.js';
import { automatonFor, type Leaf } from './content-automaton.js';
import { describeCountFault, type CountFault } from './count-faults.js';
import { childPaths } from './element-paths.js';
import { IdentityTracker } from './identity-constraints.js';
import { identityValue } from './identity-values.js';
import { ELEMENT_HINTS, attributeDeviation, type CompatOption } from './known-deviations.js';
import { substituteType } from './xsi-type.js';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

export interface ReaderOptions {
  readonly compat: readonly CompatOption[];
}

/** What reading an element gives: its model value, or `undefined` when it was invalid. */
type Value = unknown;

export class ElementReader {
  /** xs:ID values seen, and xs:IDREF values to resolve when the document ends. */
  private readonly ids = new Map<string, SourcePoint>();
  private readonly idrefs: { value: string; at: SourcePoint; path: string }[] = [];
  /** The stand-in declarations of elements validated by their xsi:type alone (typedByXsi). */
  private readonly undeclared = new WeakSet<ElementDescriptor>();
  /** What identity constraints need of the elements below one that declares some. */
  private readonly identity = new IdentityTracker();

  constructor(
    private readonly registry: SchemaRegistry,
    private readonly sink: DiagnosticSink,
    private readonly options: ReaderOptions,
  ) {}

  /** Whether any xs:ID or xs:IDREF value was read: those are checked across the document. */
  get sawIdentifiers(): boolean {
    return this.ids.size > 0 || this.idrefs.length > 0;
  }

  /** Validates the root against its declaration, then the document-wide ID references. */
  document(root: SourceElement, decl: ElementDescriptor): Value {
    const value = this.element(root, decl, `/${short(root.name)}`);
    for (const ref of this.idrefs) {
      if (!this.ids.has(ref.value)) this.error('evfw.id.unresolved', `"${excerpt(ref.value)}" refers to no xs:ID in this document`, ref.at, ref.path);
    }
    return this.sink.errorCount === 0 ? value : undefined;
  }

  /** Validates `source` against `decl`; returns its model value when it is valid. */
  element(source: SourceElement, decl: ElementDescriptor, path: string): Value {
    const errorsBefore = this.sink.errorCount;
    let value: Value;
    // The declared type, or the one xsi:type puts in its place.
    const type = this.instanceAttributes(source, decl, path);
    if (!type) return undefined;
    const tracked = this.identity.enter(decl);
    if (type.kind === 'any') {
      this.laxChildren(source, path);
      if (decl.fixed !== undefined) this.fixedMixed(source, decl.fixed, path);
      value = toXmlElement(source);
    } else if (type.kind === 'simple') {
      this.noAttributes(source, path);
      const text = this.simpleText(source, path);
      value = text === undefined ? undefined : this.simpleValue(type.type, text, decl, source, path);
      // Validated as its xsi:type says, a simple value is read as its declared type reads it
      // (model/xsi-type-model.ts): the model's static type is the declared one.
      if (value !== undefined && type !== decl.type && text !== undefined) value = declaredReading(decl, text, value, source);
    } else {
      value = this.complex(source, this.registry.complexType(type.ref), path, decl);
      const actual = parsedTypeKey(decl, type);
      if (actual !== undefined && value !== undefined) (value as Record<string, unknown>).$type = actual;
    }
    // Declared xs:anyType, the element stays XML whatever its xsi:type (model/xsi-type-model.ts).
    if (decl.type.kind === 'any' && type.kind !== 'any' && value !== undefined) value = toXmlElement(source);
    if (tracked) {
      this.identity.elementType(source, this.valueType(decl, type));
      this.identity.leave(source, decl, path, (d) => this.report(d));
    }
    return this.sink.errorCount === errorsBefore ? value : undefined;
  }

  /** The simple type of an element's value, for identity-constraint fields; 'complex' when it has none. */
  private valueType(decl: ElementDescriptor, type: ElementType): { type: SimpleTypeDescriptor; fallback: string | undefined } | 'complex' {
    const fallback = decl.default ?? decl.fixed;
    if (type.kind === 'simple') return { type: type.type, fallback };
    if (type.kind === 'complex') {
      const content = this.registry.complexType(type.ref).content;
      if (content.kind === 'simple') return { type: content.type, fallback };
    }
    return 'complex';
  }

  /**
   * xsi:type and xsi:nil (XSD 1.0 Part 1, cvc-elt 3 and 4). Returns the type to validate the
   * element against: the one xsi:type names when it may stand for the declared one
   * (xsi-type.ts), else the declared type; undefined when the element is done (a nil element).
   * An abstract complex type must be replaced by xsi:type (cvc-type.2). xsi:nil is allowed only
   * where the declaration is nillable.
   */
  private instanceAttributes(source: SourceElement, decl: ElementDescriptor, path: string): ElementType | undefined {
    let type = decl.type;
    const xsiType = source.attributes.find((a) => a.namespace === XSI && a.name === 'type');
    if (xsiType) {
      const result = substituteType(this.registry, decl, xsiType.value, source);
      if (result.ok) type = result.type;
      else {
        this.error('evfw.xsi.type', `xsi:type="${excerpt(xsiType.value)}" on <${short(source.name)}>: ${result.why}`, xsiType, `${path}/@${xsiType.prefix}:type`, result.hint);
      }
    } else if (type.kind === 'complex' && this.registry.complexType(type.ref).abstract) {
      const name = keyLocalName(type.ref);
      this.error('evfw.type.abstract', `<${short(source.name)}> has the abstract type "${short(name)}", so it must name a type derived from it with xsi:type`, source, path, `add xsi:type="..." naming a type derived from "${short(name)}"`);
    }
    const nilAttribute = source.attributes.find((a) => a.namespace === XSI && a.name === 'nil');
    // Without a declaration (typedByXsi) there is no {nillable} to check: xsi:nil means nothing.
    if (nilAttribute && !this.undeclared.has(decl)) {
      const at = `${path}/@${nilAttribute.prefix}:nil`;
      const nil = nilAttribute.value.trim() === 'true' || nilAttribute.value.trim() === '1';
      if (!decl.nillable) {
        this.error('evfw.xsi.nil', `<${short(source.name)}> is not nillable, so xsi:nil is not allowed on it`, nilAttribute, at, 'remove xsi:nil');
      } else if (nil) {
        if (source.children.some((c) => c.kind === 'element' || c.text !== '')) this.error('evfw.xsi.nil', `<${short(source.name)}> has xsi:nil="true" and must then be empty`, source, path);
        // cvc-elt 3.2.2: a nilled element has no value, so it cannot have the fixed one.
        if (decl.fixed !== undefined) this.error('evfw.xsi.nil', `<${short(source.name)}> has a fixed value ("${excerpt(decl.fixed)}"), so it cannot be nil`, nilAttribute, at, 'remove xsi:nil="true"');
        // A nilled element has no value, but its attributes are validated all the same (and
        // an identity-constraint field may select one of them).
        if (type.kind === 'complex') this.attributes(source, this.registry.complexType(type.ref), path, {});
        // Nilled, a simple value is absent; a type without simple content still has none to give.
        if (this.identity.active) this.identity.elementType(source, this.valueType(decl, type) === 'complex' ? 'complex' : 'nil');
        return undefined;
      }
    }
    return type;
  }

  // ---- Complex types ------------------------------------------------------------------------

  private complex(source: SourceElement, type: ComplexTypeDescriptor, path: string, decl: ElementDescriptor): Value {
    const model: Record<string, unknown> = {};
    this.attributes(source, type, path, model);
    const content = type.content;
    if (content.kind === 'simple') {
      const text = this.simpleText(source, path);
      if (text !== undefined) {
        const value = this.simpleValue(content.type, text, decl, source, path);
        if (value !== undefined) model.$value = value;
      }
      return model;
    }
    if (content.kind === 'empty') {
      // An empty content type allows no character data at all, not even whitespace
      // (XSD 1.0 Part 1, cvc-complex-type 2.1).
      const text = source.children.find((c) => c.kind === 'text' && c.text !== '');
      if (text) this.error('evfw.content.text', `<${short(source.name)}> must be empty: no text, not even whitespace`, text, path, `write <${short(source.name)} .../>`);
      for (const [child, at] of childPaths(path, source)) {
        this.error('evfw.content.unexpected', `<${short(child.name)}> is not allowed: <${short(source.name)}> has empty content`, child, at);
      }
      return model;
    }
    // Mixed content allows character data between the children (cvc-complex-type 2.3 is for element-only).
    if (content.mixed) {
      if (decl.fixed !== undefined) this.fixedMixed(source, decl.fixed, path);
    } else {
      this.onlyWhitespace(source, path);
    }
    const automaton = automatonFor(content.particle, this.registry);
    let state = automaton.start;
    const bound: BoundChild[] = [];
    const errorsBefore = this.sink.errorCount;
    for (const [child, at] of childPaths(path, source)) {
      if (this.sink.full) return undefined;
      const step = state.step(child.namespace, child.name);
      if (!step && state.overBudget) {
        this.contentBudget(child, source, at);
        return undefined;
      }
      if (!step) {
        this.unexpected(child, source, state.expected(), at, state.refusal(child.namespace, child.name));
        continue;
      }
      state = step.next;
      bound.push({ leaf: step.leaf, element: step.element, source: child, value: this.matched(child, step.leaf, step.element, at) });
    }
    if (!state.accepting) this.missing(source, state.expected(), path, state.shortfall());
    for (const group of automaton.allGroups) this.allCounts(group, bound, source, path);
    if (this.sink.errorCount > errorsBefore) return model;
    if (content.mixed) model.$content = bindMixed(source, bound);
    else bindContent(model, content.particle, bound);
    return model;
  }

  /** The value of a child the content automaton matched to `leaf`, validated as that leaf says. */
  matched(child: SourceElement, leaf: Leaf, element: ElementDescriptor | undefined, path: string): Value {
    if (element) return this.element(child, element, path);
    if (leaf.kind !== 'any') return undefined;
    this.wildcardElement(child, leaf.wildcard, path);
    return toXmlElement(child);
  }

  /** Content a wildcard admitted: checked against its declaration when the schema is known. */
  private wildcardElement(child: SourceElement, wildcard: WildcardDescriptor, path: string): void {
    if (wildcard.process === 'skip') return;
    const decl = this.registry.element(componentKey(child.namespace, child.name));
    if (decl && !decl.abstract) {
      this.element(child, decl, path);
    } else if (!decl && this.typedByXsi(child, path)) {
      return;
    } else if (wildcard.process === 'strict') {
      this.error('evfw.content.strict-unknown', `<${short(child.name)}> (namespace "${child.namespace}") must be validated strictly, but no known schema declares it`, child, path);
    } else {
      this.laxChildren(child, path);
    }
  }

  /** Children of an undeclared element under lax processing: each known element is validated. */
  private laxChildren(source: SourceElement, path: string): void {
    for (const [child, at] of childPaths(path, source)) {
      const decl = this.registry.element(componentKey(child.namespace, child.name));
      if (decl && !decl.abstract) this.element(child, decl, at);
      else if (decl || !this.typedByXsi(child, at)) this.laxChildren(child, at);
    }
  }

  /**
   * An element no declaration covers is validated against the type its xsi:type names, when
   * that resolves (XSD 1.0 Part 1, cvc-assess-elt 1.2.1.2); that satisfies a strict wildcard too.
   */
  private typedByXsi(child: SourceElement, path: string): boolean {
    const xsiType = child.attributes.find((a) => a.namespace === XSI && a.name === 'type');
    if (!xsiType) return false;
    const undeclared: ElementDescriptor = { namespace: child.namespace, name: child.name, type: { kind: 'any' } };
    if (!substituteType(this.registry, undeclared, xsiType.value, child).ok) return false;
    this.undeclared.add(undeclared);
    this.element(child, undeclared, path);
    return true;
  }

  private allCounts(group: { min: number; particles: readonly unknown[] }, bound: readonly BoundChild[], parent: SourceElement, path: string): void {
    for (const particle of group.particles as Leaf[]) {
      const uses = bound.filter((b) => b.leaf === particle);
      // In an xs:all group every particle may appear once at most, and not at all with maxOccurs 0.
      const extra = uses[particle.max === 0 ? 0 : 1];
      if (extra) this.error('evfw.content.unexpected', `<${short(extra.source.name)}> may ${particle.max === 0 ? 'not appear' : 'appear only once'} in <${short(parent.name)}>`, extra.source, path);
      const anyFromGroup = bound.some((b) => (group.particles as Leaf[]).includes(b.leaf));
      // An optional xs:all group may be absent as a whole; a required one (minOccurs 1) may not.
      if (uses.length === 0 && particle.min > 0 && (anyFromGroup || group.min > 0)) this.missing(parent, [particle], path);
    }
  }

  // ---- Attributes ---------------------------------------------------------------------------

  private attributes(source: SourceElement, type: ComplexTypeDescriptor, path: string, model: Record<string, unknown>): void {
    const seen = new Set<AttributeDescriptor>();
    const extra: { namespace: string; name: string; value: string; prefix?: string }[] = [];
    /** Attributes the wildcard matched whose declaration is of type xs:ID. */
    const wildcardIds: SourceAttribute[] = [];
    for (const attribute of source.attributes) {
      const at = `${path}/@${attribute.prefix ? `${short(attribute.prefix)}:` : ''}${short(attribute.name)}`;
      if (attribute.namespace === XSI) continue; // hints and xsi:type are not followed (D-18)
      let use = type.attributes.find((a) => a.namespace === attribute.namespace && a.name === attribute.name);
      if (!use) {
        const deviation = attribute.namespace === '' ? attributeDeviation(source.namespace, source.name, attribute.name) : undefined;
        const meant = deviation && type.attributes.find((a) => a.namespace === '' && a.name === deviation.meant);
        if (deviation && meant) {
          const accepted = this.options.compat.includes(deviation.compat);
          this.report({
            code: 'evfw.attribute.flag-deviation',
            severity: accepted ? 'warning' : 'error',
            message: deviation.message,
            hint: accepted
              ? `read as "${deviation.meant}" because of the compat option "${deviation.compat}"`
              : `rename it to ${deviation.meant}="${excerpt(attribute.value)}", or accept it with the compat option "${deviation.compat}"`,
            line: attribute.line,
            column: attribute.column,
            path: at,
          });
          if (!accepted || source.attributes.some((a) => a.namespace === '' && a.name === deviation.meant)) {
            seen.add(meant); // do not also report the meant attribute as missing
            continue;
          }
          use = meant;
        }
      }
      if (use) {
        seen.add(use);
        const value = this.attributeValue(use, attribute, source, at);
        if (value !== undefined) model[use.property] = value;
        continue;
      }
      const key = componentKey(attribute.namespace, attribute.name);
      if (type.anyAttribute && wildcardAllows(type.anyAttribute, attribute.namespace) && !type.prohibited?.includes(key)) {
        const global = type.anyAttribute.process === 'skip' ? undefined : this.registry.attribute(key);
        if (global) {
          this.attributeValue(global, attribute, source, at);
          if (identifierKind(global.type) === 'id') wildcardIds.push(attribute);
        } else if (type.anyAttribute.process === 'strict') {
          this.error('evfw.attribute.unknown', `attribute "${short(attribute.name)}" (namespace "${attribute.namespace}") must be validated strictly, but no known schema declares it`, attribute, at);
        }
        extra.push({ namespace: attribute.namespace, name: attribute.name, value: attribute.value });
        continue;
      }
      const names = type.attributes.map((a) => a.name);
      const close = names.find((n) => nearlyEqual(n, attribute.name));
      this.error(
        'evfw.attribute.unknown',
        `attribute "${short(attribute.name)}" is not allowed on <${short(source.name)}>${names.length ? `; allowed: ${names.join(', ')}` : ''}`,
        attribute,
        at,
        close ? `did you mean "${close}"?` : undefined,
      );
    }
    for (const use of type.attributes) {
      if (use.required && !seen.has(use)) {
        this.error('evfw.attribute.required', `<${short(source.name)}> is missing the required attribute "${use.name}"`, source, path, `add ${use.name}="..."`);
      } else if (!seen.has(use)) {
        this.suppliedAttribute(source, use, path);
      }
    }
    // cvc-complex-type 5: the wildcard may match one xs:ID attribute at most, and none when the
    // type declares one itself.
    const second = wildcardIds.length > 1 ? wildcardIds[1] : type.attributes.some((a) => identifierKind(a.type) === 'id') ? wildcardIds[0] : undefined;
    if (second) {
      this.error('evfw.id.wildcard', `attribute "${short(second.name)}" is an xs:ID matched by the attribute wildcard of <${short(source.name)}>, which already has an xs:ID attribute`, second, `${path}/@${short(second.name)}`, 'an element has one xs:ID attribute at most');
    }
    if (extra.length > 0) model.$attributes = extra;
  }

  private attributeValue(decl: AttributeDescriptor, attribute: SourceAttribute, owner: SourceElement, path: string): unknown {
    const result = checkSimpleValue(decl.type, attribute.value, owner);
    if (!result.ok) {
      const code: DiagnosticCode = result.fault === 'enum' ? 'evfw.attribute.enum' : result.fault === 'facet' ? 'evfw.attribute.facet' : 'evfw.attribute.datatype';
      this.error(code, `attribute "${short(attribute.name)}": ${result.message}`, attribute, path, result.hint);
      return undefined;
    }
    if (this.identity.active) this.identity.attributeType(attribute, decl.type);
    this.identifiers(decl.type, result.normalized, attribute, path);
    if (decl.fixed !== undefined && !sameValue(decl.type, attribute.value, decl.fixed, owner)) {
      this.error('evfw.attribute.fixed', `attribute "${short(attribute.name)}" must be "${excerpt(decl.fixed)}", not "${excerpt(attribute.value)}"`, attribute, path);
      return undefined;
    }
    return result.value;
  }

  /**
   * An absent attribute with a default or fixed value is in the document as the schema sees it
   * (XSD 1.0 Part 1, 3.4.5): an identity-constraint field can select it, and an IDREF default
   * must name an ID. The model is left as the document wrote it.
   */
  private suppliedAttribute(source: SourceElement, use: AttributeDescriptor, path: string): void {
    const value = use.default ?? use.fixed;
    if (value === undefined) return;
    if (this.identity.active) this.identity.defaulted(source, { namespace: use.namespace, name: use.name, value, type: use.type });
    const result = identifierKind(use.type) === undefined ? undefined : checkSimpleValue(use.type, value, source);
    if (result?.ok) this.identifiers(use.type, result.normalized, source, `${path}/@${short(use.name)}`);
  }

  /** xs:ID values must be unique in the document; xs:IDREF(S) values must name one. */
  private identifiers(type: SimpleTypeDescriptor, normalized: string, at: SourcePoint, path: string): void {
    const kind = identifierKind(type);
    if (kind === 'id') {
      const first = this.ids.get(normalized);
      if (first) this.error('evfw.id.duplicate', `the ID "${excerpt(normalized)}" is already used at line ${first.line}`, at, path);
      else this.ids.set(normalized, at);
    } else if (kind === 'idref') {
      for (const value of normalized.split(' ').filter(Boolean)) this.idrefs.push({ value, at, path });
    }
  }

  private noAttributes(source: SourceElement, path: string): void {
    for (const attribute of source.attributes) {
      if (attribute.namespace === XSI) continue;
      this.error('evfw.attribute.unknown', `attribute "${short(attribute.name)}" is not allowed: <${short(source.name)}> has a simple value and no attributes`, attribute, `${path}/@${short(attribute.name)}`);
    }
  }

  // ---- Text ---------------------------------------------------------------------------------

  /** The text of an element of simple content; undefined (and reported) when it has elements. */
  private simpleText(source: SourceElement, path: string): string | undefined {
    for (const [child, at] of childPaths(path, source)) {
      this.error('evfw.content.element-in-simple', `<${short(child.name)}> is not allowed inside <${short(source.name)}>, whose content is a simple value`, child, at);
      return undefined;
    }
    return source.children.map((c) => (c.kind === 'text' ? c.text : '')).join('');
  }

  private simpleValue(type: SimpleTypeDescriptor, text: string, decl: ElementDescriptor, source: SourceElement, path: string): unknown {
    // An empty element takes its default or fixed value (cvc-elt 5.1.2).
    const constraint = decl.default ?? decl.fixed;
    const effective = text === '' && constraint !== undefined ? constraint : text;
    const result = checkSimpleValue(type, effective, source);
    const at = source.children[0] ?? source;
    if (!result.ok) {
      const code: DiagnosticCode = result.fault === 'enum' ? 'evfw.value.enum' : result.fault === 'facet' ? 'evfw.value.facet' : 'evfw.value.datatype';
      this.error(code, `<${short(source.name)}>: ${result.message}`, at, path, result.hint);
      return undefined;
    }
    this.identifiers(type, result.normalized, at, path);
    if (decl.fixed !== undefined && text !== '' && !sameValue(type, text, decl.fixed, source)) {
      this.error('evfw.value.fixed', `<${short(source.name)}> must be "${excerpt(decl.fixed)}", not "${excerpt(text)}"`, at, path);
      return undefined;
    }
    // An empty element's value is its default (model/model-type-defaults.ts says how it is written back).
    return result.value;
  }

  /**
   * A fixed value on an element of xs:anyType or another mixed type: the element has no child
   * elements and its text is the fixed value, character for character (cvc-elt 5.2.2.2.1).
   */
  private fixedMixed(source: SourceElement, fixed: string, path: string): void {
    const text = source.children.map((c) => (c.kind === 'text' ? c.text : '')).join('');
    const hasElements = source.children.some((c) => c.kind === 'element');
    if (hasElements || (text !== '' && text !== fixed)) {
      this.error('evfw.value.fixed', `<${short(source.name)}> must be "${excerpt(fixed)}"${hasElements ? ', with no child elements' : `, not "${excerpt(text)}"`}`, source, path);
    }
  }

  private onlyWhitespace(source: SourceElement, path: string): void {
    for (const child of source.children) {
      if (child.kind === 'text' && /[^ \t\r\n]/.test(child.text)) {
        this.error('evfw.content.text', `text "${excerpt(child.text.trim())}" is not allowed in <${short(source.name)}>, which holds only elements`, child, path);
        return;
      }
    }
  }

  // ---- Messages -----------------------------------------------------------------------------

  private unexpected(child: SourceElement, parent: SourceElement, expected: readonly Leaf[], path: string, fault?: CountFault): void {
    const hint = ELEMENT_HINTS.get(componentKey(child.namespace, child.name));
    const where = child.namespace === parent.namespace ? '' : ` (namespace "${child.namespace}")`;
    const why = fault ? `: ${describeCountFault(fault)}` : '';
    this.error(
      'evfw.content.unexpected',
      `<${short(child.name)}>${where} is not allowed here in <${short(parent.name)}>${why}; expected ${describeExpected(expected, parent)}`,
      child,
      path,
      hint ?? namespaceHint(child, expected),
    );
  }

  private missing(parent: SourceElement, expected: readonly Leaf[], path: string, fault?: CountFault): void {
    const elements = expected.filter((l) => l.kind === 'element' && l.min > 0);
    const names = describeExpected(elements.length ? elements : expected, parent, false);
    const why = fault ? ` (${describeCountFault(fault)})` : '';
    this.error('evfw.content.missing', `<${short(parent.name)}> is incomplete: expected ${names} before its end${why}`, parent, path);
  }

  private contentBudget(child: SourceElement, parent: SourceElement, path: string): void {
    const { maxConfigurations } = CONTENT_MODEL_BUDGET;
    this.error(
      'evfw.limit.content-model',
      `checking the children of <${short(parent.name)}> stopped at <${short(child.name)}>: the counts of its content model leave too many ways to read them (over ${maxConfigurations.toLocaleString('en')} at once, or too much work per child)`,
      child,
      path,
      'make the nested minOccurs/maxOccurs of the schema unambiguous, or split the content into fewer nested repetitions',
    );
  }

  private error(code: DiagnosticCode, message: string, at: SourcePoint, path: string, hint?: string): void {
    this.report(hint ? { code, severity: 'error', message, line: at.line, column: at.column, path, hint } : { code, severity: 'error', message, line: at.line, column: at.column, path });
  }

  private report(d: Diagnostic): void {
    this.sink.add(d);
  }
}

/** Whether a simple type is xs:ID, xs:IDREF or IDREFS, or restricts one of them. */
export function identifierKind(type: SimpleTypeDescriptor): 'id' | 'idref' | undefined {
  if (type.kind === 'builtin') return type.name === 'ID' ? 'id' : type.name === 'IDREF' || type.name === 'IDREFS' ? 'idref' : undefined;
  if (type.kind === 'atomic') return identifierKind(type.base);
  if (type.kind === 'list') return identifierKind(type.item) === 'idref' ? 'idref' : undefined;
  return undefined;
}

/** A name as messages quote it: hostile documents can have names of any length. */
function short(name: string): string {
  return name.length > 64 ? excerpt(name, 64) : name;
}

/**
 * A simple value validated against the type xsi:type named, as the declared type reads it: a
 * derived type's lexical space lies inside its base's, so the declared type reads it too. An
 * empty element with a default keeps the value the reader gave it.
 */
function declaredReading(decl: ElementDescriptor, text: string, value: unknown, context: SourceElement): unknown {
  if (decl.type.kind !== 'simple' || text === '') return value;
  const declared = checkSimpleValue(decl.type.type, text, context);
  return declared.ok ? declared.value : value;
}

/**
 * Whether a value equals a fixed value constraint: in the value space (XSD 1.0 Part 1, cvc-elt
 * 5.2.2.2.2 and cvc-au), so "1.000" equals a fixed "1.0" for a float and "true" a fixed "1" for
 * a boolean, as identity constraints compare values (identity-values.ts).
 */
function sameValue(type: SimpleTypeDescriptor, lexical: string, fixed: string, context: SourceElement): boolean {
  const value = identityValue(type, lexical, context);
  return value !== undefined && value === identityValue(type, fixed, context);
}


function describeExpected(leaves: readonly Leaf[], parent: SourceElement, withEnd = true): string {
  const names = leaves.map((leaf) => {
    if (leaf.kind === 'any') {
      const ns = leaf.wildcard.namespaces;
      return ns.kind === 'any' ? 'any element' : ns.kind === 'other' ? 'an element of another namespace' : `an element of ${ns.namespaces.map((n) => n || 'no namespace').join(' or ')}`;
    }
    const name = leaf.element?.name ?? keyLocalName(leaf.ref!);
    return `<${name}>`;
  });
  const unique = [...new Set(names)];
  if (withEnd && unique.length === 0) return `nothing more (the end of <${short(parent.name)}>)`;
  if (unique.length === 0) return 'more content';
  return unique.length === 1 ? unique[0]! : `${unique.slice(0, -1).join(', ')} or ${unique.at(-1)}`;
}

/** An element that would be allowed in another namespace is usually a missing xmlns. */
function namespaceHint(child: SourceElement, expected: readonly Leaf[]): string | undefined {
  for (const leaf of expected) {
    if (leaf.kind !== 'element') continue;
    const key = leaf.element ? componentKey(leaf.element.namespace, leaf.element.name) : leaf.ref!;
    const namespace = keyNamespace(key);
    const name = keyLocalName(key);
    if (name === child.name && namespace !== child.namespace) {
      return `<${name}> is expected in namespace "${namespace}"; this one is in ${child.namespace ? `"${child.namespace}"` : 'no namespace'}`;
    }
  }
  return undefined;
}

/** Edit distance at most one, or a difference of case: worth a "did you mean". */
function nearlyEqual(a: string, b: string): boolean {
  if (a.toLowerCase() === b.toLowerCase()) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i);
}
