/** minOccurs and maxOccurs of elements, groups and wildcards: made required or optional, widened or narrowed. */
import { describe, expect, it } from 'vitest';
import { suggestSemver } from '../../../generator/src/diff/semver.js';
import { brief, schemaPair } from '../../support/schema-pair.js';

function model(a: string, group = '', wildcard = 'minOccurs="0"'): string {
  return `<xs:element name="root">
  <xs:complexType>
    <xs:sequence>
      <xs:element name="a" type="xs:string" ${a}/>
      <xs:choice ${group}>
        <xs:element name="b" type="xs:string"/>
        <xs:element name="c" type="xs:string"/>
      </xs:choice>
      <xs:any namespace="##other" processContents="lax" ${wildcard}/>
    </xs:sequence>
  </xs:complexType>
</xs:element>`;
}

describe('elements', () => {
  it('minOccurs 0 -> 1 is made-required: producers break, major', () => {
    const { changes } = schemaPair(model('minOccurs="0"'), model(''));
    expect(changes.map(brief)).toEqual([
      { kind: 'made-required', subject: 'element a in type root (anonymous)', message: 'element a is now required (minOccurs 0 -> 1)', producers: 'breaking', consumers: 'none' },
    ]);
    expect(changes[0]!.paths).toEqual(['/root/a']);
    expect(changes[0]!.before).toEqual({ file: 'before/test.xsd', line: 5, column: 7 });
    expect(changes[0]!.after).toEqual({ file: 'after/test.xsd', line: 5, column: 7 });
    expect(suggestSemver(changes)).toBe('major');
  });

  it('minOccurs 1 -> 0 is made-optional: consumers affected; major, as code reading the property as its type breaks', () => {
    const { changes } = schemaPair(model(''), model('minOccurs="0"'));
    expect(changes.map(brief)).toEqual([
      { kind: 'made-optional', subject: 'element a in type root (anonymous)', message: 'element a is now optional (minOccurs 1 -> 0)', producers: 'none', consumers: 'affected' },
    ]);
    expect(changes[0]!.apiBreaking).toBe(true);
    expect(suggestSemver(changes)).toBe('major');
  });

  it('maxOccurs raised widens, lowered narrows; minOccurs 1 -> 2 narrows', () => {
    expect(schemaPair(model('maxOccurs="3"'), model('maxOccurs="unbounded"')).changes.map(brief)).toEqual([
      { kind: 'cardinality-widened', subject: 'element a in type root (anonymous)', message: 'element a: maxOccurs 3 -> unbounded', producers: 'none', consumers: 'affected' },
    ]);
    expect(schemaPair(model('maxOccurs="3"'), model('maxOccurs="2"')).changes.map(brief)).toEqual([
      { kind: 'cardinality-narrowed', subject: 'element a in type root (anonymous)', message: 'element a: maxOccurs 3 -> 2', producers: 'breaking', consumers: 'none' },
    ]);
    expect(schemaPair(model('maxOccurs="3"'), model('minOccurs="2" maxOccurs="3"')).changes.map(brief)).toEqual([
      { kind: 'cardinality-narrowed', subject: 'element a in type root (anonymous)', message: 'element a: minOccurs 1 -> 2', producers: 'breaking', consumers: 'none' },
    ]);
  });
});

describe('groups', () => {
  it('a choice made repeatable widens, at the type that holds it', () => {
    const { changes } = schemaPair(model(''), model('', 'maxOccurs="unbounded"'));
    expect(changes.map(brief)).toEqual([
      { kind: 'cardinality-widened', subject: 'choice in type root (anonymous)', message: 'choice: maxOccurs 1 -> unbounded', producers: 'none', consumers: 'affected' },
    ]);
    expect(changes[0]!.paths).toEqual(['/root']);
    expect(changes[0]!.after).toEqual({ file: 'after/test.xsd', line: 6, column: 7 });
  });

  it('a choice made optional', () => {
    expect(schemaPair(model(''), model('', 'minOccurs="0"')).changes.map(brief)).toEqual([
      { kind: 'made-optional', subject: 'choice in type root (anonymous)', message: 'choice is now optional (minOccurs 1 -> 0)', producers: 'none', consumers: 'affected' },
    ]);
  });
});

describe('wildcards', () => {
  it('a wildcard made required and bounded', () => {
    const { changes } = schemaPair(model(''), model('', '', 'maxOccurs="2"'));
    expect(changes.map(brief)).toEqual([
      { kind: 'cardinality-widened', subject: 'wildcard in type root (anonymous)', message: 'wildcard: maxOccurs 1 -> 2', producers: 'none', consumers: 'affected' },
      { kind: 'made-required', subject: 'wildcard in type root (anonymous)', message: 'wildcard is now required (minOccurs 0 -> 1)', producers: 'breaking', consumers: 'none' },
    ]);
    expect(changes.map((c) => c.paths)).toEqual([['/root/*'], ['/root/*']]);
    expect(suggestSemver(changes)).toBe('major');
  });
});
