/** Data types: enumerations, facets compared by their numbers, patterns, and one type replaced by another. */
import { describe, expect, it } from 'vitest';
import { suggestSemver } from '../../../generator/src/diff/semver.js';
import { brief, schemaPair } from '../../support/schema-pair.js';

function withType(restriction: string, base = 'xs:string'): string {
  return `<xs:element name="root">
  <xs:complexType>
    <xs:attribute name="x" type="t:value"/>
  </xs:complexType>
</xs:element>
<xs:element name="other" type="t:value"/>
<xs:simpleType name="value">
  <xs:restriction base="${base}">
    ${restriction}
  </xs:restriction>
</xs:simpleType>`;
}

const FLAGS = '<xs:enumeration value="\\Seen"/>\n    <xs:enumeration value="\\Deleted"/>';

describe('enumerations', () => {
  it('a value added widens: consumers affected, minor; reported once at the type with both uses', () => {
    const { changes } = schemaPair(withType(FLAGS), withType(`${FLAGS}\n    <xs:enumeration value="\\Flagged"/>`));
    expect(changes.map(brief)).toEqual([
      { kind: 'enumeration-value-added', subject: 'type value', message: 'value "\\Flagged" added to the enumeration ("\\Seen", "\\Deleted" -> "\\Seen", "\\Deleted", "\\Flagged")', producers: 'none', consumers: 'affected' },
    ]);
    expect(changes[0]!.paths).toEqual(['/other', '/root/@x']);
    expect(changes[0]!.after).toEqual({ file: 'after/test.xsd', line: 12, column: 5 });
    expect(changes[0]!.before).toEqual({ file: 'before/test.xsd', line: 8, column: 1 });
    expect(suggestSemver(changes)).toBe('minor');
  });

  it('a value removed narrows: producers break, major', () => {
    const { changes } = schemaPair(withType(FLAGS), withType('<xs:enumeration value="\\Seen"/>'));
    expect(changes.map(brief)).toEqual([
      { kind: 'enumeration-value-removed', subject: 'type value', message: 'value "\\Deleted" removed from the enumeration ("\\Seen", "\\Deleted" -> "\\Seen")', producers: 'breaking', consumers: 'none' },
    ]);
    expect(changes[0]!.before).toEqual({ file: 'before/test.xsd', line: 11, column: 5 });
    expect(suggestSemver(changes)).toBe('major');
  });
});

