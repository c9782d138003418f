/**
 * Elements, attributes and named types coming, going and being renamed: what each does to
 * producers and consumers, where it is reported, and the generated API.
 */
import { describe, expect, it } from 'vitest';
import { suggestSemver } from '../../../generator/src/diff/semver.js';
import { brief, schemaPair } from '../../support/schema-pair.js';

const ROOT = `<xs:element name="root" type="t:root"/>
<xs:complexType name="root">
  <xs:sequence>
    <xs:element name="a" type="xs:string"/>
    <xs:element name="b" type="xs:int" minOccurs="0"/>
  </xs:sequence>
  <xs:attribute name="id" type="xs:string" use="required"/>
  <xs:attribute name="lang" type="xs:language"/>
</xs:complexType>`;

/** The ROOT schema with one line replaced (`from` must occur once). */
function edit(from: string, to: string): string {
  expect(ROOT.split(from)).toHaveLength(2);
  return ROOT.replace(from, to);
}

describe('identical schemas', () => {
  it('give no change and semver none', () => {
    const { changes } = schemaPair(ROOT, ROOT);
    expect(changes).toEqual([]);
    expect(suggestSemver(changes)).toBe('none');
  });
});

describe('elements', () => {
  it('an optional element added affects consumers only: minor', () => {
    const { changes } = schemaPair(ROOT, edit('<xs:element name="b" type="xs:int" minOccurs="0"/>', '<xs:element name="b" type="xs:int" minOccurs="0"/>\n    <xs:element name="c" type="xs:string" minOccurs="0"/>'));
    expect(changes.map(brief)).toEqual([
      { kind: 'element-added', subject: 'element c in type root', message: 'element c added, optional (minOccurs 0)', producers: 'none', consumers: 'affected' },
    ]);
    expect(changes[0]!.paths).toEqual(['/root/c']);
    expect(changes[0]!.after).toEqual({ file: 'after/test.xsd', line: 7, column: 5 });
    expect(changes[0]!.before).toBeUndefined();
    expect(suggestSemver(changes)).toBe('minor');
  });

  it('a required element added breaks producers too: major', () => {
    const { changes } = schemaPair(ROOT, edit('<xs:element name="b" type="xs:int" minOccurs="0"/>', '<xs:element name="b" type="xs:int" minOccurs="0"/>\n    <xs:element name="c" type="xs:string"/>'));
    expect(changes.map(brief)).toEqual([
      { kind: 'element-added', subject: 'element c in type root', message: 'element c added, required (minOccurs 1)', producers: 'breaking', consumers: 'affected' },
    ]);
    expect(suggestSemver(changes)).toBe('major');
  });

  it('an optional element removed breaks producers', () => {
    const { changes } = schemaPair(ROOT, edit('\n    <xs:element name="b" type="xs:int" minOccurs="0"/>', ''));
    expect(changes.map(brief)).toEqual([
      { kind: 'element-removed', subject: 'element b in type root', message: 'element b removed, optional (minOccurs 0)', producers: 'breaking', consumers: 'none' },
    ]);
    expect(changes[0]!.before).toEqual({ file: 'before/test.xsd', line: 6, column: 5 });
    expect(changes[0]!.after).toBeUndefined();
    expect(changes[0]!.paths).toEqual(['/root/b']);
  });

  it('a required element removed: documents without it were invalid, so consumers are affected too', () => {
    const { changes } = schemaPair(ROOT, edit('<xs:element name="a" type="xs:string"/>\n    ', ''));
    expect(changes.map(brief)).toEqual([
      { kind: 'element-removed', subject: 'element a in type root', message: 'element a removed, required (minOccurs 1)', producers: 'breaking', consumers: 'affected' },
    ]);
  });

  it('an element renamed in place, same type and occurrences: one change, both sides', () => {
    const { changes } = schemaPair(ROOT, edit('name="b" type="xs:int"', 'name="beta" type="xs:int"'));
    expect(changes.map(brief)).toEqual([
      { kind: 'element-renamed', subject: 'element beta in type root', message: 'element "b" renamed to "beta"', producers: 'breaking', consumers: 'affected' },
    ]);
    expect(changes[0]!.paths).toEqual(['/root/b', '/root/beta']);
    expect(changes[0]!.before).toEqual({ file: 'before/test.xsd', line: 6, column: 5 });
    expect(changes[0]!.after).toEqual({ file: 'after/test.xsd', line: 6, column: 5 });
    expect(suggestSemver(changes)).toBe('major');
  });

  it('an element renamed and retyped is a removal and an addition', () => {
    const { changes } = schemaPair(ROOT, edit('name="b" type="xs:int"', 'name="beta" type="xs:date"'));
    expect(changes.map((c) => c.kind).sort()).toEqual(['element-added', 'element-removed']);
  });

  it('a global element added, removed and renamed', () => {
    const extra = `${ROOT}\n<xs:element name="note" type="xs:string"/>`;
    const added = schemaPair(ROOT, extra).changes;
    expect(added.map(brief)).toEqual([{ kind: 'element-added', subject: 'element note', message: 'global element note added', producers: 'none', consumers: 'affected' }]);
    expect(added[0]!.paths).toEqual(['/note']);
    const removed = schemaPair(extra, ROOT).changes;
    expect(removed.map(brief)).toEqual([{ kind: 'element-removed', subject: 'element note', message: 'global element note removed', producers: 'breaking', consumers: 'none' }]);
    const renamed = schemaPair(extra, extra.replace('name="note"', 'name="remark"')).changes;
    expect(renamed.map(brief)).toEqual([
      { kind: 'element-renamed', subject: 'element remark', message: 'global element "note" renamed to "remark"', producers: 'breaking', consumers: 'affected' },
    ]);
    expect(renamed[0]!.paths).toEqual(['/note', '/remark']);
  });
});

