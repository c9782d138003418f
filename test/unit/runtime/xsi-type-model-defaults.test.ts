/**
 * Default and fixed values in the typed model (runtime/src/model/model-type-defaults.ts; XSD 1.0
 * part 1, cvc-elt 5.1.2 and 3.4.5): an empty element reads as its default or fixed value, typed
 * (a number for xs:float, not ""); writing it back gives the empty element again; an absent
 * attribute with a default or fixed value stays absent in the model and in the text. A round
 * trip adds nothing the document did not have.
 */
import { describe, expect, it } from 'vitest';
import { TRANSFORMS, schemaDescriptors } from '../../../generator/src/index.js';
import { SchemaRegistry, parseDocument, serializeDocument } from '../../../runtime/src/index.js';
import { parseFullPath } from '../../../runtime/src/document.js';
import { inlineIr } from '../../support/inline-schema.js';

const ir = inlineIr(
  `<xs:element name="doc"><xs:complexType><xs:sequence>
     <xs:element name="f" type="xs:float" default="1.5" minOccurs="0"/>
     <xs:element name="g" type="xs:int" fixed="3" minOccurs="0"/>
     <xs:element name="b" type="xs:boolean" default="true" minOccurs="0"/>
     <xs:element name="s" type="xs:string" default="dflt" minOccurs="0"/>
     <xs:element name="m" default="2.5" minOccurs="0"><xs:complexType><xs:simpleContent><xs:extension base="xs:double">
       <xs:attribute name="unit" type="xs:string" default="cm"/></xs:extension></xs:simpleContent></xs:complexType></xs:element>
   </xs:sequence>
   <xs:attribute name="n" type="xs:int" default="4"/><xs:attribute name="k" type="xs:string" fixed="K"/>
   </xs:complexType></xs:element>`,
  ...TRANSFORMS,
);
const registry = new SchemaRegistry(schemaDescriptors(ir));
const ROOT = '{urn:t}doc';
const document = (body: string, attributes = '') => `<doc xmlns="urn:t"${attributes}>${body}</doc>`;

function parse(text: string): Record<string, unknown> {
  const result = parseDocument<Record<string, unknown>>(registry, ROOT, text);
  expect(result).toEqual(parseFullPath(registry, ROOT, text));
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return result.value;
}

const serialize = (value: unknown) => serializeDocument(registry, ROOT, value, { declaration: false });

describe('empty elements with a default or fixed value', () => {
  it('read as the default, typed as the element\'s values are', () => {
    expect(parse(document('<f/><g/><b/><s/><m unit="mm"/>'))).toEqual({ f: 1.5, g: 3, b: true, s: 'dflt', m: { unit: 'mm', $value: 2.5 } });
  });

  it('are written empty again: the round trip adds no text', () => {
    const text = document('<f/><g/><b/><s/><m/>');
    expect(serialize(parse(text))).toBe(text);
  });

  it('keep other values as written', () => {
    const text = document('<f>2</f><g>3</g><b>false</b><s>other</s><m>7</m>');
    expect(parse(text)).toEqual({ f: 2, g: 3, b: false, s: 'other', m: { $value: 7 } });
    // A fixed value is written empty: an empty element reads as it.
    expect(serialize(parse(text))).toBe(document('<f>2</f><g/><b>false</b><s>other</s><m>7</m>'));
  });

  it('write a value a program gave that equals the default as the empty element', () => {
    expect(serialize({ f: 1.5, s: 'dflt' })).toBe(document('<f/><s/>'));
  });
});

describe('absent attributes with a default or fixed value', () => {
  it('stay absent in the model and in the text', () => {
    const text = document('<m>1</m>');
    expect(parse(text)).toEqual({ m: { $value: 1 } });
    expect(serialize(parse(text))).toBe(text);
  });

  it('are kept, and written, when the document has them', () => {
    const text = document('<m unit="cm">1</m>', ' n="4" k="K"');
    expect(parse(text)).toEqual({ n: 4, k: 'K', m: { unit: 'cm', $value: 1 } });
    expect(serialize(parse(text))).toBe(text);
  });
});
