/**
 * What the model walk (walk-model.ts) writes to: XML as a stream of start, attribute, text and
 * end events. XmlTextWriter (xml/write-xml.ts) turns them straight into text, which is how
 * serializeDocument writes; the tree builder of to-xml.ts turns them into an XmlElement tree for
 * the code that wants to look at or change the document before writing it (test mutants).
 */
import type { XmlAttribute, XmlElement } from '../xml-node.js';

export interface XmlSink {
  /** Starts an element; `indentContent`: its children are all elements, so pretty printing may indent them. */
  open(namespace: string, name: string, indentContent: boolean): void;
  /** One attribute of the element just started, before any of its children. */
  attribute(namespace: string, name: string, value: string): void;
  /** Attributes as they are (xs:anyAttribute), after the declared ones. */
  attributes(attributes: readonly XmlAttribute[]): void;
  /** Character data (the model walk never sends an empty string: it writes `<a/>` for it). */
  text(text: string): void;
  /** Ends the innermost open element. */
  close(): void;
  /** Extension content (xs:any, xs:anyType), kept exactly as it is. */
  verbatim(element: XmlElement): void;
}
