/**
 * Builds the source tree from the parser's events and enforces the limits that concern it:
 * element depth, and the length of one text node or attribute value. The first problem, from
 * the parser or a limit, stops the build: a document that is not well-formed has no tree.
 *
 * Adjacent character data (text, CDATA sections, and text on either side of a dropped comment
 * or processing instruction) becomes one SourceText at the point where the first piece starts.
 * Pieces are counted before they are kept, so text beyond the length limit is never joined.
 */
import { excerpt, type Diagnostic } from '../diagnostics.js';
import type { Limits } from '../limits.js';
import { codePointLength } from './characters.js';
import { ElementPath, localName } from './element-path.js';
import { NamespaceScope } from './namespace-scope.js';
import type { NamespaceDeclaration, SourceAttribute, SourceElement, SourceNode, SourcePoint, SourceText } from './source-tree.js';
import type { ParsedStartTag, ParseProblem, XmlEventHandler } from './xml-parser.js';

class ReadElement implements SourceElement {
  readonly kind = 'element';
  readonly namespace: string;
  readonly name: string;
  readonly prefix: string;
  readonly attributes: readonly SourceAttribute[];
  readonly namespaceDeclarations: readonly NamespaceDeclaration[];
  readonly children: SourceNode[] = [];
  readonly line: number;
  readonly column: number;
  // Private and not enumerable: equality checks and JSON see the element, not its scope chain.
  readonly #scope: NamespaceScope;

  constructor(tag: ParsedStartTag, scope: NamespaceScope) {
    this.namespace = tag.namespace;
    this.name = tag.name;
    this.prefix = tag.prefix;
    this.attributes = tag.attributes;
    this.namespaceDeclarations = tag.namespaceDeclarations;
    this.line = tag.line;
    this.column = tag.column;
    this.#scope = scope;
  }

  lookupNamespace(prefix: string): string | undefined {
    return this.#scope.lookup(prefix);
  }
}

interface Open {
  readonly element: ReadElement;
  readonly scope: NamespaceScope;
}

interface PendingText {
  readonly at: SourcePoint;
  readonly pieces: string[];
  /** Code points so far; counted only once the UTF-16 length could exceed the limit. */
  length: number;
  counted: boolean;
}

export class TreeBuilder implements XmlEventHandler {
  root: SourceElement | undefined;
  /** The first problem; once set, the build is over. */
  failure: Diagnostic | undefined;
  private readonly open: Open[] = [];
  private readonly path = new ElementPath();
  private text: PendingText | undefined;

  constructor(private readonly limits: Limits) {}

  get stopped(): boolean {
    return this.failure !== undefined;
  }

  startElement(tag: ParsedStartTag): void {
    this.flushText();
    if (this.open.length + 1 > this.limits.maxDepth) {
      this.fail(tag, this.path.toString(this.path.nextSegment(tag.name)), {
        code: 'evfw.limit.depth',
        message: `elements are nested more than ${this.limits.maxDepth} deep`,
        hint: 'raise the maxDepth limit if the document is trusted',
      });
      return;
    }
    if (!this.valuesWithinLimit(tag)) return;
    const parent = this.open.at(-1);
    const scope = (parent?.scope ?? NamespaceScope.initial).declare(tag.namespaceDeclarations);
    const element = new ReadElement(tag, scope);
    if (parent) parent.element.children.push(element);
    else this.root = element;
    this.open.push({ element, scope });
    this.path.enter(tag.name);
  }

  endElement(): void {
    this.flushText();
    this.open.pop();
    this.path.leave();
  }

  characters(text: string, at: SourcePoint): void {
    const pending = (this.text ??= { at, pieces: [], length: 0, counted: false });
    let length = pending.length + text.length;
    if (length > this.limits.maxTextLength) {
      // UTF-16 units overcount characters outside the BMP: count exactly, once it matters.
      if (!pending.counted) pending.length = pending.pieces.reduce((n, piece) => n + codePointLength(piece), 0);
      pending.counted = true;
      length = pending.length + codePointLength(text);
      if (length > this.limits.maxTextLength) {
        this.fail(pending.at, this.path.toString(), tooLong('a text node', this.limits.maxTextLength));
        return;
      }
    }
    pending.length = length;
    pending.pieces.push(text);
  }

  problem(problem: ParseProblem): void {
    // A problem inside a start tag belongs to the element that tag opens.
    const reading = problem.inStartTag === undefined ? [] : [this.path.nextSegment(localName(problem.inStartTag))];
    this.fail(problem, this.path.toString(...reading), problem);
  }

  private valuesWithinLimit(tag: ParsedStartTag): boolean {
    const max = this.limits.maxTextLength;
    for (const a of tag.attributes) {
      if (longerThan(a.value, max)) return this.valueTooLong(tag, a, a.prefix ? `${a.prefix}:${a.name}` : a.name);
    }
    for (const d of tag.namespaceDeclarations) {
      if (longerThan(d.uri, max)) return this.valueTooLong(tag, tag, d.prefix ? `xmlns:${d.prefix}` : 'xmlns');
    }
    return true;
  }

  private valueTooLong(tag: ParsedStartTag, at: SourcePoint, qname: string): false {
    const path = this.path.toString(this.path.nextSegment(tag.name), `@${excerpt(localName(qname), 64)}`);
    this.fail(at, path, tooLong(`the value of attribute "${excerpt(qname)}"`, this.limits.maxTextLength));
    return false;
  }

  private flushText(): void {
    const pending = this.text;
    if (!pending) return;
    this.text = undefined;
    const node: SourceText = { kind: 'text', text: pending.pieces.join(''), line: pending.at.line, column: pending.at.column };
    this.open.at(-1)?.element.children.push(node);
  }

  private fail(at: SourcePoint, path: string, what: Pick<Diagnostic, 'code' | 'message' | 'hint'>): void {
    if (this.failure) return;
    this.failure = {
      code: what.code,
      severity: 'error',
      message: what.message,
      ...(what.hint ? { hint: what.hint } : {}),
      line: at.line,
      column: at.column,
      path,
    };
  }
}

/** UTF-16 length first: it is never less than the number of characters, and it is free. */
function longerThan(value: string, max: number): boolean {
  return value.length > max && codePointLength(value) > max;
}

function tooLong(what: string, max: number): Pick<Diagnostic, 'code' | 'message' | 'hint'> {
  return {
    code: 'evfw.limit.text',
    message: `${what} is longer than the limit of ${max.toLocaleString('en-US')} characters`,
    hint: 'raise the maxTextLength limit if the document is trusted',
  };
}
