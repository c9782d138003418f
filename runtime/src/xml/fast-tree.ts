/**
 * The source tree of a document read on the fast path: TreeHandler builds, from the fast reader's
 * events, the same tree as TreeBuilder does from the conformant parser's.
 */
import type { Limits } from '../limits.js';
import { scanFast, type FastHandler, type FastTag } from './fast-reader.js';
import type { NamespaceScope } from './namespace-scope.js';
import type { SourceElement, SourceNode, SourceText } from './source-tree.js';
import { ReadElement } from './tree-builder.js';

/** The source tree of `text`, or undefined when the conformant path must read it. */
export function readFast(text: string, limits: Limits): SourceElement | undefined {
  const tree = new TreeHandler();
  return scanFast(text, limits, tree, true) ? tree.root : undefined;
}

/** Builds the same tree as TreeBuilder does from the conformant parser's events. */
class TreeHandler implements FastHandler {
  root: ReadElement | undefined;
  private readonly open: ReadElement[] = [];

  start(tag: FastTag, scope: NamespaceScope): void {
    const element = new ReadElement(tag, scope);
    const parent = this.open.length === 0 ? undefined : this.open[this.open.length - 1]!;
    if (parent) (parent.children as SourceNode[]).push(element);
    else this.root = element;
    this.open.push(element);
  }

  text(text: string, line: number, column: number): void {
    const node: SourceText = { kind: 'text', text, line, column };
    (this.open[this.open.length - 1]!.children as SourceNode[]).push(node);
  }

  end(): void {
    this.open.pop();
  }

  keepsWhiteSpace(): boolean {
    return true;
  }
}
