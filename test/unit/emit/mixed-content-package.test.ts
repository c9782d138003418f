/**
 * A generated package of a schema with mixed content, used as a consumer would: the types
 * narrow `$content`'s items (a string is text, `$case` names the element) and refuse the
 * element-only properties a mixed type does not have; the object validator (the JSON Schema,
 * then the content automaton for the order of the children) accepts and refuses the right
 * objects; the builders make valid values.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../../generator/src/index.js';
import { PackageFolder } from '../../support/generated-package.js';
import { typeErrors } from '../../support/typecheck.js';

const SCHEMA = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:m" xmlns="urn:m" elementFormDefault="qualified">
  <xs:element name="p" type="P"/>
  <xs:complexType name="P" mixed="true">
    <xs:sequence>
      <xs:element name="b" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
      <xs:choice>
        <xs:element name="i" type="xs:int"/>
        <xs:element name="note" type="Note"/>
      </xs:choice>
      <xs:any namespace="##other" processContents="skip" minOccurs="0"/>
    </xs:sequence>
    <xs:attribute name="lang" type="xs:string"/>
  </xs:complexType>
  <xs:complexType name="Note" mixed="true"><xs:attribute name="n" type="xs:int"/></xs:complexType>
  <xs:element name="q" type="Q"/>
  <xs:complexType name="Q" mixed="true">
    <xs:complexContent><xs:extension base="P"><xs:sequence><xs:element name="tail" type="xs:string"/></xs:sequence></xs:extension></xs:complexContent>
  </xs:complexType>
</xs:schema>
`;

const CONSUMER = `import type { XmlElement } from '@evfw/runtime';
import type { P, Q } from './src/m.js';

/** Narrowing: a string is text; \`$case\` picks the element and its type. */
export function summary(p: P): string[] {
  const out: string[] = [];
  for (const item of p.$content) {
    if (typeof item === 'string') out.push(item.toUpperCase());
    else if (item.$case === 'bs') out.push(item.bs.trim());
    else if (item.$case === 'i') out.push((item.i + 1).toFixed(0));
    else if (item.$case === 'note') out.push(item.note.$content.join(''), String(item.note.n ?? 0));
    else {
      const element: XmlElement = item.extension;
      out.push(element.name);
    }
  }
  return out;
}

export const q: Q = { lang: 'en', $content: ['x', { $case: 'i', i: 1 }, { $case: 'tail', tail: 't' }] };
export const text: Q['$content'][number] = 'only text';

// @ts-expect-error a mixed type has no element-only properties: its children are in $content
export const noElementProperty = (p: P) => p.bs;
// @ts-expect-error $case names the property that holds the element
export const wrongProperty: P = { $content: [{ $case: 'i', bs: 'x' }] };
// @ts-expect-error the base type's content has no <tail>
export const notInBase: P = { $content: [{ $case: 'tail', tail: 't' }] };
// @ts-expect-error a number is neither text nor an element
export const notText: P = { $content: [5] };
`;

type Diagnostic = { readonly code: string; readonly path: string };
interface Module {
  validateObjectP: (value: unknown) => Diagnostic[];
  validateObjectQ: (value: unknown) => Diagnostic[];
}

describe('a generated package with mixed content', () => {
  const folder = new PackageFolder('evfw-mixed-');
  let dir = '';
  let module: Module;
  beforeAll(async () => {
    const schemaFile = path.join(folder.root, 'm.xsd');
    writeFileSync(schemaFile, SCHEMA);
    dir = folder.write('m', generate([schemaFile], { rootDir: folder.root }));
    module = (await import(pathToFileURL(path.join(dir, 'src', 'm.object.ts')).href)) as Module;
  }, 60_000);
  afterAll(() => folder.dispose());

  it('types $content so that it narrows, and refuses what the content cannot hold', () => {
    writeFileSync(path.join(dir, 'consumer.ts'), CONSUMER);
    expect(typeErrors(folder.packages)).toEqual([]);
  }, 60_000);

  it('the object validator accepts text and children in an order the content model allows', () => {
    expect(module.validateObjectP({ lang: 'en', $content: ['a', { $case: 'bs', bs: 'x' }, ' ', { $case: 'i', i: 2 }, '.'] })).toEqual([]);
    expect(module.validateObjectQ({ $content: [{ $case: 'note', note: { $content: [] } }, { $case: 'tail', tail: '' }] })).toEqual([]);
  });

  it('the object validator refuses children out of order, or missing', () => {
    const outOfOrder = module.validateObjectP({ $content: [{ $case: 'i', i: 2 }, 'text', { $case: 'bs', bs: 'x' }] });
    expect(outOfOrder.map((d) => [d.code, d.path])).toEqual([['evfw.content.unexpected', '/$content/2']]);
    const missing = module.validateObjectP({ $content: ['text only'] });
    expect(missing.map((d) => d.code)).toEqual(['evfw.content.missing']);
    const baseOrder = module.validateObjectQ({ $content: [{ $case: 'tail', tail: '' }, { $case: 'i', i: 1 }] });
    expect(baseOrder.map((d) => d.code)).toEqual(['evfw.content.unexpected']);
  });

  it('the JSON Schema refuses items that are neither text nor an element of the content', () => {
    for (const bad of [
      { $content: [5] },
      { $content: [{ $case: 'bs', bs: 1 }] },
      { $content: [{ $case: 'tail', tail: 't' }, { $case: 'i', i: 1 }] },
      { $content: 'text' },
      {},
      { bs: ['x'], $content: [{ $case: 'i', i: 1 }] },
    ]) {
      expect(module.validateObjectP(bad).length, JSON.stringify(bad)).toBeGreaterThan(0);
    }
  });

  it('reports a bad value inside $content with the code the XML validator gives it', () => {
    const bad = module.validateObjectP({ $content: ['x', { $case: 'i', i: 'three' }] });
    // (The JSON Schema's anyOf of text and elements also reports each alternative it tried, as evfw.model.invalid.)
    expect(bad.map((d) => [d.code, d.path])).toContainEqual(['evfw.value.datatype', '/$content/1/i']);
  });

  it('the builders make values the object validator accepts', async () => {
    const { build } = (await import(pathToFileURL(path.join(dir, 'src', 'm.build.ts')).href)) as { build: { p: () => unknown; q: () => unknown } };
    expect(module.validateObjectP(build.p())).toEqual([]);
    expect(module.validateObjectQ(build.q())).toEqual([]);
  });
});
