/**
 * The assemble stage alone (generator/src/ir/assemble.ts): the parts the reader made, merged into
 * one SchemaSet by namespace, with every component declared once and every reference resolved,
 * or an error at the component or reference at fault.
 */
import { describe, expect, it } from 'vitest';
import { GeneratorError } from '../../../generator/src/errors.js';
import { assembleSchemas } from '../../../generator/src/ir/assemble.js';
import type { SchemaLimits } from '../../../generator/src/ir/schema-limits.js';
import { readSchema, type SchemaPart } from '../../../generator/src/read/read-schema.js';
import { parseXmlTree } from '../../../generator/src/read/xml-tree.js';

const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';

/** The part file `file` contributes: a schema of `namespace` whose body starts on line 2. */
function part(file: string, namespace: string, body: string, extra = ''): SchemaPart {
  const text = `<xs:schema ${XS} targetNamespace="${namespace}" elementFormDefault="qualified"${extra}>\n${body}\n</xs:schema>`;
  return readSchema(parseXmlTree(text, file), file);
}

function assembleError(parts: SchemaPart[], limits?: Partial<SchemaLimits>): GeneratorError {
  try {
    assembleSchemas(parts, limits);
  } catch (error) {
    if (error instanceof GeneratorError) return error;
    throw error;
  }
  throw new Error('assembling did not fail');
}

describe('assembleSchemas', () => {
  const a = part('a.xsd', 'urn:t', '  <xs:annotation><xs:documentation>From a.</xs:documentation></xs:annotation>\n  <xs:element name="ea" type="t:shared"/>', ' xmlns:t="urn:t"');
  const b = part('b.xsd', 'urn:t', '  <xs:import namespace="urn:o"/><xs:annotation><xs:documentation>From b.</xs:documentation></xs:annotation>\n  <xs:complexType name="shared"><xs:sequence><xs:element ref="o:eo"/></xs:sequence></xs:complexType>', ' xmlns:o="urn:o"');
  const o = part('o.xsd', 'urn:o', '  <xs:element name="eo" type="xs:string"/>', ' xmlns:o="urn:o"');

  it('merges the parts of a namespace in reading order and sorts the namespaces', () => {
    const set = assembleSchemas([a, o, b]);
    expect(set.schemas.map((s) => [s.namespace, s.files])).toEqual([
      ['urn:o', ['o.xsd']],
      ['urn:t', ['a.xsd', 'b.xsd']],
    ]);
    const t = set.schemas[1]!;
    expect(t.elements.map((e) => e.name.name)).toEqual(['ea']);
    expect(t.types.map((e) => [e.name?.name, e.source])).toEqual([['shared', { file: 'b.xsd', line: 3, column: 3 }]]);
    expect(t.documentation).toBe('From a.\n\nFrom b.');
    // b.xsd binds no prefix to urn:t; a.xsd's is the namespace's.
    expect(t.prefix).toBe('t');
  });

  it('keeps references as written once they resolve, across files and namespaces', () => {
    const set = assembleSchemas([a, b, o]);
    expect(set.schemas.find((s) => s.namespace === 'urn:t')!.elements[0]!.type).toEqual({ kind: 'type-ref', ref: { namespace: 'urn:t', name: 'shared' } });
  });

  it('refuses a component declared twice in a namespace, at the second, naming the first', () => {
    const again = part('c.xsd', 'urn:t', '  <xs:element name="x"/>\n  <xs:element name="ea"/>');
    const error = assembleError([a, b, o, again]);
    expect(error.code).toBe('xsd.component.duplicate');
    expect(error.detail).toBe('element "ea" is declared twice in namespace "urn:t" (first at a.xsd:3:3)');
    expect(error.source).toEqual({ file: 'c.xsd', line: 3, column: 3 });
  });

  it('refuses a reference that names nothing, at the reference, with a hint', () => {
    const error = assembleError([a, b]);
    expect(error.code).toBe('xsd.reference.unresolved');
    expect(error.detail).toBe('element "eo" in namespace "urn:o" is not declared');
    expect(error.source).toEqual({ file: 'b.xsd', line: 3, column: 46 });
    expect(error.hint).toMatch(/no schema for namespace "urn:o" was loaded/);
  });

  it('refuses a reference to a group that is not declared', () => {
    const g = part('g.xsd', 'urn:g', '  <xs:complexType name="c">\n    <xs:group ref="g:missing"/>\n  </xs:complexType>', ' xmlns:g="urn:g"');
    const error = assembleError([g]);
    expect(error.code).toBe('xsd.reference.unresolved');
    expect(error.detail).toMatch(/^group "missing"/);
    expect(error.source).toEqual({ file: 'g.xsd', line: 3, column: 5 });
    expect(error.hint).toBe('check the spelling and the prefix');
  });

  it('refuses a type derived from itself', () => {
    const loop = part('l.xsd', 'urn:l', '  <xs:complexType name="c"><xs:complexContent><xs:extension base="l:c"/></xs:complexContent></xs:complexType>', ' xmlns:l="urn:l"');
    const error = assembleError([loop]);
    expect(error.code).toBe('xsd.component.circular');
    expect(error.source).toMatchObject({ file: 'l.xsd', line: 2 });
  });

  it('holds the set to the limits it is given', () => {
    const chain = part(
      'd.xsd',
      'urn:d',
      ['a', 'b', 'c'].map((name, i) => `  <xs:simpleType name="${name}"><xs:restriction base="${i === 0 ? 'xs:string' : `d:${'abc'[i - 1]}`}"/></xs:simpleType>`).join('\n'),
      ' xmlns:d="urn:d"',
    );
    expect(() => assembleSchemas([chain])).not.toThrow();
    expect(assembleError([chain], { maxDerivationDepth: 1 }).code).toBe('xsd.schema.too-deep');
  });
});
