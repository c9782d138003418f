/**
 * The read stage alone (generator/src/read/read-schema.ts): one parsed document into its part of
 * a namespace, every component positioned, QNames expanded with the prefixes in scope where they
 * are written, references left as references for assembly to resolve. The refusals of every
 * construct are in reader-errors.test.ts; this file holds what the stage returns.
 */
import { describe, expect, it } from 'vitest';
import { GeneratorError } from '../../../generator/src/errors.js';
import { readDocument } from '../../../generator/src/read/read-schema.js';
import { parseXmlTree } from '../../../generator/src/read/xml-tree.js';

const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';
const XSD = 'http://www.w3.org/2001/XMLSchema';

/** A loaded document as the load stage hands it over, parsed from `text` as file `a.xsd`. */
function read(text: string, chameleonNamespace?: string) {
  return readDocument({ file: 'a.xsd', root: parseXmlTree(text, 'a.xsd'), chameleonNamespace, builtin: false });
}

function readError(text: string): GeneratorError {
  try {
    read(text);
  } catch (error) {
    if (error instanceof GeneratorError) return error;
    throw error;
  }
  throw new Error('reading did not fail');
}

// Line numbers matter below: line 1 is <xs:schema>.
const TEXT = `<xs:schema ${XS} xmlns:t="urn:t" xmlns:o="urn:o" targetNamespace="urn:t" elementFormDefault="qualified">
  <xs:annotation><xs:documentation>About t.</xs:documentation></xs:annotation>
  <xs:import namespace="urn:o"/><xs:import namespace="urn:elsewhere"/>
  <xs:element name="root" type="t:rootType"/>
  <xs:complexType name="rootType">
    <xs:sequence>
      <xs:element name="child" type="o:thing" minOccurs="0" maxOccurs="unbounded"/>
      <xs:element ref="o:shared"/>
      <xs:element name="elsewhere" xmlns:t="urn:elsewhere" type="t:x"/>
    </xs:sequence>
    <xs:attribute name="id" type="xs:ID" use="required"/>
  </xs:complexType>
  <xs:simpleType name="colour"><xs:restriction base="xs:string"><xs:enumeration value="red"/></xs:restriction></xs:simpleType>
  <xs:group name="g"><xs:choice><xs:element name="x"/></xs:choice></xs:group>
  <xs:attributeGroup name="ag"><xs:attribute name="a"/></xs:attributeGroup>
  <xs:attribute name="global" type="xs:int"/>
</xs:schema>`;

