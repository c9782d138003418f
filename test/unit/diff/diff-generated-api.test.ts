/**
 * Which changes break code written against the generated package (`apiBreaking`): required
 * properties added, properties removed, made required or optional or given another type, unions
 * narrowed. What the TypeScript compiler says of a consumer is checked in
 * diff-generated-api-compile.test.ts; here, the classification of each change.
 */
import { describe, expect, it } from 'vitest';
import { suggestSemver } from '../../../generator/src/diff/semver.js';
import type { SchemaChange } from '../../../generator/src/diff/schema-change.js';
import { schemaPair } from '../../support/schema-pair.js';

const ROOT = `<xs:element name="root" type="t:root"/>
<xs:complexType name="root">
  <xs:sequence>
    <xs:element name="a" type="xs:string"/>
    <xs:element name="b" type="xs:int" minOccurs="0"/>
    <xs:element name="c" type="xs:string" maxOccurs="5"/>
  </xs:sequence>
  <xs:attribute name="id" type="xs:string" use="required"/>
  <xs:attribute name="lang" type="xs:language"/>
  <xs:attribute name="flag" type="t:flag"/>
</xs:complexType>
<xs:simpleType name="flag">
  <xs:restriction base="xs:token">
    <xs:enumeration value="seen"/>
    <xs:enumeration value="deleted"/>
  </xs:restriction>
</xs:simpleType>`;

/** The ROOT schema with one part replaced (`from` must occur once). */
function edit(from: string, to: string): string {
  expect(ROOT.split(from)).toHaveLength(2);
  return ROOT.replace(from, to);
}

/** Each change as `kind: apiBreaking`. */
function api(changes: readonly SchemaChange[]): string[] {
  return changes.map((c) => `${c.kind}: ${c.apiBreaking}`);
}

function changesFor(from: string, to: string): SchemaChange[] {
  return schemaPair(ROOT, edit(from, to)).changes;
}

describe('breaking the generated API', () => {
  it('an attribute made required: building the object without it no longer compiles', () => {
    const changes = changesFor('<xs:attribute name="lang" type="xs:language"/>', '<xs:attribute name="lang" type="xs:language" use="required"/>');
    expect(api(changes)).toEqual(['made-required: true']);
  });

  it('an optional element made required', () => {
    const changes = changesFor('<xs:element name="b" type="xs:int" minOccurs="0"/>', '<xs:element name="b" type="xs:int"/>');
    expect(api(changes)).toEqual(['made-required: true']);
  });

  it('an element or an attribute removed: its property is gone', () => {
    expect(api(changesFor('<xs:element name="b" type="xs:int" minOccurs="0"/>', ''))).toEqual(['element-removed: true']);
    expect(api(changesFor('<xs:attribute name="lang" type="xs:language"/>', ''))).toEqual(['attribute-removed: true']);
  });

  it('a required attribute or element added: the new property must be given', () => {
    expect(api(changesFor('<xs:attribute name="lang" type="xs:language"/>', '<xs:attribute name="lang" type="xs:language"/><xs:attribute name="n" type="xs:int" use="required"/>'))).toEqual(['attribute-added: true']);
    expect(api(changesFor('<xs:element name="a" type="xs:string"/>', '<xs:element name="a" type="xs:string"/><xs:element name="z" type="xs:string"/>'))).toEqual(['element-added: true']);
  });

  it('an enumeration value removed narrows the union; the value added beside it does not break', () => {
    const changes = changesFor('<xs:enumeration value="deleted"/>', '<xs:enumeration value="flagged"/>');
    expect(api(changes)).toEqual(['enumeration-value-removed: true', 'enumeration-value-added: false']);
  });

  it('maxOccurs 1 -> unbounded and back: the property becomes an array, and back', () => {
    expect(api(changesFor('<xs:element name="a" type="xs:string"/>', '<xs:element name="a" type="xs:string" maxOccurs="unbounded"/>'))).toEqual(['cardinality-widened: true']);
    expect(api(changesFor('<xs:element name="c" type="xs:string" maxOccurs="5"/>', '<xs:element name="c" type="xs:string"/>'))).toEqual(['cardinality-narrowed: true']);
  });

  it('a member made optional breaks code that reads it as its type (strictNullChecks): major, not minor', () => {
    const changes = changesFor('<xs:attribute name="id" type="xs:string" use="required"/>', '<xs:attribute name="id" type="xs:string"/>');
    expect(api(changes)).toEqual(['made-optional: true']);
    expect(suggestSemver(changes)).toBe('major');
  });

  it('a type narrowed xs:string -> xs:int: the property is now a number', () => {
    expect(api(changesFor('<xs:attribute name="lang" type="xs:language"/>', '<xs:attribute name="lang" type="xs:int"/>'))).toEqual(['type-changed: true']);
  });
});

