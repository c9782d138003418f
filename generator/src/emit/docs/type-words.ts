/**
 * Types in words: the "Type" and "Allowed values" cells. A simple type's facets are gathered
 * along its derivation chain (the most derived enumeration and bound win; patterns of every
 * step apply together) and said the way an editor would: "one of "add"", "1 to 4294967295",
 * "at most 64 characters", "pattern [a-z]+".
 */
import { XSD_NAMESPACE, type Facet, type FacetKind, type Schema, type SimpleType, type TypeRef } from '../../ir/ir.js';
import type { DocsContext } from './docs-context.js';
import { code, joinPhrases, normalizeSpace, text, type Phrase } from './docs-model.js';

/** What constrains a simple value, gathered from its type and every type it derives from. */
export interface SimpleFacts {
  /** The built-in type at the root of the chain (`string`, `integer`, `ID`, ...), or undefined when unknown. */
  readonly builtin: string | undefined;
  readonly variety: 'atomic' | 'list' | 'union';
  readonly enumerations: readonly { readonly value: string; readonly documentation: string }[] | undefined;
  /** One entry per derivation step; a value matches one pattern of every step. */
  readonly patterns: readonly (readonly string[])[];
  readonly facets: ReadonlyMap<FacetKind, string>;
  /** The bounds the built-in type implies (xs:positiveInteger: at least 1), said when no facet says otherwise. */
  readonly implied: ReadonlyMap<FacetKind, string>;
  readonly item: SimpleFacts | undefined;
  readonly members: readonly SimpleFacts[];
}

const NO_FACTS: SimpleFacts = { builtin: undefined, variety: 'atomic', enumerations: undefined, patterns: [], facets: new Map(), implied: new Map(), item: undefined, members: [] };

/** The value spaces of the built-in integer types, as bounds an editor reads more easily than the type name. */
const BUILTIN_BOUNDS: Readonly<Record<string, readonly [string | undefined, string | undefined]>> = {
  positiveInteger: ['1', undefined],
  nonNegativeInteger: ['0', undefined],
  negativeInteger: [undefined, '-1'],
  nonPositiveInteger: [undefined, '0'],
  unsignedByte: ['0', '255'],
  unsignedShort: ['0', '65535'],
  unsignedInt: ['0', '4294967295'],
  unsignedLong: ['0', '18446744073709551615'],
  byte: ['-128', '127'],
  short: ['-32768', '32767'],
  int: ['-2147483648', '2147483647'],
  long: ['-9223372036854775808', '9223372036854775807'],
};

function impliedBounds(builtin: string): Map<FacetKind, string> {
  const [min, max] = BUILTIN_BOUNDS[builtin] ?? [undefined, undefined];
  const bounds = new Map<FacetKind, string>();
  if (min !== undefined) bounds.set('minInclusive', min);
  if (max !== undefined) bounds.set('maxInclusive', max);
  return bounds;
}

/** The facts of a simple type reference; undefined for a complex type. */
export function simpleFacts(ctx: DocsContext, ref: TypeRef | undefined, depth = 0): SimpleFacts | undefined {
  if (!ref) return undefined;
  if (depth > 32) return NO_FACTS;
  if (ref.kind === 'type-ref' && ref.ref.namespace === XSD_NAMESPACE) {
    return ref.ref.name === 'anyType' ? undefined : { ...NO_FACTS, builtin: ref.ref.name, implied: impliedBounds(ref.ref.name) };
  }
  const def = ctx.resolve(ref);
  if (!def) return NO_FACTS;
  if (def.kind === 'complex') return undefined;
  return factsOf(ctx, def, depth);
}

