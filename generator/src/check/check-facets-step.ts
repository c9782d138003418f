/**
 * The facets of one restriction step (XSD 1.0 part 2 section 4.3): each applicable to the
 * base's variety and primitive type (cos-applicable-facets), written once (src-single-facet-value),
 * consistent with the step's other facets and its inherited
 * ones (length-minLength-maxLength, minInclusive-less-than-equal-to-maxInclusive, ...), and
 * narrowing the base's facets only (the <facet>-valid-restriction constraints, a fixed facet kept).
 *
 * Facet values are compared as values of the base type by the runtime's own facet checks: "is
 * a greater than b" asks whether a passes a minExclusive of b, so decimals compare as numbers,
 * dates with their time zones, and a pair the order leaves indeterminate is never "greater".
 */
import type { SimpleTypeDescriptor } from '@evfw/runtime';
import { GeneratorError, type GeneratorErrorCode } from '../errors.js';
import type { Facet, FacetKind, SimpleType } from '../ir/ir.js';
import { builtinDescriptor, WHITESPACE_STRENGTH, type FacetValue, type SimpleFacts, type SingleFacetKind } from './check-facets-facts.js';
import { checkDescriptor } from './simple-values.js';

const LENGTHS: readonly FacetKind[] = ['length', 'minLength', 'maxLength'];
const BOUNDS: readonly FacetKind[] = ['minInclusive', 'maxInclusive', 'minExclusive', 'maxExclusive'];
const DIGITS: readonly FacetKind[] = ['totalDigits', 'fractionDigits'];
const ALWAYS: readonly FacetKind[] = ['pattern', 'enumeration', 'whiteSpace'];

/** The facets each primitive allows (part 2 section 4.1.5, and each datatype's {facets} in section 3). */
function applicableFacets(base: SimpleFacts): readonly FacetKind[] {
  switch (base.variety) {
    case 'list':
      return [...LENGTHS, ...ALWAYS];
    case 'union':
      return ['pattern', 'enumeration'];
    case 'absent':
      return [];
    case 'atomic':
      break;
  }
  switch (base.primitive) {
    case 'boolean':
      return ['pattern', 'whiteSpace'];
    case 'decimal':
      return [...BOUNDS, ...DIGITS, ...ALWAYS];
    case 'float':
    case 'double':
    case 'duration':
    case 'dateTime':
    case 'time':
    case 'date':
    case 'gYearMonth':
    case 'gYear':
    case 'gMonthDay':
    case 'gDay':
    case 'gMonth':
      return [...BOUNDS, ...ALWAYS];
    default:
      // string, anyURI, QName, NOTATION, hexBinary, base64Binary
      return [...LENGTHS, ...ALWAYS];
  }
}

function describeBase(base: SimpleFacts): string {
  if (base.variety === 'atomic') return `a type derived from xs:${base.primitive}`;
  return `a ${base.variety} type`;
}

/** What one facet check knows: the type, its base, and how to report. */
interface Step {
  readonly def: SimpleType;
  readonly label: string;
  readonly base: SimpleFacts;
  /** The base type itself, with all its facets: where enumeration and bound values must be valid. */
  readonly baseDescriptor: SimpleTypeDescriptor;
  /** The single-valued facets this step writes. */
  readonly own: ReadonlyMap<SingleFacetKind, Facet>;
}

function fail(code: GeneratorErrorCode, sentence: string, facet: Facet | undefined, step: Step, hint: string): never {
  throw new GeneratorError(code, sentence, facet?.source ?? step.def.source, hint);
}

/** Checks the facets `def` writes against `base`, the facts of its base type. */
export function checkRestrictionStep(def: SimpleType, label: string, base: SimpleFacts, baseDescriptor: SimpleTypeDescriptor): void {
  const own = new Map<SingleFacetKind, Facet>();
  const allowed = applicableFacets(base);
  for (const facet of def.facets) {
    if (!allowed.includes(facet.kind)) {
      const list = allowed.length > 0 ? `it allows only ${allowed.join(', ')}` : 'it allows none';
      throw new GeneratorError(
        'xsd.cos-applicable-facets',
        `${label} restricts ${describeBase(base)}, which has no ${facet.kind} facet: ${list}`,
        facet.source,
        `remove the ${facet.kind} facet (XSD 1.0 part 2 section 4.1.5 lists the facets each type takes)`,
      );
    }
    if (facet.kind === 'enumeration' || facet.kind === 'pattern') continue;
    if (own.has(facet.kind)) {
      throw new GeneratorError(
        'xsd.src-single-facet-value',
        `${label} has more than one ${facet.kind} facet in the same restriction`,
        facet.source,
        `keep one ${facet.kind}; only enumeration and pattern may repeat`,
      );
    }
    own.set(facet.kind, facet);
  }
  const step: Step = { def, label, base, baseDescriptor, own };
  checkEnumerations(step);
  checkBoundValues(step);
  checkFixed(step);
  checkLengthFacets(step);
  checkDigits(step);
  checkWhiteSpace(step);
  checkBoundPairs(step);
}

