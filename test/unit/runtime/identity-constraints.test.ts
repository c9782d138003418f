/**
 * xs:unique, xs:key and xs:keyref on instances (XSD 1.0 Part 1, 3.11.4 and 3.11.5), with schemas
 * written in the test: field values compared as values of their types, fields that select too
 * much or a node without a simple value, attributes a default supplies, keyrefs resolved against
 * the node tables in scope; and the streaming validator never claiming a document the full path
 * refuses.
 */
import { describe, expect, it } from 'vitest';
import { TRANSFORMS, schemaDescriptors } from '../../../generator/src/index.js';
import { SchemaRegistry } from '../../../runtime/src/index.js';
import { parseDocument, parseFullPath } from '../../../runtime/src/document.js';
import { resolveLimits } from '../../../runtime/src/limits.js';
import { validateFast } from '../../../runtime/src/validate/fast-validator.js';
import { inlineIr } from '../../support/inline-schema.js';

function registryOf(body: string): SchemaRegistry {
  return new SchemaRegistry(schemaDescriptors(inlineIr(body, ...TRANSFORMS)));
}

function codes(registry: SchemaRegistry, xml: string): string[] {
  return parseFullPath(registry, undefined, xml).diagnostics.map((d) => d.code);
}

/** A <doc> of <item>s with attribute `v` of `type`, unique on it. */
function uniqueOn(type: string, extra = ''): SchemaRegistry {
  return registryOf(`
    <xs:element name="doc"><xs:complexType><xs:sequence>
        <xs:element name="item" maxOccurs="unbounded"><xs:complexType>
          <xs:attribute name="v" type="${type}"${extra}/>
        </xs:complexType></xs:element>
      </xs:sequence></xs:complexType>
      <xs:unique name="u"><xs:selector xpath="t:item"/><xs:field xpath="@v"/></xs:unique>
    </xs:element>`);
}

const doc = (items: string) => `<doc xmlns="urn:t">${items}</doc>`;

describe('identity constraints: typed values', () => {
  it('compares decimals in the value space: 3.0 and 3 are one value', () => {
    expect(codes(uniqueOn('xs:decimal'), doc('<item v="3.0"/><item v=" 3 "/>'))).toEqual(['evfw.identity.duplicate']);
    expect(codes(uniqueOn('xs:decimal'), doc('<item v="3.0"/><item v="3.1"/>'))).toEqual([]);
  });

  it('compares tokens after collapsing whitespace, strings as written', () => {
    expect(codes(uniqueOn('xs:token'), doc('<item v="a  b"/><item v="a b"/>'))).toEqual(['evfw.identity.duplicate']);
    expect(codes(uniqueOn('xs:string'), doc('<item v="a  b"/><item v="a b"/>'))).toEqual([]);
  });

  it('never finds values of two primitive types equal', () => {
    const registry = registryOf(`
      <xs:element name="doc"><xs:complexType><xs:choice maxOccurs="unbounded">
          <xs:element name="s" type="xs:string"/><xs:element name="d" type="xs:decimal"/>
        </xs:choice></xs:complexType>
        <xs:key name="k"><xs:selector xpath="t:s | t:d"/><xs:field xpath="."/></xs:key>
      </xs:element>`);
    expect(codes(registry, doc('<s>1</s><d>1</d>'))).toEqual([]);
    expect(codes(registry, doc('<d>1</d><d>1.00</d>'))).toEqual(['evfw.identity.duplicate']);
  });

  it('takes the value a default supplies for an absent attribute', () => {
    expect(codes(uniqueOn('xs:string', ' default="x"'), doc('<item v="x"/><item/>'))).toEqual(['evfw.identity.duplicate']);
    expect(codes(uniqueOn('xs:string'), doc('<item v="x"/><item/>'))).toEqual([]);
  });
});

