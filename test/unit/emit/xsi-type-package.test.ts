/**
 * A generated package of a schema whose types have derived types, used as a consumer would: an
 * element's value is its declared type or any derived type xsi:type may name there, told apart
 * by `$type` (the type's key) so that TypeScript narrows; the declared type may leave `$type`
 * out; a blocked or abstract type is not offered. The object validator (the JSON Schema) accepts
 * and refuses the same, and the builders and fixtures make values it accepts.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../../generator/src/index.js';
import { PackageFolder } from '../../support/generated-package.js';
import { typeErrors } from '../../support/typecheck.js';

const SCHEMA = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:d" xmlns="urn:d" elementFormDefault="qualified">
  <xs:element name="zoo">
    <xs:complexType><xs:sequence>
      <xs:element name="animal" type="Animal" maxOccurs="unbounded"/>
      <xs:element name="keeper" type="Keeper" block="extension" minOccurs="0"/>
      <xs:element name="shape" type="Shape" minOccurs="0"/>
      <xs:element name="plain" type="Plain" minOccurs="0"/>
    </xs:sequence></xs:complexType>
  </xs:element>
  <xs:complexType name="Animal"><xs:sequence><xs:element name="name" type="xs:string"/></xs:sequence></xs:complexType>
  <xs:complexType name="Cat"><xs:complexContent><xs:extension base="Animal">
    <xs:sequence><xs:element name="lives" type="xs:int"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>
  <xs:complexType name="Lion"><xs:complexContent><xs:extension base="Cat">
    <xs:attribute name="pride" type="xs:string"/></xs:extension></xs:complexContent></xs:complexType>
  <xs:complexType name="Ghost" abstract="true"><xs:complexContent><xs:extension base="Animal"/></xs:complexContent></xs:complexType>
  <xs:complexType name="Keeper"><xs:sequence><xs:element name="name" type="xs:string"/></xs:sequence></xs:complexType>
  <xs:complexType name="HeadKeeper"><xs:complexContent><xs:extension base="Keeper">
    <xs:attribute name="since" type="xs:int"/></xs:extension></xs:complexContent></xs:complexType>
  <xs:complexType name="Shape" abstract="true"><xs:attribute name="id" type="xs:string"/></xs:complexType>
  <xs:complexType name="Circle"><xs:complexContent><xs:extension base="Shape">
    <xs:attribute name="r" type="xs:double" use="required"/></xs:extension></xs:complexContent></xs:complexType>
  <xs:complexType name="Plain"><xs:attribute name="id" type="xs:string"/></xs:complexType>
</xs:schema>
`;

const CONSUMER = `import type { Zoo, Cat, Animal } from './src/d.js';
import { parseZoo, serializeZoo } from './src/d.js';

/** Narrowing: \`$type\` picks the type, and with it the properties. */
export function describe(zoo: Zoo): string[] {
  return zoo.animals.map((a) => {
    if (a.$type === '{urn:d}Lion') return \`\${a.name} \${a.lives} \${a.pride ?? ''}\`;
    if (a.$type === '{urn:d}Cat') return \`\${a.name} \${a.lives}\`;
    return a.name;
  });
}

// The declared type needs no $type, so code written before derived types existed still compiles.
export const plainAnimal: Animal = { name: 'x' };
export const zoo: Zoo = { animals: [plainAnimal, { $type: '{urn:d}Cat', name: 'c', lives: 9 }], shape: { $type: '{urn:d}Circle', r: 1 } };
export const cat: Cat = { name: 'c', lives: 9 };
export const roundTrip = (text: string) => { const r = parseZoo(text); return r.ok ? serializeZoo(r.value) : ''; };

// @ts-expect-error a Cat must have lives
export const noLives: Zoo = { animals: [{ $type: '{urn:d}Cat', name: 'c' }] };
// @ts-expect-error an abstract type cannot be the actual type
export const ghost: Zoo = { animals: [{ $type: '{urn:d}Ghost', name: 'g' }] };
// @ts-expect-error <keeper> blocks extension: HeadKeeper may not stand there
export const head: Zoo = { animals: [], keeper: { $type: '{urn:d}HeadKeeper', name: 'k' } };
// @ts-expect-error Shape is abstract: a shape names its actual type
export const bareShape: Zoo = { animals: [], shape: { id: 's' } };
// @ts-expect-error a type with no derived types takes no $type
export const plainTyped: Zoo = { animals: [], plain: { $type: '{urn:d}Plain' } };
`;

type Diagnostic = { readonly code: string; readonly path: string };
interface Module {
  validateObjectZoo: (value: unknown) => Diagnostic[];
}

describe('a generated package with derived types', () => {
  const folder = new PackageFolder('evfw-xsi-type-');
  let dir = '';
  let source = '';
  let module: Module;
  beforeAll(async () => {
    const schemaFile = path.join(folder.root, 'd.xsd');
    writeFileSync(schemaFile, SCHEMA);
    const files = generate([schemaFile], { rootDir: folder.root });
    source = files.get('src/d.ts') ?? '';
    dir = folder.write('d', files);
    module = (await import(pathToFileURL(path.join(dir, 'src', 'd.object.ts')).href)) as Module;
  }, 60_000);
  afterAll(() => folder.dispose());

  it('types an element as its declared type or a derived one, discriminated by $type', () => {
    expect(source).toContain(`animals: Array<(Animal & { $type?: '{urn:d}Animal' }) | (Cat & { $type: '{urn:d}Cat' }) | (Lion & { $type: '{urn:d}Lion' })>;`);
    writeFileSync(path.join(dir, 'consumer.ts'), CONSUMER);
    expect(typeErrors(folder.packages)).toEqual([]);
  }, 60_000);

  it('the object validator accepts a derived type where xsi:type may name it, and refuses it elsewhere', () => {
    expect(module.validateObjectZoo({ animals: [{ name: 'a' }, { $type: '{urn:d}Lion', name: 'l', lives: 1, pride: 'p' }] })).toEqual([]);
    expect(module.validateObjectZoo({ animals: [{ name: 'a' }], shape: { $type: '{urn:d}Circle', r: 2 } })).toEqual([]);
    for (const bad of [
      { animals: [{ $type: '{urn:d}Cat', name: 'c' }] },
      { animals: [{ $type: '{urn:d}Ghost', name: 'g' }] },
      { animals: [{ $type: '{urn:d}Keeper', name: 'g' }] },
      { animals: [{ name: 'a', lives: 1 }] },
      { animals: [{ name: 'a' }], keeper: { $type: '{urn:d}HeadKeeper', name: 'k' } },
      { animals: [{ name: 'a' }], shape: { id: 's' } },
      { animals: [{ name: 'a' }], plain: { $type: '{urn:d}Plain' } },
    ]) {
      expect(module.validateObjectZoo(bad).length, JSON.stringify(bad)).toBeGreaterThan(0);
    }
  });

  it('the builders make values the object validator accepts', async () => {
    const { build } = (await import(pathToFileURL(path.join(dir, 'src', 'd.build.ts')).href)) as { build: { zoo: () => unknown } };
    expect(module.validateObjectZoo(build.zoo())).toEqual([]);
  });
});
