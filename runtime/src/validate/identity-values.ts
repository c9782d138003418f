/**
 * The values identity constraints compare (XSD 1.0 Part 1, 3.11.4): a field's value is a value
 * of its node's simple type, and two key-sequences are equal when their values are equal in the
 * value space (Part 2, 2.2.1 and the Equal of each primitive). So for a decimal " 5.0 " equals
 * "5", for a token "a  b" (collapsed) equals "a b", and values of two different primitive types
 * are never equal: "1" as an xs:string and 1 as an xs:decimal are two keys.
 *
 * Each value is turned into a string, its primitive type's name and a canonical form of the
 * value, so that equal values give equal strings and a key-sequence can be looked up in a Map
 * instead of being compared with every other one.
 */
import type { Atom } from '../datatypes/atoms.js';
import { findBuiltin, INT_RANGES, type AtomicBuiltin } from '../datatypes/builtins.js';
import { dayNumber, type DateValue } from '../datatypes/dates.js';
import { canonicalDecimal } from '../datatypes/decimal.js';
import { splitQName } from '../datatypes/names.js';
import { resolveType } from '../datatypes/resolve.js';
import type { NamespaceContext, SimpleTypeDescriptor, WhiteSpace } from '../datatypes/types.js';
import { normalizeWhiteSpace, splitListItems } from '../datatypes/whitespace.js';

/** Built-ins whose primitive type is xs:string (Part 2, 3.3). */
const STRING_FAMILY = new Set(['string', 'normalizedString', 'token', 'language', 'Name', 'NCName', 'NMTOKEN', 'ID', 'IDREF', 'ENTITY']);
/** Built-ins derived from xs:decimal. */
const DECIMAL_FAMILY = new Set(['decimal', ...INT_RANGES.map(([name]) => name)]);

/**
 * The identity of `lexical` as a value of `type`: equal strings for equal values, different
 * strings for values of different primitive types. Undefined when the text is not a value of the
 * type (the validation of the node has reported that).
 */
export function identityValue(type: SimpleTypeDescriptor, lexical: string, context: NamespaceContext | undefined): string | undefined {
  const { root, whiteSpace } = resolveType(type);
  const normalized = normalizeWhiteSpace(lexical, whiteSpace);
  switch (root.kind) {
    case 'builtin': {
      const { builtin } = root;
      if (builtin.variety === 'list') return listValue({ kind: 'builtin', name: builtin.item }, normalized, context);
      return atomicValue(builtin, normalized, context);
    }
    case 'list':
      return listValue(root.item, normalized, context);
    case 'union':
      // The first member the text is valid for gives the value, as it does for validation. A
      // union has no whiteSpace of its own: each member normalizes the text as it does (a
      // normalizedString member keeps a trailing space a token member would drop). The collapsed
      // text is tried last, as the validator reads it (datatypes/check.ts).
      for (const text of lexical === normalized ? [lexical] : [lexical, normalized]) {
        for (const member of root.members) {
          const value = identityValue(member, text, context);
          if (value !== undefined) return value;
        }
      }
      return undefined;
  }
}

/**
 * The whiteSpace of a type whose values are strings compared as their normalized text (an atomic
 * type whose primitive is xs:string), else undefined. Where every value at a place has this one
 * type, as a fast-path field does, the normalized text itself can stand for the value: no other
 * primitive type can meet it there, so identityValue's type prefix (and its copy) is not needed.
 */
export function plainStringWhiteSpace(type: SimpleTypeDescriptor): WhiteSpace | undefined {
  const { root, whiteSpace } = resolveType(type);
  return root.kind === 'builtin' && root.builtin.variety !== 'list' && STRING_FAMILY.has(root.builtin.name) ? whiteSpace : undefined;
}

function listValue(item: SimpleTypeDescriptor, normalized: string, context: NamespaceContext | undefined): string | undefined {
  const values: string[] = [];
  for (const token of splitListItems(normalized)) {
    const value = identityValue(item, token, context);
    if (value === undefined) return undefined;
    values.push(value);
  }
  // Two lists are equal when they have the same length and equal items in order.
  return `list(${values.map((v) => `${v.length}:${v}`).join('')})`;
}

function atomicValue(builtin: AtomicBuiltin, normalized: string, context: NamespaceContext | undefined): string | undefined {
  const atom = builtin.parse(normalized, context);
  if (!atom) return undefined;
  const primitive = primitiveOf(builtin.name);
  if (primitive === 'QName' || primitive === 'NOTATION') {
    // A QName's value is the expanded name: the prefix is only how the document spells it.
    const parts = splitQName(normalized);
    if (!parts) return undefined;
    const namespace = parts.prefix === 'xml' ? 'http://www.w3.org/XML/1998/namespace' : (context?.lookupNamespace(parts.prefix) ?? '');
    return `${primitive}:{${namespace}}${parts.local}`;
  }
  return `${primitive}:${canonicalAtom(atom)}`;
}

function primitiveOf(name: string): string {
  if (STRING_FAMILY.has(name)) return 'string';
  if (DECIMAL_FAMILY.has(name)) return 'decimal';
  if (name === 'anyType') return 'anySimpleType';
  return findBuiltin(name)?.name ?? name;
}

function canonicalAtom(atom: Atom): string {
  switch (atom.kind) {
    case 'text':
      return atom.text;
    case 'boolean':
      return String(atom.value);
    case 'decimal':
      return canonicalDecimal(atom.value);
    case 'float':
      // 0 and -0 are one value; NaN is kept as itself so that two NaN keys are the same key.
      return Object.is(atom.value, -0) ? '0' : String(atom.value);
    case 'date':
      return dateKey(atom.value);
    case 'duration':
      // Durations are equal when they add the same to every dateTime: the same months, and the
      // same days-and-seconds (P1D equals PT24H; P1M and P30D differ).
      return `${atom.value.months}|${atom.value.days * 86400 + atom.value.seconds}`;
    case 'binary':
      return atom.canonical;
  }
}

/**
 * A point on the timeline of its type, in UTC when it has a time zone. A value with a zone and
 * one without are never equal (their order is indeterminate), so the key says which it is.
 */
function dateKey(v: DateValue): string {
  const days = BigInt(dayNumber(v.year, v.month, v.day));
  const wholeSecond = Math.floor(v.second);
  const whole = days * 86400n + BigInt(v.hour * 3600 + v.minute * 60 + wholeSecond - (v.tz ?? 0) * 60);
  return `${v.type}|${v.tz === undefined ? 'local' : 'zoned'}|${whole}|${v.second - wholeSecond}`;
}
