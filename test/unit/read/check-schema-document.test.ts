/**
 * Schema documents against the schema for schemas (generator/src/read/check-schema-document.ts):
 * children in the order and number XSD 1.0's appendix A allows, attributes allowed, required
 * and valid, and the prose rules tied to one element, each refused with its own code at the
 * element; and valid documents, however deep, accepted.
 */
import { describe, expect, it } from 'vitest';
import { GeneratorError } from '../../../generator/src/errors.js';
import { checkSchemaDocument } from '../../../generator/src/read/check-schema-document.js';
import { parseXmlTree } from '../../../generator/src/read/xml-tree.js';

const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';

/** A schema of namespace urn:t (prefix t) around `body`, which starts on line 2. */
const schema = (body: string, attrs = ' targetNamespace="urn:t" xmlns:t="urn:t"') => `<xs:schema ${XS}${attrs}>\n${body}\n</xs:schema>`;

function check(text: string, chameleonNamespace?: string): void {
  checkSchemaDocument(parseXmlTree(text, 'a.xsd'), chameleonNamespace);
}

function errorOf(text: string): GeneratorError {
  try {
    check(text);
  } catch (error) {
    if (error instanceof GeneratorError) return error;
    throw error;
  }
  throw new Error('the check did not fail');
}

describe('checkSchemaDocument accepts', () => {
  it('a schema using most of XSD 1.0, with annotations wherever they may stand', () => {
    const text = schema(`  <xs:annotation><xs:appinfo><x:any xmlns:x="urn:x">free <x:b/></x:any></xs:appinfo></xs:annotation>
  <xs:import namespace="urn:o"/>
  <xs:annotation id="a1"/>
  <xs:element name="root" xmlns:o="urn:o" block="#all" final="extension restriction">
    <xs:annotation><xs:documentation xml:lang="en-GB" source="http://x/y">Root.</xs:documentation></xs:annotation>
    <xs:complexType mixed="false">
      <xs:sequence minOccurs="0" maxOccurs="unbounded">
        <xs:element ref="o:other" minOccurs="2" maxOccurs="0002"/>
        <xs:group ref="t:g"/>
        <xs:choice><xs:any namespace="urn:y ##local ##targetNamespace" processContents="lax"/></xs:choice>
      </xs:sequence>
      <xs:attribute ref="t:global" default="1"/>
      <xs:attributeGroup ref="t:ag"/>
      <xs:anyAttribute namespace="##any"/>
    </xs:complexType>
    <xs:key name="k"><xs:selector xpath=".//t:a | t:b/child::* | ."/><xs:field xpath="t:c/@t:d"/><xs:field xpath="attribute::*"/></xs:key>
    <xs:keyref name="r" refer="t:k"><xs:selector xpath="t:*"/><xs:field xpath="@id"/></xs:keyref>
  </xs:element>
  <xs:attribute name="global" type="xs:int" other:flag="x" xmlns:other="urn:other"/>
  <xs:group name="g"><xs:all><xs:element name="e" minOccurs="0" maxOccurs="1"/></xs:all></xs:group>
  <xs:attributeGroup name="ag"><xs:attribute name="a" use="required" form="qualified"/><xs:anyAttribute/></xs:attributeGroup>
  <xs:complexType name="sc" final="#all" block="">
    <xs:simpleContent>
      <xs:restriction base="t:sc2"><xs:simpleType><xs:restriction base="xs:int"/></xs:simpleType><xs:maxInclusive value="3" fixed="true"/><xs:attribute name="b"/></xs:restriction>
    </xs:simpleContent>
  </xs:complexType>
  <xs:simpleType name="list" final="list union"><xs:list itemType="xs:int"/></xs:simpleType>
  <xs:simpleType name="u"><xs:union memberTypes="t:list xs:string"><xs:simpleType><xs:restriction><xs:simpleType><xs:list itemType="xs:int"/></xs:simpleType><xs:length value="2"/></xs:restriction></xs:simpleType></xs:union></xs:simpleType>
  <xs:complexType name="cc"><xs:complexContent mixed="true"><xs:extension base="t:sc"><xs:all minOccurs="0"><xs:element name="f"/></xs:all></xs:extension></xs:complexContent></xs:complexType>
  <xs:notation name="n" public="p"/>`);
    expect(() => check(text)).not.toThrow();
  });

  it('a chameleon include naming the namespace it is included into', () => {
    const text = schema('  <xs:element name="e" type="c:t" xmlns:c="urn:c"/>', '');
    expect(() => check(text, 'urn:c')).not.toThrow();
    expect(errorOf(text).code).toBe('xsd.src-resolve');
  });

  it('a document nested far deeper than the call stack would allow a recursive walk', () => {
    const depth = 20_000;
    const text = schema(`<xs:complexType name="deep">${'<xs:sequence>'.repeat(depth)}${'</xs:sequence>'.repeat(depth)}</xs:complexType>`);
    expect(() => checkSchemaDocument(parseXmlTree(text, 'a.xsd', depth + 10))).not.toThrow();
  });
});

