/**
 * What the facet checks need to know of a simple type: its variety, its primitive type, the
 * built-in at the bottom of its restriction chain, and its {facets} as XSD 1.0 part 2 defines
 * them (each restriction step's facets, with those of its base that it does not restate). Built
 * once per type definition from its base's, so a chain of restrictions costs its length.
 */
import type { SimpleTypeDescriptor } from '@evfw/runtime';
import { XSD_NAMESPACE, type FacetKind, type QName, type Source, type TypeDef, type TypeRef } from '../ir/ir.js';
import type { SchemaIndex } from '../ir/schema-index.js';

/**
 * 'absent' is xs:anySimpleType's: it has no variety, so no simple type may restrict it
 * (part 2 section 2.5.1: the variety of a restriction is its base's).
 */
export type Variety = 'atomic' | 'list' | 'union' | 'absent';

/** One facet of the single-valued kinds, as the type's {facets} hold it. */
export interface FacetValue {
  readonly value: string;
  readonly fixed: boolean;
  /** Where a schema wrote it; undefined for the implicit facets of the built-in types. */
  readonly source: Source | undefined;
}

/** The single-valued facets: one value per type, the nearest restriction step's. */
export type SingleFacetKind = Exclude<FacetKind, 'enumeration' | 'pattern'>;

export interface SimpleFacts {
  readonly variety: Variety;
  /** For an atomic type: its primitive built-in ('decimal' for xs:int); '' otherwise. */
  readonly primitive: string;
  /** For an atomic type: the built-in its restriction chain starts from ('int'); '' otherwise. */
  readonly builtin: string;
  readonly facets: ReadonlyMap<SingleFacetKind, FacetValue>;
  /** {final}: the derivations this type refuses to be a base, item or member type of. */
  readonly final: readonly string[];
}

const STRING_FAMILY = ['string', 'normalizedString', 'token', 'language', 'Name', 'NCName', 'NMTOKEN', 'ID', 'IDREF', 'ENTITY'];
const INTEGER_FAMILY = [
  'integer', 'nonPositiveInteger', 'negativeInteger', 'nonNegativeInteger', 'positiveInteger', 'long', 'unsignedLong',
  'int', 'short', 'byte', 'unsignedInt', 'unsignedShort', 'unsignedByte',
];
const PRIMITIVES = [
  'string', 'boolean', 'decimal', 'float', 'double', 'duration', 'dateTime', 'time', 'date', 'gYearMonth', 'gYear',
  'gMonthDay', 'gDay', 'gMonth', 'hexBinary', 'base64Binary', 'anyURI', 'QName', 'NOTATION',
];
/** The minInclusive and maxInclusive of the integer built-ins (part 2 section 3.3). */
const INTEGER_BOUNDS: Readonly<Record<string, readonly [string | undefined, string | undefined]>> = {
  nonPositiveInteger: [undefined, '0'],
  negativeInteger: [undefined, '-1'],
  nonNegativeInteger: ['0', undefined],
  positiveInteger: ['1', undefined],
  long: ['-9223372036854775808', '9223372036854775807'],
  unsignedLong: ['0', '18446744073709551615'],
  int: ['-2147483648', '2147483647'],
  short: ['-32768', '32767'],
  byte: ['-128', '127'],
  unsignedInt: ['0', '4294967295'],
  unsignedShort: ['0', '65535'],
  unsignedByte: ['0', '255'],
};
const BUILTIN_LISTS = ['NMTOKENS', 'IDREFS', 'ENTITIES'];

function implicit(value: string, fixed: boolean): FacetValue {
  return { value, fixed, source: undefined };
}

/** The facts of a built-in simple type; undefined for xs:anyType and names that are not built-ins. */
function builtinFacts(name: string): SimpleFacts | undefined {
  if (name === 'anySimpleType') return { variety: 'absent', primitive: '', builtin: '', facets: new Map(), final: [] };
  if (BUILTIN_LISTS.includes(name)) {
    const facets = new Map<SingleFacetKind, FacetValue>([['whiteSpace', implicit('collapse', true)], ['minLength', implicit('1', false)]]);
    return { variety: 'list', primitive: '', builtin: '', facets, final: [] };
  }
  let primitive: string | undefined;
  if (STRING_FAMILY.includes(name)) primitive = 'string';
  else if (INTEGER_FAMILY.includes(name)) primitive = 'decimal';
  else if (PRIMITIVES.includes(name)) primitive = name;
  if (primitive === undefined) return undefined;
  const facets = new Map<SingleFacetKind, FacetValue>();
  // Every primitive but string has whiteSpace collapse, fixed (part 2 section 3.2); the string
  // family tightens it step by step, never fixed.
  if (primitive !== 'string') facets.set('whiteSpace', implicit('collapse', true));
  else if (name === 'string') facets.set('whiteSpace', implicit('preserve', false));
  else if (name === 'normalizedString') facets.set('whiteSpace', implicit('replace', false));
  else facets.set('whiteSpace', implicit('collapse', false));
  // xs:integer has fractionDigits 0, fixed (part 2 section 3.3.13); its derived types bounds.
  if (INTEGER_FAMILY.includes(name)) facets.set('fractionDigits', implicit('0', true));
  const bounds = INTEGER_BOUNDS[name];
  if (bounds?.[0] !== undefined) facets.set('minInclusive', implicit(bounds[0], false));
  if (bounds?.[1] !== undefined) facets.set('maxInclusive', implicit(bounds[1], false));
  return { variety: 'atomic', primitive, builtin: name, facets, final: [] };
}

