/**
 * Which refusals belong to a change (witness-attribution.ts), and where the search starts its
 * documents (witness-roots.ts): the two rules that keep a witness about its own change.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attributable, elementDepth, indexFree } from '../../../generator/src/diff/witnesses/witness-attribution.js';
import { witnessRoots } from '../../../generator/src/diff/witnesses/witness-roots.js';
import { XS } from '../../support/inline-schema.js';
import { schemaDescriptorsFor } from '../../support/schema-sets.js';

const OPERATION = '/cpm-evfw/event-cpm-imap/operation';

describe('attributable', () => {
  it('compares paths without positions and attribute prefixes', () => {
    expect(indexFree('/cpm-evfw/event-cpm-imap[2]/operation[1]/@ns1:flags')).toBe(`${OPERATION}/@flags`);
    expect(attributable({ code: 'evfw.attribute.enum', path: '/cpm-evfw/event-cpm-imap[2]/operation[1]/@flags' }, 'enumeration-value-added', [`${OPERATION}/@flags`])).toBe(true);
    expect(attributable({ code: 'evfw.attribute.enum', path: '/cpm-evfw/event-cpm-imap[2]/operation[1]/@name' }, 'enumeration-value-added', [`${OPERATION}/@flags`])).toBe(false);
  });

  it('takes a path reached through a container: the change path need only end the refusal path', () => {
    expect(attributable({ code: 'evfw.value.facet', path: '/cpm-evfw/location-shared[1]/latitude[1]' }, 'facet-tightened', ['/location-shared/latitude'])).toBe(true);
    expect(attributable({ code: 'evfw.value.facet', path: '/cpm-evfw/other[1]/latitude[1]' }, 'facet-tightened', ['/location-shared/latitude'])).toBe(false);
  });

  it('takes the parent only for a change of presence, and only for what is reported there about a child', () => {
    const missing = { code: 'evfw.attribute.required', path: '/cpm-evfw/event-cpm-imap[1]/operation[1]' };
    expect(attributable(missing, 'made-required', [`${OPERATION}/@flags`])).toBe(true);
    expect(attributable(missing, 'facet-tightened', [`${OPERATION}/@flags`])).toBe(false);
    expect(attributable({ ...missing, code: 'evfw.value.enum' }, 'made-required', [`${OPERATION}/@flags`])).toBe(false);
    expect(attributable({ ...missing, code: 'evfw.content.missing' }, 'made-required', [`${OPERATION}/object`])).toBe(true);
  });

  it('given the document, takes the parent only when it lacks the change own child or attribute', () => {
    const document = '<cpm-evfw xmlns="urn:oma:xml:cpm:evfw"><event-cpm-imap type="flags" index="1"><operation name="add"><object/></operation></event-cpm-imap></cpm-evfw>';
    const refusal = { code: 'evfw.attribute.required', path: '/cpm-evfw/event-cpm-imap[1]/operation[1]' };
    expect(attributable(refusal, 'attribute-added', [`${OPERATION}/@flags`], document)).toBe(true);
    // <operation> has name: the refusal there is about another attribute.
    expect(attributable(refusal, 'attribute-added', [`${OPERATION}/@name`], document)).toBe(false);
    const missing = { code: 'evfw.content.missing', path: '/cpm-evfw/event-cpm-imap[1]/operation[1]' };
    expect(attributable(missing, 'made-required', [`${OPERATION}/object`], document)).toBe(false);
    expect(attributable(missing, 'made-required', [`${OPERATION}/note`], document)).toBe(true);
    // A cardinality change explains a missing occurrence of a child that is there.
    expect(attributable(missing, 'cardinality-narrowed', [`${OPERATION}/object`], document)).toBe(true);
  });

  it('takes a refusal below a wildcard change path, and `*` for any element', () => {
    const foreign = { code: 'evfw.content.strict-unknown', path: '/root/ns1:x[1]' };
    expect(attributable(foreign, 'wildcard-process-contents-changed', ['/root'])).toBe(true);
    expect(attributable(foreign, 'wildcard-process-contents-changed', ['/root/*'])).toBe(true);
    expect(attributable(foreign, 'element-removed', ['/root'])).toBe(false);
  });

  it('counts the elements of a path, not its attribute', () => {
    expect(elementDepth(`${OPERATION}/@flags`)).toBe(3);
    expect(elementDepth('/root')).toBe(1);
  });
});

describe('witnessRoots', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'evfw-roots-'));
  const schema = (ns: string, body: string) => `<xs:schema ${XS} targetNamespace="${ns}" elementFormDefault="qualified">${body}</xs:schema>`;
  const box = '<xs:element name="box"><xs:complexType><xs:sequence><xs:any namespace="##other" processContents="lax" maxOccurs="unbounded"/></xs:sequence></xs:complexType></xs:element>';
  writeFileSync(path.join(dir, 'a.xsd'), schema('urn:a', `${box}<xs:element name="item" type="xs:string"/><xs:element name="skipped"><xs:complexType><xs:sequence><xs:any namespace="##other" processContents="skip"/></xs:sequence></xs:complexType></xs:element>`));
  const holder = '<xs:element name="holder"><xs:complexType><xs:sequence><xs:element name="thing" type="xs:string"/></xs:sequence></xs:complexType></xs:element>';
  writeFileSync(path.join(dir, 'b.xsd'), schema('urn:b', `<xs:element name="item"><xs:complexType><xs:attribute name="n" type="xs:int"/></xs:complexType></xs:element>${holder}`));
  const { registry } = schemaDescriptorsFor([path.join(dir, 'a.xsd'), path.join(dir, 'b.xsd')], dir);

  it('starts at the global element a path begins with, of the change namespace first', () => {
    expect(witnessRoots(registry, 'urn:b', ['/item/@n'])).toEqual([{ key: '{urn:b}item', offset: 0 }]);
    expect(witnessRoots(registry, 'urn:c', ['/item'])).toEqual([{ key: '{urn:a}item', offset: 0 }, { key: '{urn:b}item', offset: 0 }]);
  });

  it('starts at the elements that can hold it when no global element has its name, nearest first', () => {
    // <thing> is local to <holder>, which <box> can hold through its lax wildcard; skipped content is never validated.
    expect(witnessRoots(registry, 'urn:b', ['/thing'])).toEqual([
      { key: '{urn:b}holder', offset: 1 },
      { key: '{urn:a}box', offset: 2 },
    ]);
    expect(witnessRoots(registry, 'urn:b', ['/nowhere'])).toEqual([]);
  });
});