describe('references to global elements', () => {
  const REFS = `<xs:element name="root"><xs:complexType><xs:sequence><xs:element ref="t:item" maxOccurs="unbounded"/></xs:sequence></xs:complexType></xs:element>
<xs:element name="item" type="xs:string"/>`;

  it('a referenced global element renamed: one change, at the element, with the paths of every use', () => {
    const { changes } = schemaPair(REFS, REFS.replaceAll('item', 'entry'));
    expect(changes.map(brief)).toEqual([
      { kind: 'element-renamed', subject: 'element entry', message: 'global element "item" renamed to "entry"', producers: 'breaking', consumers: 'affected' },
    ]);
    expect(changes[0]!.paths).toEqual(['/entry', '/item', '/root/entry', '/root/item']);
  });

  it('a reference made optional is reported where it is used', () => {
    const { changes } = schemaPair(REFS, REFS.replace('maxOccurs="unbounded"', 'minOccurs="0" maxOccurs="unbounded"'));
    expect(changes.map((c) => [c.kind, c.subject, c.paths])).toEqual([['made-optional', 'element item in type root (anonymous)', ['/root/item']]]);
  });
});

describe('attributes', () => {
  it('an optional attribute added affects consumers only', () => {
    const { changes } = schemaPair(ROOT, edit('<xs:attribute name="lang" type="xs:language"/>', '<xs:attribute name="lang" type="xs:language"/>\n  <xs:attribute name="rev" type="xs:int"/>'));
    expect(changes.map(brief)).toEqual([
      { kind: 'attribute-added', subject: 'attribute rev of type root', message: 'attribute rev added, optional', producers: 'none', consumers: 'affected' },
    ]);
    expect(changes[0]!.paths).toEqual(['/root/@rev']);
    expect(changes[0]!.after).toEqual({ file: 'after/test.xsd', line: 10, column: 3 });
    expect(suggestSemver(changes)).toBe('minor');
  });

  it('a required attribute added breaks producers too', () => {
    const { changes } = schemaPair(ROOT, edit('<xs:attribute name="lang" type="xs:language"/>', '<xs:attribute name="lang" type="xs:language"/>\n  <xs:attribute name="rev" type="xs:int" use="required"/>'));
    expect(changes.map(brief)).toEqual([
      { kind: 'attribute-added', subject: 'attribute rev of type root', message: 'attribute rev added, required', producers: 'breaking', consumers: 'affected' },
    ]);
  });

  it('an attribute removed breaks producers', () => {
    const { changes } = schemaPair(ROOT, edit('\n  <xs:attribute name="lang" type="xs:language"/>', ''));
    expect(changes.map(brief)).toEqual([
      { kind: 'attribute-removed', subject: 'attribute lang of type root', message: 'attribute lang removed (it was optional)', producers: 'breaking', consumers: 'none' },
    ]);
    expect(changes[0]!.before).toEqual({ file: 'before/test.xsd', line: 9, column: 3 });
  });

  it('an attribute renamed: one change, both sides', () => {
    const { changes } = schemaPair(ROOT, edit('name="lang"', 'name="language"'));
    expect(changes.map(brief)).toEqual([
      { kind: 'attribute-renamed', subject: 'attribute language of type root', message: 'attribute "lang" renamed to "language"', producers: 'breaking', consumers: 'affected' },
    ]);
    expect(changes[0]!.paths).toEqual(['/root/@lang', '/root/@language']);
  });

  it('optional to required and back', () => {
    const required = edit('<xs:attribute name="lang" type="xs:language"/>', '<xs:attribute name="lang" type="xs:language" use="required"/>');
    expect(schemaPair(ROOT, required).changes.map(brief)).toEqual([
      { kind: 'made-required', subject: 'attribute lang of type root', message: 'attribute lang is now required (use optional -> required)', producers: 'breaking', consumers: 'none' },
    ]);
    expect(schemaPair(required, ROOT).changes.map(brief)).toEqual([
      { kind: 'made-optional', subject: 'attribute lang of type root', message: 'attribute lang is now optional (use required -> optional)', producers: 'none', consumers: 'affected' },
    ]);
  });
});

