/**
 * The JSON Schema emitter on a small schema: what each XSD construct becomes (object types in
 * $defs, required attributes and elements, arrays with occurrence bounds, choices as
 * discriminated `$case` objects, facets in `allOf`, wildcards as XmlElement, documentation as
 * description), the standalone validator and wrapper it writes, and what they say.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../../generator/src/index.js';
import { newAjv } from '../../../generator/src/emit/json-schema/standalone-validator.js';
import { XS } from '../../support/inline-schema.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'evfw-emit-json-schema-'));
const file = path.join(dir, 'shop.xsd');
writeFileSync(
  file,
  `<xs:schema ${XS} xmlns:s="urn:shop" targetNamespace="urn:shop" elementFormDefault="qualified">
  <xs:element name="order" type="s:order"/>
  <xs:complexType name="order">
    <xs:annotation><xs:documentation>An order of one shop.</xs:documentation></xs:annotation>
    <xs:sequence>
      <xs:element name="line" type="s:line" maxOccurs="3"/>
      <xs:choice><xs:element name="pickup" type="xs:date"/><xs:element name="address" type="s:code"/></xs:choice>
      <xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
    <xs:attribute name="id" type="xs:NCName" use="required"/>
  </xs:complexType>
  <xs:complexType name="line">
    <xs:attribute name="sku" type="s:code" use="required"/>
    <xs:attribute name="qty" type="xs:unsignedByte"/>
    <xs:attribute name="kind"><xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="a"/><xs:enumeration value="b"/></xs:restriction></xs:simpleType></xs:attribute>
  </xs:complexType>
  <xs:simpleType name="code"><xs:restriction base="xs:token"><xs:pattern value="[A-Z]{2}\\d{3}"/><xs:maxLength value="5"/></xs:restriction></xs:simpleType>
</xs:schema>`,
);
const files = generate([file], { rootDir: dir });
const schema = JSON.parse(files.get('schemas/shop.schema.json')!) as { $defs: Record<string, Record<string, unknown>> } & Record<string, unknown>;

describe('the JSON Schema emitter', () => {
  it('writes a 2020-12 schema with one $defs entry per complex type and per global element', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('urn:evfw:json-schema:shop');
    expect(Object.keys(schema.$defs)).toEqual(['XmlAttribute', 'XmlElement', 'XmlText', 'element.order', 'line', 'order']);
    expect(schema.anyOf).toEqual([{ $ref: '#/$defs/element.order' }]);
  });

  it('maps attributes and elements to properties, required ones to `required`, repetitions to bounded arrays', () => {
    const order = schema.$defs.order!;
    expect(order.description).toBe('An order of one shop.');
    expect(order.additionalProperties).toBe(false);
    expect(order.required).toEqual(['id', 'lines', 'pickupOrAddress', 'extensions']);
    const props = order.properties as Record<string, Record<string, unknown>>;
    expect(props.lines).toMatchObject({ type: 'array', minItems: 1, maxItems: 3, items: { $ref: '#/$defs/line' } });
    expect(props.extensions).toMatchObject({ type: 'array', items: { $ref: '#/$defs/XmlElement' } });
    expect(props.pickupOrAddress).toMatchObject({ type: 'object', discriminator: { propertyName: '$case' } });
    expect((props.pickupOrAddress!.oneOf as unknown[]).length).toBe(2);
  });

  it('states datatypes by type and pattern, facets in allOf, enumerations as enum', () => {
    const props = schema.$defs.line!.properties as Record<string, Record<string, unknown>>;
    expect(props.qty).toMatchObject({ type: 'integer', minimum: 0, maximum: 255 });
    expect(props.kind).toMatchObject({ type: 'string', enum: ['a', 'b'] });
    expect(props.sku).toMatchObject({ type: 'string', allOf: [{ pattern: '^(?:(?:[\\u{41}-\\u{5A}]{2}[\\p{Nd}]{3}))$' }, { maxLength: 5 }] });
    // XSD's \d is any Unicode digit: the pattern needs Unicode mode, which ajv uses.
    const pattern = new RegExp(((props.sku!.allOf as { pattern: string }[])[0]!).pattern, 'u');
    expect(['AB123', 'AB١٢٣', 'ab123', 'AB12'].map((v) => pattern.test(v))).toEqual([true, true, false, false]);
  });

  it('compiles with ajv, and the standalone module and wrapper are written', () => {
    expect(() => newAjv().compile(schema)).not.toThrow();
    expect(files.get('src/shop.object-validator.js')).toContain('export const validateOrderSchema');
    expect(files.get('src/shop.object-validator.d.ts')).toContain('export declare const validateOrderSchema: ObjectValidator;');
    expect(files.get('src/shop.object.ts')).toContain('export function validateObjectOrder(value: unknown): Diagnostic[]');
  });

  it('gives the same bytes twice', () => {
    expect([...generate([file], { rootDir: dir })]).toEqual([...files]);
  });
});
