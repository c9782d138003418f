/**
 * Content models as a whole: order and grouping, a change inside a named type or group used at
 * several places (reported once, with every path), recursion, and documentation.
 */
import { describe, expect, it } from 'vitest';
import { suggestSemver } from '../../../generator/src/diff/semver.js';
import { brief, schemaPair } from '../../support/schema-pair.js';

describe('order and grouping', () => {
  const sequence = (children: string, kind = 'sequence') => `<xs:element name="root">
  <xs:complexType>
    <xs:${kind}>
      ${children}
    </xs:${kind}>
  </xs:complexType>
</xs:element>`;
  const AB = '<xs:element name="a" type="xs:string"/><xs:element name="b" type="xs:string"/>';
  const BA = '<xs:element name="b" type="xs:string"/><xs:element name="a" type="xs:string"/>';

  it('two children of a sequence swapped: content-model-changed, both sides', () => {
    const { changes } = schemaPair(sequence(AB), sequence(BA));
    expect(changes.map(brief)).toEqual([
      {
        kind: 'content-model-changed',
        subject: 'sequence in type root (anonymous)',
        message: 'the order of the sequence changed: element a, element b -> element b, element a',
        producers: 'breaking',
        consumers: 'affected',
      },
    ]);
    expect(changes[0]!.paths).toEqual(['/root']);
    expect(suggestSemver(changes)).toBe('major');
  });

  it('the order of a choice changes no document, but the names generated from it: two changes of the generated API only', () => {
    const { changes } = schemaPair(sequence(AB, 'choice'), sequence(BA, 'choice'));
    expect(changes.map((c) => [c.kind, c.subject, c.message, c.producers, c.consumers, c.apiBreaking])).toEqual([
      ['generated-api-changed', 'generated declaration Root', 'property aOrB: removed; property bOrA: added, required', 'none', 'none', true],
      ['generated-api-changed', 'generated declaration RootAOrB', 'type RootAOrB removed', 'none', 'none', true],
    ]);
    expect(changes.every((c) => c.paths.length === 0)).toBe(true);
  });

  it('a sequence made a choice: content-model-changed, both sides', () => {
    expect(schemaPair(sequence(AB), sequence(AB, 'choice')).changes.map(brief)).toEqual([
      { kind: 'content-model-changed', subject: 'sequence in type root (anonymous)', message: 'sequence -> choice', producers: 'breaking', consumers: 'affected' },
    ]);
  });

  it('an alternative added to a choice only widens, even when required', () => {
    const { changes } = schemaPair(sequence(AB, 'choice'), sequence(`${AB}<xs:element name="c" type="xs:string"/>`, 'choice'));
    expect(changes.map(brief)).toEqual([
      { kind: 'element-added', subject: 'element c in type root (anonymous)', message: 'element c added, as an alternative of the choice', producers: 'none', consumers: 'affected' },
    ]);
    // The choice's property and union are named after its alternatives: aOrB is now aOrBOrC.
    expect(changes[0]!.apiBreaking).toBe(true);
  });

  it('a lone repeated element grown into a repeated sequence compares the element with itself', () => {
    const before = sequence('<xs:element name="a" type="xs:string"/>').replace('<xs:sequence>', '<xs:sequence maxOccurs="unbounded">');
    const after = sequence(`${AB.replace('name="b" type="xs:string"', 'name="b" type="xs:string" minOccurs="0"')}`).replace('<xs:sequence>', '<xs:sequence maxOccurs="unbounded">');
    expect(schemaPair(before, after).changes.map((c) => [c.kind, c.subject])).toEqual([['element-added', 'element b in type root (anonymous)']]);
  });
});

