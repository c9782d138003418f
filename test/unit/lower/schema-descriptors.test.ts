/**
 * The lower stage alone (generator/src/lower/schema-descriptors.ts): the final IR (after every
 * transform) as the runtime's descriptors, one per namespace, with everything the runtime would
 * otherwise work out settled: extensions flattened, simple types written out whole, each
 * particle carrying its model property.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XML_NAMESPACE_SCHEMA } from '@evfw/runtime/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIr, schemaDescriptors } from '../../../generator/src/index.js';
import { XS } from '../../support/inline-schema.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'evfw-lower-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The IR the lower stage takes: every stage before it run on `body`, a schema of urn:t. */
function finalIr(body: string) {
  const file = path.join(dir, 't.xsd');
  writeFileSync(file, `<xs:schema ${XS} xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">\n${body}\n</xs:schema>\n`);
  return buildIr([file], { rootDir: dir });
}

const XML = 'http://www.w3.org/XML/1998/namespace';
const string = { kind: 'builtin', name: 'string' };

describe('schemaDescriptors', () => {
  const ir = finalIr(
    `<xs:import namespace="${XML}"/>
     <xs:element name="root" type="t:derived"/>
     <xs:element name="head" type="xs:string" abstract="true"/>
     <xs:element name="member" type="xs:string" substitutionGroup="t:head"/>
     <xs:complexType name="base">
       <xs:sequence><xs:element name="first" type="xs:string"/></xs:sequence>
       <xs:attribute name="id" type="xs:ID" use="required"/>
     </xs:complexType>
     <xs:complexType name="derived">
       <xs:complexContent><xs:extension base="t:base">
         <xs:sequence>
           <xs:element name="second" type="t:colour" maxOccurs="unbounded"/>
           <xs:element ref="t:head" minOccurs="0"/>
           <xs:any namespace="##other" processContents="lax" minOccurs="0"/>
         </xs:sequence>
         <xs:attribute ref="xml:lang"/>
       </xs:extension></xs:complexContent>
     </xs:complexType>
     <xs:simpleType name="colour"><xs:restriction base="xs:string"><xs:enumeration value="red"/><xs:enumeration value="blue"/></xs:restriction></xs:simpleType>
     <xs:attribute name="global" type="xs:int"/>`,
  );
  const descriptors = schemaDescriptors(ir);
  const t = descriptors.find((d) => d.namespace === 'urn:t')!;
  const complexType = (key: string) => t.complexTypes.find((c) => c.key === key)!;

  it("gives one descriptor per namespace, in the IR's order, the xml: namespace's being the runtime's own", () => {
    expect(descriptors.map((d) => d.namespace)).toEqual(ir.schemas.map((s) => s.namespace));
    expect(descriptors.map((d) => d.namespace)).toEqual([XML, 'urn:t']);
    expect(descriptors[0]).toBe(XML_NAMESPACE_SCHEMA);
  });

  it('lists the global elements and attributes by name, and complex types by key', () => {
    expect(t.prefix).toBe('t');
    expect(t.elements.map((e) => [e.name, e.type])).toEqual([
      ['root', { kind: 'complex', ref: '{urn:t}derived' }],
      ['head', { kind: 'simple', type: string }],
      ['member', { kind: 'simple', type: string }],
    ]);
    expect(t.elements[1]!.abstract).toBe(true);
    expect(t.attributes).toEqual([{ namespace: 'urn:t', name: 'global', type: { kind: 'builtin', name: 'int' } }]);
    expect(t.complexTypes.map((c) => c.key)).toEqual(['{urn:t}base', '{urn:t}derived']);
    // No rules file: no rules key at all.
    expect('rules' in t).toBe(false);
  });

  /** The derived type's own sequence, which the extension puts after its base's content. */
  function ownParticles() {
    const derived = complexType('{urn:t}derived');
    if (derived.content.kind !== 'elements' || derived.content.particle.kind !== 'sequence') throw new Error('expected a sequence');
    const own = derived.content.particle.particles[1];
    if (own?.kind !== 'sequence') throw new Error('expected its own sequence second');
    return own.particles;
  }

  it("flattens an extension: its base's attributes and content, then its own", () => {
    const derived = complexType('{urn:t}derived');
    expect(derived.attributes.map((a) => [a.namespace, a.name, a.property, a.required])).toEqual([
      ['', 'id', 'id', true],
      [XML, 'lang', 'lang', false],
    ]);
    if (derived.content.kind !== 'elements' || derived.content.particle.kind !== 'sequence') throw new Error('expected a sequence');
    // The base's content (its one element: a group of one particle is that particle), then the extension's own.
    expect(derived.content.particle.particles.map((p) => [p.kind, p.property])).toEqual([
      ['element', 'first'],
      ['sequence', undefined],
    ]);
    expect(ownParticles().map((p) => [p.kind, p.property, p.min, p.max])).toEqual([
      ['element', 'seconds', 1, 'unbounded'],
      ['element', 'head', 0, 1],
      ['any', 'extension', 0, 1],
    ]);
  });

  it('writes a named simple type out whole where it is used', () => {
    expect(ownParticles()[0]).toMatchObject({
      element: { namespace: 'urn:t', name: 'second', type: { kind: 'simple', type: { kind: 'atomic', base: string, facets: { enumeration: ['red', 'blue'] } } } },
    });
  });

  it("resolves a substitution group's head to the elements that may appear, by key, and a wildcard to its namespaces", () => {
    const [, head, any] = ownParticles();
    expect(head).toMatchObject({ kind: 'element', ref: '{urn:t}head', cases: [{ ref: '{urn:t}member', property: 'member' }] });
    expect(any).toMatchObject({ kind: 'any', wildcard: { namespaces: { kind: 'other', namespace: 'urn:t' }, process: 'lax' } });
  });

  it('carries the rules of a namespace that has them', () => {
    const rule = { id: 'r', section: '1', severity: 'error', profile: 'spec', message: 'm', description: 'd', check: { kind: 'required-child', element: 'root', child: 'first' } } as const;
    const withRules = { schemas: ir.schemas.map((s) => (s.namespace === 'urn:t' ? { ...s, rules: [rule] } : s)) };
    expect(schemaDescriptors(withRules).find((d) => d.namespace === 'urn:t')!.rules).toEqual([rule]);
  });
});
