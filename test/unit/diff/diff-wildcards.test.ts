/** Wildcards: the namespaces they admit, compared as sets, and processContents on skip < lax < strict. */
import { describe, expect, it } from 'vitest';
import { brief, schemaPair } from '../../support/schema-pair.js';

function wildcard(attributes: string, anyAttribute = ''): string {
  return `<xs:element name="root">
  <xs:complexType>
    <xs:sequence>
      <xs:any ${attributes} minOccurs="0"/>
    </xs:sequence>
    ${anyAttribute}
  </xs:complexType>
</xs:element>`;
}

const SUBJECT = 'wildcard in type root (anonymous)';

describe('namespaces', () => {
  const cases: [string, string, string, string][] = [
    ['namespace="##other"', 'namespace="##any"', 'wildcard-namespace-widened', 'namespace ##other -> ##any'],
    ['namespace="##any"', 'namespace="##other"', 'wildcard-namespace-narrowed', 'namespace ##any -> ##other'],
    ['namespace="urn:a urn:b"', 'namespace="urn:a"', 'wildcard-namespace-narrowed', 'namespace urn:a urn:b -> urn:a'],
    ['namespace="urn:a"', 'namespace="urn:a urn:b"', 'wildcard-namespace-widened', 'namespace urn:a -> urn:a urn:b'],
    ['namespace="urn:a"', 'namespace="##other"', 'wildcard-namespace-widened', 'namespace urn:a -> ##other'],
    ['namespace="urn:a"', 'namespace="urn:b"', 'wildcard-namespace-changed', 'namespace urn:a -> urn:b'],
    ['namespace="##local"', 'namespace="##other"', 'wildcard-namespace-changed', 'namespace ##local -> ##other'],
  ];
  for (const [before, after, kind, message] of cases) {
    it(`${message}: ${kind}`, () => {
      const { changes } = schemaPair(wildcard(before), wildcard(after));
      const effects = kind.endsWith('widened') ? ['none', 'affected'] : kind.endsWith('narrowed') ? ['breaking', 'none'] : ['breaking', 'affected'];
      expect(changes.map(brief)).toEqual([{ kind, subject: SUBJECT, message, producers: effects[0], consumers: effects[1] }]);
      expect(changes[0]!.paths).toEqual(['/root/*']);
      expect(changes[0]!.before).toEqual({ file: 'before/test.xsd', line: 5, column: 7 });
      expect(changes[0]!.after).toEqual({ file: 'after/test.xsd', line: 5, column: 7 });
    });
  }
});

describe('processContents', () => {
  it('lax -> strict narrows: an undeclared element it let through is now refused', () => {
    expect(schemaPair(wildcard('processContents="lax"'), wildcard('processContents="strict"')).changes.map(brief)).toEqual([
      { kind: 'wildcard-process-contents-changed', subject: SUBJECT, message: 'processContents lax -> strict: elements it let through may now be refused', producers: 'breaking', consumers: 'none' },
    ]);
  });

  it('strict -> skip widens', () => {
    expect(schemaPair(wildcard('processContents="strict"'), wildcard('processContents="skip"')).changes.map(brief)).toEqual([
      { kind: 'wildcard-process-contents-changed', subject: SUBJECT, message: 'processContents strict -> skip: elements it refused may now pass', producers: 'none', consumers: 'affected' },
    ]);
  });
});

describe('attribute wildcards', () => {
  it('added widens, removed narrows, at /@*', () => {
    const plain = wildcard('');
    const open = wildcard('', '<xs:anyAttribute namespace="##other"/>');
    const added = schemaPair(plain, open).changes;
    expect(added.map(brief)).toEqual([
      { kind: 'wildcard-namespace-widened', subject: 'attribute wildcard of type root (anonymous)', message: 'attribute wildcard ##other added', producers: 'none', consumers: 'affected' },
    ]);
    expect(added[0]!.paths).toEqual(['/root/@*']);
    expect(schemaPair(open, plain).changes.map((c) => [c.kind, c.producers, c.consumers])).toEqual([['wildcard-namespace-narrowed', 'breaking', 'none']]);
    const wider = schemaPair(open, wildcard('', '<xs:anyAttribute namespace="##any"/>')).changes;
    expect(wider.map((c) => [c.kind, c.message])).toEqual([['wildcard-namespace-widened', 'namespace ##other -> ##any']]);
  });
});
