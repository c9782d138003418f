/**
 * The generated API as both comparisons read it (exported-declarations.ts): `evfw generate
 * --watch` (apiChanges) and the generated-API check of `evfw diff` (apiBreaking). Read with the
 * TypeScript parser, so code a hand-written scanner would miscount (a regular expression, a
 * template literal) is read as the compiler reads it, and a string is kept as it is written.
 */
import { describe, expect, it } from 'vitest';
import { apiChanges, exportedDeclarations } from '@evfw/generator/diff';
import { schemaPair } from '../../support/schema-pair.js';

describe('exportedDeclarations', () => {
  it('reads past a regular expression and a template literal holding brackets and quotes', () => {
    const source = [
      'export function isFlag(text: string): boolean {',
      "  return /^[{(\\['\"]+$/.test(text) && `${text}}` !== '';",
      '}',
      '',
      'export interface Note {',
      '  id: string;',
      '}',
      '',
    ].join('\n');
    const declarations = exportedDeclarations(source);
    expect([...declarations.keys()]).toEqual(['isFlag', 'Note']);
    expect(declarations.get('isFlag')!.heading).toBe('(text: string): boolean');
    expect([...declarations.get('Note')!.members!.values()]).toEqual([{ name: 'id', optional: false, readonly: false, type: 'string' }]);
  });

  it('keeps the spaces inside a string: two values that differ only there are two values', () => {
    const before = new Map([['src/m.ts', "export type Flag = 'a  b' | 'c';\n"]]);
    const after = new Map([['src/m.ts', "export type Flag = 'a b' | 'c';\n"]]);
    expect(apiChanges(before, after).map((c) => c.details)).toEqual([["+ 'a b'", "- 'a  b'"]]);
  });
});

describe('the generated API of evfw diff', () => {
  const flag = (value: string) => `<xs:element name="root" type="t:flag"/>
<xs:simpleType name="flag">
  <xs:restriction base="xs:string">
    <xs:enumeration value="${value}"/>
    <xs:enumeration value="c"/>
  </xs:restriction>
</xs:simpleType>`;

  it('an enumeration value that now differs only in its inner spaces narrows the generated union', () => {
    const { changes } = schemaPair(flag('a  b'), flag('a b'));
    expect(changes.map((c) => `${c.kind}: ${c.apiBreaking}`)).toEqual(['enumeration-value-removed: true', 'enumeration-value-added: false']);
  });
});
