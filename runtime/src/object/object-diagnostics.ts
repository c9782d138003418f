/**
 * validateObject's half in the runtime: the errors of a generated JSON Schema validator (ajv
 * standalone code, so no ajv at run time) turned into the diagnostics the XML validator writes,
 * with JSON-pointer paths (`/events/0/eventCpmImap/operations/0/flags`).
 *
 * A code says what the XML validator would say for the same rule, so the code depends on what
 * the property is in XML: a required attribute is evfw.attribute.required, a required element
 * evfw.content.missing. The generated validator's errors do not say which (their schema paths
 * are relative to each `$defs` entry), so the error's instance path is walked through the
 * schema descriptors and the value, as the serializer walks them (model/to-xml.ts).
 */
import type { Diagnostic, DiagnosticCode } from '../diagnostics.js';
import { excerpt } from '../diagnostics.js';
import { cut, printable, quote } from '../datatypes/messages.js';
import { nearMissHint } from '../datatypes/near-miss.js';
import { keyLocalName, type ComplexTypeDescriptor, type ElementDescriptor, type GroupParticleDescriptor, type ParticleDescriptor } from '../schema/descriptor.js';
import type { SchemaRegistry } from '../schema/registry.js';
import { findBranch, isMany } from '../model/bind-content.js';
import { mixedCases } from '../model/mixed-content.js';
import { ModelWalker } from '../model/walk-model.js';
import type { XmlSink } from '../model/xml-sink.js';

/** An error as ajv reports it (`{ keyword, instancePath, schemaPath, params, message }`). */
export interface ObjectSchemaError {
  readonly keyword: string;
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly params: Record<string, unknown>;
  readonly message?: string;
}

/** A generated validator: true when the value fits; otherwise `errors` says why. */
export interface ObjectValidator {
  (value: unknown): boolean;
  errors?: readonly ObjectSchemaError[] | null;
}

const VALUE_CODES = {
  attribute: { datatype: 'evfw.attribute.datatype', enum: 'evfw.attribute.enum', facet: 'evfw.attribute.facet' },
  value: { datatype: 'evfw.value.datatype', enum: 'evfw.value.enum', facet: 'evfw.value.facet' },
} as const satisfies Record<string, Record<string, DiagnosticCode>>;

/** What is at a place of the object, as far as diagnostic codes care. */
type Place =
  | { readonly kind: 'object'; readonly attributes: ComplexTypeDescriptor['attributes']; readonly particles: readonly ParticleDescriptor[]; readonly name: string; readonly mixed?: ParticleDescriptor }
  | { readonly kind: 'cases'; readonly particle: Extract<ParticleDescriptor, { kind: 'element' }>; readonly name: string }
  | { readonly kind: 'array'; readonly particle: ParticleDescriptor; readonly name: string }
  | { readonly kind: 'simple'; readonly of: 'attribute' | 'value'; readonly name: string }
  | { readonly kind: 'opaque'; readonly name: string }
  /** Mixed content's `$content` array, and one item of it (mixed-content.ts). */
  | { readonly kind: 'mixed' | 'mixed-item'; readonly particle: ParticleDescriptor; readonly name: string };

type Model = Record<string, unknown>;

/** The diagnostics of `value` as the document whose root is `rootKey`: empty when it fits. */
export function objectDiagnostics(registry: SchemaRegistry, rootKey: string, validate: ObjectValidator, value: unknown): Diagnostic[] {
  const decl = registry.element(rootKey);
  if (validate(value)) return decl ? mixedOrderDiagnostics(registry, decl, value) : [];
  if (!decl) throw new Error(`evfw: no global element ${rootKey}; regenerate the package`);
  const walker = new PlaceWalker(registry);
  const all = (validate.errors ?? []).map((error) => toDiagnostic(error, walker.trail(decl, value, pointerSegments(error.instancePath))));
  return onePerValue(all);
}

/**
 * Mixed content's `$content` fits the JSON Schema item by item, but the order of its children is
 * the content model's to say: the model walk runs them through the content automaton, as the
 * XML validator runs a document's children, and its faults are reported here. Only registries
 * with a mixed type pay for the walk.
 */
