import { describe, expect, it } from 'vitest';
import { collectSubstitutionGroups } from '../../../generator/src/transform/collect-substitution-groups.js';
import { inlineIr, schemaOf } from '../../support/inline-schema.js';

describe('collectSubstitutionGroups', () => {
  const ir = inlineIr(
    `<xs:element name="head" abstract="true"/>
     <xs:element name="a" substitutionGroup="t:head"/>
     <xs:element name="b" substitutionGroup="t:a"/>
     <xs:element name="c" substitutionGroup="t:head"/>`,
    collectSubstitutionGroups,
  );

  it('records every member on the head, transitively, in declaration order', () => {
    const head = schemaOf(ir).elements.find((e) => e.name.name === 'head')!;
    expect(head.substitutes?.map((q) => q.name)).toEqual(['a', 'b', 'c']);
  });

  it('leaves elements that head nothing untouched', () => {
    const c = schemaOf(ir).elements.find((e) => e.name.name === 'c')!;
    expect(c.substitutes).toBeUndefined();
  });
});
