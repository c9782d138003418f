/**
 * The near-miss hint of enumeration errors (runtime/src/datatypes/near-miss.ts): the nearest
 * allowed values by case, a leading backslash, or one or two typed characters; none when nothing
 * is near or too many are equally near; bounded work on hostile sizes. Then the hint as the XML
 * validator and validateObject report it.
 */
import { describe, expect, it } from 'vitest';
import { registry } from '../../../generated/src/registry.js';
import { validateObjectCpmEvfw } from '../../../generated/src/cpm-evfw.object.js';
import { TRANSFORMS, schemaDescriptors } from '../../../generator/src/index.js';
import { SchemaRegistry, parseDocument, type Diagnostic } from '../../../runtime/src/index.js';
import { inlineIr } from '../../support/inline-schema.js';
import { editDistance, nearestValues, nearMissHint } from '../../../runtime/src/datatypes/near-miss.js';

const FLAGS = ['\\Seen', '\\Deleted'];

describe('nearestValues', () => {
  it('finds a value differing in case, by a leading backslash, or by one or two edits', () => {
    expect(nearestValues('\\seen', FLAGS)).toEqual(['\\Seen']);
    expect(nearestValues('\\SEEN', FLAGS)).toEqual(['\\Seen']);
    expect(nearestValues('Seen', FLAGS)).toEqual(['\\Seen']);
    expect(nearestValues('seen', FLAGS)).toEqual(['\\Seen']);
    expect(nearestValues('\\\\Seen', FLAGS)).toEqual(['\\Seen']);
    expect(nearestValues('\\Sen', FLAGS)).toEqual(['\\Seen']);
    expect(nearestValues('\\Seeen', FLAGS)).toEqual(['\\Seen']);
    expect(nearestValues('\\Sene', FLAGS)).toEqual(['\\Seen']);
    expect(nearestValues('\\Delted', FLAGS)).toEqual(['\\Deleted']);
    expect(nearestValues('Deleetd', FLAGS)).toEqual(['\\Deleted']);
  });

  it('finds nothing when no value is near', () => {
    expect(nearestValues('\\Flagged', FLAGS)).toEqual([]);
    expect(nearestValues('x', FLAGS)).toEqual([]);
    expect(nearestValues('', FLAGS)).toEqual([]);
    expect(nearestValues('\\Answered', FLAGS)).toEqual([]);
  });

  it('asks more of short values: two edits make any two letters of anything', () => {
    expect(nearestValues('ab', ['xy'])).toEqual([]);
    expect(nearestValues('ab', ['ax'])).toEqual([]);
    expect(nearestValues('abc', ['abd'])).toEqual(['abd']);
    expect(nearestValues('abcd', ['axyd'])).toEqual([]);
    expect(nearestValues('abcde', ['axyde'])).toEqual(['axyde']);
  });

  it('prefers the nearer kind: case over backslash over edits', () => {
    expect(nearestValues('abcd', ['ABCD', '\\abcd', 'abce'])).toEqual(['ABCD']);
    expect(nearestValues('abcd', ['\\abcd', 'abce'])).toEqual(['\\abcd']);
  });

  it('names every value equally near, up to three, else none', () => {
    expect(nearestValues('abcx', ['abcd', 'abce', 'zzzz'])).toEqual(['abcd', 'abce']);
    expect(nearestValues('abcx', ['abcd', 'abce', 'abcf'])).toEqual(['abcd', 'abce', 'abcf']);
    expect(nearestValues('abcx', ['abcd', 'abce', 'abcf', 'abcg'])).toEqual([]);
  });

  it('does not compare long values, and reads a bounded part of a long enumeration', () => {
    const long = 'a'.repeat(65);
    expect(nearestValues(long, [`${long}b`, long.toUpperCase()])).toEqual([]);
    expect(nearestValues('abcdef', [`${'a'.repeat(65)}`, 'ABCDEF'])).toEqual(['ABCDEF']);
    const others = Array.from({ length: 10_000 }, (_, i) => `${i}`.padStart(6, '0'));
    expect(nearestValues('ZZZZZZ', ['zzzzzz', ...others])).toEqual(['zzzzzz']);
    expect(nearestValues('ZZZZZZ', [...others, 'zzzzzz'])).toEqual([]);
  });

  it('stays fast on a hostile enumeration: 100,000 values of 64 characters', () => {
    // Each call compares at most 256 values, each in time linear in its length: a few
    // milliseconds. A generous bound, so a loaded machine does not fail it.
    const many = Array.from({ length: 100_000 }, (_, i) => `${'x'.repeat(58)}${String(i).padStart(6, '0')}`);
    const started = performance.now();
    for (let i = 0; i < 10; i++) nearestValues(`${'x'.repeat(58)}y${String(i).padStart(5, '0')}`, many);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('seen', 'sen')).toBe(1);
    expect(editDistance('seen', 'sean')).toBe(1);
    expect(editDistance('seen', 'sene')).toBe(1);
    expect(editDistance('deleted', 'delted')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('stops at its limit, and agrees with the whole table below it', () => {
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    expect(editDistance('abcdef', 'abcxyz', 1)).toBe(2);
    expect(editDistance('abc', 'abcdef', 2)).toBe(3);
    const words = ['', 'a', 'ab', 'ba', 'abc', 'acb', 'bca', 'abcd', 'abdc', 'xbcd', 'abcde', 'aebcd', 'seen', 'sene', 'sen', 'deleted', 'delted'];
    for (const a of words) {
      for (const b of words) {
        const whole = editDistance(a, b);
        for (const limit of [0, 1, 2, 3]) expect(editDistance(a, b, limit), `${a} ${b} ${limit}`).toBe(Math.min(whole, limit + 1));
      }
    }
  });
});

describe('nearMissHint', () => {
  it('says "did you mean" with the values quoted as written', () => {
    expect(nearMissHint('Seen', FLAGS)).toBe('did you mean "\\Seen"?');
    expect(nearMissHint('abcx', ['abcd', 'abce'])).toBe('did you mean "abcd" or "abce"?');
    expect(nearMissHint('abcx', ['abcd', 'abce', 'abcf'])).toBe('did you mean "abcd", "abce" or "abcf"?');
    expect(nearMissHint('\\Flagged', FLAGS)).toBeUndefined();
  });
});

describe('the hint on enumeration errors (issue 19, item 6)', () => {
  const doc = (flags: string, name = 'add') =>
    `<cpm-evfw xmlns="urn:oma:xml:cpm:evfw"><event-cpm-imap type="flags" index="1"><operation name="${name}" flags="${flags}">` +
    `<object uid="1" folder-path="a"/></operation></event-cpm-imap></cpm-evfw>`;
  const enumErrors = (xml: string): Diagnostic[] => parseDocument(registry, undefined, xml).diagnostics.filter((d) => d.code.endsWith('.enum'));

  it.each(['Seen', '\\seen', '\\Sen', 'seen', '\\SEEN'])('an attribute: %s', (flags) => {
    const [error] = enumErrors(doc(flags));
    expect(error?.code).toBe('evfw.attribute.enum');
    expect(error?.hint).toBe('did you mean "\\Seen"?');
  });

  it('an attribute of another enumeration', () => {
    expect(enumErrors(doc('\\Seen', 'Add'))[0]?.hint).toBe('did you mean "add"?');
    expect(enumErrors(doc('\\Seen', 'ad'))[0]?.hint).toBe('did you mean "add"?');
  });

  it('no hint when nothing is near', () => {
    const [error] = enumErrors(doc('\\Flagged'));
    expect(error?.code).toBe('evfw.attribute.enum');
    expect(error).not.toHaveProperty('hint');
  });

  it('element text, and an item of a list, of any schema', () => {
    const ir = inlineIr(
      `<xs:simpleType name="color"><xs:restriction base="xs:token"><xs:enumeration value="red"/><xs:enumeration value="green"/></xs:restriction></xs:simpleType>
       <xs:element name="doc"><xs:complexType><xs:sequence>
         <xs:element name="color" type="t:color"/>
         <xs:element name="colors"><xs:simpleType><xs:list itemType="t:color"/></xs:simpleType></xs:element>
       </xs:sequence></xs:complexType></xs:element>`,
      ...TRANSFORMS,
    );
    const own = new SchemaRegistry(schemaDescriptors(ir));
    const parse = (xml: string) => parseDocument(own, '{urn:t}doc', xml).diagnostics.map((d) => [d.code, d.hint]);
    expect(parse('<doc xmlns="urn:t"><color>Red</color><colors>red green</colors></doc>')).toEqual([['evfw.value.enum', 'did you mean "red"?']]);
    expect(parse('<doc xmlns="urn:t"><color>red</color><colors>red gren</colors></doc>')).toEqual([['evfw.value.enum', 'did you mean "green"?']]);
    expect(parse('<doc xmlns="urn:t"><color>blue</color><colors>red</colors></doc>')).toEqual([['evfw.value.enum', undefined]]);
  });

  it('validateObject names the nearest value too', () => {
    const diagnostics = validateObjectCpmEvfw({
      events: [{ $case: 'eventCpmImap', eventCpmImap: { type: 'flags', index: '1', operations: [{ name: 'add', flags: 'Seen', objects: [{ uid: '1', folderPath: 'a', extensions: [] }] }], extensions: [] } }],
    });
    const enumError = diagnostics.find((d) => d.code === 'evfw.attribute.enum');
    expect(enumError?.message).toContain('"\\Seen", "\\Deleted"');
    expect(enumError?.hint).toBe('did you mean "\\Seen"?');
  });
});
