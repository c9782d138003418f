/**
 * The JSON Schema emitter where nothing can appear (issue 21): a namespace with no global element
 * has no document, and an empty xs:choice no value. JSON Schema allows no empty anyOf or oneOf,
 * and ajv refused the emitted schema, so `generate` crashed; both now say `not: {}`, as the
 * types say `never`, and the package has types but no document entry points.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../../generator/src/index.js';
import { newAjv } from '../../../generator/src/emit/json-schema/standalone-validator.js';
import { XS } from '../../support/inline-schema.js';

function generated(body: string): Map<string, string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'evfw-json-schema-empty-'));
  const file = path.join(dir, 'empty.xsd');
  writeFileSync(file, `<xs:schema ${XS} xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">\n${body}\n</xs:schema>\n`);
  return generate([file], { rootDir: dir });
}

type Json = Record<string, unknown>;

describe('the JSON Schema of what cannot appear', () => {
  it('gives a namespace with no global element a schema that matches nothing, and no document entry points', () => {
    const files = generated(`<xs:complexType name="point"><xs:attribute name="x" type="xs:int"/></xs:complexType>`);
    const schema = JSON.parse(files.get('schemas/empty.schema.json') ?? '{}') as Json;
    expect(schema.anyOf).toBeUndefined();
    expect(schema.not).toEqual({});
    expect(Object.keys(schema.$defs as Json)).toEqual([]);
    expect(newAjv().validate(schema, {})).toBe(false);
    // The types are there; nothing parses or checks a document, since none can exist.
    expect(files.get('src/empty.ts')).toContain('export interface Point');
    expect(files.get('src/empty.ts')).not.toMatch(/export function parse/);
    expect(files.get('src/empty.object.ts')).not.toMatch(/export function validateObject/);
  });

  it('makes an empty choice a property no value satisfies, typed never', () => {
    const files = generated(`<xs:element name="doc"><xs:complexType><xs:sequence>
  <xs:element name="a" type="xs:string"/>
  <xs:choice minOccurs="0"/>
</xs:sequence></xs:complexType></xs:element>`);
    const schema = JSON.parse(files.get('schemas/empty.schema.json') ?? '{}') as Json;
    // The anonymous type of <doc>: the one $defs entry with the property `a`.
    const doc = Object.values(schema.$defs as Record<string, Json>).find((def) => (def.properties as Json | undefined)?.a !== undefined) ?? {};
    const properties = (doc.properties ?? {}) as Record<string, Json>;
    const choice = Object.keys(properties).find((name) => name !== 'a') ?? '';
    expect(properties[choice]).toEqual({ not: {} });
    expect(files.get('src/empty.ts')).toMatch(/= never;/);
    const validate = newAjv().compile(schema);
    expect(validate({ a: 'x' })).toBe(true);
    expect(validate({ a: 'x', [choice]: { $case: 'anything' } })).toBe(false);
  });
});
