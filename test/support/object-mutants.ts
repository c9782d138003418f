/**
 * Mutants of the plain-object form: from a valid model object, one fault of a kind that object
 * form can hold and JSON Schema can state (D-68), mirroring runtime/src/testing's XML fault
 * kinds of the same names. Each mutant carries the XML the serializer's tree writer makes of
 * the mutated object, so a test can ask the XML validator what it says about the same fault.
 *
 * Representable kinds: a required attribute or element left out, an array emptied below its
 * minOccurs or grown past its maxOccurs, and a simple value (attribute, element value, `$value`)
 * of the right JavaScript type outside its enumeration, its lexical space (where the model keeps
 * the lexical form and JSON Schema states it by pattern, or the range of a 32-bit integer) or a
 * length, pattern or numeric range facet.
 */
import { checkSimpleValue, lexicalOf, type SimpleTypeDescriptor } from '../../runtime/src/datatypes/index.js';
import type { ComplexTypeDescriptor, ElementDescriptor, GroupParticleDescriptor, ParticleDescriptor } from '../../runtime/src/schema/descriptor.js';
import type { SchemaRegistry } from '../../runtime/src/schema/registry.js';
import { findBranch, isMany } from '../../runtime/src/model/bind-content.js';
import { ModelWriter } from '../../runtime/src/model/to-xml.js';
import { writeXml } from '../../runtime/src/xml/write-xml.js';

export const OBJECT_FAULT_KINDS = [
  'missing-required-attribute',
  'attribute-outside-enumeration',
  'attribute-bad-lexical-form',
  'attribute-facet-violated',
  'value-outside-enumeration',
  'value-bad-lexical-form',
  'value-facet-violated',
  'missing-required-element',
  'cardinality-exceeded',
  'cardinality-too-low',
] as const;

export type ObjectFaultKind = (typeof OBJECT_FAULT_KINDS)[number];

export interface ObjectMutant {
  readonly kind: ObjectFaultKind;
  /** JSON pointer of the fault. */
  readonly path: string;
  readonly value: unknown;
  /** The mutated object written as XML, for the XML validator. */
  readonly xml: string;
}

type Model = Record<string, unknown>;
type Segment = string | number;

interface Site {
  readonly kind: ObjectFaultKind;
  readonly path: readonly Segment[];
  /** Changes the (cloned) holder of the last segment; false when nothing fits after all. */
  readonly apply: (holder: Model | unknown[], last: Segment) => boolean;
}

/** Model values of these builtins keep a lexical form that JSON Schema states with a pattern. */
const PATTERNED = new Set(['decimal', 'integer', 'long', 'nonPositiveInteger', 'negativeInteger', 'nonNegativeInteger', 'positiveInteger', 'unsignedLong', 'dateTime', 'date', 'time', 'gYear', 'gYearMonth', 'gMonth', 'gMonthDay', 'gDay', 'duration', 'hexBinary', 'language', 'Name', 'NCName', 'ID', 'IDREF', 'ENTITY', 'NMTOKEN', 'QName']);
const NUMBER_TYPES = new Set(['int', 'short', 'byte', 'unsignedInt', 'unsignedShort', 'unsignedByte', 'float', 'double']);
const BAD_LEXICAL = ['not a value', '2000-13-45', '1.5.2', '%zz', ':', 'x y'];
const BAD_NUMBERS = [-1, 256, 70000, -129, 3000000000, -3000000000, 99999999999];

export function objectMutants(registry: SchemaRegistry, rootKey: string, value: unknown, pick: (count: number) => number): ObjectMutant[] {
  const root = registry.element(rootKey)!;
  const sites: Site[] = [];
  new SiteFinder(registry, sites).element(root, value, []);
  const out: ObjectMutant[] = [];
  for (const kind of OBJECT_FAULT_KINDS) {
    const ofKind = sites.filter((s) => s.kind === kind);
    if (ofKind.length === 0) continue;
    const site = ofKind[pick(ofKind.length) % ofKind.length]!;
    const mutated = structuredClone(value);
    const holder = site.path.slice(0, -1).reduce<unknown>((v, s) => (v as Model)[s as string], mutated) as Model;
    if (!site.apply(holder, site.path[site.path.length - 1]!)) continue;
    out.push({ kind, path: pointer(site.path), value: mutated, xml: writeModel(registry, root, mutated) });
  }
  return out;
}

