/**
 * xsi:type in the typed model (runtime/src/model/xsi-type-model.ts): a value read with a
 * substituted complex type carries `$type`, the actual type's key; writing it puts xsi:type
 * back, with a prefix declared on the root; a `$type` the schema does not allow is refused.
 * Round trips keep both: XML -> model -> XML keeps xsi:type, model -> XML -> model keeps `$type`.
 */
import { describe, expect, it } from 'vitest';
import { TRANSFORMS, schemaDescriptors } from '../../../generator/src/index.js';
import { ModelError, SchemaRegistry, parseDocument, serializeDocument } from '../../../runtime/src/index.js';
import { parseFullPath } from '../../../runtime/src/document.js';
import { ModelWriter } from '../../../runtime/src/model/to-xml.js';
import { writeXml } from '../../../runtime/src/xml/write-xml.js';
import { inlineIr } from '../../support/inline-schema.js';

const ir = inlineIr(
  `<xs:complexType name="base"><xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence>
     <xs:attribute name="id" type="xs:string"/></xs:complexType>
   <xs:complexType name="ext"><xs:complexContent><xs:extension base="t:base">
     <xs:sequence><xs:element name="b" type="xs:int"/></xs:sequence><xs:attribute name="extra" type="xs:int"/>
   </xs:extension></xs:complexContent></xs:complexType>
   <xs:complexType name="other"><xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence></xs:complexType>
   <xs:complexType name="shape" abstract="true"><xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence></xs:complexType>
   <xs:complexType name="circle"><xs:complexContent><xs:extension base="t:shape">
     <xs:attribute name="r" type="xs:double"/></xs:extension></xs:complexContent></xs:complexType>
   <xs:element name="doc"><xs:complexType><xs:sequence>
     <xs:element name="item" type="t:base" minOccurs="0" maxOccurs="unbounded"/>
     <xs:element name="strict" type="t:base" block="extension" minOccurs="0"/>
     <xs:element name="figure" type="t:shape" minOccurs="0"/>
     <xs:element name="number" type="xs:decimal" minOccurs="0"/>
     <xs:element name="anything" minOccurs="0"/>
   </xs:sequence></xs:complexType></xs:element>`,
  ...TRANSFORMS,
);
const registry = new SchemaRegistry(schemaDescriptors(ir));
const ROOT = '{urn:t}doc';
const document = (body: string) =>
  `<doc xmlns="urn:t" xmlns:t="urn:t" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${body}</doc>`;

/** The model of a valid document, after checking that the fast path gives the full path's answer. */
function parse(body: string): Record<string, unknown> {
  const result = parseDocument<Record<string, unknown>>(registry, ROOT, document(body));
  expect(result).toEqual(parseFullPath(registry, ROOT, document(body)));
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return result.value;
}

function serialize(value: unknown): string {
  return serializeDocument(registry, ROOT, value, { declaration: false });
}

function problems(value: unknown): string[] {
  try {
    serialize(value);
    return [];
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    return error.diagnostics.map((d) => d.message);
  }
}

describe('reading xsi:type into the model', () => {
  it('gives the value of a substituted complex type its $type, the key of the actual type', () => {
    const value = parse('<item xsi:type="t:ext" extra="2"><a>x</a><b>3</b></item>');
    expect(value.items).toEqual([{ $type: '{urn:t}ext', a: 'x', b: 3, extra: 2 }]);
  });

  it('gives no $type to a value of the declared type, named by xsi:type or not', () => {
    expect(parse('<item xsi:type="t:base"><a>x</a></item>').items).toEqual([{ a: 'x' }]);
    expect(parse('<item><a>x</a></item>').items).toEqual([{ a: 'x' }]);
  });

  it('reads a simple value as its declared type reads it', () => {
    // xs:int's model value is a number, xs:decimal's a string: the declared type decides.
    expect(parse('<number xmlns:xs="http://www.w3.org/2001/XMLSchema" xsi:type="xs:int">7</number>').number).toBe('7');
  });

  it('keeps an element declared xs:anyType as XML, xsi:type included', () => {
    const value = parse('<anything xmlns:xs="http://www.w3.org/2001/XMLSchema" xsi:type="xs:int">7</anything>');
    expect(value.anything).toMatchObject({ kind: 'element', name: 'anything', attributes: [{ name: 'type', value: 'xs:int' }] });
  });
});

