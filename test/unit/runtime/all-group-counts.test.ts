/**
 * An xs:all group's counts: each particle at most once, and not at all with maxOccurs="0". The
 * W3C suite's addB092 found that a child of maxOccurs 0 in an all group was accepted, and that
 * binding it to the model looped for ever (its particle takes no child, so the group never ended).
 */
import { describe, expect, it } from 'vitest';
import { TRANSFORMS, schemaDescriptors } from '../../../generator/src/index.js';
import { SchemaRegistry, parseDocument, validateDocument } from '../../../runtime/src/index.js';
import { inlineIr } from '../../support/inline-schema.js';

const ir = inlineIr(
  `<xs:element name="doc"><xs:complexType><xs:all>
     <xs:element name="a1" minOccurs="0" maxOccurs="0"/>
     <xs:element name="a2" minOccurs="0"/>
   </xs:all></xs:complexType></xs:element>`,
  ...TRANSFORMS,
);
const registry = new SchemaRegistry(schemaDescriptors(ir));
const codes = (xml: string) => validateDocument(registry, '{urn:t}doc', xml).map((d) => [d.code, d.message]);

describe('xs:all counts', () => {
  it('refuses an element of maxOccurs 0, and ends', () => {
    expect(codes('<doc xmlns="urn:t"><a1/></doc>')).toEqual([['evfw.content.unexpected', '<a1> may not appear in <doc>']]);
    expect(codes('<doc xmlns="urn:t"><a2/><a1/></doc>')).toEqual([['evfw.content.unexpected', '<a1> may not appear in <doc>']]);
  });

  it('refuses a second occurrence, and binds the others', () => {
    expect(codes('<doc xmlns="urn:t"><a2/><a2/></doc>')).toEqual([['evfw.content.unexpected', '<a2> may appear only once in <doc>']]);
    const parsed = parseDocument(registry, '{urn:t}doc', '<doc xmlns="urn:t"><a2/></doc>');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.ok && Object.keys(parsed.value as object)).toContain('a2');
  });
});
