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
import { formatPath, localName, segment, type PathLevel } from './element-path.js';
import { NamespaceScope } from './namespace-scope.js';
import type { NamespaceDeclaration, SourceAttribute, SourceElement, SourceNode, SourcePoint, SourceText } from './source-tree.js';
import type { ParsedStartTag, ParseProblem, XmlEventHandler } from './xml-parser.js';

/** An element of the source tree; the fast reader (fast-reader.ts) makes them too. */
export class ReadElement implements SourceElement {
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
    // Assigned in one order for every element, so V8 gives them all one shape.
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
  /** Most text nodes are one piece: a list is made only for the second. */
  readonly first: string;
  more?: string[];
  units: number;
  /** Counted only once the UTF-16 units could pass the length limit. */
  codePoints: number | undefined;
}

const joined = (text: PendingText) => (text.more ? text.first + text.more.join('') : text.first);

export class TreeBuilder implements XmlEventHandler {
  root: SourceElement | undefined;
  /** The first problem; once set, the build is over. */
  failure: Diagnostic | undefined;
  private readonly open: Open[] = [];
  private text: PendingText | undefined;

  constructor(private readonly limits: Limits) {}

  get stopped(): boolean {
    return this.failure !== undefined;
  }

  startElement(tag: ParsedStartTag): void {
    this.flushText();
    if (this.open.length + 1 > this.limits.maxDepth) {
      this.fail(tag, this.path(this.nextSegment(tag.name)), {
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
  }

  endElement(): void {
    this.flushText();
    this.open.pop();
  }

  characters(text: string, at: SourcePoint): void {
    const max = this.limits.maxTextLength;
    const pending = this.text;
    const units = (pending?.units ?? 0) + text.length;
    let codePoints: number | undefined;
    if (units > max) {
      // UTF-16 units overcount characters outside the BMP: count exactly, once it matters.
      const before = pending ? (pending.codePoints ?? codePointLength(joined(pending))) : 0;
      codePoints = before + codePointLength(text);
      if (codePoints > max) {
        this.fail(pending?.at ?? at, this.path(), tooLong('a text node', max));
        return;
      }
    }
    if (!pending) {
      this.text = { at, first: text, units, codePoints };
      return;
    }
    (pending.more ??= []).push(text);
    pending.units = units;
    pending.codePoints = codePoints;
  }

  problem(problem: ParseProblem): void {
    // A problem inside a start tag belongs to the element that tag opens.
    const reading = problem.inStartTag === undefined ? [] : [this.nextSegment(localName(problem.inStartTag))];
    this.fail(problem, this.path(...reading), problem);
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
    const path = this.path(this.nextSegment(tag.name), `@${excerpt(localName(qname), 64)}`);
    this.fail(at, path, tooLong(`the value of attribute "${excerpt(qname)}"`, this.limits.maxTextLength));
    return false;
  }

  private flushText(): void {
    const pending = this.text;
    if (!pending) return;
    this.text = undefined;
    const node: SourceText = { kind: 'text', text: joined(pending), line: pending.at.line, column: pending.at.column };
    this.open.at(-1)?.element.children.push(node);
  }

  /** The path of the open element, worked out from the tree: sibling positions are not kept. */
  private path(...more: string[]): string {
    const levels: PathLevel[] = this.open.map(({ element }, depth) => {
      const siblings = depth === 0 ? [] : this.open[depth - 1]!.element.children;
      const before = siblings.slice(0, siblings.indexOf(element) + 1);
      const position = depth === 0 ? 0 : before.filter((n) => n.kind === 'element' && n.name === element.name).length;
      return { local: element.name, position };
    });
    return formatPath(levels, more);
  }

  /** The segment of a child named `local` of the open element, not yet in the tree. */
  private nextSegment(local: string): string {
    const parent = this.open.at(-1);
    const position = parent ? parent.element.children.filter((n) => n.kind === 'element' && n.name === local).length + 1 : 0;
    return segment({ local, position });
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
