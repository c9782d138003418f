/**
 * The neutral docs model: what the reference says, built once from the IR, before any choice of
 * Markdown or HTML. The renderers only lay it out, so both formats say the same thing.
 *
 * Wording is kept as phrases (text, code and links) rather than strings, so each renderer can
 * escape and link in its own syntax without parsing prose back.
 */

/** A piece of running text: plain words, a literal (an element name, a value, a pattern) or a link. */
export type Fragment =
  | { readonly text: string }
  | { readonly code: string }
  | { readonly link: string; readonly target: LinkTarget };

export type Phrase = readonly Fragment[];

/**
 * Where a link points: an anchor of a module's page (`module` undefined means the page being
 * written), or a diagnostic code, which each format resolves in its own way.
 */
export type LinkTarget =
  | { readonly kind: 'anchor'; readonly anchor: string; readonly module?: string }
  | { readonly kind: 'diagnostic'; readonly code: string };

export const text = (value: string): Fragment => ({ text: value });
export const code = (value: string): Fragment => ({ code: value });
export const link = (label: string, target: LinkTarget): Fragment => ({ link: label, target });

/** `a, b or c` (or `and`), as a phrase. */
export function joinPhrases(items: readonly Phrase[], last: 'and' | 'or' = 'or', separator = ', '): Phrase {
  const out: Fragment[] = [];
  items.forEach((item, i) => {
    if (i > 0) out.push(text(i === items.length - 1 ? ` ${last} ` : separator));
    out.push(...item);
  });
  return out;
}

export function plainText(phrase: Phrase): string {
  return phrase.map((f) => ('text' in f ? f.text : 'code' in f ? f.code : f.link)).join('');
}

/** One row of a data-semantics table (OMA style). */
export interface DocsRow {
  readonly name: Phrase;
  readonly kind: 'element' | 'attribute' | 'any element' | 'any attribute';
  readonly type: Phrase;
  /** `1`, `0..1`, `1..n`, `0..n`, `2..5`. */
  readonly cardinality: string;
  readonly allowed: Phrase;
  readonly description: string;
  readonly sections: readonly string[];
}

export interface DocsRule {
  readonly code: string;
  readonly section: string;
  readonly severity: 'error' | 'warning';
  readonly profile: 'spec' | 'invite';
  readonly description: string;
}

export interface DocsElement {
  readonly anchor: string;
  /** `<cpm-evfw>`. */
  readonly title: string;
  /** For a table of contents where titles repeat: `<status> in <delivery-notification>`. */
  readonly label: string;
  /** `Global element` or `Local element, child of <object>`, with links. */
  readonly scope: Phrase;
  readonly documentation: string;
  readonly sections: readonly string[];
  /** The element itself, then its attributes, then its children. */
  readonly rows: readonly DocsRow[];
  readonly content: Phrase;
  readonly extensions: readonly Phrase[];
  readonly identity: readonly Phrase[];
  readonly diagnostics: readonly string[];
  readonly rules: readonly DocsRule[];
}

export interface DocsType {
  readonly anchor: string;
  /** `evfw:imap-flag`. */
  readonly title: string;
  readonly kind: 'simple' | 'complex';
  readonly documentation: string;
  readonly sections: readonly string[];
  /** Derivation and values in words. */
  readonly summary: Phrase;
  readonly values: readonly { readonly value: string; readonly documentation: string }[];
  readonly usedBy: Phrase;
}

export interface DocsExample {
  /** `<cpm-evfw>`. */
  readonly root: string;
  /** The document, or undefined when none could be built (then `reason` says why). */
  readonly document?: string;
  readonly profile?: 'xsd' | 'spec' | 'invite';
  readonly reason?: string;
}

export interface DocsModule {
  readonly module: string;
  readonly namespace: string;
  readonly prefix: string | undefined;
  readonly files: readonly string[];
  readonly documentation: string;
  readonly sections: readonly string[];
  readonly elements: readonly DocsElement[];
  readonly attributes: readonly DocsRow[];
  readonly types: readonly DocsType[];
  /** The xs:notation declarations: what values of a NOTATION type may name. */
  readonly notations: readonly DocsNotation[];
  readonly rules: readonly DocsRule[];
  readonly examples: readonly DocsExample[];
}

export interface DocsNotation {
  readonly name: string;
  readonly public: string | undefined;
  readonly system: string | undefined;
  readonly documentation: string;
}

export interface DocsSet {
  /** Every source schema file, for the headers. */
  readonly sources: readonly string[];
  readonly modules: readonly DocsModule[];
  /** Every diagnostic code with its meaning (the runtime's and the rules'), for the HTML's own table. */
  readonly codes: readonly { readonly code: string; readonly meaning: string }[];
}

/** xs:documentation as one paragraph: the schemas wrap it at 100 columns. */
export function normalizeSpace(value: string | undefined): string {
  return (value ?? '').replace(/\s+/g, ' ').trim();
}