/** How a type's base, item or member type is found: its facts, or why there are none. */
export type Resolution =
  | { readonly kind: 'simple'; readonly facts: SimpleFacts }
  | { readonly kind: 'complex'; readonly name: QName | undefined }
  | { readonly kind: 'missing' };

export function typeName(ref: TypeRef): string {
  if (ref.kind === 'type-ref') return ref.ref.namespace === XSD_NAMESPACE ? `xs:${ref.ref.name}` : `"${ref.ref.name}"`;
  return ref.name ? `"${ref.name.name}"` : 'the anonymous simple type';
}

/** How much each whiteSpace value normalizes: a restriction may only go up. */
export const WHITESPACE_STRENGTH: ReadonlyMap<string, number> = new Map([
  ['preserve', 0],
  ['replace', 1],
  ['collapse', 2],
]);

/**
 * Facts of every simple type the checks meet, one computation per definition. A simpleContent
 * restriction's base may be a complex type; its value type is then that of its simple content.
 */
export class FactsTable {
  private readonly known = new Map<TypeDef, SimpleFacts | undefined>();

  constructor(private readonly index: SchemaIndex) {}

  resolve(ref: TypeRef | undefined): Resolution {
    if (!ref) return { kind: 'simple', facts: builtinFacts('anySimpleType') ?? absentFacts() };
    if (ref.kind === 'type-ref') {
      if (ref.ref.namespace === XSD_NAMESPACE) {
        const facts = builtinFacts(ref.ref.name);
        return facts ? { kind: 'simple', facts } : { kind: 'complex', name: ref.ref };
      }
      const def = this.index.type(ref.ref);
      if (!def) return { kind: 'missing' };
      if (def.kind === 'complex') return { kind: 'complex', name: def.name };
      return { kind: 'simple', facts: this.facts(def) };
    }
    if (ref.kind === 'complex') return { kind: 'complex', name: ref.name };
    return { kind: 'simple', facts: this.facts(ref) };
  }

  /** The value type of simple content: a simple type, or the simple content of the complex type named. */
  resolveContent(ref: TypeRef): Resolution {
    const complex = ref.kind === 'type-ref' ? this.index.type(ref.ref) : ref;
    if (complex?.kind === 'complex') {
      if (complex.content.kind !== 'simple') return { kind: 'complex', name: complex.name };
      return this.resolveContent(complex.content.type);
    }
    return this.resolve(ref);
  }

  /** The facts of a simple type definition; the base of a simpleContent restriction may be complex. */
  facts(def: Extract<TypeDef, { kind: 'simple' }>): SimpleFacts {
    const known = this.known.get(def);
    if (known) return known;
    const facts = this.compute(def);
    this.known.set(def, facts);
    return facts;
  }

  private compute(def: Extract<TypeDef, { kind: 'simple' }>): SimpleFacts {
    const own = new Map<SingleFacetKind, FacetValue>();
    for (const f of def.facets) {
      if (f.kind !== 'enumeration' && f.kind !== 'pattern') own.set(f.kind, { value: f.value, fixed: f.fixed, source: f.source });
    }
    if (def.variety === 'list') {
      own.set('whiteSpace', own.get('whiteSpace') ?? implicit('collapse', true));
      return { variety: 'list', primitive: '', builtin: '', facets: own, final: def.final };
    }
    if (def.variety === 'union') return { variety: 'union', primitive: '', builtin: '', facets: own, final: def.final };
    const base = def.base ? this.resolveContent(def.base) : { kind: 'missing' as const };
    const inherited = base.kind === 'simple' ? base.facts : absentFacts();
    const facets = new Map(inherited.facets);
    for (const [kind, value] of own) facets.set(kind, value);
    return { variety: inherited.variety, primitive: inherited.primitive, builtin: inherited.builtin, facets, final: def.final };
  }
}

function absentFacts(): SimpleFacts {
  return { variety: 'absent', primitive: '', builtin: '', facets: new Map(), final: [] };
}

/** The built-in at the bottom of an atomic type's chain, as a descriptor: where facet values compare. */
export function builtinDescriptor(facts: SimpleFacts): SimpleTypeDescriptor {
  return { kind: 'builtin', name: facts.builtin || 'anySimpleType' };
}