function mixedOrderDiagnostics(registry: SchemaRegistry, decl: ElementDescriptor, value: unknown): Diagnostic[] {
  if (!hasMixedContent(registry)) return [];
  const walker = new ModelWalker(registry, DISCARD);
  walker.document(decl, value, decl.name);
  return walker.contentFaults.map((f) => ({ code: f.code, severity: 'error', message: `${f.pointer || '/'}: ${f.message}`, line: 0, column: 0, path: f.pointer }));
}

const mixedByRegistry = new WeakMap<SchemaRegistry, boolean>();

function hasMixedContent(registry: SchemaRegistry): boolean {
  let found = mixedByRegistry.get(registry);
  if (found === undefined) {
    found = registry.schemas.some((s) => s.complexTypes.some((t) => t.content.kind === 'elements' && t.content.mixed === true));
    mixedByRegistry.set(registry, found);
  }
  return found;
}

/** A sink that writes nothing: the walk is run for its checks alone. */
const DISCARD: XmlSink = { open() {}, attribute() {}, attributes() {}, text() {}, close() {}, verbatim() {} };

/** The XML validator checks a simple value's datatype, then its enumeration, then its facets, and reports the first fault. */
const VALUE_FAULTS = ['datatype', 'enum', 'facet'];

function onePerValue(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const rank = (d: Diagnostic) => VALUE_FAULTS.indexOf(d.code.replace(/^evfw\.(attribute|value)\./, ''));
  const best = new Map<string, Diagnostic>();
  for (const d of diagnostics) {
    if (!/^evfw\.(attribute|value)\.(datatype|enum|facet)$/.test(d.code)) continue;
    const kept = best.get(d.path);
    if (!kept || rank(d) < rank(kept)) best.set(d.path, d);
  }
  return diagnostics.filter((d) => !/^evfw\.(attribute|value)\.(datatype|enum|facet)$/.test(d.code) || best.get(d.path) === d);
}

/** A place and the value found there, for each step of an instance path (the root first). */
type Trail = readonly { readonly place: Place; readonly value: unknown }[];

function toDiagnostic(e: ObjectSchemaError, trail: Trail): Diagnostic {
  const missing = typeof e.params.missingProperty === 'string' ? e.params.missingProperty : undefined;
  const extra = typeof e.params.additionalProperty === 'string' ? e.params.additionalProperty : undefined;
  const path = missing !== undefined ? `${e.instancePath}/${escape(missing)}` : extra !== undefined ? `${e.instancePath}/${escape(extra)}` : e.instancePath;
  const [code, message, hint] = codeOf(e, trail, missing, extra);
  return hint ? { code, severity: 'error', message, line: 0, column: 0, path, hint } : { code, severity: 'error', message, line: 0, column: 0, path };
}

function codeOf(e: ObjectSchemaError, trail: Trail, missing: string | undefined, extra: string | undefined): [DiagnosticCode, string, string?] {
  const { place, value } = trail[trail.length - 1]!;
  const at = place.name;
  const detail = e.message ?? e.keyword;
  if (place.kind === 'simple') {
    // Facets sit in `allOf` entries; a keyword outside them states the datatype itself.
    const facet = /\/allOf\/\d+\/[^/]+$/.test(e.schemaPath);
    const which = e.keyword === 'enum' ? 'enum' : facet ? 'facet' : 'datatype';
    const what = place.of === 'attribute' ? `attribute ${at}` : `the value of ${at}`;
    const reason = which === 'enum' ? `is not one of ${listOf(e.params.allowedValues)}` : which === 'facet' ? `breaks a facet of its type: ${detail}` : `is not a value of its datatype: ${detail}`;
    const hint = which === 'enum' ? enumHint(value, e.params.allowedValues) : undefined;
    return hint ? [VALUE_CODES[place.of][which], `${what} ${reason}`, hint] : [VALUE_CODES[place.of][which], `${what} ${reason}`];
  }
  // dependentRequired: a member of an optional sequence that came without the rest of it.
  if ((e.keyword === 'required' || e.keyword === 'dependentRequired') && missing !== undefined && place.kind === 'object') {
    const use = place.attributes.find((a) => a.property === missing);
    if (use) return ['evfw.attribute.required', `${at} lacks the required attribute "${use.name}"`];
    const particle = findProperty(place.particles, missing);
    if (particle) return missingElement(`${at} lacks ${describeParticle(particle)} (property "${missing}")`, place.particles, missing, value);
  }
  if (place.kind === 'array' && (e.keyword === 'minItems' || e.keyword === 'maxItems')) {
    if (e.keyword === 'maxItems') return ['evfw.content.unexpected', `${at} occurs too often: at most ${String(e.params.limit)} times`];
    const holder = trail[trail.length - 2];
    const property = place.particle.property!;
    const particles = holder?.place.kind === 'object' ? holder.place.particles : [];
    return missingElement(`${at} occurs too seldom: at least ${String(e.params.limit)} times (property "${property}")`, particles, property, holder?.value);
  }
  if (extra !== undefined) return ['evfw.model.invalid', `${at} has no property "${excerpt(extra, 40)}" in the model`];
  return ['evfw.model.invalid', `${at} does not fit the model: ${detail}`];
}

