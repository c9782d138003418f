/**
 * The XSD 1.0 built-in simple types: for each, its whiteSpace, the kind of model value it maps
 * to (which must agree with BUILTIN_TYPES in the generator), a hint for messages, and the check
 * of its lexical space that yields an atom for the facets.
 */
import type { Atom } from './atoms.js';
import { base64Compact, base64Octets, hexOctets } from './binary.js';
import { parseDate, type DateTypeName } from './dates.js';
import { parseDecimal, parseInteger } from './decimal.js';
import { parseDuration } from './durations.js';
import { parseFloatLexical } from './floats.js';
import { isAnyUri } from './any-uri.js';
import { isLanguage, isName, isNCName, isNmtoken, splitQName } from './names.js';
import type { NamespaceContext, WhiteSpace } from './types.js';

export type ModelKind = 'string' | 'number' | 'boolean';

export interface AtomicBuiltin {
  readonly variety: 'atomic';
  readonly name: string;
  readonly whiteSpace: WhiteSpace;
  readonly model: ModelKind;
  /** What a valid value looks like, for messages: "digits only, 0 to 4294967295". */
  readonly hint: string | undefined;
  parse(normalized: string, context: NamespaceContext | undefined): Atom | undefined;
}

/** NMTOKENS, IDREFS and ENTITIES: lists whose items are another built-in. */
export interface ListBuiltin {
  readonly variety: 'list';
  readonly name: string;
  readonly item: string;
}

export type Builtin = AtomicBuiltin | ListBuiltin;

const text = (value: string, lengthUnits: 'chars' | 'none' = 'chars'): Atom => ({ kind: 'text', text: value, lengthUnits });

function stringType(name: string, whiteSpace: WhiteSpace, hint?: string, valid?: (v: string) => boolean): AtomicBuiltin {
  return {
    variety: 'atomic', name, whiteSpace, model: 'string', hint,
    parse: (v) => (valid === undefined || valid(v) ? text(v) : undefined),
  };
}

function integerType(name: string, min: bigint | undefined, max: bigint | undefined, model: ModelKind, hint: string): AtomicBuiltin {
  return {
    variety: 'atomic', name, whiteSpace: 'collapse', model, hint,
    parse(v) {
      const n = parseInteger(v);
      if (n === undefined || (min !== undefined && n < min) || (max !== undefined && n > max)) return undefined;
      const value = parseDecimal(v);
      return value && { kind: 'decimal', value };
    },
  };
}

function dateType(name: DateTypeName, hint: string): AtomicBuiltin {
  return {
    variety: 'atomic', name, whiteSpace: 'collapse', model: 'string', hint,
    parse(v) {
      const value = parseDate(name, v);
      return value && { kind: 'date', value };
    },
  };
}

function floatType(name: string, single: boolean): AtomicBuiltin {
  return {
    variety: 'atomic', name, whiteSpace: 'collapse', model: 'number', hint: 'a number such as 1.5, -2E3, INF, -INF or NaN',
    parse(v) {
      const value = parseFloatLexical(v);
      return value === undefined ? undefined : { kind: 'float', value, single };
    },
  };
}

/**
 * A QName's prefix must be declared where the value appears ("xml" always is, "xmlns" never);
 * without a context only the lexical form is checked. With one, the value is its expanded name
 * (an unprefixed name takes the default namespace, XSD 1.0 part 2, 3.2.18), which is what
 * enumerations compare. Length facets do not apply to QName or NOTATION (XSD 1.0 erratum E2-36),
 * which libxml2 also ignores.
 */
function qnameType(name: string): AtomicBuiltin {
  return {
    variety: 'atomic', name, whiteSpace: 'collapse', model: 'string', hint: 'a name, or prefix:name with a declared prefix',
    parse(v, context) {
      const parts = splitQName(v);
      if (!parts || parts.prefix === 'xmlns') return undefined;
      if (!context) return text(v, 'none');
      const namespace = parts.prefix === 'xml' ? XML_NAMESPACE : context.lookupNamespace(parts.prefix);
      if (namespace === undefined && parts.prefix !== '') return undefined;
      return { kind: 'text', text: `{${namespace ?? ''}}${parts.local}`, lengthUnits: 'none', expanded: true };
    },
  };
}

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/** The integer built-ins: name, least and greatest value (undefined: unbounded), model value. */
export const INT_RANGES: readonly [string, bigint | undefined, bigint | undefined, ModelKind][] = [
  ['integer', undefined, undefined, 'string'],
  ['nonPositiveInteger', undefined, 0n, 'string'],
  ['negativeInteger', undefined, -1n, 'string'],
  ['nonNegativeInteger', 0n, undefined, 'string'],
  ['positiveInteger', 1n, undefined, 'string'],
  ['long', -(2n ** 63n), 2n ** 63n - 1n, 'string'],
  ['unsignedLong', 0n, 2n ** 64n - 1n, 'string'],
  ['int', -(2n ** 31n), 2n ** 31n - 1n, 'number'],
  ['short', -32768n, 32767n, 'number'],
  ['byte', -128n, 127n, 'number'],
  ['unsignedInt', 0n, 2n ** 32n - 1n, 'number'],
  ['unsignedShort', 0n, 65535n, 'number'],
  ['unsignedByte', 0n, 255n, 'number'],
];

