/**
 * The check stage as a whole (generator/src/check/check-schema-set.ts): every family of
 * constraints runs on the assembled set inside buildIr, and Unique Particle Attribution is an
 * error or a warning as the caller says (D-113). Each family has its own tests beside this one.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GeneratorError } from '../../../generator/src/errors.js';
import { loadSchemaSet, type GenerateOptions } from '../../../generator/src/index.js';
import { XS } from '../../support/inline-schema.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'evfw-check-stage-'));
let count = 0;

function load(body: string, options: GenerateOptions = {}) {
  const file = path.join(dir, `s${count++}.xsd`);
  writeFileSync(file, `<xs:schema ${XS} xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">\n${body}\n</xs:schema>\n`);
  return loadSchemaSet([file], { rootDir: dir, ...options });
}

function codeOf(body: string): string | undefined {
  try {
    load(body);
    return undefined;
  } catch (error) {
    if (error instanceof GeneratorError) return error.code;
    throw error;
  }
}

/** A lax ##other wildcard in a repeated choice and another after it: RFC 4826's flaw. */
const AMBIGUOUS = `<xs:complexType name="list"><xs:sequence>
  <xs:choice minOccurs="0" maxOccurs="unbounded"><xs:element name="entry"/><xs:any namespace="##other" processContents="lax"/></xs:choice>
  <xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
</xs:sequence></xs:complexType>`;

describe('the check stage', () => {
  it('runs every family of constraints when a schema set is loaded', () => {
    expect(codeOf('<xs:simpleType name="s"><xs:restriction base="xs:decimal"><xs:length value="2"/></xs:restriction></xs:simpleType>')).toBe('xsd.cos-applicable-facets');
    expect(codeOf('<xs:complexType name="b" final="extension"/><xs:complexType name="d"><xs:complexContent><xs:extension base="t:b"/></xs:complexContent></xs:complexType>')).toBe('xsd.cos-ct-extends');
    expect(codeOf('<xs:attribute name="a" type="xs:ID" default="x"/>')).toBe('xsd.a-props-correct');
    expect(codeOf('<xs:element name="e"><xs:complexType><xs:sequence><xs:element name="k" type="xs:int"/></xs:sequence></xs:complexType><xs:keyref name="r" refer="t:nothing"><xs:selector xpath="t:k"/><xs:field xpath="."/></xs:keyref></xs:element>')).toBe('xsd.reference.unresolved');
    expect(codeOf('<xs:complexType name="c"><xs:sequence><xs:all><xs:element name="a"/></xs:all></xs:sequence></xs:complexType>')).not.toBeUndefined();
    expect(codeOf(AMBIGUOUS)).toBe('xsd.cos-nonambig');
  });

  it('accepts what breaks none of them', () => {
    expect(codeOf('<xs:complexType name="c"><xs:sequence><xs:element name="a" type="xs:int"/><xs:element name="b" minOccurs="0"/></xs:sequence></xs:complexType>')).toBeUndefined();
  });

  it('makes a UPA violation a warning when asked, given to onWarning and returned', () => {
    const told: GeneratorError[] = [];
    const set = load(AMBIGUOUS, { uniqueParticleAttribution: 'warning', onWarning: (w) => told.push(w) });
    expect(set.warnings.map((w) => w.code)).toEqual(['xsd.cos-nonambig']);
    expect(told).toEqual(set.warnings);
    expect(set.warnings[0]?.hint).toMatch(/first particle, in schema order/);
  });
});
