/**
 * The one seam between evfw and the XML 1.0 parser underneath (today saxes, in
 * saxes-parser.ts). Whatever parses must be conformant and namespace-aware, refuse DTDs, and
 * report through this interface: constructs in document order with the points where they
 * start, and problems already classified by diagnostic code. Building the tree, limits and error
 * recovery stay on our side of the seam, so swapping the parser touches one file.
 */
import type { DiagnosticCode } from '../diagnostics.js';
import type { NamespaceDeclaration, SourceAttribute, SourcePoint } from './source-tree.js';

/** A complete start tag, namespaces resolved. A self-closed element is followed by its end. */
export interface ParsedStartTag extends SourcePoint {
  readonly namespace: string;
  /** The local name. */
  readonly name: string;
  readonly prefix: string;
  /** Attributes other than namespace declarations, in document order. */
  readonly attributes: readonly SourceAttribute[];
  readonly namespaceDeclarations: readonly NamespaceDeclaration[];
}

/** Why the document is not well-formed, where, and the tag being read if inside one. */
export interface ParseProblem extends SourcePoint {
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly hint?: string;
  /** The qualified name of the start tag the problem is in, when it is in one. */
  readonly inStartTag?: string;
}

export interface XmlEventHandler {
  /** Read after every event: once true, the parser reports nothing more and returns. */
  readonly stopped: boolean;
  startElement(tag: ParsedStartTag): void;
  endElement(): void;
  /**
   * Character data inside the root element, references resolved and line ends normalized.
   * Text and CDATA sections may arrive in several consecutive calls; the handler merges them.
   */
  characters(text: string, at: SourcePoint): void;
  /** A fatal problem: the parser may report more afterwards, but their data is not reliable. */
  problem(problem: ParseProblem): void;
}

export interface XmlParser {
  /** Parses a whole decoded document (no byte order mark), calling the handler in order. */
  parse(text: string, handler: XmlEventHandler): void;
}