interface Case {
  readonly name: string;
  readonly body: string;
  readonly attrs?: string;
  readonly code: string;
  readonly message: RegExp;
  readonly line: number;
}

const cases: Case[] = [
  // Content
  { name: 'two annotations in a complex type', body: '  <xs:complexType name="c">\n    <xs:annotation/><xs:annotation/>\n  </xs:complexType>', code: 'xsd.s4s-elt-invalid-content', message: /<xs:annotation> is not allowed here: the children of <xs:complexType> must match \(annotation\?, \(simpleContent \| complexContent \|/, line: 3 },
  { name: 'an annotation after the model group', body: '  <xs:complexType name="c">\n    <xs:sequence/>\n    <xs:annotation/>\n  </xs:complexType>', code: 'xsd.s4s-elt-invalid-content', message: /<xs:annotation> is not allowed here/, line: 4 },
  { name: 'an attribute before the model group', body: '  <xs:complexType name="c">\n    <xs:attribute name="a"/>\n    <xs:sequence/>\n  </xs:complexType>', code: 'xsd.s4s-elt-invalid-content', message: /<xs:sequence> is not allowed here/, line: 4 },
  { name: 'an identity constraint without field', body: '  <xs:element name="e">\n    <xs:unique name="u"><xs:selector xpath="a"/></xs:unique>\n  </xs:element>', code: 'xsd.s4s-elt-must-match', message: /the children of <xs:unique> must match \(annotation\?, selector, field\+\); <xs:field> is missing at the end/, line: 3 },
  { name: 'a simple type without derivation', body: '  <xs:simpleType name="s">\n    <xs:annotation/>\n  </xs:simpleType>', code: 'xsd.s4s-elt-must-match', message: /<xs:restriction> or <xs:list> or <xs:union> is missing at the end/, line: 2 },
  { name: 'a model group directly in a simple content restriction', body: '  <xs:complexType name="c"><xs:simpleContent><xs:restriction base="xs:int">\n    <xs:sequence/>\n  </xs:restriction></xs:simpleContent></xs:complexType>', code: 'xsd.s4s-elt-invalid-content', message: /<xs:sequence> is not allowed here/, line: 3 },
  { name: 'an xs:all inside a sequence', body: '  <xs:group name="g"><xs:sequence>\n    <xs:all/>\n  </xs:sequence></xs:group>', code: 'xsd.s4s-elt-invalid-content', message: /<xs:all> is not allowed here/, line: 3 },
  { name: 'a foreign element outside appinfo', body: '  <xs:complexType name="c"><xs:sequence>\n    <x:e xmlns:x="urn:x"/>\n  </xs:sequence></xs:complexType>', code: 'xsd.s4s-elt-invalid-content', message: /<e> in namespace "urn:x" is not allowed inside <xs:sequence>/, line: 3 },
  { name: 'text in a sequence', body: '  <xs:complexType name="c">\n    <xs:sequence>words</xs:sequence>\n  </xs:complexType>', code: 'xsd.s4s-elt-invalid-content', message: /<xs:sequence> holds text/, line: 3 },
  // Attributes
  { name: 'a name on an anonymous simple type', body: '  <xs:element name="e">\n    <xs:simpleType name="s"><xs:restriction base="xs:int"/></xs:simpleType>\n  </xs:element>', code: 'xsd.s4s-att-not-allowed', message: /attribute "name" is not allowed on <xs:simpleType> inside another component/, line: 3 },
  { name: 'use on a global attribute', body: '  <xs:attribute name="a" use="required"/>', code: 'xsd.s4s-att-not-allowed', message: /attribute "use" is not allowed on <xs:attribute> at the top level of a schema/, line: 2 },
  { name: 'an attribute in the XSD namespace', body: '  <xs:element name="e" xs:type="xs:int"/>', code: 'xsd.s4s-att-not-allowed', message: /attribute "xs:type" is not allowed on <xs:element>/, line: 2 },
  { name: 'an id on appinfo', body: '  <xs:annotation><xs:appinfo id="i"/></xs:annotation>', code: 'xsd.s4s-att-not-allowed', message: /attribute "id" is not allowed on <xs:appinfo>/, line: 2 },
  { name: 'a global element without name', body: '  <xs:element type="xs:int"/>', code: 'xsd.s4s-att-must-appear', message: /<xs:element> at the top level of a schema needs a "name" attribute/, line: 2 },
  { name: 'a facet without value', body: '  <xs:simpleType name="s"><xs:restriction base="xs:int">\n    <xs:minInclusive/>\n  </xs:restriction></xs:simpleType>', code: 'xsd.s4s-att-must-appear', message: /<xs:minInclusive> needs a "value" attribute/, line: 3 },
  { name: 'an id that is not an NCName', body: '  <xs:element name="e" id="0"/>', code: 'xsd.s4s-att-invalid-value', message: /id="0" on <xs:element> is not an NCName/, line: 2 },
  { name: 'a name with a colon', body: '  <xs:attribute name="a:b"/>', code: 'xsd.s4s-att-invalid-value', message: /name="a:b"/, line: 2 },
  { name: 'a form in capitals', body: '  <xs:attributeGroup name="g"><xs:attribute name="a" form="Qualified"/></xs:attributeGroup>', code: 'xsd.s4s-att-invalid-value', message: /form="Qualified" on <xs:attribute> is not one of qualified, unqualified/, line: 2 },
  { name: 'substitution in a complex type block', body: '  <xs:complexType name="c" block="substitution"/>', code: 'xsd.s4s-att-invalid-value', message: /block="substitution" on <xs:complexType> is not #all or a list of extension, restriction/, line: 2 },
  { name: 'extension in a simple type final', body: '  <xs:simpleType name="s" final="extension"><xs:restriction base="xs:int"/></xs:simpleType>', code: 'xsd.s4s-att-invalid-value', message: /final="extension"/, line: 2 },
  { name: '#all inside a list', body: '  <xs:element name="e" block="#all substitution"/>', code: 'xsd.s4s-att-invalid-value', message: /block="#all substitution"/, line: 2 },
  { name: 'a negative minOccurs', body: '  <xs:group name="g"><xs:sequence><xs:element name="e" minOccurs="-1"/></xs:sequence></xs:group>', code: 'xsd.s4s-att-invalid-value', message: /minOccurs="-1" on <xs:element> is not a valid xs:nonNegativeInteger/, line: 2 },
  { name: 'maxOccurs 2 on an element of xs:all', body: '  <xs:group name="g"><xs:all><xs:element name="e" maxOccurs="2"/></xs:all></xs:group>', code: 'xsd.s4s-att-invalid-value', message: /maxOccurs="2" on <xs:element> is not one of 0, 1/, line: 2 },
  { name: 'maxOccurs unbounded on xs:all', body: '  <xs:complexType name="c"><xs:all maxOccurs="unbounded"/></xs:complexType>', code: 'xsd.s4s-att-invalid-value', message: /maxOccurs="unbounded" on <xs:all> is not one of 1/, line: 2 },
  { name: '##other in a namespace list', body: '  <xs:complexType name="c"><xs:anyAttribute namespace="##other urn:a"/></xs:complexType>', code: 'xsd.s4s-att-invalid-value', message: /"##other"/, line: 2 },
  { name: 'a length that is not an integer', body: '  <xs:simpleType name="s"><xs:restriction base="xs:string"><xs:length value=""/></xs:restriction></xs:simpleType>', code: 'xsd.s4s-att-invalid-value', message: /value="" on <xs:length> is not a valid xs:nonNegativeInteger/, line: 2 },
  { name: 'an empty xml:lang', body: '  <xs:annotation><xs:documentation xml:lang=""/></xs:annotation>', code: 'xsd.s4s-att-invalid-value', message: /xml:lang="" on <xs:documentation> is not a language tag/, line: 2 },
  { name: 'a type that is not a QName', body: '  <xs:element name="e" type="a:b:c"/>', code: 'xsd.s4s-att-invalid-value', message: /type="a:b:c" on <xs:element> is not a QName/, line: 2 },
  { name: 'an empty targetNamespace', body: '  <xs:element name="e"/>', attrs: ' targetNamespace=""', code: 'xsd.s4s-att-invalid-value', message: /targetNamespace="" names no namespace/, line: 1 },
  { name: 'one id twice', body: '  <xs:element name="e" id="x"/>\n  <xs:element name="f" id=" x "/>', code: 'xsd.cvc-id', message: /id="x" on <xs:element> is already the id/, line: 3 },
  // Prose constraints
  { name: 'a local element with ref and name', body: '  <xs:group name="g"><xs:sequence>\n    <xs:element ref="t:e" name="e"/>\n  </xs:sequence></xs:group>', code: 'xsd.src-element', message: /needs either a ref or a name, not both/, line: 3 },
  { name: 'a reference with a type', body: '  <xs:group name="g"><xs:sequence>\n    <xs:element ref="t:e" type="xs:int"/>\n  </xs:sequence></xs:group>', code: 'xsd.src-element', message: /refers to a global element and so cannot have a type attribute/, line: 3 },
  { name: 'a reference with an anonymous type', body: '  <xs:group name="g"><xs:sequence>\n    <xs:element ref="t:e"><xs:complexType/></xs:element>\n  </xs:sequence></xs:group>', code: 'xsd.src-element', message: /cannot have <xs:complexType>/, line: 3 },
  { name: 'an element with default and fixed', body: '  <xs:element name="e" default="a" fixed="a"/>', code: 'xsd.src-element', message: /has both default and fixed/, line: 2 },
  { name: 'an element with a type and an anonymous type', body: '  <xs:element name="e" type="xs:int"><xs:simpleType><xs:restriction base="xs:int"/></xs:simpleType></xs:element>', code: 'xsd.src-element', message: /both a type attribute and an anonymous type/, line: 2 },
  { name: 'a required attribute with a default', body: '  <xs:attributeGroup name="g"><xs:attribute name="a" use="required" default="1"/></xs:attributeGroup>', code: 'xsd.src-attribute', message: /has a default, so its use must be optional, not required/, line: 2 },
  { name: 'an attribute reference with a form', body: '  <xs:attributeGroup name="g"><xs:attribute ref="t:a" form="qualified"/></xs:attributeGroup>', code: 'xsd.src-attribute', message: /refers to a global attribute and so cannot have a form/, line: 2 },
  { name: 'an import of the own namespace', body: '  <xs:import namespace="urn:t"/>', code: 'xsd.src-import', message: /names the schema's own target namespace "urn:t"/, line: 2 },
  { name: 'an import without namespace into a schema without one', body: '  <xs:import/>', attrs: '', code: 'xsd.src-import', message: /without namespace in a schema without targetNamespace/, line: 2 },
  { name: 'a restriction with a base and an inline base type', body: '  <xs:simpleType name="s">\n    <xs:restriction base="xs:int"><xs:simpleType><xs:restriction base="xs:int"/></xs:simpleType></xs:restriction>\n  </xs:simpleType>', code: 'xsd.src-simple-type', message: /<xs:restriction> needs either a base attribute or an inline <xs:simpleType>, not both/, line: 3 },
  { name: 'a list without item type', body: '  <xs:simpleType name="s"><xs:list/></xs:simpleType>', code: 'xsd.src-simple-type', message: /<xs:list> needs either an? itemType attribute or an inline <xs:simpleType>, not neither/, line: 2 },
  { name: 'a union without members', body: '  <xs:simpleType name="s"><xs:union memberTypes=" "/></xs:simpleType>', code: 'xsd.src-union-memberTypes-or-simpleTypes', message: /has no member types/, line: 2 },
  { name: 'minOccurs above maxOccurs', body: '  <xs:group name="g"><xs:choice>\n    <xs:any minOccurs="3" maxOccurs="2"/>\n  </xs:choice></xs:group>', code: 'xsd.p-props-correct', message: /<xs:any> has minOccurs 3 greater than maxOccurs 2/, line: 3 },
  { name: 'minOccurs 2 with maxOccurs absent', body: '  <xs:complexType name="c"><xs:sequence minOccurs="2"/></xs:complexType>', code: 'xsd.p-props-correct', message: /minOccurs 2 greater than maxOccurs 1/, line: 2 },
  // QName resolution
  { name: 'a type in a namespace never imported', body: '  <xs:element name="e" type="o:t" xmlns:o="urn:o"/>', code: 'xsd.src-resolve', message: /type="o:t" on <xs:element> names a component in namespace "urn:o", which this document does not import/, line: 2 },
  { name: 'an unqualified reference from a schema with a target namespace', body: '  <xs:attributeGroup name="g"><xs:attributeGroup ref="other"/></xs:attributeGroup>', code: 'xsd.src-resolve', message: /in no namespace/, line: 2 },
  { name: 'xml:lang without importing the XML namespace', body: '  <xs:attributeGroup name="g"><xs:attribute ref="xml:lang"/></xs:attributeGroup>', code: 'xsd.src-resolve', message: /namespace "http:\/\/www.w3.org\/XML\/1998\/namespace"/, line: 2 },
  { name: 'a member type with an undeclared prefix', body: '  <xs:simpleType name="u"><xs:union memberTypes="xs:int p:t"/></xs:simpleType>', code: 'xsd.qname.prefix', message: /prefix "p" in memberTypes="p:t" is not declared/, line: 2 },
];

describe('checkSchemaDocument refuses', () => {
  for (const c of cases) {
    it(`${c.name}, as ${c.code}`, () => {
      const error = errorOf(schema(c.body, c.attrs));
      expect(error.code).toBe(c.code);
      expect(error.detail).toMatch(c.message);
      expect(error.source?.line).toBe(c.line);
    });
  }
});

describe('the XPath of identity constraints', () => {
  const key = (selector: string, field: string) =>
    schema(`  <xs:element name="e" xmlns:p="urn:p"><xs:key name="k"><xs:selector xpath="${selector}"/><xs:field xpath="${field}"/></xs:key></xs:element>`);
  const valid: [string, string][] = [
    ['.', '.'],
    ['.//p:a/p:b', '@p:c'],
    ['. // p:a', 'p:a / @c'],
    ['child::p:a|child :: b', 'attribute::c | .//@*'],
    ['p:*/*', 'p:a/.'],
  ];
  for (const [selector, field] of valid) {
    it(`accepts selector "${selector}" with field "${field}"`, () => expect(() => check(key(selector, field))).not.toThrow());
  }
  const badSelectors = ['', '/a', '//a', '|', 'child::', 'a |', './/', './/.//a', 'a/.//b', 'self::*', 'descendant::a', '@a', 'attribute::a', 'a[1]', 'q:a', 'p: *', 'child: :a', '..'];
  for (const selector of badSelectors) {
    it(`refuses selector "${selector}"`, () => {
      const error = errorOf(key(selector, '@c'));
      expect(error.code).toBe('xsd.c-selector-xpath');
    });
  }
  const badFields = ['', '@', '@a/b', './//@a', 'attribute::', "document('')", 'a/@b | @'];
  for (const field of badFields) {
    it(`refuses field "${field}"`, () => {
      const error = errorOf(key('.', field));
      expect(error.code).toBe('xsd.c-fields-xpaths');
    });
  }
});