// ---- Values of the length and digits facets ------------------------------------------------------

// Their lexical form (a non-negative integer, totalDigits positive) is checked against the schema
// for schemas when the document is read (read/check-schema-document.ts).
const NON_NEGATIVE = /^\s*\+?[0-9]+\s*$/;

/** A length or digits facet's value; undefined when malformed (its own type's check reports that). */
function integer(value: string): bigint | undefined {
  return NON_NEGATIVE.test(value) ? BigInt(value.trim()) : undefined;
}

/** a > b for two length or digits values; false when either is malformed. */
function above(a: FacetValue | Facet, b: FacetValue | Facet): boolean {
  const x = integer(a.value);
  const y = integer(b.value);
  return x !== undefined && y !== undefined && x > y;
}

// ---- Enumeration and bound values are values of the base type ---------------------------------

function checkEnumerations(step: Step): void {
  // The built-in lists have minLength 1, which the runtime leaves out for instance documents
  // (libxml2 accepts an empty NMTOKENS there); an enumeration value of the type is held to it.
  const implicitMin = step.base.variety === 'list' ? step.base.facets.get('minLength') : undefined;
  const base: SimpleTypeDescriptor =
    implicitMin && implicitMin.source === undefined ? { kind: 'atomic', base: step.baseDescriptor, facets: { minLength: Number(implicitMin.value) } } : step.baseDescriptor;
  for (const facet of step.def.facets) {
    if (facet.kind !== 'enumeration') continue;
    const problem = checkDescriptor(base, facet.value);
    if (problem) {
      fail(
        'xsd.enumeration-valid-restriction',
        `the enumeration value "${facet.value}" of ${step.label} is not a value of its base type: ${problem.message}`,
        facet,
        step,
        problem.hint ?? 'every enumeration value must be valid for the base type, its facets included (part 2 section 4.3.5.4)',
      );
    }
  }
}

/** a > b as values of `type`; false when they are equal or not ordered. */
function greater(type: SimpleTypeDescriptor, a: string, b: string): boolean {
  return checkDescriptor({ kind: 'atomic', base: type, facets: { minExclusive: b } }, a) === undefined;
}

/** a >= b as values of `type`; false when a < b or they are not ordered. */
function atLeast(type: SimpleTypeDescriptor, a: string, b: string): boolean {
  return checkDescriptor({ kind: 'atomic', base: type, facets: { minInclusive: b } }, a) === undefined;
}

/** a = b as values of `type` (both valid for it). */
function sameBound(type: SimpleTypeDescriptor, a: string, b: string): boolean {
  return checkDescriptor({ kind: 'atomic', base: type, facets: { minInclusive: b, maxInclusive: b } }, a) === undefined;
}

/**
 * A bound must be a value of the base type, or (erratum E2-39) equal to the base's own facet of
 * the same kind: restating the base's maxExclusive is allowed though that value is outside it.
 */
function checkBoundValues(step: Step): void {
  const primitive = builtinDescriptor(step.base);
  for (const kind of BOUNDS as readonly SingleFacetKind[]) {
    const facet = step.own.get(kind);
    if (!facet) continue;
    const inherited = step.base.facets.get(kind);
    if (inherited && sameBound(primitive, facet.value, inherited.value)) continue;
    const problem = checkDescriptor(step.baseDescriptor, facet.value);
    if (problem) {
      fail(
        validRestrictionCode(kind),
        `the ${kind} value "${facet.value}" of ${step.label} is not a value of its base type: ${problem.message}`,
        facet,
        step,
        `a restriction may only narrow its base: choose a ${kind} within the base type's values (part 2 section 4.3, ${kind} valid restriction)`,
      );
    }
  }
}

// ---- Fixed facets -------------------------------------------------------------------------------

function equalFacet(step: Step, kind: SingleFacetKind, a: string, b: string): boolean {
  if ((BOUNDS as readonly string[]).includes(kind)) {
    return sameBound(builtinDescriptor(step.base), a, b);
  }
  if (kind === 'whiteSpace') return a.trim() === b.trim();
  const x = integer(a);
  return x !== undefined && x === integer(b);
}

