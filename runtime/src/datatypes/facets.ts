/**
 * The constraining facets of one restriction step, applied to a value that has passed its
 * base type. Bounds and enumeration values are read through the same base type, so they are
 * compared in the value space ("1.0" matches "1" for a decimal); they are parsed once per
 * descriptor and kept.
 */
import { atomLength, atomsEqual, compareAtoms, type Atom } from './atoms.js';
import { fractionDigitsOf, totalDigitsOf } from './decimal.js';
import { listValues, quote } from './messages.js';
import { nearMissHint } from './near-miss.js';
import { compileXsdPattern, XsdRegexError } from './regex/xsd-regex.js';
import type { Facets, Fault } from './types.js';

/** A checked value as the facets see it. */
export interface Checked {
  readonly normalized: string;
  /** The atom of an atomic value; undefined for a list. */
  readonly atom: Atom | undefined;
  /** The items of a list value; undefined for an atomic one. */
  readonly items: readonly Checked[] | undefined;
}

export interface FacetFailure {
  readonly fault: Fault;
  readonly message: string;
  /** The likely fix: for an enumeration, the allowed values nearest to the one given. */
  readonly hint?: string;
}

/**
 * Reads a facet's lexical value through the base type (undefined when it is not valid there).
 * `owner` identifies the base type, so parsed values are kept per type and facets object.
 */
export interface FacetValueReader {
  readonly owner: object;
  /** `namespaces`: the facets' own prefix bindings (Facets.namespaces), for QName and NOTATION values. */
  read(lexical: string, namespaces?: Readonly<Record<string, string>>): Checked | undefined;
}

const parsedFacetValues = new WeakMap<object, WeakMap<Facets, Map<string, Checked | undefined>>>();

function facetValue(facets: Facets, lexical: string, reader: FacetValueReader): Checked | undefined {
  let byFacets = parsedFacetValues.get(reader.owner);
  if (!byFacets) {
    byFacets = new WeakMap();
    parsedFacetValues.set(reader.owner, byFacets);
  }
  let values = byFacets.get(facets);
  if (!values) {
    values = new Map();
    byFacets.set(facets, values);
  }
  if (!values.has(lexical)) values.set(lexical, reader.read(lexical, facets.namespaces));
  return values.get(lexical);
}

export function valuesEqual(a: Checked, b: Checked): boolean {
  if (a.items || b.items) {
    if (!a.items || !b.items || a.items.length !== b.items.length) return false;
    return a.items.every((item, i) => {
      const other = b.items?.[i];
      return other !== undefined && valuesEqual(item, other);
    });
  }
  return a.atom !== undefined && b.atom !== undefined && atomsEqual(a.atom, b.atom);
}

function lengthOf(value: Checked): { readonly length: number; readonly unit: string } | undefined {
  if (value.items) return { length: value.items.length, unit: 'items' };
  if (!value.atom) return undefined;
  const length = atomLength(value.atom);
  if (length === undefined) return undefined;
  return { length, unit: value.atom.kind === 'binary' ? 'octets' : 'characters' };
}

