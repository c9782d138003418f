/**
 * A typed model value as an XmlElement tree, for code that looks at or changes a document before
 * writing it (the test mutants and generators); serializeDocument writes text directly instead
 * (model-to-text.ts). The mapping rules are walk-model.ts's; this file only builds the tree. A
 * value that does not fit its schema gives evfw.model.invalid diagnostics in `problems`, and a
 * tree holding what could be written.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { ElementDescriptor } from '../schema/descriptor.js';
import type { SchemaRegistry } from '../schema/registry.js';
import type { XmlAttribute, XmlElement, XmlNode } from '../xml-node.js';
import { ModelWalker } from './walk-model.js';
import type { XmlSink } from './xml-sink.js';

export class ModelWriter {
  readonly problems: Diagnostic[] = [];
  /** Extension content, written back exactly as it was read. */
  readonly verbatim = new WeakSet<XmlElement>();

  constructor(private readonly registry: SchemaRegistry) {}

  element(decl: ElementDescriptor, value: unknown, path: string): XmlElement {
    const tree = new TreeBuilder(this.verbatim);
    new ModelWalker(this.registry, tree, this.problems).document(decl, value, path);
    return tree.root!;
  }
}

/** An element while its attributes and children are being added. */
interface OpenElement extends XmlElement {
  readonly attributes: XmlAttribute[];
  readonly children: XmlNode[];
}

class TreeBuilder implements XmlSink {
  root: XmlElement | undefined;
  private readonly stack: OpenElement[] = [];

  constructor(private readonly verbatimSet: WeakSet<XmlElement>) {}

  open(namespace: string, name: string): void {
    const element: OpenElement = { kind: 'element', namespace, name, attributes: [], children: [] };
    this.add(element);
    this.stack.push(element);
  }

  attribute(namespace: string, name: string, value: string): void {
    this.current().attributes.push({ namespace, name, value });
  }

  attributes(attributes: readonly XmlAttribute[]): void {
    this.current().attributes.push(...attributes);
  }

  text(text: string): void {
    this.current().children.push({ kind: 'text', text });
  }

  close(): void {
    this.stack.pop();
  }

  verbatim(element: XmlElement): void {
    this.verbatimSet.add(element);
    this.add(element);
  }

  private add(element: XmlElement): void {
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.children.push(element);
    else this.root = element;
  }

  private current(): OpenElement {
    return this.stack[this.stack.length - 1]!;
  }
}