/**
 * A required element that is missing. The XML validator reads children in order, so it reports
 * a missing element as evfw.content.missing only when nothing follows it; when a later sibling
 * is there, that sibling comes too early and it reports evfw.content.unexpected. The object
 * knows which later properties have values, so it says what the XML validator would.
 */
function missingElement(sentence: string, particles: readonly ParticleDescriptor[], property: string, holder: unknown): [DiagnosticCode, string] {
  const ordered = inOrder(particles);
  const at = ordered.findIndex((p) => p.property === property);
  const next = at < 0 || !isRecord(holder) ? undefined : ordered.slice(at + 1).find((p) => hasValue(holder[p.property!]));
  if (next === undefined) return ['evfw.content.missing', `${sentence}, which XML requires before the end of its parent`];
  return ['evfw.content.unexpected', `${sentence}, so in XML ${describeParticle(next)} comes where it is required`];
}

/** The properties of a holder in document order; none when an xs:all group leaves the order open. */
function inOrder(particles: readonly ParticleDescriptor[]): ParticleDescriptor[] {
  return particles.flatMap((p): ParticleDescriptor[] => {
    if (p.property !== undefined) return [p];
    if (p.kind === 'sequence') return inOrder(p.particles);
    return [];
  });
}

function hasValue(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : value !== undefined;
}

/** Walks an instance path through the descriptors, reading `$case`s from the value. */
class PlaceWalker {
  constructor(private readonly registry: SchemaRegistry) {}

  trail(root: ElementDescriptor, value: unknown, segments: readonly string[]): Trail {
    const out = [{ place: this.elementPlace(root), value }];
    for (const segment of segments) {
      const { place, value: current } = out[out.length - 1]!;
      out.push({ place: this.step(place, current, segment), value: isRecord(current) || Array.isArray(current) ? (current as Model)[segment] : undefined });
    }
    return out;
  }

  private step(place: Place, value: unknown, segment: string): Place {
    switch (place.kind) {
      case 'simple':
      case 'opaque':
        return place;
      case 'mixed':
        return { ...place, kind: 'mixed-item', name: `${place.name}[${segment}]` };
      case 'mixed-item': {
        // The segment is the `$case` property that holds the child.
        const chosen = mixedCases(place.particle).get(segment);
        if (!chosen || chosen.leaf.kind === 'any') return { kind: 'opaque', name: place.name };
        const leaf = chosen.leaf;
        const decl = chosen.ref !== undefined ? this.registry.element(chosen.ref) : (leaf.element ?? (leaf.ref === undefined ? undefined : this.registry.element(leaf.ref)));
        return decl ? this.elementPlace(decl) : { kind: 'opaque', name: place.name };
      }
      case 'array':
        return this.occurrence(place.particle, isRecord(value) || Array.isArray(value) ? (value as Model)[segment] : undefined, `${place.name}[${segment}]`);
      case 'cases': {
        const chosen = place.particle.cases!.find((c) => c.property === segment);
        const decl = chosen && this.registry.element(chosen.ref);
        return decl ? this.elementPlace(decl) : { kind: 'opaque', name: place.name };
      }
      case 'object': {
        const use = place.attributes.find((a) => a.property === segment);
        if (use) return { kind: 'simple', of: 'attribute', name: `"${use.name}" of ${place.name}` };
        if (segment === '$value') return { kind: 'simple', of: 'value', name: place.name };
        if (segment === '$content' && place.mixed) return { kind: 'mixed', particle: place.mixed, name: place.name };
        const particle = findProperty(place.particles, segment);
        if (!particle) return { kind: 'opaque', name: place.name };
        return isMany(particle) ? { kind: 'array', particle, name: describeParticle(particle) } : this.occurrence(particle, isRecord(value) ? value[segment] : undefined, describeParticle(particle));
      }
    }
  }

