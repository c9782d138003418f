/**
 * Schemas the generator knows without reading them from disk.
 *
 * Only the xml: namespace (https://www.w3.org/XML/1998/namespace), which many schemas import
 * from a remote location (http://www.w3.org/2001/xml.xsd). It is never fetched: this text, written
 * from the W3C's xml.xsd, declares the same four attributes.
 */
import { XML_NAMESPACE } from '../ir/ir.js';

export const BUILTIN_SCHEMA_FILES: Readonly<Record<string, { file: string; text: string }>> = {
  [XML_NAMESPACE]: {
    file: '<builtin>/xml.xsd',
    text: `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           targetNamespace="http://www.w3.org/XML/1998/namespace">
  <xs:attribute name="lang">
    <xs:annotation>
      <xs:documentation>The natural language of the element's content (BCP 47), or empty for none.</xs:documentation>
    </xs:annotation>
    <xs:simpleType>
      <xs:union memberTypes="xs:language">
        <xs:simpleType>
          <xs:restriction base="xs:string">
            <xs:enumeration value=""/>
          </xs:restriction>
        </xs:simpleType>
      </xs:union>
    </xs:simpleType>
  </xs:attribute>
  <xs:attribute name="space">
    <xs:annotation>
      <xs:documentation>Whether white space in the element's content is significant.</xs:documentation>
    </xs:annotation>
    <xs:simpleType>
      <xs:restriction base="xs:NCName">
        <xs:enumeration value="default"/>
        <xs:enumeration value="preserve"/>
      </xs:restriction>
    </xs:simpleType>
  </xs:attribute>
  <xs:attribute name="base" type="xs:anyURI">
    <xs:annotation>
      <xs:documentation>The base URI of the element (XML Base).</xs:documentation>
    </xs:annotation>
  </xs:attribute>
  <xs:attribute name="id" type="xs:ID">
    <xs:annotation>
      <xs:documentation>An identifier of the element (xml:id).</xs:documentation>
    </xs:annotation>
  </xs:attribute>
</xs:schema>
`,
  },
};
