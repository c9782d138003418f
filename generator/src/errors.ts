/**
 * Errors of the generator: a stable code, a sentence a person can act on, and where in which
 * schema file the problem is. The message format follows xsdata's: the sentence, then
 * `key: value` context lines, so an editor can jump to the position.
 */

export interface SourcePosition {
  /** Path of the schema file, relative to the working directory when it was given so. */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
}

export type GeneratorErrorCode =
  | 'xsd.xml.malformed'
  | 'xsd.xml.doctype'
  | 'xsd.file.unreadable'
  /** No file where an entry names one (an error), or where a directive's schemaLocation points (a warning: XSD allows it, D-119). */
  | 'xsd.file.missing'
  /** A schemaLocation that is a URL: never fetched (D-18), a warning (D-119). */
  | 'xsd.location.remote'
  /** A directive reaches a file outside the schema set's roots (load/schema-access.ts). */
  | 'xsd.location.outside-roots'
  /** A FIFO, socket, device, directory, or anything under /proc, /sys or /dev. */
  | 'xsd.file.not-regular'
  | 'xsd.file.too-large'
  | 'xsd.set.too-large'
  | 'xsd.set.too-many-files'
  | 'xsd.not-a-schema'
  | 'xsd.construct.unsupported'
  | 'xsd.construct.unknown'
  | 'xsd.attribute.unknown'
  | 'xsd.attribute.missing'
  | 'xsd.attribute.invalid'
  | 'xsd.qname.prefix'
  | 'xsd.reference.unresolved'
  | 'xsd.component.duplicate'
  | 'xsd.namespace.mismatch'
  | 'xsd.derivation.invalid'
  /** A type, group, attribute group or substitution group that refers to itself (ir/check-component-graph.ts). */
  | 'xsd.component.circular'
  /** A chain of derivations or references, or a nesting, deeper than a cap of ir/schema-limits.ts. */
  | 'xsd.schema.too-deep'
  /** Content that would pass ir/schema-limits.ts's maxFlattenedSize once inlined and flattened. */
  | 'xsd.schema.too-large'
  | 'xsd.name.clash'
  /** An xs:pattern that is not an XSD regular expression (read/check-pattern.ts). */
  | 'xsd.pattern.invalid'
  /** An xs:pattern whose automaton would exceed the runtime's state budget. */
  | 'xsd.pattern.too-large'
  /** Schema Properties Correct: two identity constraints of one name in a namespace (check/check-identity-constraints.ts). */
  | 'xsd.sch-props-correct'
  /** Identity-constraint Definition Properties Correct: a keyref's refer names a keyref, or has another number of fields. */
  | 'xsd.c-props-correct'
  /** Redefinition Constraints and Semantics: a redefinition whose original is missing, or that does not derive from or refer to it as required. */
  | 'xsd.src-redefine'
  /** enumeration facet value required for NOTATION (part 2): an element or attribute typed xs:NOTATION, or a restriction of it without enumeration. */
  | 'xsd.enumeration-required-notation'
  /** enumeration valid restriction (part 2): an enumeration value not in its base type's value space (here: a NOTATION value naming no notation). */
  | 'xsd.enumeration-valid-restriction'
  /** Complex Type Definition Properties Correct: two uses of one attribute, two ID attributes (check/check-derivations.ts). */
  | 'xsd.ct-props-correct'
  /** Derivation Valid (Extension): the base's final, its attributes, wildcard or content kind not kept. */
  | 'xsd.cos-ct-extends'
  /** Derivation Valid (Restriction, Complex): attributes, wildcard, content kind or the base's final. */
  | 'xsd.derivation-ok-restriction'
  /** Complex Type Definition Representation OK: complexContent or simpleContent with a base of the wrong kind. */
  | 'xsd.src-ct'
  /** Attribute Wildcard Union: an extension's wildcard and its base's have no union XSD 1.0 can express. */
  | 'xsd.cos-aw-union'
  /** Attribute Wildcard Intersection: a wildcard and its attribute groups' have no expressible intersection. */
  | 'xsd.cos-aw-intersect'
  /** Element Declaration Properties Correct: ID type with a value constraint, substitution group type not derived. */
  | 'xsd.e-props-correct'
  /** Attribute Declaration Properties Correct: a value constraint not valid for the type, or on an ID type. */
  | 'xsd.a-props-correct'
  /** Attribute Use Correct: a use's value constraint invalid, or not the declaration's fixed value. */
  | 'xsd.au-props-correct'
  /** Attribute Group Definition Properties Correct: two uses of one attribute, two ID attributes. */
  | 'xsd.ag-props-correct'
  /** Element Default Valid (Immediate): a default or fixed value the element's type cannot take. */
  | 'xsd.cos-valid-default'
  /** Schema for schemas: an element, foreign element or text where the XSD element's content model has no place for it. */
  | 'xsd.s4s-elt-invalid-content'
  /** Schema for schemas: a child the XSD element's content model requires is missing. */
  | 'xsd.s4s-elt-must-match'
  /** Schema for schemas: an attribute the XSD element does not take here. */
  | 'xsd.s4s-att-not-allowed'
  /** Schema for schemas: an attribute the XSD element requires here is missing. */
  | 'xsd.s4s-att-must-appear'
  /** Schema for schemas: an attribute value not valid for its type (NCName, boolean, form, block...). */
  | 'xsd.s4s-att-invalid-value'
  /** Validation Root Valid (ID/IDREF): two id attributes of one schema document with the same value. */
  | 'xsd.cvc-id'
  /** Element Declaration Representation OK: ref with name, type or content; default with fixed; type with an anonymous type. */
  | 'xsd.src-element'
  /** Attribute Declaration Representation OK: ref with name, type or form; default with fixed or a use other than optional. */
  | 'xsd.src-attribute'
  /** Import Constraints and Semantics: an import of the schema's own namespace, or without namespace in a schema without one. */
  | 'xsd.src-import'
  /** QName resolution (Schema Document), clause 4: a QName in a namespace the document neither is nor imports. */
  | 'xsd.src-resolve'
  /** Particle Correct: minOccurs greater than maxOccurs. */
  | 'xsd.p-props-correct'
  /** Selector Value OK: a selector's xpath outside XSD's restricted XPath. */
  | 'xsd.c-selector-xpath'
  /** Fields Value OK: a field's xpath outside XSD's restricted XPath. */
  | 'xsd.c-fields-xpaths'
  /** Simple Type Definition Representation OK: a restriction's base or a list's item type both named and inline, or neither. */
  | 'xsd.src-simple-type'
  /** unionMemberTypes or simpleTypes (part 2): a union with neither memberTypes nor an inline member. */
  | 'xsd.src-union-memberTypes-or-simpleTypes'
  /** All Group Limited: an xs:all not the whole content model, occurring more than once, or holding more than elements of maxOccurs 0 or 1. */
  | 'xsd.cos-all-limited'
  /** Element Declarations Consistent: two element particles of one name with different types in one content model. */
  | 'xsd.cos-element-consistent'
  /** Unique Particle Attribution: two particles of one content model compete for the same element (check/particle-attribution.ts). */
  | 'xsd.cos-nonambig'
  /** Simple Type Definition Properties Correct: a restriction of a complex type, of xs:anySimpleType, or of a base whose final has restriction (check/check-facets.ts). */
  | 'xsd.st-props-correct'
  /** Derivation Valid (Restriction, Simple): a list item or union member type whose final has list or union. */
  | 'xsd.cos-st-restricts'
  /** list of atomic: a list whose item type is a list, or a union with a list member. */
  | 'xsd.cos-list-of-atomic'
  /** Applicable Facets: a facet the base's variety or primitive type does not have (check/check-facets-step.ts). */
  | 'xsd.cos-applicable-facets'
  /** Single Facet Value: a facet other than enumeration or pattern written twice in one restriction. */
  | 'xsd.src-single-facet-value'
  /** Facet combinations of part 2 section 4.3, each named after its constraint. */
  | 'xsd.length-minLength-maxLength'
  | 'xsd.minLength-less-than-equal-to-maxLength'
  | 'xsd.maxInclusive-maxExclusive'
  | 'xsd.minInclusive-minExclusive'
  | 'xsd.minInclusive-less-than-equal-to-maxInclusive'
  | 'xsd.minInclusive-less-than-maxExclusive'
  | 'xsd.minExclusive-less-than-equal-to-maxExclusive'
  | 'xsd.minExclusive-less-than-maxInclusive'
  | 'xsd.fractionDigits-totalDigits'
  /** <facet> valid restriction (part 2 section 4.3): a facet that widens its base's, changes a fixed one, or a bound outside the base's values. */
  | 'xsd.length-valid-restriction'
  | 'xsd.minLength-valid-restriction'
  | 'xsd.maxLength-valid-restriction'
  | 'xsd.minInclusive-valid-restriction'
  | 'xsd.maxInclusive-valid-restriction'
  | 'xsd.minExclusive-valid-restriction'
  | 'xsd.maxExclusive-valid-restriction'
  | 'xsd.totalDigits-valid-restriction'
  | 'xsd.fractionDigits-valid-restriction'
  | 'xsd.whiteSpace-valid-restriction'
  /** xmlns Not Allowed (3.2.6): an attribute declaration named xmlns. */
  | 'xsd.no-xmlns'
  /** xsi: Not Allowed (3.2.6): an attribute declaration in the XMLSchema-instance namespace. */
  | 'xsd.no-xsi'
  | 'rules.invalid'
  /** `writeOutput` into a folder that holds files and no manifest of an earlier run (write-output.ts). */
  | 'options.invalid'
  | 'output.not-generated'
  /** The output folder's manifest is not one the generator wrote. */
  | 'output.manifest-invalid';

export class GeneratorError extends Error {
  readonly code: GeneratorErrorCode;
  /** The sentence alone, without the code, position and hint that `message` adds. */
  readonly detail: string;
  readonly source: SourcePosition | undefined;
  readonly hint: string | undefined;

  constructor(code: GeneratorErrorCode, message: string, source?: SourcePosition, hint?: string) {
    super(formatMessage(code, message, source, hint));
    this.name = 'GeneratorError';
    this.code = code;
    this.detail = message;
    this.source = source;
    this.hint = hint;
  }
}

function formatMessage(
  code: string,
  message: string,
  source: SourcePosition | undefined,
  hint: string | undefined,
): string {
  const lines = [`${code}: ${message}`];
  if (source) lines.push(`  at: ${source.file}:${source.line}:${source.column}`);
  if (hint) lines.push(`  hint: ${hint}`);
  return lines.join('\n');
}
