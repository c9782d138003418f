/**
 * Every xs:pattern is checked once, when its schema is read: a pattern that is not an XSD
 * regular expression, or whose automaton would exceed the runtime's state budget, is a schema
 * error at the <xs:pattern> element. Later stages (the JSON Schema translation, the validator)
 * can then take every pattern in the IR as usable, and `generate` never dies on one.
 */
import { checkXsdPattern, XsdPatternTooLargeError } from '@evfw/runtime';
import { GeneratorError, type SourcePosition } from '../errors.js';

/** Longest stretch of a pattern quoted in a message; a hostile one may be megabytes long. */
const QUOTED = 120;

export function checkPatternFacet(pattern: string, source: SourcePosition): void {
  const error = checkXsdPattern(pattern);
  if (error === undefined) return;
  const quoted = JSON.stringify(pattern.length > QUOTED ? `${pattern.slice(0, QUOTED)}...` : pattern);
  if (error instanceof XsdPatternTooLargeError) {
    throw new GeneratorError('xsd.pattern.too-large', `the pattern ${quoted} is too large to match safely: ${error.reason}`, source, error.hint);
  }
  throw new GeneratorError(
    'xsd.pattern.invalid',
    `the pattern ${quoted} is not an XSD regular expression: ${error.reason} at character ${error.character}`,
    source,
    error.hint ?? 'see XML Schema Part 2, Appendix F, for the syntax of patterns',
  );
}