describe('not breaking the generated API', () => {
  it('an optional attribute or element added', () => {
    const changes = changesFor('<xs:attribute name="lang" type="xs:language"/>', '<xs:attribute name="lang" type="xs:language"/><xs:attribute name="n" type="xs:int"/>');
    expect(api(changes)).toEqual(['attribute-added: false']);
    expect(suggestSemver(changes)).toBe('minor');
    expect(api(changesFor('<xs:element name="a" type="xs:string"/>', '<xs:element name="a" type="xs:string"/><xs:element name="z" type="xs:string" minOccurs="0"/>'))).toEqual(['element-added: false']);
  });

  it('an enumeration value added (only an exhaustive switch would notice)', () => {
    const changes = changesFor('<xs:enumeration value="deleted"/>', '<xs:enumeration value="deleted"/><xs:enumeration value="flagged"/>');
    expect(api(changes)).toEqual(['enumeration-value-added: false']);
    expect(suggestSemver(changes)).toBe('minor');
  });

  it('maxOccurs 5 -> 3: an array either way', () => {
    expect(api(changesFor('<xs:element name="c" type="xs:string" maxOccurs="5"/>', '<xs:element name="c" type="xs:string" maxOccurs="3"/>'))).toEqual(['cardinality-narrowed: false']);
  });

  it('a type changed within one TypeScript type: xs:int -> xs:short is a number either way', () => {
    expect(api(changesFor('<xs:element name="b" type="xs:int" minOccurs="0"/>', '<xs:element name="b" type="xs:short" minOccurs="0"/>'))).toEqual(['type-changed: false']);
  });

  it('a facet that TypeScript does not see', () => {
    const changes = changesFor('<xs:enumeration value="deleted"/>', '<xs:enumeration value="deleted"/><xs:pattern value="[a-z]+"/>');
    expect(changes.map((c) => c.apiBreaking)).toEqual(changes.map(() => false));
  });

  it('documentation only', () => {
    const changes = changesFor('<xs:attribute name="lang" type="xs:language"/>', '<xs:attribute name="lang" type="xs:language"><xs:annotation><xs:documentation>The language.</xs:documentation></xs:annotation></xs:attribute>');
    expect(api(changes)).toEqual(['documentation-changed: false']);
    expect(suggestSemver(changes)).toBe('patch');
  });
});

describe('declarations and renames', () => {
  it('a global element removed: its parse, validate and serialize functions go with it, on its line', () => {
    const { changes } = schemaPair(`${ROOT}\n<xs:element name="extra" type="xs:string"/>`, ROOT);
    expect(api(changes)).toEqual(['element-removed: true']);
  });

  it('a type renamed with its uses: the rename alone breaks, the properties that name it are not another change', () => {
    const after = edit('type="t:flag"', 'type="t:mark"').replace('<xs:simpleType name="flag">', '<xs:simpleType name="mark">');
    const { changes } = schemaPair(ROOT, after);
    expect(api(changes)).toEqual(['type-renamed: true']);
  });
});
