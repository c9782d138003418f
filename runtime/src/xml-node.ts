/**
 * XML content the schema leaves open (xs:any, xs:anyAttribute): kept as a small typed tree so
 * that an extension element survives a round trip with its namespace, name, attributes,
 * children and text, in order.
 */

export interface XmlAttribute {
  /** The attribute's namespace URI; '' for an unprefixed attribute. */
  readonly namespace: string;
  readonly name: string;
  readonly value: string;
  /** A prefix the serializer should prefer for this namespace. Set by programs; the parser never sets it. */
  readonly prefix?: string;
  /**
   * Set when the value is a QName (xsi:type): `value` is then the local name, and the writer
   * puts before it the prefix it binds to this namespace ('' for no namespace), declared on the
   * root like every other. The parser never sets it.
   */
  readonly valueNamespace?: string;
}

export interface XmlElement {
  readonly kind: 'element';
  /** The element's namespace URI; '' for an element in no namespace. */
  readonly namespace: string;
  readonly name: string;
  /** A prefix the serializer should prefer for this namespace. Set by programs; the parser never sets it. */
  readonly prefix?: string;
  readonly attributes: readonly XmlAttribute[];
  /** Child elements and character data, in document order. */
  readonly children: readonly XmlNode[];
}

export interface XmlText {
  readonly kind: 'text';
  readonly text: string;
}

export type XmlNode = XmlElement | XmlText;
