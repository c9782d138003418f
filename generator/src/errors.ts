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
  | 'xsd.name.clash'
  | 'rules.invalid';

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
