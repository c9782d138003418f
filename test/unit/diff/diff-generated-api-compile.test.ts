/**
 * The TypeScript compiler is the judge of `apiBreaking`: for each schema edit, both versions'
 * packages are generated into a temp folder, a consumer written against the old package (it
 * builds the objects, with every property and with only the required ones, and reads every
 * property as the old types say) is compiled against each, strict, and the diff must say
 * "breaking the generated API" exactly when the consumer no longer compiles. All the packages
 * are checked in one compiler run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIr, diffSchemas, generate, type SchemaSet } from '../../../generator/src/index.js';
import { PackageFolder } from '../../support/generated-package.js';
import { schemaText } from '../../support/schema-pair.js';
import { typeErrors } from '../../support/typecheck.js';

const OLD = `<xs:element name="root" type="t:root"/>
<xs:complexType name="root">
  <xs:sequence>
    <xs:element name="a" type="xs:string"/>
    <xs:element name="b" type="xs:int" minOccurs="0"/>
    <xs:element name="c" type="xs:string" maxOccurs="unbounded"/>
    <xs:element name="d" type="xs:string" minOccurs="0"/>
  </xs:sequence>
  <xs:attribute name="id" type="xs:string" use="required"/>
  <xs:attribute name="lang" type="xs:string"/>
  <xs:attribute name="count" type="xs:int"/>
  <xs:attribute name="flag" type="t:flag"/>
</xs:complexType>
<xs:simpleType name="flag">
  <xs:annotation><xs:documentation>How a message is marked.</xs:documentation></xs:annotation>
  <xs:restriction base="xs:token">
    <xs:enumeration value="seen"/>
    <xs:enumeration value="deleted"/>
  </xs:restriction>
</xs:simpleType>`;

/** Code written against the old package: builds a Root in full and at its least, reads every property as its old type. */
const CONSUMER = `import { parseRoot, serializeRoot, type Flag, type Root } from './src/test.js';

const flags: Flag[] = ['seen', 'deleted'];
const full: Root = { id: 'x', lang: 'en', count: 1, flag: 'seen', a: 'a', b: 1, cs: ['c'], d: 'd' };
const least: Root = { id: 'x', a: 'a', cs: [] };

export function read(root: Root): unknown[] {
  const id: string = root.id;
  const lang: string | undefined = root.lang;
  const count: number | undefined = root.count;
  const flag: Flag | undefined = root.flag;
  const a: string = root.a;
  const b: number | undefined = root.b;
  const cs: string[] = root.cs;
  const d: string | undefined = root.d;
  return [id, lang, count, flag, a, b, cs, d];
}

const parsed = parseRoot('<root xmlns="urn:t"/>');
export const values = [flags, read(full), read(least), serializeRoot(full), parsed.ok ? read(parsed.value) : []];
`;

interface Edit {
  readonly name: string;
  readonly from: string;
  readonly to: string;
  /** What the consumer does against the new package: the decision this test pins (see generated-api.ts). */
  readonly breaks: boolean;
}

