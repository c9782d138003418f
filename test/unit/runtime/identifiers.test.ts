/**
 * xs:ID and xs:IDREF across a document, with a schema written in the test: IDs are unique,
 * references resolve, and both are reported where they occur.
 */
import { describe, expect, it } from 'vitest';
import { TRANSFORMS, schemaDescriptors } from '../../../generator/src/index.js';
import { SchemaRegistry, parseDocument } from '../../../runtime/src/index.js';
import { inlineIr } from '../../support/inline-schema.js';

const ir = inlineIr(
  `<xs:element name="doc"><xs:complexType><xs:sequence>
     <xs:element name="item" maxOccurs="unbounded"><xs:complexType>
       <xs:attribute name="id" type="xs:ID" use="required"/>
       <xs:attribute name="refs" type="xs:IDREFS"/>
     </xs:complexType></xs:element>
   </xs:sequence></xs:complexType></xs:element>`,
  ...TRANSFORMS,
);
const registry = new SchemaRegistry(schemaDescriptors(ir));
const parse = (items: string) => parseDocument(registry, '{urn:t}doc', `<doc xmlns="urn:t">${items}</doc>`);

describe('xs:ID and xs:IDREF', () => {
  it('accepts unique IDs and references to them', () => {
    expect(parse('<item id="a" refs="b"/><item id="b" refs="a b"/>').diagnostics).toEqual([]);
  });

  it('reports a repeated ID at its second use', () => {
    const result = parse('<item id="a"/><item id="a"/>');
    expect(result.diagnostics.map((d) => [d.code, d.path])).toEqual([['evfw.id.duplicate', '/doc/item[2]/@id']]);
  });

  it('reports a reference to no ID', () => {
    const result = parse('<item id="a" refs="a zz"/>');
    expect(result.diagnostics.map((d) => [d.code, d.path, d.message.includes('"zz"')])).toEqual([['evfw.id.unresolved', '/doc/item[1]/@refs', true]]);
  });
});