describe('named types', () => {
  const WITH_TYPE = `${ROOT}\n<xs:simpleType name="code"><xs:restriction base="xs:token"/></xs:simpleType>`;

  it('an unused type added adds to the generated API: minor, no document affected', () => {
    const { changes } = schemaPair(ROOT, WITH_TYPE);
    expect(changes.map(brief)).toEqual([
      { kind: 'type-added', subject: 'type code', message: 'type code added (generated type Code)', producers: 'none', consumers: 'none' },
    ]);
    expect(changes[0]!.apiBreaking).toBe(false);
    expect(changes[0]!.paths).toEqual([]);
    expect(suggestSemver(changes)).toBe('minor');
  });

  it('a type removed breaks the generated API: major', () => {
    const { changes } = schemaPair(WITH_TYPE, ROOT);
    expect(changes.map(brief)).toEqual([
      { kind: 'type-removed', subject: 'type code', message: 'type code removed (generated type Code)', producers: 'none', consumers: 'none' },
    ]);
    expect(changes[0]!.apiBreaking).toBe(true);
    expect(suggestSemver(changes)).toBe('major');
  });

  it('a type renamed with its uses: one change at the type, nothing at the uses', () => {
    const before = edit('<xs:attribute name="lang" type="xs:language"/>', '<xs:attribute name="lang" type="t:code"/>') + '\n<xs:simpleType name="code"><xs:restriction base="xs:token"/></xs:simpleType>';
    const after = before.replace('type="t:code"', 'type="t:tag"').replace('name="code"', 'name="tag"');
    const { changes } = schemaPair(before, after);
    expect(changes.map(brief)).toEqual([
      { kind: 'type-renamed', subject: 'type tag', message: 'type "code" renamed to "tag" (generated type Code -> Tag)', producers: 'breaking', consumers: 'affected' },
    ]);
    expect(changes[0]!.apiBreaking).toBe(true);
    expect(changes[0]!.paths).toEqual(['/root/@lang']);
  });

  it('a type renamed at the same place with its content changed: the rename, and the change inside at the type', () => {
    const after = ROOT.replaceAll('t:root', 't:top').replace('name="root">', 'name="top">').replace('name="b" type="xs:int" minOccurs="0"', 'name="b" type="xs:int"');
    const { changes } = schemaPair(ROOT, after);
    expect(changes.map((c) => [c.kind, c.subject, c.message, c.paths])).toEqual([
      ['type-renamed', 'type top', 'type "root" renamed to "top" (generated type Root -> Top)', ['/root']],
      ['made-required', 'element b in type top', 'element b is now required (minOccurs 0 -> 1)', ['/root/b']],
    ]);
  });
});
