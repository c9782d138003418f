/**
 * readXml: text or bytes in, a positioned, namespace-resolved source tree or the reasons there
 * is none out. It reads top-down:
 *
 *   size limit -> decode (encoding, Chars) -> conformant parse into a tree (DOCTYPE, depth and
 *   length limits) -> on a syntax error, the defect scanner, merged with the parser's error
 *
 * Nothing here throws: even a bug of ours comes back as a diagnostic.
 */
import { type Diagnostic, excerpt } from '../diagnostics.js';
import { type Limits, resolveLimits } from '../limits.js';
import { codePointLength } from './characters.js';
import { decodeXml } from './decode.js';
import { readFast } from './fast-tree.js';
import { mergeDefects } from './merge-defects.js';
import { saxesParser } from './saxes-parser.js';
import { scanDefects } from './scan-defects.js';
import type { SourceElement } from './source-tree.js';
import { TreeBuilder } from './tree-builder.js';
import type { XmlParser } from './xml-parser.js';

export interface ReadXmlOptions {
  limits?: Partial<Limits>;
  /**
   * Try the fast reader first (the default). false reads with the conformant parser alone:
   * the tests compare the two.
   */
  fast?: boolean;
}

export interface ReadXmlResult {
  /** The root element; undefined when the document is not well-formed or breaks a limit. */
  root: SourceElement | undefined;
  /** Why there is no root; empty when there is one. */
  diagnostics: Diagnostic[];
}

const parser: XmlParser = saxesParser;

export function readXml(input: string | Uint8Array, options: ReadXmlOptions = {}): ReadXmlResult {
  try {
    return read(input, resolveLimits(options.limits), options.fast ?? true);
  } catch (error) {
    return failed([
      fatal(
        'evfw.internal',
        `the XML reader failed unexpectedly (${excerpt(String(error), 120)}); this is a bug in evfw, not in the document`,
        'please report it with the document that caused it',
      ),
    ]);
  }
}

function read(input: string | Uint8Array, limits: Limits, tryFast: boolean): ReadXmlResult {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    return failed([fatal('evfw.xml.encoding', `the input is ${typeof input}, not a string or a Uint8Array`)]);
  }
  const tooLarge = checkSize(input, limits.maxDocumentSize);
  if (tooLarge) return failed([tooLarge]);
  const decoded = decodeXml(input);
  if ('error' in decoded) return failed([decoded.error]);

  const fast = tryFast ? readFast(decoded.text, limits) : undefined;
  if (fast) return { root: fast, diagnostics: [] };
  const builder = new TreeBuilder(limits);
  parser.parse(decoded.text, builder);
  if (builder.failure) return failed(withDefects(builder.failure, decoded.text, limits));
  if (builder.root) return { root: builder.root, diagnostics: [] };
  // A conformant parser reports a missing root itself; this is the belt to its braces.
  return failed([fatal('evfw.xml.no-root', 'the document has no root element')]);
}

/** Size is checked before decoding: bytes of a Uint8Array, characters of a string. */
function checkSize(input: string | Uint8Array, max: number): Diagnostic | undefined {
  const size = typeof input === 'string' ? (input.length <= max ? input.length : codePointLength(input)) : input.byteLength;
  if (size <= max) return undefined;
  const unit = typeof input === 'string' ? 'characters' : 'bytes';
  return {
    ...fatal('evfw.limit.size', `the document has ${size.toLocaleString('en-US')} ${unit}, more than the limit of ${max.toLocaleString('en-US')}`),
    hint: 'raise the maxDocumentSize limit if the document is trusted',
  };
}

/** Faults that are one of a kind, not a sign of hand-written XML with more defects to find. */
const ALONE: ReadonlySet<Diagnostic['code']> = new Set([
  'evfw.limit.depth',
  'evfw.limit.text',
  'evfw.xml.doctype',
  'evfw.xml.encoding',
  'evfw.xml.invalid-char',
]);

/** Syntax errors send the scanner looking for the other defects a hand-written document has. */
function withDefects(failure: Diagnostic, text: string, limits: Limits): Diagnostic[] {
  if (ALONE.has(failure.code)) return [failure];
  let defects: Diagnostic[] = [];
  try {
    defects = scanDefects(text, { maxDefects: limits.maxErrors + 1, maxDepth: limits.maxDepth });
  } catch {
    // The scanner is a help, never a reason to lose the parser's own error.
  }
  return mergeDefects(failure, defects, limits.maxErrors);
}

function failed(diagnostics: Diagnostic[]): ReadXmlResult {
  return { root: undefined, diagnostics };
}

/** A diagnostic about the input as a whole: no line or column to point at. */
function fatal(code: Diagnostic['code'], message: string, hint?: string): Diagnostic {
  return { code, severity: 'error', message, ...(hint ? { hint } : {}), line: 0, column: 0, path: '' };
}