function factsOf(ctx: DocsContext, def: SimpleType, depth: number): SimpleFacts {
  const base = def.base ? (simpleFacts(ctx, def.base, depth + 1) ?? NO_FACTS) : NO_FACTS;
  const own = (kind: FacetKind): Facet[] => def.facets.filter((f) => f.kind === kind);
  const enumerations = own('enumeration');
  const patterns = own('pattern').map((f) => f.value);
  const facets = new Map(base.facets);
  for (const f of def.facets) if (f.kind !== 'enumeration' && f.kind !== 'pattern') facets.set(f.kind, f.value);
  const variety = def.variety === 'atomic' ? base.variety : def.variety;
  return {
    builtin: base.builtin,
    variety,
    enumerations: enumerations.length > 0 ? enumerations.map((f) => ({ value: f.value, documentation: normalizeSpace(f.documentation) })) : base.enumerations,
    patterns: patterns.length > 0 ? [...base.patterns, patterns] : base.patterns,
    facets,
    implied: base.implied,
    item: def.itemType ? simpleFacts(ctx, def.itemType, depth + 1) : base.item,
    members: def.memberTypes.length > 0 ? def.memberTypes.map((m) => simpleFacts(ctx, m, depth + 1) ?? NO_FACTS) : base.members,
  };
}

/** The "Type" cell: the named type linked, or what an anonymous type derives from. */
export function typeLabel(ctx: DocsContext, ref: TypeRef | undefined, from: Schema): Phrase {
  if (!ref) return [code('xs:anyType')];
  const def = ctx.resolve(ref);
  if (ref.kind === 'type-ref' && def && !def.anonymous) return [ctx.typeLink(ref.ref, from)];
  if (ref.kind === 'type-ref' && !def) return [ctx.typeLink(ref.ref, from)];
  if (!def || def.kind === 'complex') return [text('anonymous complex type')];
  if (def.variety === 'list') return [text('list of '), ...typeLabel(ctx, def.itemType, from)];
  if (def.variety === 'union') return [text('union of '), ...joinPhrases(def.memberTypes.map((m) => typeLabel(ctx, m, from)))];
  return [text('restriction of '), ...typeLabel(ctx, def.base, from)];
}

/** The "Allowed values" cell; empty when the type alone says it all. */
export function allowedValues(facts: SimpleFacts | undefined, fixed?: string, fallback?: string): Phrase {
  if (fixed !== undefined) return [text('fixed: '), code(fixed)];
  const phrase = facts ? factsInWords(facts) : [];
  if (fallback !== undefined) return phrase.length > 0 ? [...phrase, text('; default '), code(fallback)] : [text('default '), code(fallback)];
  return phrase;
}

function factsInWords(facts: SimpleFacts): Phrase {
  const parts: Phrase[] = [];
  if (facts.enumerations) {
    parts.push([text(facts.enumerations.length === 1 ? 'only ' : 'one of '), ...joinPhrases(facts.enumerations.map((e) => [code(e.value)]))]);
  }
  const range = rangeInWords(withImplied(facts));
  if (range) parts.push([text(range)]);
  const length = lengthInWords(facts);
  if (length) parts.push([text(length)]);
  const digits = digitsInWords(facts.facets);
  if (digits) parts.push([text(digits)]);
  for (const step of facts.patterns) parts.push([text('pattern '), ...joinPhrases(step.map((p) => [code(p)]))]);
  if (facts.variety === 'list' && facts.item) {
    const item = factsInWords(facts.item);
    parts.push(item.length > 0 ? [text('a space-separated list of values, each '), ...item] : [text('a space-separated list')]);
  }
  if (facts.variety === 'union') {
    const members = facts.members.map((m) => factsInWords(m)).filter((m) => m.length > 0);
    if (members.length > 0) parts.push([text('any of: '), ...joinPhrases(members, 'or', '; ')]);
  }
  return joinPhrases(parts, 'and', '; ');
}

