import { describe, expect, it } from 'vitest';
import { collapseSingleParticleGroups } from '../../../generator/src/transform/collapse-single-particle-groups.js';
import { complexOf, inlineIr } from '../../support/inline-schema.js';

const particleOf = (ir: ReturnType<typeof inlineIr>, name: string) => {
  const content = complexOf(ir, name).content;
  if (content.kind !== 'elements') throw new Error('expected element content');
  return content.particle;
};

describe('collapseSingleParticleGroups', () => {
  const ir = inlineIr(
    `<xs:complexType name="repeated"><xs:sequence maxOccurs="unbounded"><xs:element name="list" minOccurs="0"/></xs:sequence></xs:complexType>
     <xs:complexType name="both"><xs:sequence minOccurs="0" maxOccurs="2"><xs:element name="e" maxOccurs="3"/></xs:sequence></xs:complexType>
     <xs:complexType name="nested"><xs:sequence><xs:sequence minOccurs="0" maxOccurs="unbounded"><xs:any namespace="##other"/></xs:sequence></xs:sequence></xs:complexType>`,
    collapseSingleParticleGroups,
  );

  it('turns a repeated group of one particle into the particle, occurrences multiplied', () => {
    expect(particleOf(ir, 'repeated')).toMatchObject({ kind: 'element', min: 0, max: 'unbounded' });
  });

  it('keeps the group when both it and its particle repeat: (e{1,3}){0,2} is not e{0,6} in order', () => {
    expect(particleOf(ir, 'both')).toMatchObject({ kind: 'sequence', min: 0, max: 2 });
  });

  it('collapses nested single-particle groups all the way down', () => {
    expect(particleOf(ir, 'nested')).toMatchObject({ kind: 'any', min: 0, max: 'unbounded' });
  });
});
