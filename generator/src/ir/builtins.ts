/**
 * The XSD 1.0 built-in datatypes, with the kind of value each maps to in a generated model.
 *
 * Numbers are used only where a JavaScript number holds every value exactly (32-bit integers
 * and the floating-point types); decimal, integer and 64-bit types stay strings, so nothing is
 * rounded. Dates and durations stay in their lexical form, which keeps the time-zone offset.
 */
import { XSD_NAMESPACE, type QName } from './ir.js';

export type ValueKind = 'string' | 'number' | 'boolean' | 'string-list' | 'any';

export const BUILTIN_TYPES: Readonly<Record<string, ValueKind>> = {
  anyType: 'any',
  anySimpleType: 'string',
  string: 'string',
  normalizedString: 'string',
  token: 'string',
  language: 'string',
  Name: 'string',
  NCName: 'string',
  NMTOKEN: 'string',
  NMTOKENS: 'string-list',
  ID: 'string',
  IDREF: 'string',
  IDREFS: 'string-list',
  ENTITY: 'string',
  ENTITIES: 'string-list',
  QName: 'string',
  NOTATION: 'string',
  anyURI: 'string',
  boolean: 'boolean',
  decimal: 'string',
  integer: 'string',
  nonPositiveInteger: 'string',
  negativeInteger: 'string',
  nonNegativeInteger: 'string',
  positiveInteger: 'string',
  long: 'string',
  unsignedLong: 'string',
  int: 'number',
  short: 'number',
  byte: 'number',
  unsignedInt: 'number',
  unsignedShort: 'number',
  unsignedByte: 'number',
  float: 'number',
  double: 'number',
  dateTime: 'string',
  date: 'string',
  time: 'string',
  duration: 'string',
  gYear: 'string',
  gYearMonth: 'string',
  gMonth: 'string',
  gMonthDay: 'string',
  gDay: 'string',
  hexBinary: 'string',
  base64Binary: 'string',
};

export function builtinKind(name: QName): ValueKind | undefined {
  if (name.namespace !== XSD_NAMESPACE) return undefined;
  return Object.hasOwn(BUILTIN_TYPES, name.name) ? BUILTIN_TYPES[name.name] : undefined;
}
