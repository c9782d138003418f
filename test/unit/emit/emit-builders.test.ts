/**
 * The builders and arbitraries emitters, and what the package emitter exports of them: one
 * builder per complex type, one document arbitrary per global element that can be a root, one
 * arbitrary per complex type, each a line that hands a key to the runtime; fast-check only as
 * an optional peer, and the index never importing the test helpers.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../../generator/src/index.js';
import { XS } from '../../support/inline-schema.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'evfw-emit-builders-'));
const file = path.join(dir, 'shop.xsd');
writeFileSync(
  file,
  `<xs:schema ${XS} xmlns:s="urn:shop" targetNamespace="urn:shop" elementFormDefault="qualified">
  <xs:element name="order" type="s:order"/>
  <xs:element name="note" type="xs:string"/>
  <xs:element name="any-line" abstract="true" type="s:line"/>
  <xs:complexType name="order"><xs:sequence><xs:element name="line" type="s:line" maxOccurs="unbounded"/></xs:sequence></xs:complexType>
  <xs:complexType name="line"><xs:attribute name="sku" type="xs:token" use="required"/></xs:complexType>
</xs:schema>`,
);
const files = generate([file], { rootDir: dir });

describe('the builders emitter', () => {
  const text = files.get('src/shop.build.ts')!;

  it('writes one builder per complex type, keyed by the type', () => {
    // Typed arrows: the package builds with isolatedDeclarations, which cannot infer a call's type.
    expect(text).toContain("order: (overrides?: Partial<Order>): Order => builder<Order>(registry, '{urn:shop}order')(overrides),");
    expect(text).toContain("line: (overrides?: Partial<Line>): Line => builder<Line>(registry, '{urn:shop}line')(overrides),");
    expect(text).toContain("import { builder } from '@evfw/runtime/testing';");
    expect(text).toContain("import type { Line, Order } from './shop.js';");
  });

  it('says where each builder comes from', () => {
    expect(text).toContain('@generated from complexType `order`');
  });
});

describe('the arbitraries emitter', () => {
  const text = files.get('src/shop.arbitraries.ts')!;

  it('writes a document arbitrary per global element that can be a root, typed with its value', () => {
    expect(text).toContain("order: (options?: ArbitraryOptions): Arbitrary<Order> => documentArbitrary<Order>(registry, '{urn:shop}order', options),");
    expect(text).toContain("note: (options?: ArbitraryOptions): Arbitrary<string> => documentArbitrary<string>(registry, '{urn:shop}note', options),");
    expect(text).not.toContain('anyLine');
  });

  it('writes an arbitrary per complex type', () => {
    expect(text).toContain("line: (options?: ArbitraryOptions): Arbitrary<Line> => typeArbitrary<Line>(registry, '{urn:shop}line', options),");
  });

  it('imports fast-check for its types only', () => {
    expect(text).toContain("import type { Arbitrary } from 'fast-check';");
    expect(text).not.toMatch(/^import \{[^}]*\} from 'fast-check'/m);
  });
});

describe('the package emitter, for the test helpers', () => {
  const pkg = JSON.parse(files.get('package.json')!) as { exports: Record<string, unknown>; peerDependencies: Record<string, string>; peerDependenciesMeta: Record<string, { optional: boolean }> };

  it('exports <module>/build and <module>/arbitraries', () => {
    expect(pkg.exports['./shop/build']).toEqual({ '@evfw/source': './src/shop.build.ts', types: './dist/shop.build.d.ts', default: './dist/shop.build.js' });
    expect(pkg.exports['./shop/arbitraries']).toEqual({ '@evfw/source': './src/shop.arbitraries.ts', types: './dist/shop.arbitraries.d.ts', default: './dist/shop.arbitraries.js' });
  });

  it('asks for fast-check as an optional peer, and keeps the helpers out of the index', () => {
    expect(pkg.peerDependencies['fast-check']).toBeDefined();
    expect(pkg.peerDependenciesMeta['fast-check']).toEqual({ optional: true });
    expect(files.get('src/index.ts')).not.toMatch(/build|arbitraries|testing/);
  });
});
