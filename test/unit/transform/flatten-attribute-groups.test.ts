import { describe, expect, it } from 'vitest';
import { flattenAttributeGroups } from '../../../generator/src/transform/flatten-attribute-groups.js';
import { complexOf, inlineIr } from '../../support/inline-schema.js';

describe('flattenAttributeGroups', () => {
  const ir = inlineIr(
    `<xs:attribute name="g" type="xs:int"/>
     <xs:attributeGroup name="inner"><xs:attribute name="b" type="xs:string"/><xs:anyAttribute namespace="##other"/></xs:attributeGroup>
     <xs:attributeGroup name="outer"><xs:attribute name="a" type="xs:string" use="required"/><xs:attributeGroup ref="t:inner"/></xs:attributeGroup>
     <xs:complexType name="c"><xs:attributeGroup ref="t:outer"/><xs:attribute ref="t:g" default="3"/></xs:complexType>`,
    flattenAttributeGroups,
  );
  const c = complexOf(ir, 'c');

  it('lists every attribute of nested groups in order, as local uses', () => {
    expect(c.attributes.map((u) => (u.kind === 'attribute' ? [u.attribute.name.name, u.use, u.global] : u.kind))).toEqual([
      ['a', 'required', false],
      ['b', 'optional', false],
      ['g', 'optional', true],
    ]);
  });

  it("keeps a reference's own default over the global declaration's", () => {
    const g = c.attributes[2];
    expect(g?.kind === 'attribute' && g.attribute.default).toBe('3');
  });

  it("makes a group's wildcard the type's anyAttribute", () => {
    expect(c.anyAttribute?.namespaces).toEqual({ kind: 'other', namespace: 'urn:t' });
  });
});