  /** One occurrence of a particle's value. */
  private occurrence(p: ParticleDescriptor, value: unknown, name: string): Place {
    switch (p.kind) {
      case 'element':
        if (p.cases) return { kind: 'cases', particle: p, name };
        return this.elementPlace(p.element ?? this.registry.element(p.ref!)!);
      case 'any':
        return { kind: 'opaque', name };
      case 'choice':
        return this.branch(p, value, name);
      case 'sequence':
      case 'all': {
        const only = p.particles.length === 1 ? p.particles[0] : undefined;
        if (only?.kind === 'choice' && only.property === p.property) return this.branch(only, value, name);
        return { kind: 'object', attributes: [], particles: p.particles, name };
      }
    }
  }

  private branch(choice: GroupParticleDescriptor, value: unknown, name: string): Place {
    const found = isRecord(value) ? findBranch(choice, value.$case) : undefined;
    if (!found) return { kind: 'object', attributes: [], particles: [], name };
    if ((found.kind === 'sequence' || found.kind === 'all') && !isMany(found)) return { kind: 'object', attributes: [], particles: found.particles, name };
    if (found.kind === 'element' && found.cases && !isMany(found)) return { kind: 'cases', particle: found, name };
    return { kind: 'object', attributes: [], particles: [found], name };
  }

  private elementPlace(decl: ElementDescriptor): Place {
    const name = `<${decl.name}>`;
    if (decl.type.kind === 'simple') return { kind: 'simple', of: 'value', name };
    if (decl.type.kind === 'any') return { kind: 'opaque', name };
    const type = this.registry.complexType(decl.type.ref);
    const content = type.content;
    if (content.kind === 'elements' && content.mixed) return { kind: 'object', attributes: type.attributes, particles: [], name, mixed: content.particle };
    const particles = content.kind === 'elements' ? [content.particle] : [];
    return { kind: 'object', attributes: type.attributes, particles, name };
  }
}

/** The particle that fills `property`, looking into groups flattened into their holder. */
function findProperty(particles: readonly ParticleDescriptor[], property: string): ParticleDescriptor | undefined {
  for (const p of particles) {
    if (p.property === property) return p;
    if (p.property === undefined && (p.kind === 'sequence' || p.kind === 'all')) {
      const inner = findProperty(p.particles, property);
      if (inner) return inner;
    }
  }
  return undefined;
}

function describeParticle(p: ParticleDescriptor): string {
  if (p.kind === 'element') {
    const name = p.element?.name ?? (p.ref === undefined ? undefined : keyLocalName(p.ref));
    return name !== undefined ? `<${name}>` : `"${p.property ?? 'element'}"`;
  }
  return `"${p.property ?? p.kind}"`;
}

function pointerSegments(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Allowed values as the schema writes them: strings quoted (`"\Seen"`), numbers and booleans bare. */
function listOf(values: unknown): string {
  if (!Array.isArray(values)) return 'the enumerated values';
  const shown = values.slice(0, 5).map((v) => (typeof v === 'string' ? quote(v) : printable(cut(String(v), 40))));
  return values.length > 5 ? `${shown.join(', ')}, ...` : shown.join(', ');
}

/** "did you mean ...?" for a string an enumeration of strings refused (near-miss.ts). */
function enumHint(value: unknown, allowed: unknown): string | undefined {
  if (typeof value !== 'string' || !Array.isArray(allowed)) return undefined;
  return nearMissHint(value, allowed.filter((v): v is string => typeof v === 'string'));
}

function isRecord(value: unknown): value is Model {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