function checkFixed(step: Step): void {
  for (const [kind, facet] of step.own) {
    const inherited = step.base.facets.get(kind);
    if (!inherited?.fixed || equalFacet(step, kind, facet.value, inherited.value)) continue;
    fail(
      validRestrictionCode(kind),
      `${step.label} changes the ${kind} facet of its base from "${inherited.value}" to "${facet.value}", but the base fixes it`,
      facet,
      step,
      `remove the ${kind} facet, or give it the base's value "${inherited.value}" (fixed="true" in the base forbids any other)`,
    );
  }
}

function validRestrictionCode(kind: SingleFacetKind): GeneratorErrorCode {
  return `xsd.${kind}-valid-restriction` as const;
}

// ---- Lengths -------------------------------------------------------------------------------------

function checkLengthFacets(step: Step): void {
  const { own, base } = step;
  const length = own.get('length');
  const minLength = own.get('minLength');
  const maxLength = own.get('maxLength');
  const baseLength = base.facets.get('length');
  const baseMin = base.facets.get('minLength');
  const baseMax = base.facets.get('maxLength');

  // length with minLength or maxLength (part 2 section 4.3.1.4): erratum E2-35 allows them in
  // different restriction steps when minLength <= length <= maxLength (test errF001); in one
  // step only when the step restates its base's minLength or maxLength (the second edition's
  // clause 1.2: xs:IDREFS, whose minLength is 1, restricted by length 5 with minLength 1).
  const lengthNow = length ?? baseLength;
  if (lengthNow) {
    for (const [other, inherited] of [[minLength, baseMin], [maxLength, baseMax]] as const) {
      if (length && other && !(inherited && !above(other, inherited) && !above(inherited, other))) {
        fail(
          'xsd.length-minLength-maxLength',
          `${step.label} has both a length and a ${other.kind} facet in one restriction`,
          other,
          step,
          `a length cannot be combined with a new ${other.kind} in the same restriction: keep one of them`,
        );
      }
    }
    const min = minLength ?? baseMin;
    if ((length || minLength) && min && above(min, lengthNow)) {
      fail('xsd.length-minLength-maxLength', `the length ${lengthNow.value} of ${step.label} is below its minLength ${min.value}`, length ?? minLength, step, 'minLength must not exceed length');
    }
    const max = maxLength ?? baseMax;
    if ((length || maxLength) && max && above(lengthNow, max)) {
      fail('xsd.length-minLength-maxLength', `the length ${lengthNow.value} of ${step.label} is above its maxLength ${max.value}`, length ?? maxLength, step, 'length must not exceed maxLength');
    }
  }
  if (length && baseLength && (above(length, baseLength) || above(baseLength, length))) {
    fail('xsd.length-valid-restriction', `${step.label} changes its base's length ${baseLength.value} to ${length.value}`, length, step, `a restriction may not change a length: remove it or write ${baseLength.value}`);
  }
  if (minLength && baseMin && above(baseMin, minLength)) {
    fail('xsd.minLength-valid-restriction', `the minLength ${minLength.value} of ${step.label} is below its base's minLength ${baseMin.value}`, minLength, step, `a restriction may only narrow: choose a minLength of at least ${baseMin.value}`);
  }
  if (maxLength && baseMax && above(maxLength, baseMax)) {
    fail('xsd.maxLength-valid-restriction', `the maxLength ${maxLength.value} of ${step.label} is above its base's maxLength ${baseMax.value}`, maxLength, step, `a restriction may only narrow: choose a maxLength of at most ${baseMax.value}`);
  }
  const min = minLength ?? baseMin;
  const max = maxLength ?? baseMax;
  if ((minLength || maxLength) && min && max && above(min, max)) {
    fail(
      'xsd.minLength-less-than-equal-to-maxLength',
      `the minLength ${min.value} of ${step.label} is greater than its maxLength ${max.value}`,
      minLength ?? maxLength,
      step,
      'minLength must not exceed maxLength',
    );
  }
}

// ---- Digits --------------------------------------------------------------------------------------