const EDITS: readonly Edit[] = [
  { name: 'attribute made required', from: '<xs:attribute name="lang" type="xs:string"/>', to: '<xs:attribute name="lang" type="xs:string" use="required"/>', breaks: true },
  { name: 'optional element made required', from: '<xs:element name="b" type="xs:int" minOccurs="0"/>', to: '<xs:element name="b" type="xs:int"/>', breaks: true },
  { name: 'element removed', from: '<xs:element name="d" type="xs:string" minOccurs="0"/>', to: '', breaks: true },
  { name: 'attribute removed', from: '<xs:attribute name="count" type="xs:int"/>', to: '', breaks: true },
  { name: 'enumeration value removed', from: '<xs:enumeration value="deleted"/>', to: '', breaks: true },
  { name: 'enumeration value added', from: '<xs:enumeration value="deleted"/>', to: '<xs:enumeration value="deleted"/><xs:enumeration value="flagged"/>', breaks: false },
  { name: 'maxOccurs 1 -> unbounded', from: '<xs:element name="a" type="xs:string"/>', to: '<xs:element name="a" type="xs:string" maxOccurs="unbounded"/>', breaks: true },
  { name: 'maxOccurs unbounded -> 1', from: '<xs:element name="c" type="xs:string" maxOccurs="unbounded"/>', to: '<xs:element name="c" type="xs:string"/>', breaks: true },
  { name: 'maxOccurs unbounded -> 5', from: '<xs:element name="c" type="xs:string" maxOccurs="unbounded"/>', to: '<xs:element name="c" type="xs:string" maxOccurs="5"/>', breaks: false },
  { name: 'member made optional', from: '<xs:attribute name="id" type="xs:string" use="required"/>', to: '<xs:attribute name="id" type="xs:string"/>', breaks: true },
  { name: 'type narrowed xs:string -> xs:int', from: '<xs:attribute name="lang" type="xs:string"/>', to: '<xs:attribute name="lang" type="xs:int"/>', breaks: true },
  { name: 'type xs:int -> xs:short (a number either way)', from: '<xs:attribute name="count" type="xs:int"/>', to: '<xs:attribute name="count" type="xs:short"/>', breaks: false },
  { name: 'optional attribute added', from: '<xs:attribute name="count" type="xs:int"/>', to: '<xs:attribute name="count" type="xs:int"/><xs:attribute name="extra" type="xs:string"/>', breaks: false },
  { name: 'required element added', from: '<xs:element name="a" type="xs:string"/>', to: '<xs:element name="a" type="xs:string"/><xs:element name="z" type="xs:string"/>', breaks: true },
  { name: 'documentation only', from: 'How a message is marked.', to: 'How a message is flagged.', breaks: false },
];

const folder = new PackageFolder('evfw-diff-api-');
afterAll(() => folder.dispose());

/** The schema text as package `name`: its IR, and the package with the consumer beside it. */
function packageOf(name: string, body: string): SchemaSet {
  const dir = path.join(folder.root, 'schemas', name);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'test.xsd');
  writeFileSync(file, schemaText(body));
  // Both versions' files are `test.xsd` relative to their own folder, as two checkouts would be.
  const options = { rootDir: dir };
  const packageDir = folder.write(name, generate([file], options));
  writeFileSync(path.join(packageDir, 'consumer.ts'), CONSUMER);
  return buildIr([file], options);
}

describe('apiBreaking agrees with the TypeScript compiler', () => {
  it('for each edit: the diff breaks the generated API exactly when the old consumer no longer compiles', () => {
    const before = packageOf('old', OLD);
    const verdicts = EDITS.map((edit, i) => {
      expect(OLD.split(edit.from), edit.name).toHaveLength(2);
      const after = packageOf(`edit-${i}`, OLD.replace(edit.from, edit.to));
      const changes = diffSchemas(before, after);
      expect(changes.length, `${edit.name}: the diff sees the edit`).toBeGreaterThan(0);
      return { edit, diffBreaks: changes.some((c) => c.apiBreaking) };
    });

    // One compiler run over every package; errors grouped by the package they are in.
    const errors = new Map<string, string[]>();
    for (const error of typeErrors(folder.packages)) {
      const name = /packages\/([^/]+)\//.exec(error)?.[1] ?? '';
      errors.set(name, [...(errors.get(name) ?? []), error]);
    }
    expect(errors.get('old') ?? [], 'the consumer compiles against the old package').toEqual([]);
    const outcome = verdicts.map(({ edit }, i) => {
      const consumerErrors = (errors.get(`edit-${i}`) ?? []).filter((e) => e.includes('consumer.ts'));
      const packageErrors = (errors.get(`edit-${i}`) ?? []).filter((e) => !e.includes('consumer.ts'));
      expect(packageErrors, `${edit.name}: the generated package itself compiles`).toEqual([]);
      return `${edit.name}: ${consumerErrors.length > 0 ? 'consumer fails' : 'consumer compiles'}`;
    });
    expect(outcome).toEqual(EDITS.map((e) => `${e.name}: ${e.breaks ? 'consumer fails' : 'consumer compiles'}`));
    expect(verdicts.map(({ edit, diffBreaks }) => `${edit.name}: ${diffBreaks ? 'breaking the generated API' : 'not breaking it'}`)).toEqual(
      outcome.map((line) => line.replace('consumer fails', 'breaking the generated API').replace('consumer compiles', 'not breaking it')),
    );
  }, 60_000);
});
