import { describe, expect, it } from 'vitest';
import { TRANSFORMS } from '../../../generator/src/index.js';
import type { LocalAttributeUse, ModelGroup } from '../../../generator/src/ir/ir.js';
import { complexOf, inlineIr, schemaOf } from '../../support/inline-schema.js';

describe('assignNames', () => {
  const ir = inlineIr(
    `<xs:complexType name="object">
       <xs:sequence>
         <xs:element name="entry" maxOccurs="unbounded" type="xs:string"/>
         <xs:choice><xs:element name="message-id" type="xs:token"/><xs:element name="other-party" type="xs:anyURI"/></xs:choice>
         <xs:any namespace="##other" minOccurs="0" maxOccurs="unbounded"/>
       </xs:sequence>
       <xs:attribute name="folder-path" type="xs:string"/>
       <xs:attribute name="entries" type="xs:string"/>
     </xs:complexType>
     <xs:complexType name="Object"/>
     <xs:complexType name="derived"><xs:complexContent><xs:extension base="t:object">
       <xs:sequence><xs:element name="folder-path" type="xs:string"/></xs:sequence>
     </xs:extension></xs:complexContent></xs:complexType>`,
    ...TRANSFORMS,
  );
  const object = complexOf(ir, 'object');

  it('names types in PascalCase, never shadowing a JavaScript global, unique across the set', () => {
    expect(schemaOf(ir).types.map((t) => t.tsName)).toEqual(['ObjectType', 'ObjectType2', 'Derived']);
  });

  it('names attributes in camelCase', () => {
    expect(object.attributes.map((u) => (u as LocalAttributeUse).property)).toEqual(['folderPath', 'entries']);
  });

  it('gives arrays plural names, unique within the object', () => {
    if (object.content.kind !== 'elements') throw new Error('expected element content');
    const [entry, choice, any] = (object.content.particle as ModelGroup).particles as ModelGroup[];
    expect(entry?.property).toBe('entries2');
    expect(choice).toMatchObject({ property: 'messageIdOrOtherParty', tsName: 'ObjectTypeMessageIdOrOtherParty' });
    expect(choice?.particles.map((b) => (b as { property?: string }).property)).toEqual(['messageId', 'otherParty']);
    expect(any?.property).toBe('extensions');
  });

  it("keeps an extension's property names clear of its base type's", () => {
    const derived = complexOf(ir, 'derived');
    if (derived.content.kind !== 'elements') throw new Error('expected element content');
    // The one-element sequence has been collapsed into the element itself.
    expect(derived.content.particle).toMatchObject({ kind: 'element', property: 'folderPath2' });
  });
});
