/**
 * @evfw/runtime: the hand-written library that generated code imports.
 *
 * For now it holds the typed node that carries wildcard content (extension elements of other
 * namespaces) through the generated models without losing anything; XML reading, writing and
 * diagnostics join it with the parsers.
 */
export type { XmlAttribute, XmlElement, XmlNode, XmlText } from './xml-node.js';
