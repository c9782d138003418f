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
  type WildcardDescriptor,
} from '../schema/descriptor.js';
import type { SchemaRegistry } from '../schema/registry.js';
import { bindContent, type BoundChild } from '../model/bind-content.js';
import { toXmlElement } from '../model/xml-element.js';
import type { SourceAttribute, SourceElement, SourcePoint } from '../xml/source-tree.js';
import { CONTENT_MODEL_BUDGET } from '../limits.js';
import { automatonFor, type Leaf } from './content-automaton.js';
import { describeCountFault, type CountFault } from './count-faults.js';
import { childPaths } from './element-paths.js';
import { checkIdentityConstraints } from './identity-constraints.js';
import { ELEMENT_HINTS, attributeDeviation, type CompatOption } from './known-deviations.js';

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
    const type = decl.type;
    if (!this.instanceAttributes(source, decl, path)) return undefined;
    if (type.kind === 'any') {
      this.laxChildren(source, path);
      value = toXmlElement(source);
    } else if (type.kind === 'simple') {
      this.noAttributes(source, path);
      const text = this.simpleText(source, path);
      value = text === undefined ? undefined : this.simpleValue(type.type, text, decl, source, path);
    } else {
      value = this.complex(source, this.registry.complexType(type.ref), path, decl);
    }
    if (decl.identity) checkIdentityConstraints(source, decl.identity, path, (d) => this.report(d));
    return this.sink.errorCount === errorsBefore ? value : undefined;
  }

  /**
   * xsi:type and xsi:nil. evfw does not substitute types, so an xsi:type naming anything but
   * the declared type is an error (libxml2 would validate against the named type); xsi:nil is
   * allowed only where the declaration is nillable. Returns false when the element is done.
   */
  private instanceAttributes(source: SourceElement, decl: ElementDescriptor, path: string): boolean {
    for (const attribute of source.attributes) {
      if (attribute.namespace !== XSI) continue;
      const at = `${path}/@${attribute.prefix}:${short(attribute.name)}`;
      if (attribute.name === 'type') {
        const colon = attribute.value.indexOf(':');
        const prefix = colon < 0 ? '' : attribute.value.slice(0, colon).trim();
        const named = componentKey(source.lookupNamespace(prefix) ?? '', attribute.value.slice(colon + 1).trim());
        if (decl.type.kind !== 'complex' || decl.type.ref !== named) {
          this.error('evfw.xsi.type', `xsi:type="${excerpt(attribute.value)}" on <${short(source.name)}>: evfw validates against the declared type and does not substitute another`, attribute, at, 'remove xsi:type');
        }
      } else if (attribute.name === 'nil') {
        const nil = attribute.value.trim() === 'true' || attribute.value.trim() === '1';
        if (!decl.nillable) {
          this.error('evfw.xsi.nil', `<${short(source.name)}> is not nillable, so xsi:nil is not allowed on it`, attribute, at, 'remove xsi:nil');
        } else if (nil) {
          if (source.children.some((c) => c.kind === 'element' || c.text !== '')) this.error('evfw.xsi.nil', `<${short(source.name)}> has xsi:nil="true" and must then be empty`, source, path);
          return false;
        }
      }
    }
    return true;
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
    this.onlyWhitespace(source, path);
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
    bindContent(model, content.particle, bound);
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
      else this.laxChildren(child, at);
    }
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
        if (global) this.attributeValue(global, attribute, source, at);
        else if (type.anyAttribute.process === 'strict') {
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
      }
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
    this.identifiers(decl.type, result.normalized, attribute, path);
    if (decl.fixed !== undefined && result.normalized !== checkNormalized(decl.type, decl.fixed)) {
      this.error('evfw.attribute.fixed', `attribute "${short(attribute.name)}" must be "${excerpt(decl.fixed)}", not "${excerpt(attribute.value)}"`, attribute, path);
      return undefined;
    }
    return result.value;
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
    const effective = text === '' && decl.default !== undefined ? decl.default : text;
    const result = checkSimpleValue(type, effective, source);
    const at = source.children[0] ?? source;
    if (!result.ok) {
      const code: DiagnosticCode = result.fault === 'enum' ? 'evfw.value.enum' : result.fault === 'facet' ? 'evfw.value.facet' : 'evfw.value.datatype';
      this.error(code, `<${short(source.name)}>: ${result.message}`, at, path, result.hint);
      return undefined;
    }
    this.identifiers(type, result.normalized, at, path);
    if (decl.fixed !== undefined && text !== '' && result.normalized !== checkNormalized(type, decl.fixed)) {
      this.error('evfw.value.fixed', `<${short(source.name)}> must be "${excerpt(decl.fixed)}", not "${excerpt(text)}"`, at, path);
      return undefined;
    }
    // The model keeps what the document says: an empty element stays empty, not its default.
    return text === '' && decl.default !== undefined ? text : result.value;
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

function checkNormalized(type: SimpleTypeDescriptor, lexical: string): string | undefined {
  const result = checkSimpleValue(type, lexical);
  return result.ok ? result.normalized : undefined;
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
