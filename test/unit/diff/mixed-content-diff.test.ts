/**
 * Mixed content turned on or off: documents gain or lose text between the children, and the
 * generated model trades the element properties for one `$content` array (or back), so code
 * written against it breaks: the change is API-breaking.
 */
import { describe, expect, it } from 'vitest';
import { suggestSemver } from '../../../generator/src/diff/semver.js';
import { schemaPair } from '../../support/schema-pair.js';

const doc = (mixed: string) => `<xs:element name="doc" type="t:Doc"/>
<xs:complexType name="Doc"${mixed}><xs:sequence><xs:element name="b" type="xs:string"/></xs:sequence></xs:complexType>`;

describe('mixed content in the schema diff', () => {
  it('turned on widens documents and breaks the API', () => {
    const { changes } = schemaPair(doc(''), doc(' mixed="true"'));
    const mixed = changes.filter((c) => c.kind === 'type-changed');
    expect(mixed.map((c) => [c.message, c.producers, c.consumers, c.apiBreaking])).toEqual([['now mixed: text may come between its child elements', 'none', 'affected', true]]);
    expect(suggestSemver(changes)).toBe('major');
  });

  it('turned off narrows documents and breaks the API', () => {
    const { changes } = schemaPair(doc(' mixed="true"'), doc(''));
    const mixed = changes.filter((c) => c.kind === 'type-changed');
    expect(mixed.map((c) => [c.message, c.producers, c.consumers, c.apiBreaking])).toEqual([['no longer mixed: text between its child elements is refused', 'breaking', 'none', true]]);
  });
});