export function applyFacets(facets: Facets, value: Checked, read: FacetValueReader): FacetFailure | undefined {
  if (facets.enumeration !== undefined) {
    const allowed = facets.enumeration;
    // The lexical form written as an option is that option's value for every type we know;
    // only another spelling ("1.0" for 1) needs the comparison in the value space. Not so for a
    // QName read with its namespaces against options with theirs: "p:a" may name another
    // namespace in the document than in the schema, so only expanded names are compared.
    const expanded = facets.namespaces !== undefined && value.atom?.kind === 'text' && value.atom.expanded === true;
    const found = (!expanded && allowed.includes(value.normalized)) || allowed.some((lexical) => {
      const option = facetValue(facets, lexical, read);
      return option !== undefined && valuesEqual(option, value);
    });
    if (!found) {
      const message = `${quote(value.normalized)} is not one of the allowed values: ${listValues(allowed)}`;
      const hint = nearMissHint(value.normalized, allowed);
      return hint ? { fault: 'enum', message, hint } : { fault: 'enum', message };
    }
  }
  for (const step of facets.patterns ?? []) {
    const failure = checkPatterns(step, value.normalized);
    if (failure) return failure;
  }
  const measured = facets.length !== undefined || facets.minLength !== undefined || facets.maxLength !== undefined ? lengthOf(value) : undefined;
  if (measured) {
    const { length, unit } = measured;
    if (facets.length !== undefined && length !== facets.length) {
      return { fault: 'facet', message: `${quote(value.normalized)} has ${length} ${unit}; exactly ${facets.length} are required` };
    }
    if (facets.minLength !== undefined && length < facets.minLength) {
      return { fault: 'facet', message: `${quote(value.normalized)} is too short: ${length} ${unit}, at least ${facets.minLength} needed` };
    }
    if (facets.maxLength !== undefined && length > facets.maxLength) {
      return { fault: 'facet', message: `${quote(value.normalized)} is too long: ${length} ${unit}, at most ${facets.maxLength} allowed` };
    }
  }
  return checkBounds(facets, value, read) ?? checkDigits(facets, value);
}

function checkPatterns(step: readonly string[], normalized: string): FacetFailure | undefined {
  let matched = false;
  for (const pattern of step) {
    const compiled = compileXsdPattern(pattern);
    if (compiled instanceof XsdRegexError) return { fault: 'facet', message: `the type's pattern cannot be used: ${compiled.message}` };
    if (compiled.test(normalized)) matched = true;
  }
  if (matched) return undefined;
  return { fault: 'facet', message: `${quote(normalized)} does not match the pattern ${step.join(' | ')}` };
}

const BOUNDS = [
  ['minInclusive', (order: number) => order >= 0, 'is below the minimum'],
  ['minExclusive', (order: number) => order > 0, 'must be greater than'],
  ['maxInclusive', (order: number) => order <= 0, 'is above the maximum'],
  ['maxExclusive', (order: number) => order < 0, 'must be less than'],
] as const;

function checkBounds(facets: Facets, value: Checked, read: FacetValueReader): FacetFailure | undefined {
  if (!value.atom) return undefined;
  const bounded = facets.minInclusive !== undefined || facets.minExclusive !== undefined || facets.maxInclusive !== undefined || facets.maxExclusive !== undefined;
  if (!bounded) return undefined;
  for (const [name, holds, phrase] of BOUNDS) {
    const bound = facets[name];
    if (bound === undefined) continue;
    const limit = facetValue(facets, bound, read)?.atom;
    if (!limit) return { fault: 'facet', message: `the type's ${name} ${quote(bound)} is not a valid value of its base type` };
    const order = compareAtoms(value.atom, limit);
    if (order === undefined) {
      return { fault: 'facet', message: `${quote(value.normalized)} cannot be ordered against the ${name} ${bound} (a time zone on one side only, or NaN)` };
    }
    if (!holds(order)) return { fault: 'facet', message: `${quote(value.normalized)} ${phrase} ${bound}` };
  }
  return undefined;
}

function checkDigits(facets: Facets, value: Checked): FacetFailure | undefined {
  if (value.atom?.kind !== 'decimal') return undefined;
  const total = totalDigitsOf(value.atom.value);
  if (facets.totalDigits !== undefined && total > facets.totalDigits) {
    return { fault: 'facet', message: `${quote(value.normalized)} has ${total} digits; at most ${facets.totalDigits} are allowed` };
  }
  const fraction = fractionDigitsOf(value.atom.value);
  if (facets.fractionDigits !== undefined && fraction > facets.fractionDigits) {
    return { fault: 'facet', message: `${quote(value.normalized)} has ${fraction} fraction digits; at most ${facets.fractionDigits} are allowed` };
  }
  return undefined;
}