describe('writing $type as xsi:type', () => {
  it('writes xsi:type with a declared prefix, and the actual type\'s attributes and content', () => {
    const text = serialize({ items: [{ $type: '{urn:t}ext', a: 'x', b: 3, extra: 2 }] });
    expect(text).toBe('<doc xmlns="urn:t" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><item xsi:type="ext" extra="2"><a>x</a><b>3</b></item></doc>');
  });

  it('writes the same xsi:type through an XmlElement tree (to-xml.ts)', () => {
    const value = { items: [{ $type: '{urn:t}ext', a: 'x', b: 3 }] };
    const root = registry.element(ROOT);
    if (!root) throw new Error('no root');
    const tree = new ModelWriter(registry).element(root, value, 'doc');
    expect(writeXml(tree, { declaration: false })).toBe(serialize(value));
  });

  it('writes a QName value with the prefix bound to its namespace, declared on the root', () => {
    const typed = (valueNamespace: string) => ({
      kind: 'element' as const, namespace: 'urn:a', name: 'e', children: [],
      attributes: [{ namespace: 'http://www.w3.org/2001/XMLSchema-instance', name: 'type', prefix: 'xsi', value: 'T', valueNamespace }],
    });
    expect(writeXml(typed('urn:b'), { declaration: false, prefixes: (ns) => (ns === 'urn:b' ? 'b' : undefined) }))
      .toBe('<e xmlns="urn:a" xmlns:b="urn:b" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="b:T"/>');
    expect(writeXml(typed('urn:a'), { declaration: false })).toBe('<e xmlns="urn:a" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="T"/>');
    // A type in no namespace: unprefixed, so the document may have no default namespace.
    expect(writeXml(typed(''), { declaration: false })).toBe('<ns1:e xmlns:ns1="urn:a" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="T"/>');
  });

  it('round-trips XML -> model -> XML keeping xsi:type, and model -> XML -> model keeping $type', () => {
    const xml = document('<item xsi:type="t:ext" id="i"><a>x</a><b>3</b></item><figure xsi:type="t:circle" r="1.5"><a>y</a></figure>');
    const first = parseDocument<Record<string, unknown>>(registry, ROOT, xml);
    if (!first.ok) throw new Error('invalid');
    const text = serialize(first.value);
    expect(text).toContain('<item xsi:type="ext" id="i">');
    expect(text).toContain('<figure xsi:type="circle" r="1.5">');
    const again = parseDocument(registry, ROOT, text);
    expect(again).toMatchObject({ ok: true, value: first.value });
  });

  it('writes a value without $type, or with the declared type\'s key, as the declared type', () => {
    expect(serialize({ items: [{ a: 'x' }] })).not.toContain('xsi:type');
    expect(serialize({ items: [{ $type: '{urn:t}base', a: 'x' }] })).not.toContain('xsi:type');
  });
});

describe('checking $type', () => {
  it('refuses a type not derived from the declared one, an unknown one, and one the element blocks', () => {
    expect(problems({ items: [{ $type: '{urn:t}other', a: 'x' }] })).toEqual([expect.stringMatching(/items\[0\]\.\$type: "\{urn:t\}other" may not stand for .*not derived/)]);
    expect(problems({ items: [{ $type: '{urn:t}nothing', a: 'x' }] })).toEqual([expect.stringMatching(/no known schema defines/)]);
    expect(problems({ strict: { $type: '{urn:t}ext', a: 'x', b: 1 } })).toEqual([expect.stringMatching(/blocks extension/)]);
    expect(problems({ items: [{ $type: 7, a: 'x' }] })).toEqual([expect.stringMatching(/expected the key of a type/)]);
  });

  it('requires a $type where the declared type is abstract', () => {
    expect(problems({ figure: { a: 'x' } })).toEqual([expect.stringMatching(/abstract: \$type must name a type derived from it/)]);
    expect(problems({ figure: { $type: '{urn:t}circle', a: 'x' } })).toEqual([]);
  });

  it('checks the value against the actual type', () => {
    expect(problems({ items: [{ $type: '{urn:t}ext', a: 'x' }] })).toEqual([expect.stringMatching(/items\[0\]\.b: required, but missing/)]);
  });
});