describe('a change inside a named type used at two places', () => {
  const shared = (maxLength: string) => `<xs:element name="root">
  <xs:complexType>
    <xs:sequence>
      <xs:element name="from" type="t:party"/>
      <xs:element name="to" type="t:party"/>
    </xs:sequence>
  </xs:complexType>
</xs:element>
<xs:complexType name="party">
  <xs:attribute name="uri" type="xs:anyURI" use="required"/>
  <xs:attribute name="name" type="t:display-name"/>
</xs:complexType>
<xs:simpleType name="display-name">
  <xs:restriction base="xs:string"><xs:maxLength value="${maxLength}"/></xs:restriction>
</xs:simpleType>`;

  it('is reported once, at the type, with both paths', () => {
    const { changes } = schemaPair(shared('64'), shared('32'));
    expect(changes.map(brief)).toEqual([
      { kind: 'facet-tightened', subject: 'type display-name', message: 'maxLength 64 -> 32', producers: 'breaking', consumers: 'none' },
    ]);
    expect(changes[0]!.paths).toEqual(['/root/from/@name', '/root/to/@name']);
    expect(changes[0]!.before).toEqual({ file: 'before/test.xsd', line: 15, column: 36 });
    expect(changes[0]!.after).toEqual({ file: 'after/test.xsd', line: 15, column: 36 });
  });

  it('an attribute made required in the complex type: once, with both element paths', () => {
    const after = shared('64').replace('<xs:attribute name="name" type="t:display-name"/>', '<xs:attribute name="name" type="t:display-name" use="required"/>');
    const { changes } = schemaPair(shared('64'), after);
    expect(changes.map((c) => [c.kind, c.subject, c.paths])).toEqual([['made-required', 'attribute name of type party', ['/root/from/@name', '/root/to/@name']]]);
  });
});

describe('a named group used by two types', () => {
  const grouped = (b: string) => `<xs:element name="one"><xs:complexType><xs:group ref="t:common"/></xs:complexType></xs:element>
<xs:element name="two"><xs:complexType><xs:sequence><xs:element name="x" type="xs:int"/><xs:group ref="t:common"/></xs:sequence></xs:complexType></xs:element>
<xs:group name="common">
  <xs:sequence>
    <xs:element name="a" type="xs:string"/>
    <xs:element name="b" type="xs:string" ${b}/>
  </xs:sequence>
</xs:group>`;

  it('a change inside it is one change, under the group, with the paths of both uses', () => {
    const { changes } = schemaPair(grouped(''), grouped('minOccurs="0"'));
    expect(changes.map((c) => [c.kind, c.subject, c.paths])).toEqual([['made-optional', 'element b in group common', ['/one/b', '/two/b']]]);
    expect(changes[0]!.after).toEqual({ file: 'after/test.xsd', line: 7, column: 5 });
  });

  it('its documentation changed: one change, at the group', () => {
    const documented = (text: string) => grouped('').replace('<xs:group name="common">', `<xs:group name="common"><xs:annotation><xs:documentation>${text}</xs:documentation></xs:annotation>`);
    const { changes } = schemaPair(documented('Shared.'), documented('Shared by one and two.'));
    expect(changes.map(brief)).toEqual([
      { kind: 'documentation-changed', subject: 'group common', message: 'documentation "Shared." -> "Shared by one and two."', producers: 'none', consumers: 'none' },
    ]);
  });
});

describe('recursion', () => {
  const tree = (max: string) => `<xs:element name="tree" type="t:node"/>
<xs:complexType name="node">
  <xs:sequence>
    <xs:element name="node" type="t:node" minOccurs="0" maxOccurs="${max}"/>
  </xs:sequence>
  <xs:attribute name="label" type="xs:string"/>
</xs:complexType>`;

  it('a recursive type is walked to its first recursion: bounded paths, one change', () => {
    const { changes } = schemaPair(tree('unbounded'), tree('2'));
    expect(changes.map((c) => [c.kind, c.subject, c.message, c.paths])).toEqual([
      ['cardinality-narrowed', 'element node in type node', 'element node: maxOccurs unbounded -> 2', ['/tree/node', '/tree/node/node']],
    ]);
  });

  it('identical recursive schemas give no change', () => {
    expect(schemaPair(tree('unbounded'), tree('unbounded')).changes).toEqual([]);
  });
});

describe('documentation', () => {
  const documented = (text: string) => `<xs:element name="root" type="xs:string">
  <xs:annotation><xs:documentation>${text}</xs:documentation></xs:annotation>
</xs:element>`;

  it('a documentation-only change reaches neither side: patch', () => {
    const { changes } = schemaPair(documented('The root.'), documented('The root element.'));
    expect(changes.map(brief)).toEqual([
      { kind: 'documentation-changed', subject: 'element root', message: 'documentation "The root." -> "The root element."', producers: 'none', consumers: 'none' },
    ]);
    expect(changes[0]!.paths).toEqual([]);
    expect(suggestSemver(changes)).toBe('patch');
  });

  it('re-wrapping the text is no change', () => {
    expect(schemaPair(documented('The root\n  element.'), documented('The root element.')).changes).toEqual([]);
  });
});