/** A facet of the type overrides the built-in's bound on the same side (an exclusive one as well). */
function withImplied(facts: SimpleFacts): Map<FacetKind, string> {
  const merged = new Map(facts.facets);
  const sides: [FacetKind, FacetKind, FacetKind][] = [['minInclusive', 'minInclusive', 'minExclusive'], ['maxInclusive', 'maxInclusive', 'maxExclusive']];
  for (const [kind, inclusive, exclusive] of sides) {
    const bound = facts.implied.get(kind);
    if (bound !== undefined && !merged.has(inclusive) && !merged.has(exclusive)) merged.set(kind, bound);
  }
  return merged;
}

/** "1 to 4294967295", "at least 0", "more than 0 and at most 100". */
export function rangeInWords(facets: ReadonlyMap<FacetKind, string>): string | undefined {
  const minI = facets.get('minInclusive');
  const maxI = facets.get('maxInclusive');
  if (minI !== undefined && maxI !== undefined) return `${minI} to ${maxI}`;
  const low = minI !== undefined ? `at least ${minI}` : facets.has('minExclusive') ? `more than ${facets.get('minExclusive')}` : undefined;
  const high = maxI !== undefined ? `at most ${maxI}` : facets.has('maxExclusive') ? `less than ${facets.get('maxExclusive')}` : undefined;
  if (low && high) return `${low} and ${high}`;
  return low ?? high;
}

/** "exactly 8 characters", "1 to 64 characters", "at most 32 items". */
export function lengthInWords(facts: Pick<SimpleFacts, 'facets' | 'variety' | 'builtin'>): string | undefined {
  const unit = facts.variety === 'list' ? 'item' : facts.builtin === 'hexBinary' || facts.builtin === 'base64Binary' ? 'byte' : 'character';
  const units = (n: string) => `${n} ${unit}${n === '1' ? '' : 's'}`;
  const exact = facts.facets.get('length');
  if (exact !== undefined) return `exactly ${units(exact)}`;
  const min = facts.facets.get('minLength');
  const max = facts.facets.get('maxLength');
  if (min !== undefined && max !== undefined) return `${min} to ${units(max)}`;
  if (max !== undefined) return `at most ${units(max)}`;
  if (min !== undefined && min !== '0') return `at least ${units(min)}`;
  return undefined;
}

function digitsInWords(facets: ReadonlyMap<FacetKind, string>): string | undefined {
  const total = facets.get('totalDigits');
  const fraction = facets.get('fractionDigits');
  const words = [total !== undefined ? `at most ${total} digits` : undefined, fraction !== undefined ? `at most ${fraction} after the decimal point` : undefined];
  return words.filter(Boolean).join(', ') || undefined;
}

/** True when the facts restrict values beyond the built-in type: the facet codes apply. */
export function hasValueFacets(facts: SimpleFacts): boolean {
  const own = facts.patterns.length > 0 || [...facts.facets.keys()].some((k) => k !== 'whiteSpace');
  return own || (facts.item !== undefined && hasValueFacets(facts.item)) || facts.members.some(hasValueFacets);
}

export function hasEnumerations(facts: SimpleFacts): boolean {
  return facts.enumerations !== undefined || (facts.item !== undefined && hasEnumerations(facts.item)) || facts.members.some(hasEnumerations);
}

/** Built-in types every string is a lexical form of: no datatype error can be reported for them. */
const ANY_STRING = new Set(['string', 'normalizedString', 'token', 'anySimpleType']);

export function hasLexicalForm(facts: SimpleFacts): boolean {
  if (facts.variety === 'list') return facts.item === undefined || hasLexicalForm(facts.item);
  if (facts.variety === 'union') return true;
  return facts.builtin === undefined || !ANY_STRING.has(facts.builtin);
}

/** The built-ins whose values the runtime checks across the document. */
export function idKind(facts: SimpleFacts): 'ID' | 'IDREF' | undefined {
  const builtin = facts.variety === 'list' ? facts.item?.builtin : facts.builtin;
  if (builtin === 'ID') return 'ID';
  if (builtin === 'IDREF' || builtin === 'IDREFS') return 'IDREF';
  return undefined;
}

