import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDeclarations } from '../../../generator/src/check/check-declarations.js';
import { GeneratorError } from '../../../generator/src/errors.js';
import { assembleSchemas } from '../../../generator/src/ir/assemble.js';
import { indexSchemas } from '../../../generator/src/ir/schema-index.js';
import { loadSchemas } from '../../../generator/src/load/load-schemas.js';
import { readDocument } from '../../../generator/src/read/read-schema.js';
import { inlineIr, XS } from '../../support/inline-schema.js';

/** The code of the first violation checkDeclarations finds in the inline schema, or 'ok'. */
function codeOf(body: string): string {
  try {
    const set = inlineIr(body);
    checkDeclarations(set, indexSchemas(set));
    return 'ok';
  } catch (error) {
    if (error instanceof GeneratorError) return error.code;
    throw error;
  }
}

describe('a-props-correct: attribute declarations', () => {
  it('refuses a default or fixed value the type does not accept, on global and local declarations', () => {
    expect(codeOf('<xs:attribute name="a" type="xs:integer" default="abc"/>')).toBe('xsd.a-props-correct');
    expect(codeOf('<xs:complexType name="c"><xs:attribute name="a" type="xs:boolean" fixed="yes"/></xs:complexType>')).toBe('xsd.a-props-correct');
    expect(codeOf('<xs:attribute name="a" type="xs:integer" default=" 12 "/>')).toBe('ok');
  });

  it('refuses a value constraint on an ID, or on a type derived from it', () => {
    expect(codeOf('<xs:attribute name="a" type="xs:ID" default="x"/>')).toBe('xsd.a-props-correct');
    expect(codeOf('<xs:simpleType name="myId"><xs:restriction base="xs:ID"/></xs:simpleType><xs:attribute name="a" type="t:myId" fixed="x"/>')).toBe('xsd.a-props-correct');
  });

  it('refuses a complex type as an attribute\'s type', () => {
    expect(codeOf('<xs:complexType name="c"/><xs:attribute name="a" type="t:c"/>')).toBe('xsd.a-props-correct');
  });
});

describe('au-props-correct: attribute uses through ref', () => {
  const global = '<xs:attribute name="g" type="xs:decimal" fixed="1.0"/>';
  const use = (attributes: string) => `${global}<xs:complexType name="c"><xs:attribute ref="t:g" ${attributes}/></xs:complexType>`;

  it('keeps the declaration\'s fixed value, compared as a value', () => {
    expect(codeOf(use('fixed="2"'))).toBe('xsd.au-props-correct');
    expect(codeOf(use('default="1.0"'))).toBe('xsd.au-props-correct');
    expect(codeOf(use('fixed="1"'))).toBe('ok');
  });

  it('refuses a value the declaration\'s type does not accept', () => {
    expect(codeOf('<xs:attribute name="g" type="xs:int"/><xs:complexType name="c"><xs:attribute ref="t:g" default="x"/></xs:complexType>')).toBe('xsd.au-props-correct');
  });
});

describe('ag-props-correct: attribute groups', () => {
  it('refuses two attributes of one name, counting nested groups', () => {
    expect(
      codeOf(`
      <xs:attributeGroup name="inner"><xs:attribute name="a"/></xs:attributeGroup>
      <xs:attributeGroup name="outer"><xs:attribute name="a"/><xs:attributeGroup ref="t:inner"/></xs:attributeGroup>`),
    ).toBe('xsd.ag-props-correct');
  });

  it('refuses two attributes of type ID', () => {
    expect(codeOf('<xs:attributeGroup name="g"><xs:attribute name="a" type="xs:ID"/><xs:attribute name="b" type="xs:ID"/></xs:attributeGroup>')).toBe('xsd.ag-props-correct');
    expect(codeOf('<xs:attributeGroup name="g"><xs:attribute name="a" type="xs:ID"/><xs:attribute name="b" type="xs:IDREF"/></xs:attributeGroup>')).toBe('ok');
  });
});

