/**
 * Diagnostics: what every reader, validator and parser in evfw reports instead of throwing.
 *
 * A diagnostic is machine-first (a stable `code` from DIAGNOSTIC_CODES, a position and an
 * XPath-like path) with a message a person can act on. Messages quote at most a short excerpt
 * of the input, never a whole value.
 */

import type { RuleCode } from './rules/rule-descriptor.js';
import { printable } from './datatypes/messages.js';

export type Severity = 'error' | 'warning';

/**
 * Every code a diagnostic may carry, with its meaning. The reference table in the generated
 * package's DIAGNOSTICS.md is written from this object, so a code is added here or nowhere.
 */
export const DIAGNOSTIC_CODES = {
  // ---- XML well-formedness: fatal, the document has no tree --------------------------------
  'evfw.xml.not-well-formed': 'The text is not well-formed XML (XML 1.0 section 2); the message names the rule broken.',
  'evfw.xml.declaration-not-at-start': 'Something (often whitespace such as a tab) comes before the XML declaration, which must be the very first thing in the document.',
  'evfw.xml.attribute-quote': 'An attribute value is not delimited by straight quotes (" or \'): typographic (curly) quotes were used instead.',
  'evfw.xml.attribute-unquoted': 'An attribute value has no quotes at all.',
  'evfw.xml.attribute-curly-close': 'An attribute value opened with a straight quote is closed by a typographic (curly) quote, so the value runs on.',
  'evfw.xml.tag-mismatch': 'An end tag does not match the open element (for example a self-closed element followed by its own end tag).',
  'evfw.xml.unclosed-element': 'An element is never closed before the document ends.',
  'evfw.xml.invalid-name': 'An element or attribute name contains a character that XML names cannot contain (such as { or }).',
  'evfw.xml.duplicate-attribute': 'The same attribute appears twice on one element.',
  'evfw.xml.namespace': 'A namespace rule is broken: an unbound prefix, a bad namespace declaration, or two attributes with the same expanded name.',
  'evfw.xml.doctype': 'The document has a DOCTYPE. DTDs and entity declarations are refused: nothing is expanded or fetched.',
  'evfw.xml.entity': 'An entity reference other than the five predefined ones (&lt; &gt; &amp; &apos; &quot;) or a character reference.',
  'evfw.xml.encoding': 'The bytes are not valid in the document\'s encoding, or the encoding is not UTF-8 or UTF-16 with a byte order mark.',
  'evfw.xml.invalid-char': 'A character that XML 1.0 does not allow in a document (such as NUL or most C0 controls).',
  'evfw.xml.no-root': 'The document has no root element.',
  // ---- Limits --------------------------------------------------------------------------------
  'evfw.limit.size': 'The document is larger than the size limit.',
  'evfw.limit.depth': 'Elements are nested deeper than the depth limit.',
  'evfw.limit.text': 'One text node or attribute value is longer than the length limit.',
  'evfw.limit.errors': 'The error cap was reached; later errors are not reported.',
  'evfw.limit.content-model': 'Checking an element\'s children against a content model with counts outgrew its budget: the schema\'s nested counts leave too many ways to read them.',
  // ---- Schema validity -----------------------------------------------------------------------
  'evfw.root.unknown': 'The root element is not a global element of any known schema (check its name and namespace).',
  'evfw.content.unexpected': 'A child element is not allowed at this place in its parent\'s content model.',
  'evfw.content.missing': 'A required child element is missing.',
  'evfw.content.text': 'Character data appears where the content model allows only elements.',
  'evfw.content.element-in-simple': 'A child element appears in an element whose content is a simple value.',
  'evfw.content.strict-unknown': 'An element matched a processContents="strict" wildcard, but no schema declares it.',
  'evfw.attribute.required': 'A required attribute is missing.',
  'evfw.attribute.unknown': 'An attribute is not declared for this element.',
  'evfw.attribute.enum': 'An attribute value is not one of the enumerated values.',
  'evfw.attribute.datatype': 'An attribute value is not a valid lexical form of its datatype.',
  'evfw.attribute.facet': 'An attribute value breaks a facet of its type (pattern, length, range, digits).',
  'evfw.attribute.fixed': 'An attribute value differs from its fixed value.',
  'evfw.attribute.flag-deviation': 'Appendix M and the deployed Android RCS stack write flag="..." where the prose names the attribute flags="...".',
  'evfw.value.enum': 'An element\'s value is not one of the enumerated values.',
  'evfw.value.datatype': 'An element\'s value is not a valid lexical form of its datatype.',
  'evfw.value.facet': 'An element\'s value breaks a facet of its type (pattern, length, range, digits).',
  'evfw.value.fixed': 'An element\'s value differs from its fixed value.',
  'evfw.identity.duplicate': 'Two elements selected by an xs:unique or xs:key have the same field values.',
  'evfw.identity.key-missing': 'An element selected by an xs:key lacks one of the key\'s fields.',
  'evfw.identity.keyref': 'An xs:keyref value matches no key.',
  'evfw.identity.field': 'An xs:field of an identity constraint selects more than one node, or a node without a simple-typed value (XSD 1.0 Part 1, 3.11.4 clause 3).',
  'evfw.id.duplicate': 'Two xs:ID values in one document are the same.',
  'evfw.id.unresolved': 'An xs:IDREF value names no xs:ID of the document.',
  'evfw.id.wildcard': 'An attribute wildcard matched an xs:ID attribute on an element that has another xs:ID attribute (XSD 1.0 Part 1, cvc-complex-type 5).',
  'evfw.xsi.type': 'xsi:type names a type that cannot stand for the declared one: no such type, a type not derived from it, a derivation its declaration or type blocks, or an abstract type (XSD 1.0 Part 1, cvc-elt.4).',
  'evfw.type.abstract': 'An element\'s type is an abstract complex type and no xsi:type names a concrete type derived from it (XSD 1.0 Part 1, cvc-type.2).',
  'evfw.xsi.nil': 'xsi:nil is used on an element that is not nillable, or a nil element has content.',
  'evfw.internal': 'evfw itself failed on this input: a bug to report, with the document; the document may or may not be valid.',
  'evfw.model.invalid': 'A typed object given to a serializer, or to validateObject, does not fit its schema (a missing required property, a value of the wrong kind, an unknown $case or property).',
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export interface Diagnostic {
  /** A code of DIAGNOSTIC_CODES, or `evfw.rule.<id>` for a prose rule of a schema's rules file. */
  readonly code: DiagnosticCode | RuleCode;
  readonly severity: Severity;
  /** One sentence a person can act on. */
  readonly message: string;
  /** 1-based line of the construct in the input, 0 when there is no input position. */
  readonly line: number;
  /** 1-based column, counted in characters (Unicode code points) of the decoded text. */
  readonly column: number;
  /** XPath-like path: `/cpm-evfw/event-cpm-imap[2]/operation[1]/@flags`; '' before the root. */
  readonly path: string;
  /** The likely fix, when known. */
  readonly hint?: string;
}

/** `evfw.attribute.unknown: attribute "flag" ... (line 4, column 27, /cpm-evfw/...)`. */
export function formatDiagnostic(d: Diagnostic, file?: string): string {
  const where = [file, d.line ? `${d.line}:${d.column}` : undefined].filter(Boolean).join(':');
  const hint = d.hint ? `; ${d.hint}` : '';
  const path = d.path ? ` ${d.path}` : '';
  return `${where ? `${where}: ` : ''}${d.severity} ${d.code}: ${d.message}${hint}${path ? ` (at${path})` : ''}`;
}

/**
 * A short, printable excerpt of input for messages: never the whole of a long value, and escaped
 * by the one function every message uses (datatypes/messages.ts), so it stays on one line.
 */
export function excerpt(text: string, max = 40): string {
  if (text.length <= max) return printable(text);
  const chars = [...text];
  return chars.length <= max ? printable(text) : `${printable(chars.slice(0, max).join(''))}... (${chars.length} characters)`;
}

/**
 * Collects diagnostics up to a cap. When the cap is reached it adds one evfw.limit.errors and
 * reports `full`, so callers can stop early instead of walking a hostile document to its end.
 */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];
  private errors = 0;

  constructor(private readonly maxErrors: number) {}

  get full(): boolean {
    return this.errors >= this.maxErrors;
  }

  /** Errors added so far (warnings not counted). */
  get errorCount(): number {
    return this.errors;
  }

  add(d: Diagnostic): void {
    if (this.full) return;
    this.items.push(d);
    if (d.severity !== 'error') return;
    this.errors++;
    if (this.full) {
      this.items.push({
        code: 'evfw.limit.errors',
        severity: 'error',
        message: `stopped after ${this.maxErrors} errors; fix these and run again, or raise the maxErrors limit`,
        line: d.line,
        column: d.column,
        path: d.path,
      });
    }
  }
}
