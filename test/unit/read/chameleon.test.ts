import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSchemaSet } from '../../../generator/src/index.js';
import { XS } from '../../support/inline-schema.js';

/** Writes the files into a fresh folder and loads the first. */
function load(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'evfw-chameleon-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return loadSchemaSet([path.join(dir, Object.keys(files)[0] ?? '')], { rootDir: dir }).ir;
}

const includer = `<xs:schema ${XS} targetNamespace="urn:a" xmlns="urn:a">
  <xs:include schemaLocation="b.xsd"/>
  <xs:element name="doc" type="fooType"/>
</xs:schema>`;

describe('chameleon includes', () => {
  it('resolve an unprefixed reference of the included document in the includer\'s namespace', () => {
    const ir = load({
      'a.xsd': includer,
      'b.xsd': `<xs:schema ${XS}>
  <xs:simpleType name="myType"><xs:restriction base="xs:string"/></xs:simpleType>
  <xs:complexType name="fooType"><xs:simpleContent><xs:extension base="myType"/></xs:simpleContent></xs:complexType>
</xs:schema>`,
    });
    const schema = ir.schemas.find((s) => s.namespace === 'urn:a');
    const foo = schema?.types.find((t) => t.name.name === 'fooType');
    expect(foo?.kind === 'complex' && foo.derivation?.base).toEqual({ namespace: 'urn:a', name: 'myType' });
  });

  it('pass the includer\'s namespace on to a document the chameleon includes in turn', () => {
    const ir = load({
      'a.xsd': includer,
      'b.xsd': `<xs:schema ${XS}><xs:include schemaLocation="c.xsd"/>
  <xs:complexType name="fooType"><xs:group ref="g"/></xs:complexType>
</xs:schema>`,
      'c.xsd': `<xs:schema ${XS}><xs:group name="g"><xs:sequence><xs:element name="e" type="xs:int"/></xs:sequence></xs:group></xs:schema>`,
    });
    expect(ir.schemas.map((s) => s.namespace)).not.toContain('');
  });

  it('treat xmlns="" in the chameleon like no default namespace: its unprefixed references are the includer\'s', () => {
    const ir = load({
      'a.xsd': includer,
      'b.xsd': `<xs:schema ${XS} xmlns=""><xs:complexType name="fooType"><xs:sequence><xs:element name="e" type="barType"/></xs:sequence></xs:complexType>
  <xs:simpleType name="barType"><xs:restriction base="xs:int"/></xs:simpleType></xs:schema>`,
    });
    expect(ir.schemas.find((s) => s.namespace === 'urn:a')?.types.map((t) => t.name.name).sort()).toEqual(['barType', 'fooType']);
  });
});