describe('readDocument', () => {
  const part = read(TEXT);

  it("takes the namespace, its prefix, the file and the schema's documentation", () => {
    expect(part).toMatchObject({ namespace: 'urn:t', prefix: 't', file: 'a.xsd', builtin: false, documentation: 'About t.' });
  });

  it('reads each top-level component into its list, with its position', () => {
    expect(part.elements.map((e) => [e.name, e.source])).toEqual([[{ namespace: 'urn:t', name: 'root' }, { file: 'a.xsd', line: 4, column: 3 }]]);
    expect(part.types.map((t) => [t.kind, t.name?.name, t.source.line])).toEqual([
      ['complex', 'rootType', 5],
      ['simple', 'colour', 13],
    ]);
    expect(part.groups.map((g) => [g.name.name, g.source.line])).toEqual([['g', 14]]);
    expect(part.attributeGroups.map((g) => [g.name.name, g.source.line])).toEqual([['ag', 15]]);
    expect(part.attributes.map((a) => [a.name, a.type])).toEqual([
      [{ namespace: 'urn:t', name: 'global' }, { kind: 'type-ref', ref: { namespace: XSD, name: 'int' } }],
    ]);
  });

  it('expands QNames with the prefixes in scope where they are written, and leaves references unresolved', () => {
    expect(part.elements[0]!.type).toEqual({ kind: 'type-ref', ref: { namespace: 'urn:t', name: 'rootType' } });
    const rootType = part.types[0]!;
    if (rootType.kind !== 'complex' || rootType.content.kind !== 'elements') throw new Error('expected element content');
    const sequence = rootType.content.particle;
    if (sequence.kind !== 'sequence') throw new Error('expected a sequence');
    const [child, shared, elsewhere] = sequence.particles;
    expect(child).toMatchObject({
      kind: 'element',
      min: 0,
      max: 'unbounded',
      element: { name: { namespace: 'urn:t', name: 'child' }, type: { kind: 'type-ref', ref: { namespace: 'urn:o', name: 'thing' } }, source: { line: 7, column: 7 } },
    });
    // urn:o is imported without a location and declares nothing here: assembly, not reading, says so.
    expect(shared).toEqual({ kind: 'element-ref', ref: { namespace: 'urn:o', name: 'shared' }, min: 1, max: 1, source: { file: 'a.xsd', line: 8, column: 7 } });
    expect(elsewhere).toMatchObject({ element: { type: { kind: 'type-ref', ref: { namespace: 'urn:elsewhere', name: 'x' } } } });
  });

  it('reads attribute uses and facets as written', () => {
    const [rootType, colour] = part.types;
    if (rootType?.kind !== 'complex' || colour?.kind !== 'simple') throw new Error('expected a complex and a simple type');
    expect(rootType.attributes).toMatchObject([
      { kind: 'attribute', use: 'required', attribute: { name: { namespace: '', name: 'id' }, type: { kind: 'type-ref', ref: { namespace: XSD, name: 'ID' } }, source: { line: 11 } } },
    ]);
    expect(colour).toMatchObject({ variety: 'atomic', base: { kind: 'type-ref', ref: { namespace: XSD, name: 'string' } } });
    expect(colour.facets.map((f) => [f.kind, f.value, f.source.line])).toEqual([['enumeration', 'red', 13]]);
  });

  it("keeps a pattern's spaces, which are characters to match, and trims other facets' values", () => {
    const patterned = read(`<xs:schema ${XS}><xs:simpleType name="p"><xs:restriction base="xs:string"><xs:pattern value="  a|b "/><xs:maxLength value=" 3 "/></xs:restriction></xs:simpleType></xs:schema>`);
    const [p] = patterned.types;
    if (p?.kind !== 'simple') throw new Error('expected a simple type');
    expect(p.facets.map((f) => [f.kind, f.value])).toEqual([['pattern', '  a|b '], ['maxLength', '3']]);
  });

  it('puts a chameleon document in the namespace of the schema that includes it', () => {
    const chameleon = read(`<xs:schema ${XS} elementFormDefault="qualified">\n  <xs:element name="c"><xs:complexType><xs:sequence><xs:element name="d"/></xs:sequence></xs:complexType></xs:element>\n</xs:schema>`, 'urn:host');
    expect(chameleon.namespace).toBe('urn:host');
    const c = chameleon.elements[0]!;
    expect(c.name).toEqual({ namespace: 'urn:host', name: 'c' });
    if (c.type?.kind !== 'complex' || c.type.content.kind !== 'elements' || c.type.content.particle.kind !== 'sequence') throw new Error('expected a sequence');
    expect(c.type.content.particle.particles[0]).toMatchObject({ element: { name: { namespace: 'urn:host', name: 'd' } } });
  });

  it('leaves local elements unqualified without elementFormDefault', () => {
    const unqualified = read(`<xs:schema ${XS} targetNamespace="urn:u">\n  <xs:complexType name="c"><xs:sequence><xs:element name="d"/></xs:sequence></xs:complexType>\n</xs:schema>`);
    const c = unqualified.types[0]!;
    if (c.kind !== 'complex' || c.content.kind !== 'elements' || c.content.particle.kind !== 'sequence') throw new Error('expected a sequence');
    expect(c.content.particle.particles[0]).toMatchObject({ element: { name: { namespace: '', name: 'd' } } });
  });

  it('refuses a document whose root is not xs:schema, at the root', () => {
    const error = readError('<schema xmlns="urn:not-xsd"/>');
    expect(error.code).toBe('xsd.not-a-schema');
    expect(error.source).toEqual({ file: 'a.xsd', line: 1, column: 1 });
  });

  it('refuses a construct out of place, with its file, line and column', () => {
    const error = readError(`<xs:schema ${XS}>\n  <xs:element name="e"/>\n  <xs:sequence/>\n</xs:schema>`);
    expect(error.code).toBe('xsd.s4s-elt-invalid-content');
    expect(error.detail).toMatch(/^<xs:sequence> is not allowed here: the children of <xs:schema> must match /);
    expect(error.source).toEqual({ file: 'a.xsd', line: 3, column: 3 });
  });
});
