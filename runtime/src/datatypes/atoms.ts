/**
 * An atom is a checked value in the form facets work on: exact decimals, float numbers, date
 * and duration values, octet counts for binary types, and plain text for the string family.
 * Keeping it apart from the model value lets "1.0" equal "1" for a decimal enumeration while
 * the model still gets the string the document wrote.
 */
import { compareDates, type DateValue } from './dates.js';
import { compareDecimals, type Decimal } from './decimal.js';
import { compareDurations, type DurationValue } from './durations.js';
import { compareFloats, floatsEqual } from './floats.js';

export type Atom =
  /**
   * `expanded`: a QName or NOTATION value read with the namespaces in scope, whose text is its
   * expanded name `{namespace}local`, so that equal names written with other prefixes are equal.
   */
  | { readonly kind: 'text'; readonly text: string; readonly lengthUnits: 'chars' | 'none'; readonly expanded?: true }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'decimal'; readonly value: Decimal }
  | { readonly kind: 'float'; readonly value: number; readonly single: boolean }
  | { readonly kind: 'date'; readonly value: DateValue }
  | { readonly kind: 'duration'; readonly value: DurationValue }
  | { readonly kind: 'binary'; readonly octets: number; readonly canonical: string };

/** Value-space equality, as enumeration needs it. Atoms of different kinds are never equal. */
export function atomsEqual(a: Atom, b: Atom): boolean {
  switch (a.kind) {
    case 'text':
      return b.kind === 'text' && a.text === b.text;
    case 'boolean':
      return b.kind === 'boolean' && a.value === b.value;
    case 'decimal':
      return b.kind === 'decimal' && compareDecimals(a.value, b.value) === 0;
    case 'float':
      return b.kind === 'float' && floatsEqual(a.value, b.value, a.single);
    case 'date':
      return b.kind === 'date' && compareDates(a.value, b.value) === 0;
    case 'duration':
      return b.kind === 'duration' && compareDurations(a.value, b.value) === 0;
    case 'binary':
      return b.kind === 'binary' && a.canonical === b.canonical;
  }
}

/** The order for min/max facets; undefined when the two are not ordered (indeterminate, NaN). */
export function compareAtoms(a: Atom, b: Atom): -1 | 0 | 1 | undefined {
  if (a.kind === 'decimal' && b.kind === 'decimal') return compareDecimals(a.value, b.value);
  if (a.kind === 'float' && b.kind === 'float') return compareFloats(a.value, b.value, a.single);
  if (a.kind === 'date' && b.kind === 'date') return compareDates(a.value, b.value);
  if (a.kind === 'duration' && b.kind === 'duration') return compareDurations(a.value, b.value);
  return undefined;
}

/** What the length facets count: characters, octets, or nothing (QName and NOTATION). */
export function atomLength(atom: Atom): number | undefined {
  if (atom.kind === 'binary') return atom.octets;
  if (atom.kind === 'text' && atom.lengthUnits === 'chars') return Array.from(atom.text).length;
  return undefined;
}
