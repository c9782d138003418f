/**
 * The {base type definition} of each XSD 1.0 built-in type (XSD 1.0 part 2, 3.2 and 3.3), for
 * xsi:type's derivation check: xs:int may stand for xs:decimal, xs:token for xs:string.
 * Primitive types, and the built-in lists NMTOKENS, IDREFS and ENTITIES, are based on
 * xs:anySimpleType, which is based on xs:anyType, which has none.
 */
export const BUILTIN_BASE: ReadonlyMap<string, string> = new Map([
  ['anySimpleType', 'anyType'],
  // Primitive types.
  ...[
    'string', 'boolean', 'decimal', 'float', 'double', 'duration', 'dateTime', 'time', 'date',
    'gYearMonth', 'gYear', 'gMonthDay', 'gDay', 'gMonth', 'hexBinary', 'base64Binary', 'anyURI',
    'QName', 'NOTATION',
  ].map((name): [string, string] => [name, 'anySimpleType']),
  // Lists of built-in types.
  ['NMTOKENS', 'anySimpleType'],
  ['IDREFS', 'anySimpleType'],
  ['ENTITIES', 'anySimpleType'],
  // Types derived from xs:string.
  ['normalizedString', 'string'],
  ['token', 'normalizedString'],
  ['language', 'token'],
  ['NMTOKEN', 'token'],
  ['Name', 'token'],
  ['NCName', 'Name'],
  ['ID', 'NCName'],
  ['IDREF', 'NCName'],
  ['ENTITY', 'NCName'],
  // Types derived from xs:decimal.
  ['integer', 'decimal'],
  ['nonPositiveInteger', 'integer'],
  ['negativeInteger', 'nonPositiveInteger'],
  ['long', 'integer'],
  ['int', 'long'],
  ['short', 'int'],
  ['byte', 'short'],
  ['nonNegativeInteger', 'integer'],
  ['unsignedLong', 'nonNegativeInteger'],
  ['unsignedInt', 'unsignedLong'],
  ['unsignedShort', 'unsignedInt'],
  ['unsignedByte', 'unsignedShort'],
  ['positiveInteger', 'nonNegativeInteger'],
]);
