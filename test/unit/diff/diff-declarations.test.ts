/** What elements and attributes declare besides their name: fixed and default values, nillable, identity constraints. */
import { describe, expect, it } from 'vitest';
import { suggestSemver } from '../../../generator/src/diff/semver.js';
import { brief, schemaPair } from '../../support/schema-pair.js';

const item = (attributes: string, constraint = '') => `<xs:element name="list">
  <xs:complexType>
    <xs:sequence>
      <xs:element name="item" maxOccurs="unbounded">
        <xs:complexType>
          <xs:attribute name="id" type="xs:string" ${attributes}/>
        </xs:complexType>
      </xs:element>
    </xs:sequence>
  </xs:complexType>
  ${constraint}
</xs:element>`;

describe('fixed and default values', () => {
  it('a fixed value added tightens, removed loosens, changed is both', () => {
    expect(schemaPair(item(''), item('fixed="a"')).changes.map(brief)).toEqual([
      { kind: 'facet-tightened', subject: 'attribute id of type list-item (anonymous)', message: 'fixed value "a" added', producers: 'breaking', consumers: 'none' },
    ]);
    expect(schemaPair(item('fixed="a"'), item('')).changes.map((c) => [c.kind, c.producers, c.consumers])).toEqual([['facet-loosened', 'none', 'affected']]);
    expect(schemaPair(item('fixed="a"'), item('fixed="b"')).changes.map((c) => [c.kind, c.message, c.producers, c.consumers])).toEqual([['facet-changed', 'fixed value "a" -> "b"', 'breaking', 'affected']]);
  });

  it('a default changed: no verdict changes, but a consumer reading an absent value gets another: minor', () => {
    const { changes } = schemaPair(item('default="a"'), item('default="b"'));
    expect(changes.map(brief)).toEqual([
      { kind: 'facet-changed', subject: 'attribute id of type list-item (anonymous)', message: 'default "a" -> "b": a document without it now reads "b"', producers: 'none', consumers: 'affected' },
    ]);
    expect(changes[0]!.paths).toEqual(['/list/item/@id']);
    expect(suggestSemver(changes)).toBe('minor');
  });
});

describe('nillable', () => {
  const nillable = (value: string) => `<xs:element name="root"><xs:complexType><xs:sequence><xs:element name="a" type="xs:int" nillable="${value}"/></xs:sequence></xs:complexType></xs:element>`;
  it('made nillable widens, no longer nillable narrows', () => {
    expect(schemaPair(nillable('false'), nillable('true')).changes.map((c) => [c.kind, c.message, c.producers, c.consumers, c.paths])).toEqual([
      ['type-changed', 'nillable false -> true', 'none', 'affected', ['/root/a']],
    ]);
    expect(schemaPair(nillable('true'), nillable('false')).changes.map((c) => [c.kind, c.producers, c.consumers])).toEqual([['type-changed', 'breaking', 'none']]);
  });
});

describe('identity constraints', () => {
  const unique = '<xs:unique name="unique-id"><xs:selector xpath="t:item"/><xs:field xpath="@id"/></xs:unique>';

  it('a unique constraint added narrows, at the element that holds it', () => {
    const { changes } = schemaPair(item(''), item('', unique));
    expect(changes.map(brief)).toEqual([
      { kind: 'identity-constraint-changed', subject: 'element list', message: 'unique unique-id (selector "t:item", field "@id") added', producers: 'breaking', consumers: 'none' },
    ]);
    expect(changes[0]!.paths).toEqual(['/list']);
    expect(changes[0]!.after).toEqual({ file: 'after/test.xsd', line: 12, column: 3 });
  });

  it('removed widens; made a key narrows', () => {
    expect(schemaPair(item('', unique), item('')).changes.map((c) => [c.kind, c.producers, c.consumers])).toEqual([['identity-constraint-changed', 'none', 'affected']]);
    const key = unique.replaceAll('xs:unique', 'xs:key');
    expect(schemaPair(item('', unique), item('', key)).changes.map((c) => [c.kind, c.message, c.producers, c.consumers])).toEqual([
      ['identity-constraint-changed', 'unique unique-id (selector "t:item", field "@id") -> key', 'breaking', 'none'],
    ]);
  });
});

describe('complex types', () => {
  const derived = (abstract: string) => `<xs:element name="root" type="t:base"/>
<xs:complexType name="base" ${abstract}><xs:attribute name="a" type="xs:string"/></xs:complexType>
<xs:complexType name="derived"><xs:complexContent><xs:extension base="t:base"><xs:attribute name="b" type="xs:string"/></xs:extension></xs:complexContent></xs:complexType>`;

  it('a type made abstract narrows; a change in a base type shows at the derived types too', () => {
    // root may hold base or derived (D-125); abstract, base leaves the union root's entry points take and give.
    expect(schemaPair(derived(''), derived('abstract="true"')).changes.map((c) => [c.kind, c.subject, c.producers, c.consumers])).toEqual([
      ['generated-api-changed', 'generated declaration parseRoot', 'none', 'none'],
      ['generated-api-changed', 'generated declaration serializeRoot', 'none', 'none'],
      ['type-changed', 'type base', 'breaking', 'none'],
    ]);
    const wider = derived('').replace('<xs:attribute name="a" type="xs:string"/>', '<xs:attribute name="a" type="xs:string"/><xs:attribute name="c" type="xs:int"/>');
    expect(schemaPair(derived(''), wider).changes.map((c) => [c.kind, c.subject, c.paths])).toEqual([['attribute-added', 'attribute c of type base', ['/root/@c']]]);
  });
});