/** The XML of a model object; a left-out required property is left out of the XML too. */
function writeModel(registry: SchemaRegistry, root: ElementDescriptor, value: unknown): string {
  const writer = new ModelWriter(registry);
  const tree = writer.element(root, value, root.name);
  const other = writer.problems.filter((p) => !/required|missing|at most \d+ allowed/.test(p.message));
  if (other.length > 0) throw new Error(`the mutated object does not fit the model: ${other.map((p) => p.message).join('; ')}`);
  return writeXml(tree, { prefixes: (ns) => registry.preferredPrefix(ns), verbatim: (e) => !registry.knowsNamespace(e.namespace) });
}

function pointer(path: readonly Segment[]): string {
  return path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

class SiteFinder {
  constructor(
    private readonly registry: SchemaRegistry,
    private readonly sites: Site[],
  ) {}

  element(decl: ElementDescriptor, value: unknown, path: Segment[]): void {
    if (decl.type.kind === 'simple') {
      this.simple('value', decl.type.type, value, path);
      return;
    }
    if (decl.type.kind === 'complex' && isRecord(value)) this.complex(this.registry.complexType(decl.type.ref), value, path);
  }

  private complex(type: ComplexTypeDescriptor, value: Model, path: Segment[]): void {
    for (const use of type.attributes) {
      const v = value[use.property];
      if (v === undefined) continue;
      const at = [...path, use.property];
      if (use.required) this.sites.push({ kind: 'missing-required-attribute', path: at, apply: (h, k) => delete (h as Model)[k as string] });
      this.simple('attribute', use.type, v, at);
    }
    if (type.content.kind === 'simple') this.simple('value', type.content.type, value.$value, [...path, '$value']);
    if (type.content.kind === 'elements') this.particle(type.content.particle, value, path, false);
  }

  /** `item`: the holder is one item of a repeated group, which is no occurrence at all once empty. */
  private particle(p: ParticleDescriptor, holder: Model, path: Segment[], optional: boolean, item = false): void {
    if (p.property === undefined) {
      if (p.kind === 'sequence' || p.kind === 'all') for (const c of p.particles) this.particle(c, holder, path, optional || p.min === 0, item);
      return;
    }
    const at = [...path, p.property];
    const raw = holder[p.property];
    if (isMany(p)) {
      if (!Array.isArray(raw)) return;
      if (p.max !== 'unbounded' && raw.length === p.max && raw.length > 0) {
        this.sites.push({ kind: 'cardinality-exceeded', path: at, apply: (h, k) => { const a = (h as Model)[k as string] as unknown[]; a.push(structuredClone(a[a.length - 1])); return true; } });
      }
      if (!optional && p.min > 0 && raw.length === p.min) {
        this.sites.push({ kind: 'cardinality-too-low', path: at, apply: (h, k) => { ((h as Model)[k as string] as unknown[]).pop(); return true; } });
      }
      raw.forEach((item, i) => this.occurrence(p, item, [...at, i]));
      return;
    }
    if (raw === undefined) return;
    const remove = (h: Model | unknown[], k: Segment) => {
      delete (h as Model)[k as string];
      // An item left empty has no XML counterpart: it is no occurrence, not an incomplete one.
      return !item || Object.entries(h as Model).some(([key, v]) => key !== '$case' && (Array.isArray(v) ? v.length > 0 : v !== undefined));
    };
    if (!optional && p.min > 0) this.sites.push({ kind: 'missing-required-element', path: at, apply: remove });
    this.occurrence(p, raw, at);
  }

  private occurrence(p: ParticleDescriptor, value: unknown, path: Segment[]): void {
    switch (p.kind) {
      case 'element': {
        if (p.cases) {
          if (!isRecord(value)) return;
          const chosen = p.cases.find((c) => c.property === value.$case);
          if (chosen) this.element(this.registry.element(chosen.ref)!, value[chosen.property], [...path, chosen.property]);
          return;
        }
        this.element(p.element ?? this.registry.element(p.ref!)!, value, path);
        return;
      }
      case 'any':
        return;
      case 'choice':
        this.branch(p, value, path);
        return;
      case 'sequence':
      case 'all': {
        const only = p.particles.length === 1 ? p.particles[0] : undefined;
        if (only?.kind === 'choice' && only.property === p.property) this.branch(only, value, path);
        else if (isRecord(value)) for (const c of p.particles) this.particle(c, value, path, false, true);
      }
    }
  }

  private branch(choice: GroupParticleDescriptor, value: unknown, path: Segment[]): void {
    if (!isRecord(value)) return;
    const found = findBranch(choice, value.$case);
    if (!found) return;
    if ((found.kind === 'sequence' || found.kind === 'all') && !isMany(found)) for (const c of found.particles) this.particle(c, value, path, false, true);
    else if (found.kind === 'element' && found.cases && !isMany(found)) this.occurrence(found, value, path);
    // A branch's own property is never left out: `{ $case }` alone has no XML counterpart.
    else if (isMany(found)) this.particle(found, value, path, true);
    else if (value[found.property!] !== undefined) this.occurrence(found, value[found.property!], [...path, found.property!]);
  }

  /** Enumeration, lexical-form and facet faults of one simple value. */
  private simple(of: 'attribute' | 'value', type: SimpleTypeDescriptor, value: unknown, path: Segment[]): void {
    if (type.kind === 'list' || type.kind === 'union') return;
    const current = lexicalOf(type, value);
    if (current === undefined) return;
    const root = rootBuiltin(type);
    const numeric = NUMBER_TYPES.has(root);
    const add = (kind: ObjectFaultKind, candidates: readonly unknown[], fault: 'enum' | 'datatype' | 'facet') => {
      const found = candidates.find((c) => {
        const lexical = lexicalOf(type, c);
        if (lexical === undefined) return false;
        const r = checkSimpleValue(type, lexical);
        return !r.ok && r.fault === fault;
      });
      if (found !== undefined) this.sites.push({ kind, path, apply: (h, k) => { (h as Model)[k as string] = found; return true; } });
    };
    const facts = facetsOf(type);
    if (facts.enumeration) add(of === 'attribute' ? 'attribute-outside-enumeration' : 'value-outside-enumeration', numeric ? BAD_NUMBERS : [...facts.enumeration.map((v) => `${v}x`), 'not-allowed', 'x'], 'enum');
    if (numeric) add(of === 'attribute' ? 'attribute-bad-lexical-form' : 'value-bad-lexical-form', BAD_NUMBERS, 'datatype');
    else if (PATTERNED.has(root)) add(of === 'attribute' ? 'attribute-bad-lexical-form' : 'value-bad-lexical-form', BAD_LEXICAL, 'datatype');
    const facetCandidates = numeric ? numberFacetCandidates(facts) : stringFacetCandidates(facts, current, root);
    add(of === 'attribute' ? 'attribute-facet-violated' : 'value-facet-violated', facetCandidates, 'facet');
  }
}

interface Facts {
  enumeration?: readonly string[];
  minLength?: number;
  maxLength?: number;
  patterns: boolean;
  bounds: number[];
}

/** The facets of a derivation chain that JSON Schema states (D-67). */
function facetsOf(type: SimpleTypeDescriptor): Facts {
  const facts: Facts = { patterns: false, bounds: [] };
  for (let t: SimpleTypeDescriptor = type; t.kind === 'atomic'; t = t.base) {
    const f = t.facets;
    facts.enumeration ??= f.enumeration;
    if (f.length !== undefined) {
      facts.minLength ??= f.length;
      facts.maxLength ??= f.length;
    }
    facts.minLength ??= f.minLength;
    facts.maxLength ??= f.maxLength;
    if (f.patterns?.length) facts.patterns = true;
    for (const b of [f.minInclusive, f.maxInclusive, f.minExclusive, f.maxExclusive]) if (b !== undefined) facts.bounds.push(Number(b));
  }
  return facts;
}

function stringFacetCandidates(f: Facts, current: string, root: string): string[] {
  const out: string[] = [];
  if (['hexBinary', 'base64Binary', 'QName', 'NOTATION'].includes(root)) return f.patterns ? [`${current}!`, `!${current}`, current.slice(1), '', 'x', '0'] : [];
  const unit = [...current][0] ?? 'x';
  if (f.maxLength !== undefined) out.push(unit.repeat(f.maxLength + 1), 'x'.repeat(f.maxLength + 1));
  if (f.minLength !== undefined && f.minLength > 0) out.push(unit.repeat(f.minLength - 1), 'x'.repeat(f.minLength - 1));
  if (f.patterns) out.push(`${current}!`, `!${current}`, current.slice(1), `${current}${current}`, '', 'x', '0');
  return out;
}

function numberFacetCandidates(f: Facts): number[] {
  return f.bounds.flatMap((b) => [b - 1, b + 1, b]);
}

function rootBuiltin(type: SimpleTypeDescriptor): string {
  let t = type;
  while (t.kind === 'atomic') t = t.base;
  return t.kind === 'builtin' ? t.name : '';
}

function isRecord(value: unknown): value is Model {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
