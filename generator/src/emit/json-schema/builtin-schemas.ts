/**
 * The JSON Schema of each XSD built-in datatype's model value: `type` from the model kind (the
 * same one the types emitter uses), the lexical space as an anchored `pattern` where the model
 * keeps the lexical form (dates, decimals, names), the range of the 32-bit integer types as
 * `minimum`/`maximum`, and a `format` annotation where JSON Schema has a matching one.
 *
 * Patterns are written in XSD regular-expression syntax and translated by the same
 * `translateXsdPattern` the validator uses, so both read `\i`, `\c` and character classes alike.
 * What a pattern cannot say (the day of a month in February, the range of an unbounded integer
 * held as a string) is left to the XML validator (D-67).
 */
import { translateXsdPattern } from '@evfw/runtime';
import { BUILTIN_TYPES } from '../../ir/builtins.js';

export type JsonSchema = { [keyword: string]: unknown };

const TZ = '(Z|[+\\-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?';
const YEAR = '-?([1-9][0-9]{3,}|0[0-9]{2}[1-9]|0[0-9][1-9][0-9]|0[1-9][0-9]{2})';
const MONTH = '(0[1-9]|1[0-2])';
const DAY = '(0[1-9]|[12][0-9]|3[01])';
const TIME = '(([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]+)?|24:00:00(\\.0+)?)';

/** XSD patterns of the lexical spaces a string model value keeps. */
const LEXICAL: Readonly<Record<string, string>> = {
  decimal: '[+\\-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)',
  integer: '[+\\-]?[0-9]+',
  long: '[+\\-]?[0-9]+',
  nonPositiveInteger: '\\+?0+|-[0-9]+',
  negativeInteger: '-0*[1-9][0-9]*',
  nonNegativeInteger: '\\+?[0-9]+|-0+',
  positiveInteger: '\\+?0*[1-9][0-9]*',
  unsignedLong: '\\+?[0-9]+|-0+',
  dateTime: `${YEAR}-${MONTH}-${DAY}T${TIME}${TZ}`,
  date: `${YEAR}-${MONTH}-${DAY}${TZ}`,
  time: `${TIME}${TZ}`,
  gYear: `${YEAR}${TZ}`,
  gYearMonth: `${YEAR}-${MONTH}${TZ}`,
  gMonth: `--${MONTH}${TZ}`,
  gMonthDay: `--${MONTH}-${DAY}${TZ}`,
  gDay: `---${DAY}${TZ}`,
  duration: '-?P([0-9]+Y)?([0-9]+M)?([0-9]+D)?(T([0-9]+H)?([0-9]+M)?([0-9]+(\\.[0-9]+)?S)?)?',
  hexBinary: '([0-9a-fA-F]{2})*',
  language: '[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*',
  Name: '\\i\\c*',
  NCName: '[\\i-[:]][\\c-[:]]*',
  ID: '[\\i-[:]][\\c-[:]]*',
  IDREF: '[\\i-[:]][\\c-[:]]*',
  ENTITY: '[\\i-[:]][\\c-[:]]*',
  NMTOKEN: '\\c+',
  QName: '([\\i-[:]][\\c-[:]]*:)?[\\i-[:]][\\c-[:]]*',
};

/** A duration needs at least one component, and a T at least one after it: said by lookaheads. */
const EXTRA_ANCHORED: Readonly<Record<string, string>> = {
  duration: '^(?!-?P$)(?!.*T$)',
};

const FORMATS: Readonly<Record<string, string>> = {
  dateTime: 'date-time',
  date: 'date',
  time: 'time',
  duration: 'duration',
  anyURI: 'uri-reference',
};

const INT_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  int: [-(2 ** 31), 2 ** 31 - 1],
  short: [-32768, 32767],
  byte: [-128, 127],
  unsignedInt: [0, 2 ** 32 - 1],
  unsignedShort: [0, 65535],
  unsignedByte: [0, 255],
};

const LIST_ITEMS: Readonly<Record<string, string>> = { NMTOKENS: 'NMTOKEN', IDREFS: 'IDREF', ENTITIES: 'ENTITY' };

/**
 * The annotation beside a schema's own `pattern`: the XSD alternatives it was translated from.
 * Other JSON Schema tools read `pattern`; evfw's object validators match these instead.
 */
export const XSD_PATTERN_KEYWORD = 'x-evfw-xsd-pattern';

/** An XSD pattern as an anchored ECMAScript one (JSON Schema patterns are not anchored). */
export function anchoredPattern(xsdAlternatives: readonly string[], prefix = '^'): string {
  const body = xsdAlternatives.map((p) => `(?:${translateXsdPattern(p)})`).join('|');
  return `${prefix}(?:${body})$`;
}

/** The schema of a built-in's model value. */
export function builtinSchema(name: string): JsonSchema {
  const item = LIST_ITEMS[name];
  // No minItems: the XML validator, like libxml2, accepts an empty NMTOKENS, IDREFS or ENTITIES.
  if (item !== undefined) return { type: 'array', items: builtinSchema(item) };
  const kind = BUILTIN_TYPES[name] ?? 'string';
  if (kind === 'boolean') return { type: 'boolean' };
  if (kind === 'number') {
    const range = INT_RANGES[name];
    return range ? { type: 'integer', minimum: range[0], maximum: range[1] } : { type: 'number' };
  }
  const schema: JsonSchema = { type: 'string' };
  const format = FORMATS[name];
  if (format !== undefined) schema.format = format;
  const lexical = LEXICAL[name];
  if (lexical !== undefined) schema.pattern = anchoredPattern([lexical], EXTRA_ANCHORED[name] ?? '^');
  return schema;
}

/** The model kind of a built-in: what JSON type its values have. */
export function builtinModelKind(name: string): 'string' | 'number' | 'boolean' | 'list' {
  if (LIST_ITEMS[name] !== undefined) return 'list';
  const kind = BUILTIN_TYPES[name] ?? 'string';
  return kind === 'number' || kind === 'boolean' ? kind : 'string';
}
