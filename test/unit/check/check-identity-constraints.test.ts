/**
 * The schema constraints on identity-constraint definitions (check/check-identity-constraints.ts):
 * one symbol space per namespace for their names, a keyref referring to a key or unique of the
 * set, with as many fields.
 */
import { describe, expect, it } from 'vitest';
import { checkIdentityConstraints } from '../../../generator/src/check/check-identity-constraints.js';
import { GeneratorError } from '../../../generator/src/errors.js';
import { indexSchemas } from '../../../generator/src/ir/schema-index.js';
import { inlineIr } from '../../support/inline-schema.js';

/** The code the check throws for the schema body, or 'ok'. */
function check(body: string): string {
  const set = inlineIr(body);
  try {
    checkIdentityConstraints(set, indexSchemas(set));
    return 'ok';
  } catch (error) {
    if (error instanceof GeneratorError) return error.code;
    throw error;
  }
}

const item = `<xs:element name="item" maxOccurs="unbounded"><xs:complexType>
    <xs:attribute name="id" type="xs:string"/><xs:attribute name="n" type="xs:int"/><xs:attribute name="to" type="xs:string"/>
  </xs:complexType></xs:element>`;

/** A global element `name` of items, with the given identity constraints. */
const holder = (name: string, constraints: string) =>
  `<xs:element name="${name}"><xs:complexType><xs:sequence>${item}</xs:sequence></xs:complexType>${constraints}</xs:element>`;

const key = (name: string, fields = ['@id']) =>
  `<xs:key name="${name}"><xs:selector xpath="t:item"/>${fields.map((f) => `<xs:field xpath="${f}"/>`).join('')}</xs:key>`;
const keyref = (name: string, refer: string, fields = ['@to']) =>
  `<xs:keyref name="${name}" refer="${refer}"><xs:selector xpath="t:item"/>${fields.map((f) => `<xs:field xpath="${f}"/>`).join('')}</xs:keyref>`;

describe('identity-constraint definitions', () => {
  it('accepts keys and keyrefs that fit together', () => {
    expect(check(holder('a', key('k') + keyref('r', 't:k')) + holder('b', key('k2', ['@id', '@n']) + keyref('r2', 't:k2', ['@to', '@n'])))).toBe('ok');
  });

  it('refuses two constraints of one name, on two elements as on one (sch-props-correct)', () => {
    expect(check(holder('a', key('k')) + holder('b', key('k')))).toBe('xsd.sch-props-correct');
    expect(check(holder('a', key('k') + `<xs:unique name="k"><xs:selector xpath="t:item"/><xs:field xpath="@n"/></xs:unique>`))).toBe('xsd.sch-props-correct');
  });

  it('refuses a keyref whose refer names no key or unique', () => {
    expect(check(holder('a', keyref('r', 't:missing')))).toBe('xsd.reference.unresolved');
  });

  it('refuses a keyref referring to a keyref (c-props-correct)', () => {
    expect(check(holder('a', key('k') + keyref('r', 't:k') + keyref('r2', 't:r')))).toBe('xsd.c-props-correct');
  });

  it('refuses a keyref with another number of fields than its key (c-props-correct)', () => {
    expect(check(holder('a', key('k', ['@id', '@n']) + keyref('r', 't:k')))).toBe('xsd.c-props-correct');
  });
});
