/**
 * The `$case` names of a choice whose branch is a ref to a substitution group head: a single
 * (not repeated) branch's cases become the choice's own cases, so they are named from the
 * choice's set and never repeat a sibling's (W3C suite, Element/elemZ020: the substitute `foo`
 * beside a local element `foo`).
 */
import { describe, expect, it } from 'vitest';
import { TRANSFORMS } from '../../../generator/src/index.js';
import type { ModelGroup, Particle } from '../../../generator/src/ir/ir.js';
import { complexOf, inlineIr } from '../../support/inline-schema.js';

/** Every `$case` name the choice of `type` offers: a branch's property, or its substitution cases. */
function caseNames(body: string, type: string): string[] {
  const ir = inlineIr(body, ...TRANSFORMS);
  const content = complexOf(ir, type).content;
  if (content.kind !== 'elements') throw new Error('expected element content');
  const choice = content.particle as ModelGroup<'named'>;
  return choice.particles.flatMap((b: Particle<'named'>) => {
    if (b.kind === 'element-ref' && b.cases) return b.cases.map((c) => c.property);
    return [(b as { property?: string }).property ?? ''];
  });
}

const HEAD = `<xs:element name="e1" type="xs:boolean"/>
  <xs:element name="foo" substitutionGroup="t:e1" type="xs:boolean"/>`;

describe('assignNames: substitution cases in a choice', () => {
  it('keeps the cases of a ref branch apart from a later sibling of the same name', () => {
    const names = caseNames(
      `${HEAD}
       <xs:complexType name="B"><xs:choice maxOccurs="1000">
         <xs:element ref="t:e1"/>
         <xs:element name="foo" type="xs:int" form="unqualified"/>
       </xs:choice></xs:complexType>`,
      'B',
    );
    expect(names).toEqual(['e1', 'foo', 'foo2']);
  });

  it('keeps them apart from an earlier sibling too', () => {
    const names = caseNames(
      `${HEAD}
       <xs:complexType name="B"><xs:choice>
         <xs:element name="foo" type="xs:int" form="unqualified"/>
         <xs:element ref="t:e1"/>
       </xs:choice></xs:complexType>`,
      'B',
    );
    expect(names).toEqual(['foo', 'e1', 'foo2']);
  });

  it('names the cases of a repeated ref branch (an array of its own) from a fresh set', () => {
    const ir = inlineIr(
      `${HEAD}
       <xs:complexType name="B"><xs:choice>
         <xs:element ref="t:e1" maxOccurs="2"/>
         <xs:element name="foo" type="xs:int" form="unqualified"/>
       </xs:choice></xs:complexType>`,
      ...TRANSFORMS,
    );
    const content = complexOf(ir, 'B').content;
    if (content.kind !== 'elements') throw new Error('expected element content');
    const [ref, foo] = (content.particle as ModelGroup<'named'>).particles;
    expect(ref?.kind === 'element-ref' ? ref.cases?.map((c) => c.property) : undefined).toEqual(['e1', 'foo']);
    expect((foo as { property?: string }).property).toBe('foo');
  });
});
