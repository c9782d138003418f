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

/**
 * The derivation tree of the XSD 1.0 built-in datatypes (XML Schema Part 2, section 3): each
 * built-in type's base. Every value of a type is a value of its base, so replacing a type by
 * one of its ancestors widens and by a descendant narrows; any other replacement is both.
 */
const PARENT: Readonly<Record<string, string>> = {
  anySimpleType: 'anyType',
  normalizedString: 'string',
  token: 'normalizedString',
  language: 'token',
  Name: 'token',
  NMTOKEN: 'token',
  NCName: 'Name',
  ID: 'NCName',
  IDREF: 'NCName',
  ENTITY: 'NCName',
  integer: 'decimal',
  nonPositiveInteger: 'integer',
  negativeInteger: 'nonPositiveInteger',
  long: 'integer',
  int: 'long',
  short: 'int',
  byte: 'short',
  nonNegativeInteger: 'integer',
  unsignedLong: 'nonNegativeInteger',
  unsignedInt: 'unsignedLong',
  unsignedShort: 'unsignedInt',
  unsignedByte: 'unsignedShort',
  positiveInteger: 'nonNegativeInteger',
};

/** The built-in base of a built-in type; primitive and list types derive from anySimpleType. */
export function builtinBase(name: QName): QName | undefined {
  if (name.namespace !== XSD_NAMESPACE || name.name === 'anyType') return undefined;
  return { namespace: XSD_NAMESPACE, name: PARENT[name.name] ?? 'anySimpleType' };
}
