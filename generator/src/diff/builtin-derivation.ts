/**
 * The derivation tree of the XSD 1.0 built-in datatypes (XML Schema Part 2, section 3): each
 * built-in type's base. Every value of a type is a value of its base, so replacing a type by
 * one of its ancestors widens and by a descendant narrows; any other replacement is both.
 */
import { XSD_NAMESPACE, type QName } from '../ir/ir.js';

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
