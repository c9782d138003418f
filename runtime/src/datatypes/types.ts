/**
 * The shapes shared by the simple-type checker: how generated descriptor tables describe a simple
 * type, and what a check returns. Descriptors are plain JSON data so generated code can embed
 * them as literals.
 */

/** A simple type as the generated descriptor tables describe it (plain JSON data). */
export type SimpleTypeDescriptor =
  | { readonly kind: 'builtin'; readonly name: string }
  | { readonly kind: 'atomic'; readonly base: SimpleTypeDescriptor; readonly facets: Facets }
  | { readonly kind: 'list'; readonly item: SimpleTypeDescriptor; readonly facets: Facets }
  | { readonly kind: 'union'; readonly members: readonly SimpleTypeDescriptor[]; readonly facets: Facets };

export type WhiteSpace = 'preserve' | 'replace' | 'collapse';

export interface Facets {
  readonly enumeration?: readonly string[];
  /**
   * For a type derived from QName or NOTATION: the prefixes in scope where its enumeration
   * values were written ('' for the default namespace), so that they compare as expanded names.
   */
  readonly namespaces?: Readonly<Record<string, string>>;
  /** Each entry is one xs:restriction step's patterns (ORed within a step, ANDed across steps). */
  readonly patterns?: readonly (readonly string[])[];
  readonly length?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minInclusive?: string;
  readonly maxInclusive?: string;
  readonly minExclusive?: string;
  readonly maxExclusive?: string;
  readonly totalDigits?: number;
  readonly fractionDigits?: number;
  readonly whiteSpace?: WhiteSpace;
}

export type SimpleValue = string | number | boolean | readonly SimpleValue[];

export type Fault = 'datatype' | 'enum' | 'facet';

export type CheckResult =
  | { readonly ok: true; readonly normalized: string; readonly value: SimpleValue }
  | { readonly ok: false; readonly fault: Fault; readonly message: string; readonly hint?: string };

/** Resolves a QName prefix; the empty string asks for the default namespace. */
export interface NamespaceContext {
  lookupNamespace(prefix: string): string | undefined;
}
