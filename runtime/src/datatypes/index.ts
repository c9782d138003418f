/**
 * XSD 1.0 simple types for the runtime: checking attribute values and element text against
 * built-in and derived simple types, and converting between lexical forms and model values.
 * libxml2 is the reference: where it departs from the spec, the file concerned says how and
 * test/differential/datatypes-vs-libxml2.test.ts keeps the two in step.
 */
export type {
  CheckResult,
  Facets,
  Fault,
  NamespaceContext,
  SimpleTypeDescriptor,
  SimpleValue,
  WhiteSpace,
} from './types.js';
export { checkSimpleValue } from './check.js';
export { lexicalOf } from './lexical-of.js';
export { normalizeWhiteSpace } from './whitespace.js';
export {
  checkXsdPattern,
  compileXsdPattern,
  MAX_PATTERN_STATES,
  translateXsdPattern,
  xsdPatternRegExp,
  xsdPatternStep,
  XsdPatternTooLargeError,
  XsdRegexError,
  type XsdPattern,
} from './regex/xsd-regex.js';
export { builtinNames } from './builtins.js';
