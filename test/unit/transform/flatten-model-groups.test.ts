import { describe, expect, it } from 'vitest';
import { flattenModelGroups } from '../../../generator/src/transform/flatten-model-groups.js';
import { complexOf, inlineIr } from '../../support/inline-schema.js';

describe('flattenModelGroups', () => {
  const ir = inlineIr(
    `<xs:group name="event"><xs:choice><xs:element name="a"/><xs:any namespace="##other"/></xs:choice></xs:group>
     <xs:complexType name="c"><xs:sequence><xs:group ref="t:event" minOccurs="0" maxOccurs="unbounded"/></xs:sequence></xs:complexType>`,
    flattenModelGroups,
  );

  it("inlines the group's content with the reference's occurrence and keeps the group's name", () => {
    const content = complexOf(ir, 'c').content;
    if (content.kind !== 'elements' || content.particle.kind !== 'sequence') throw new Error('expected a sequence');
    const inlined = content.particle.particles[0]!;
    expect(inlined).toMatchObject({ kind: 'choice', min: 0, max: 'unbounded', groupName: { namespace: 'urn:t', name: 'event' } });
  });
});
