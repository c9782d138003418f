/**
 * Patterns as sources of values, and the characters such values may use.
 *
 * Generation starts from the pattern's translated RegExp with Unicode categories narrowed to
 * ASCII (\d to 0-9, \p{L} to A-Za-z, "." to printable ASCII): still values of the pattern,
 * mostly readable ones. Values of patterned types are then kept to ASCII and Latin-1, because
 * libxml2 classifies characters with older Unicode tables than JavaScript's (it does not take
 * U+1FBF0 as a digit, nor most CJK ideographs as letters), and a generated valid value must be
 * valid for both.
 */
import { xsdPatternRegExp, type SimpleTypeDescriptor } from '../datatypes/index.js';

const NARROWINGS: readonly [RegExp, string][] = [
  [/\[\^\\p\{P\}\\p\{Z\}\\p\{C\}\]/g, '[A-Za-z0-9]'],
  [/\[\^\\n\\r\]/g, '[\\u{20}-\\u{7E}]'],
  [/\\p\{N[d]?\}/g, '0-9'],
  [/\\p\{L\}/g, 'A-Za-z'],
  [/\\p\{Lu\}/g, 'A-Z'],
  [/\\p\{Ll\}/g, 'a-z'],
  [/-\\u\{10FFFF\}/g, '-\\u{FF}'],
];

/** A RegExp whose matches all match `pattern` and are mostly ASCII; undefined when it cannot be made. */
export function generationRegExp(pattern: string): RegExp | undefined {
  const compiled = xsdPatternRegExp(pattern);
  if (!(compiled instanceof RegExp)) return undefined;
  const narrowed = NARROWINGS.reduce((source, [from, to]) => source.replace(from, to), compiled.source);
  try {
    return new RegExp(narrowed, 'u');
  } catch {
    return compiled;
  }
}

const PORTABLE = /^[\t\n\r\u0020-\u007E\u00A0-\u00FF]*$/;

/** Whether every character of `text` is one libxml2 and JavaScript classify alike (ASCII, Latin-1). */
export function isPortable(text: string): boolean {
  return PORTABLE.test(text);
}

const patterned = new WeakMap<SimpleTypeDescriptor, boolean>();

/** Whether a pattern applies anywhere in the type: its own steps, a list's items, a union's members. */
export function hasPatterns(type: SimpleTypeDescriptor): boolean {
  let found = patterned.get(type);
  if (found === undefined) {
    switch (type.kind) {
      case 'builtin':
        found = false;
        break;
      case 'atomic':
        found = type.facets.patterns !== undefined || hasPatterns(type.base);
        break;
      case 'list':
        found = type.facets.patterns !== undefined || hasPatterns(type.item);
        break;
      case 'union':
        found = type.facets.patterns !== undefined || type.members.some(hasPatterns);
        break;
    }
    patterned.set(type, found);
  }
  return found;
}