function checkDigits(step: Step): void {
  const { own, base } = step;
  const total = own.get('totalDigits');
  const fraction = own.get('fractionDigits');
  const baseTotal = base.facets.get('totalDigits');
  const baseFraction = base.facets.get('fractionDigits');
  if (total && baseTotal && above(total, baseTotal)) {
    fail('xsd.totalDigits-valid-restriction', `the totalDigits ${total.value} of ${step.label} is above its base's totalDigits ${baseTotal.value}`, total, step, `a restriction may only narrow: choose a totalDigits of at most ${baseTotal.value}`);
  }
  if (fraction && baseFraction && above(fraction, baseFraction)) {
    fail('xsd.fractionDigits-valid-restriction', `the fractionDigits ${fraction.value} of ${step.label} is above its base's fractionDigits ${baseFraction.value}`, fraction, step, `a restriction may only narrow: choose a fractionDigits of at most ${baseFraction.value}`);
  }
  const totalNow = total ?? baseTotal;
  const fractionNow = fraction ?? baseFraction;
  if ((total || fraction) && totalNow && fractionNow && above(fractionNow, totalNow)) {
    fail('xsd.fractionDigits-totalDigits', `the fractionDigits ${fractionNow.value} of ${step.label} is greater than its totalDigits ${totalNow.value}`, fraction ?? total, step, 'fractionDigits must not exceed totalDigits');
  }
}

// ---- whiteSpace -----------------------------------------------------------------------------------

function checkWhiteSpace(step: Step): void {
  const facet = step.own.get('whiteSpace');
  const inherited = step.base.facets.get('whiteSpace');
  if (!facet || !inherited) return;
  const value = facet.value.trim();
  const before = inherited.value.trim();
  const strength = WHITESPACE_STRENGTH.get(value);
  const baseStrength = WHITESPACE_STRENGTH.get(before);
  if (strength !== undefined && baseStrength !== undefined && strength < baseStrength) {
    fail(
      'xsd.whiteSpace-valid-restriction',
      `${step.label} loosens its base's whiteSpace "${before}" to "${value}"`,
      facet,
      step,
      `a restriction may only tighten whiteSpace (preserve, then replace, then collapse): write "${before}" or stronger`,
    );
  }
}

// ---- Bounds against each other --------------------------------------------------------------------

/** [lower, upper, error when lower > upper (or >= when strict), constraint]. */
const PAIRS: readonly [SingleFacetKind, SingleFacetKind, boolean, GeneratorErrorCode][] = [
  ['minInclusive', 'maxInclusive', false, 'xsd.minInclusive-less-than-equal-to-maxInclusive'],
  ['minInclusive', 'maxExclusive', true, 'xsd.minInclusive-less-than-maxExclusive'],
  ['minExclusive', 'maxExclusive', false, 'xsd.minExclusive-less-than-equal-to-maxExclusive'],
  ['minExclusive', 'maxInclusive', true, 'xsd.minExclusive-less-than-maxInclusive'],
];

function checkBoundPairs(step: Step): void {
  const { own } = step;
  for (const [a, b, code] of [
    ['maxInclusive', 'maxExclusive', 'xsd.maxInclusive-maxExclusive'],
    ['minInclusive', 'minExclusive', 'xsd.minInclusive-minExclusive'],
  ] as const) {
    const facet = own.get(a) && own.get(b);
    if (facet) fail(code, `${step.label} has both ${a} and ${b} in one restriction`, facet, step, `keep one of ${a} and ${b}`);
  }
  const primitive = builtinDescriptor(step.base);
  const effective = (kind: SingleFacetKind): FacetValue | undefined => {
    const facet = own.get(kind);
    if (facet) return { value: facet.value, fixed: facet.fixed, source: facet.source };
    // A bound of the base that this step replaces with the other kind no longer applies.
    const replacedBy = kind.endsWith('Inclusive') ? kind.replace('Inclusive', 'Exclusive') : kind.replace('Exclusive', 'Inclusive');
    return own.has(replacedBy as SingleFacetKind) ? undefined : step.base.facets.get(kind);
  };
  for (const [lowerKind, upperKind, strict, code] of PAIRS) {
    if (!own.has(lowerKind) && !own.has(upperKind)) continue;
    const lower = effective(lowerKind);
    const upper = effective(upperKind);
    if (!lower || !upper) continue;
    const wrong = strict ? atLeast(primitive, lower.value, upper.value) : greater(primitive, lower.value, upper.value);
    if (wrong) {
      fail(
        code,
        `the ${lowerKind} ${lower.value} of ${step.label} is ${strict ? 'not below' : 'above'} its ${upperKind} ${upper.value}`,
        own.get(lowerKind) ?? own.get(upperKind),
        step,
        `${lowerKind} must be ${strict ? 'less than' : 'at most'} ${upperKind}`,
      );
    }
  }
}
