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
