/**
 * The fixture generators keep the fields of xs:key and xs:unique distinct as values, the way
 * the validator compares them (runtime/src/validate/identity-values.ts), not as strings: a draw
 * that keeps writing one decimal in different spellings ("1", "1.0", "01", "+1.00") must still
 * give a document whose keys are all different.
 */
import { describe, expect, it } from 'vitest';
import { TRANSFORMS, schemaDescriptors } from '../../../generator/src/index.js';
import type { SimpleTypeDescriptor } from '../../../runtime/src/datatypes/index.js';
import { parseDocument, serializeDocument } from '../../../runtime/src/document.js';
import { SchemaRegistry } from '../../../runtime/src/index.js';
import { resolveSizes, type Draw } from '../../../runtime/src/testing/draw.js';
import { ModelGenerator } from '../../../runtime/src/testing/model-generator.js';
import { identityValue } from '../../../runtime/src/validate/identity-values.js';
import { inlineIr } from '../../support/inline-schema.js';

const ROOT = '{urn:t}doc';

/** A draw that writes the same decimal, one in four spellings, every time it is asked for a value. */
class OneDecimalDraw implements Draw {
  private next = 0;
  count(min: number): number {
    return min;
  }
  pick(): number {
    return 0;
  }
  chance(): boolean {
    return false;
  }
  lexical(): string {
    const spellings = ['1', '1.0', '01', '+1.00'];
    return spellings[this.next++ % spellings.length] ?? '1';
  }
  text(): string {
    return '';
  }
  name(): string {
    return 'x';
  }
}

/** Generates the root element's model with the draw above, and checks the document it makes. */
function generated(body: string): { text: string; codes: string[] } {
  const registry = new SchemaRegistry(schemaDescriptors(inlineIr(body, ...TRANSFORMS)));
  const decl = registry.element(ROOT);
  if (!decl) throw new Error('no root element');
  const model = new ModelGenerator(registry, new OneDecimalDraw(), resolveSizes()).element(decl);
  const text = serializeDocument(registry, ROOT, model);
  return { text, codes: parseDocument(registry, ROOT, text).diagnostics.map((d) => d.code) };
}

const DECIMAL: SimpleTypeDescriptor = { kind: 'builtin', name: 'decimal' };

describe('fixtures: xs:key fields unique by value', () => {
  it('never writes "1" and "1.0" as two keys of element values', () => {
    const { text, codes } = generated(`
      <xs:element name="doc"><xs:complexType><xs:sequence>
          <xs:element name="item" type="xs:decimal" minOccurs="4" maxOccurs="4"/>
        </xs:sequence></xs:complexType>
        <xs:key name="k"><xs:selector xpath="t:item"/><xs:field xpath="."/></xs:key>
      </xs:element>`);
    expect(codes, text).toEqual([]);
    const values = [...text.matchAll(/<item>([^<]*)<\/item>/g)].map((m) => identityValue(DECIMAL, m[1] ?? '', undefined));
    expect(values).toHaveLength(4);
    expect(new Set(values).size).toBe(4);
  });

  it('never writes "1" and "1.0" as two keys of attribute values', () => {
    const { text, codes } = generated(`
      <xs:element name="doc"><xs:complexType><xs:sequence>
          <xs:element name="item" minOccurs="4" maxOccurs="4"><xs:complexType>
            <xs:attribute name="v" type="xs:decimal" use="required"/>
          </xs:complexType></xs:element>
        </xs:sequence></xs:complexType>
        <xs:key name="k"><xs:selector xpath="t:item"/><xs:field xpath="@v"/></xs:key>
      </xs:element>`);
    expect(codes, text).toEqual([]);
  });
});
