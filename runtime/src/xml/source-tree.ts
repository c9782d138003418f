/**
 * The positioned element tree the XML reader builds and the validator walks: namespaces
 * resolved, every element, attribute and text node with the line and column it started at.
 * Comments and processing instructions are not kept (the README of the generated package says
 * so); whitespace text is kept, and the validator decides where it is insignificant.
 */

export interface SourcePoint {
  /** 1-based. */
  readonly line: number;
  /** 1-based, in characters (Unicode code points). */
  readonly column: number;
}

export interface SourceAttribute extends SourcePoint {
  /** '' for an unprefixed attribute. */
  readonly namespace: string;
  readonly name: string;
  /** The prefix written, '' for none. */
  readonly prefix: string;
  /** The value after attribute-value normalization (XML 1.0 section 3.3.3). */
  readonly value: string;
}

export interface NamespaceDeclaration {
  /** '' for the default namespace (xmlns="..."). */
  readonly prefix: string;
  /** '' undeclares the default namespace. */
  readonly uri: string;
}

export interface SourceElement extends SourcePoint {
  readonly kind: 'element';
  /** '' for an element in no namespace. */
  readonly namespace: string;
  readonly name: string;
  /** The prefix written, '' for none. */
  readonly prefix: string;
  /** Attributes other than namespace declarations, in document order. */
  readonly attributes: readonly SourceAttribute[];
  /** The xmlns and xmlns:p attributes written on this element, in document order. */
  readonly namespaceDeclarations: readonly NamespaceDeclaration[];
  readonly children: readonly SourceNode[];
  /** Resolves a prefix in scope here ('' for the default namespace), for QName values. */
  lookupNamespace(prefix: string): string | undefined;
}

export interface SourceText extends SourcePoint {
  readonly kind: 'text';
  /** Character data with references resolved; adjacent text and CDATA sections are merged. */
  readonly text: string;
}

export type SourceNode = SourceElement | SourceText;