describe('identity constraints: what a field selects', () => {
  const registry = registryOf(`
    <xs:element name="doc"><xs:complexType><xs:sequence>
        <xs:element name="item" maxOccurs="unbounded"><xs:complexType><xs:sequence>
          <xs:element name="p" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
          <xs:element name="c" minOccurs="0"><xs:complexType><xs:sequence><xs:element name="x"/></xs:sequence></xs:complexType></xs:element>
        </xs:sequence></xs:complexType></xs:element>
      </xs:sequence></xs:complexType>
      <xs:unique name="byP"><xs:selector xpath="t:item"/><xs:field xpath="t:p"/></xs:unique>
      <xs:unique name="byC"><xs:selector xpath="t:item"/><xs:field xpath="t:c"/></xs:unique>
    </xs:element>`);

  it('refuses a field that selects more than one node', () => {
    expect(codes(registry, doc('<item><p>a</p><p>b</p></item>'))).toEqual(['evfw.identity.field']);
  });

  it('refuses a field that selects an element without a simple value', () => {
    expect(codes(registry, doc('<item><c><x/></c></item>'))).toEqual(['evfw.identity.field']);
  });

  it('accepts one simple value per field', () => {
    expect(codes(registry, doc('<item><p>a</p></item><item><p>b</p></item>'))).toEqual([]);
  });
});

describe('identity constraints: keyref scope', () => {
  const registry = registryOf(`
    <xs:element name="doc"><xs:complexType><xs:sequence>
        <xs:element name="ref" minOccurs="0" maxOccurs="unbounded"><xs:complexType><xs:attribute name="to" type="xs:string"/></xs:complexType></xs:element>
        <xs:element name="group" minOccurs="0" maxOccurs="unbounded"><xs:complexType><xs:sequence>
            <xs:element name="item" maxOccurs="unbounded"><xs:complexType><xs:attribute name="id" type="xs:string"/></xs:complexType></xs:element>
            <xs:element name="inner" minOccurs="0"><xs:complexType><xs:attribute name="to" type="xs:string"/></xs:complexType>
              <xs:keyref name="innerRef" refer="t:ids"><xs:selector xpath="."/><xs:field xpath="@to"/></xs:keyref>
            </xs:element>
          </xs:sequence></xs:complexType>
          <xs:key name="ids"><xs:selector xpath="t:item"/><xs:field xpath="@id"/></xs:key>
        </xs:element>
      </xs:sequence></xs:complexType>
      <xs:keyref name="refs" refer="t:ids"><xs:selector xpath="t:ref"/><xs:field xpath="@to"/></xs:keyref>
    </xs:element>`);

  it('finds a key declared on a descendant, whatever the order of declaration', () => {
    expect(codes(registry, doc('<ref to="a"/><group><item id="a"/></group>'))).toEqual([]);
    expect(codes(registry, doc('<ref to="b"/><group><item id="a"/></group>'))).toEqual(['evfw.identity.keyref']);
  });

  it('drops a key-sequence two descendants both hold', () => {
    expect(codes(registry, doc('<ref to="a"/><group><item id="a"/></group><group><item id="a"/></group>'))).toEqual(['evfw.identity.keyref']);
  });

  it('does not see a key declared on an ancestor', () => {
    expect(codes(registry, doc('<group><item id="a"/><inner to="a"/></group>'))).toEqual(['evfw.identity.keyref']);
  });
});

describe('identity constraints: the streaming validator agrees with the full path', () => {
  const limits = resolveLimits({});
  const cases: [string, SchemaRegistry, string][] = [
    ['decimal', uniqueOn('xs:decimal'), doc('<item v="3.0"/><item v="3"/>')],
    ['decimal, distinct', uniqueOn('xs:decimal'), doc('<item v="3.0"/><item v="4"/>')],
    ['token', uniqueOn('xs:token'), doc('<item v="a  b"/><item v="a b"/>')],
    ['default', uniqueOn('xs:string', ' default="x"'), doc('<item v="x"/><item/>')],
    ['fixed', uniqueOn('xs:string', ' fixed="x"'), doc('<item/><item/>')],
    ['date zones', uniqueOn('xs:dateTime'), doc('<item v="2020-01-01T10:00:00Z"/><item v="2020-01-01T11:00:00+01:00"/>')],
  ];

  for (const [name, registry, xml] of cases) {
    it(`${name}: claims a document only when the full path finds it valid`, () => {
      const fast = validateFast(registry, undefined, xml, limits, { compat: [], bind: false });
      const full = parseFullPath(registry, undefined, xml);
      if (fast) expect(full.diagnostics).toEqual([]);
      expect(parseDocument(registry, undefined, xml).ok).toBe(full.ok);
    });
  }

  it('still claims a valid document with a typed unique constraint', () => {
    expect(validateFast(uniqueOn('xs:decimal'), undefined, doc('<item v="1"/><item v="2"/>'), limits, { compat: [], bind: false })).toBeDefined();
  });
});