describe('facets', () => {
  const cases: [string, string, string, string, string][] = [
    ['<xs:maxLength value="64"/>', '<xs:maxLength value="32"/>', 'facet-tightened', 'maxLength 64 -> 32', 'producers'],
    ['<xs:maxLength value="32"/>', '<xs:maxLength value="64"/>', 'facet-loosened', 'maxLength 32 -> 64', 'consumers'],
    ['<xs:minLength value="1"/>', '<xs:minLength value="2"/>', 'facet-tightened', 'minLength 1 -> 2', 'producers'],
    ['<xs:length value="4"/>', '<xs:length value="5"/>', 'facet-changed', 'length 4 -> 5', 'both'],
    ['', '<xs:maxLength value="8"/>', 'facet-tightened', 'maxLength 8 added', 'producers'],
    ['<xs:maxLength value="8"/>', '', 'facet-loosened', 'maxLength 8 removed', 'consumers'],
    ['', '<xs:pattern value="[a-z]+"/>', 'facet-tightened', 'pattern "[a-z]+" added', 'producers'],
    ['<xs:pattern value="[a-z]+"/>', '', 'facet-loosened', 'pattern "[a-z]+" removed', 'consumers'],
    ['<xs:pattern value="[a-z]+"/>', '<xs:pattern value="[a-c]+"/>', 'facet-changed', 'pattern "[a-z]+" -> "[a-c]+"', 'both'],
    ['<xs:whiteSpace value="preserve"/>', '<xs:whiteSpace value="collapse"/>', 'facet-changed', 'whiteSpace preserve -> collapse', 'both'],
  ];
  for (const [before, after, kind, message, side] of cases) {
    it(`${message}: ${kind}`, () => {
      const { changes } = schemaPair(withType(before), withType(after));
      expect(changes.map(brief)).toEqual([
        { kind, subject: 'type value', message, producers: side === 'consumers' ? 'none' : 'breaking', consumers: side === 'producers' ? 'none' : 'affected' },
      ]);
      expect(changes[0]!.paths).toEqual(['/other', '/root/@x']);
    });
  }

  const numeric: [string, string, string, string][] = [
    ['<xs:minInclusive value="0"/>', '<xs:minInclusive value="1"/>', 'facet-tightened', 'minInclusive 0 -> minInclusive 1'],
    ['<xs:minInclusive value="1"/>', '<xs:minExclusive value="1"/>', 'facet-tightened', 'minInclusive 1 -> minExclusive 1'],
    ['<xs:maxExclusive value="10"/>', '<xs:maxInclusive value="10"/>', 'facet-loosened', 'maxExclusive 10 -> maxInclusive 10'],
    ['<xs:maxInclusive value="10"/>', '<xs:maxInclusive value="9"/>', 'facet-tightened', 'maxInclusive 10 -> maxInclusive 9'],
    ['<xs:totalDigits value="5"/>', '<xs:totalDigits value="7"/>', 'facet-loosened', 'totalDigits 5 -> 7'],
    ['<xs:fractionDigits value="2"/>', '<xs:fractionDigits value="1"/>', 'facet-tightened', 'fractionDigits 2 -> 1'],
  ];
  for (const [before, after, kind, message] of numeric) {
    it(`${message}: ${kind}`, () => {
      const { changes } = schemaPair(withType(before, 'xs:decimal'), withType(after, 'xs:decimal'));
      expect(changes.map((c) => [c.kind, c.message, c.producers, c.consumers])).toEqual([[kind, message, ...(kind === 'facet-tightened' ? ['breaking', 'none'] : ['none', 'affected'])]]);
    });
  }
});

describe('a data type replaced', () => {
  const typed = (type: string) => `<xs:element name="root">
  <xs:complexType>
    <xs:sequence><xs:element name="n" type="${type}"/></xs:sequence>
  </xs:complexType>
</xs:element>`;

  it('xs:int -> xs:long widens (every int is a long)', () => {
    const { changes } = schemaPair(typed('xs:int'), typed('xs:long'));
    expect(changes.map(brief)).toEqual([
      { kind: 'type-changed', subject: 'element n in type root (anonymous)', message: 'type xs:int -> xs:long (xs:long admits every value of xs:int)', producers: 'none', consumers: 'affected' },
    ]);
    expect(changes[0]!.paths).toEqual(['/root/n']);
  });

  it('xs:string -> xs:token narrows', () => {
    expect(schemaPair(typed('xs:string'), typed('xs:token')).changes.map((c) => [c.kind, c.producers, c.consumers])).toEqual([['type-changed', 'breaking', 'none']]);
  });

  it('xs:int -> xs:date is both', () => {
    const { changes } = schemaPair(typed('xs:int'), typed('xs:date'));
    expect(changes.map(brief)).toEqual([
      { kind: 'type-changed', subject: 'element n in type root (anonymous)', message: 'type xs:int -> xs:date', producers: 'breaking', consumers: 'affected' },
    ]);
    expect(suggestSemver(changes)).toBe('major');
  });

  it('a restriction replaced by its base widens', () => {
    const before = `${typed('t:code')}\n<xs:simpleType name="code"><xs:restriction base="xs:token"><xs:maxLength value="3"/></xs:restriction></xs:simpleType>`;
    const after = `${typed('xs:string')}\n<xs:simpleType name="code"><xs:restriction base="xs:token"><xs:maxLength value="3"/></xs:restriction></xs:simpleType>`;
    expect(schemaPair(before, after).changes.map((c) => [c.kind, c.message, c.producers, c.consumers])).toEqual([
      ['type-changed', 'type code -> xs:string (xs:string admits every value of code)', 'none', 'affected'],
    ]);
  });
});