function integerHint(min: bigint | undefined, max: bigint | undefined): string {
  if (min === undefined && max === undefined) return 'a whole number with an optional sign';
  if (min === undefined) return max === 0n ? 'zero or a negative whole number' : 'a negative whole number';
  if (max === undefined) return min === 0n ? 'digits only, zero or more' : 'digits only, 1 or more';
  return min === 0n ? `digits only, 0 to ${max}` : `a whole number from ${min} to ${max}`;
}

const ATOMIC: readonly AtomicBuiltin[] = [
  // anyType reaches here only as the type of simple content; any text is valid.
  stringType('anyType', 'preserve'),
  stringType('anySimpleType', 'preserve'),
  stringType('string', 'preserve'),
  stringType('normalizedString', 'replace'),
  stringType('token', 'collapse'),
  stringType('language', 'collapse', 'a language tag such as en or en-GB', isLanguage),
  stringType('Name', 'collapse', 'an XML name: a letter, "_" or ":" first, then letters, digits, ".", "-", "_", ":"', isName),
  stringType('NCName', 'collapse', 'an XML name without ":"', isNCName),
  stringType('NMTOKEN', 'collapse', 'letters, digits, ".", "-", "_" and ":" only', isNmtoken),
  stringType('ID', 'collapse', 'an XML name without ":"', isNCName),
  stringType('IDREF', 'collapse', 'an XML name without ":"', isNCName),
  // libxml2 also requires an ENTITY attribute to name an unparsed entity declared in a DTD,
  // which documents here never have; we check the lexical form only (see the differential test).
  stringType('ENTITY', 'collapse', 'an XML name without ":"', isNCName),
  stringType('anyURI', 'collapse', 'a URI reference; "%" must start a two-digit hex escape', isAnyUri),
  qnameType('QName'),
  qnameType('NOTATION'),
  {
    variety: 'atomic', name: 'boolean', whiteSpace: 'collapse', model: 'boolean', hint: 'true, false, 1 or 0',
    parse(v) {
      if (v === 'true' || v === '1') return { kind: 'boolean', value: true };
      if (v === 'false' || v === '0') return { kind: 'boolean', value: false };
      return undefined;
    },
  },
  {
    variety: 'atomic', name: 'decimal', whiteSpace: 'collapse', model: 'string', hint: 'digits with an optional sign and decimal point',
    parse(v) {
      const value = parseDecimal(v);
      return value && { kind: 'decimal', value };
    },
  },
  ...INT_RANGES.map(([name, min, max, model]) => integerType(name, min, max, model, integerHint(min, max))),
  floatType('float', true),
  floatType('double', false),
  dateType('dateTime', 'YYYY-MM-DDThh:mm:ss, optionally with a fraction and a time zone'),
  dateType('date', 'YYYY-MM-DD, optionally with a time zone'),
  dateType('time', 'hh:mm:ss, optionally with a fraction and a time zone'),
  dateType('gYearMonth', 'YYYY-MM, optionally with a time zone'),
  dateType('gYear', 'YYYY, optionally with a time zone'),
  dateType('gMonthDay', '--MM-DD, optionally with a time zone'),
  dateType('gDay', '---DD, optionally with a time zone'),
  dateType('gMonth', '--MM, optionally with a time zone'),
  {
    variety: 'atomic', name: 'duration', whiteSpace: 'collapse', model: 'string', hint: 'PnYnMnDTnHnMnS, such as P1Y2M or PT1.5S',
    parse(v) {
      const value = parseDuration(v);
      return value && { kind: 'duration', value };
    },
  },
  {
    variety: 'atomic', name: 'hexBinary', whiteSpace: 'collapse', model: 'string', hint: 'pairs of hex digits',
    parse(v) {
      const octets = hexOctets(v);
      return octets === undefined ? undefined : { kind: 'binary', octets, canonical: v.toUpperCase() };
    },
  },
  {
    variety: 'atomic', name: 'base64Binary', whiteSpace: 'collapse', model: 'string', hint: 'base64 in groups of four characters, "=" padded',
    parse(v) {
      const octets = base64Octets(v);
      return octets === undefined ? undefined : { kind: 'binary', octets, canonical: base64Compact(v) };
    },
  },
];

// libxml2 accepts an empty NMTOKENS, IDREFS or ENTITIES value although XSD 1.0 gives them
// minLength 1; we accept it too, so both validators agree.
const LISTS: readonly ListBuiltin[] = [
  { variety: 'list', name: 'NMTOKENS', item: 'NMTOKEN' },
  { variety: 'list', name: 'IDREFS', item: 'IDREF' },
  { variety: 'list', name: 'ENTITIES', item: 'ENTITY' },
];

const BY_NAME: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([...ATOMIC, ...LISTS].map((b) => [b.name, b]));

export function findBuiltin(name: string): Builtin | undefined {
  return BY_NAME.get(name);
}

export function builtinNames(): readonly string[] {
  return [...BY_NAME.keys()];
}