describe('e-props-correct and cos-valid-default: element declarations', () => {
  it('refuses a value constraint on an ID, or on simple content derived from it', () => {
    expect(codeOf('<xs:element name="e" type="xs:ID" default="x"/>')).toBe('xsd.e-props-correct');
    expect(codeOf('<xs:complexType name="c"><xs:simpleContent><xs:extension base="xs:ID"/></xs:simpleContent></xs:complexType><xs:element name="e" type="t:c" fixed="x"/>')).toBe('xsd.e-props-correct');
  });

  it('refuses a default the type does not accept, and any default on element-only or empty content', () => {
    expect(codeOf('<xs:element name="e" type="xs:date" default="today"/>')).toBe('xsd.cos-valid-default');
    expect(codeOf('<xs:element name="e" default="x"><xs:complexType><xs:sequence><xs:element name="c"/></xs:sequence></xs:complexType></xs:element>')).toBe('xsd.cos-valid-default');
    expect(codeOf('<xs:element name="e" default="x"><xs:complexType/></xs:element>')).toBe('xsd.cos-valid-default');
  });

  it('accepts a default on simple content, and on an element of no type (xs:anyType, mixed and emptiable)', () => {
    expect(codeOf('<xs:complexType name="c"><xs:simpleContent><xs:extension base="xs:int"/></xs:simpleContent></xs:complexType><xs:element name="e" type="t:c" default="5"/>')).toBe('ok');
    expect(codeOf('<xs:element name="e" default="anything"/>')).toBe('ok');
  });

  it('refuses a substitution group member whose type is not derived from the head\'s', () => {
    expect(codeOf('<xs:element name="head" type="xs:int"/><xs:element name="m" type="xs:string" substitutionGroup="t:head"/>')).toBe('xsd.e-props-correct');
    expect(codeOf('<xs:element name="head" type="xs:int"/><xs:element name="m" type="xs:short" substitutionGroup="t:head"/>')).toBe('ok');
    expect(codeOf('<xs:element name="head" type="xs:int"/><xs:element name="m" substitutionGroup="t:head"/>')).toBe('ok');
  });

  it('honours the head\'s final (its substitution group exclusions)', () => {
    const types = `
      <xs:complexType name="b"/>
      <xs:complexType name="x"><xs:complexContent><xs:extension base="t:b"><xs:attribute name="n"/></xs:extension></xs:complexContent></xs:complexType>`;
    expect(codeOf(`${types}<xs:element name="head" type="t:b" final="extension"/><xs:element name="m" type="t:x" substitutionGroup="t:head"/>`)).toBe('xsd.e-props-correct');
    expect(codeOf(`${types}<xs:element name="head" type="t:b" final="restriction"/><xs:element name="m" type="t:x" substitutionGroup="t:head"/>`)).toBe('ok');
  });

  it('leaves circular substitution groups to the component graph check, which refuses them first', () => {
    expect(codeOf('<xs:element name="a" substitutionGroup="t:b"/><xs:element name="b" substitutionGroup="t:a"/>')).toBe('xsd.component.circular');
  });
});

describe('no-xmlns and no-xsi: attribute declarations the namespaces spec reserves (3.2.6)', () => {
  /** The first violation in a whole schema document, written with its own <xs:schema>. */
  function documentCodeOf(schema: string): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'evfw-decl-'));
    const file = path.join(dir, 'test.xsd');
    writeFileSync(file, schema);
    try {
      const set = assembleSchemas(loadSchemas([file], { rootDir: dir }).map(readDocument));
      checkDeclarations(set, indexSchemas(set));
      return 'ok';
    } catch (error) {
      if (error instanceof GeneratorError) return error.code;
      throw error;
    }
  }
  const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

  it('refuses an attribute named xmlns, global, local or in a group', () => {
    expect(codeOf('<xs:attribute name="xmlns"/>')).toBe('xsd.no-xmlns');
    expect(codeOf('<xs:complexType name="c"><xs:attribute name="xmlns"/></xs:complexType>')).toBe('xsd.no-xmlns');
    expect(codeOf('<xs:attributeGroup name="g"><xs:attribute name="xmlns"/></xs:attributeGroup>')).toBe('xsd.no-xmlns');
    expect(codeOf('<xs:attribute name="xmlnsx"/><xs:attribute name="Xmlns"/>')).toBe('ok');
  });

  it('refuses an attribute declared in the xsi namespace, global or qualified local', () => {
    expect(documentCodeOf(`<xs:schema ${XS} targetNamespace="${XSI}"><xs:attribute name="a"/></xs:schema>`)).toBe('xsd.no-xsi');
    expect(documentCodeOf(`<xs:schema ${XS} targetNamespace="${XSI}" attributeFormDefault="qualified"><xs:complexType name="c"><xs:attribute name="a"/></xs:complexType></xs:schema>`)).toBe(
      'xsd.no-xsi',
    );
  });

  it('accepts an unqualified local attribute in a schema of the xsi namespace: it has no namespace', () => {
    expect(documentCodeOf(`<xs:schema ${XS} targetNamespace="${XSI}"><xs:complexType name="c"><xs:attribute name="a"/></xs:complexType></xs:schema>`)).toBe('ok');
  });
});
