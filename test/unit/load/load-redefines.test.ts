/**
 * The load stage with xs:redefine (XSD 1.0 part 1, 4.2.2): a redefined document is loaded as an
 * included one would be, and each document records what it includes and redefines, which
 * assembly follows to find the components a redefinition replaces.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GeneratorError } from '../../../generator/src/errors.js';
import { loadSchemas } from '../../../generator/src/load/load-schemas.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'evfw-load-redefine-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';
function write(file: string, schemaAttributes: string, body: string): string {
  const absolute = path.join(root, file);
  mkdirSync(path.dirname(absolute), { recursive: true });
  writeFileSync(absolute, `<?xml version="1.0"?>\n<xs:schema ${XS} ${schemaAttributes}>\n${body}\n</xs:schema>\n`);
  return absolute;
}

describe('loadSchemas with xs:redefine', () => {
  const entry = write(
    'a.xsd',
    'targetNamespace="urn:a"',
    ['  <xs:include schemaLocation="i.xsd"/>', '  <xs:redefine schemaLocation="r.xsd"/>', '  <xs:redefine schemaLocation="chameleon.xsd"/>', '  <xs:redefine schemaLocation="gone.xsd"><xs:annotation/></xs:redefine>'].join('\n'),
  );
  write('i.xsd', 'targetNamespace="urn:a"', '');
  write('r.xsd', 'targetNamespace="urn:a"', '  <xs:include schemaLocation="i.xsd"/>');
  write('chameleon.xsd', '', '');

  it('loads redefined documents like included ones, a chameleon one in the redefining namespace', () => {
    const documents = loadSchemas([entry], { rootDir: root });
    expect(documents.map((d) => [d.file, d.chameleonNamespace])).toEqual([
      ['a.xsd', undefined],
      ['i.xsd', undefined],
      ['r.xsd', undefined],
      ['chameleon.xsd', 'urn:a'],
    ]);
  });

  it('records what each document includes and redefines; a redefine of nothing that cannot be read, as undefined', () => {
    const [a, , r] = loadSchemas([entry], { rootDir: root });
    expect(a?.includes?.map((ref) => ref.file)).toEqual(['i.xsd', 'r.xsd', 'chameleon.xsd']);
    expect(a?.redefines).toEqual([{ file: 'r.xsd', namespace: 'urn:a' }, { file: 'chameleon.xsd', namespace: 'urn:a' }, undefined]);
    expect(r?.includes).toEqual([{ file: 'i.xsd', namespace: 'urn:a' }]);
  });

  it('refuses a redefine that redefines something in a document that cannot be read, or one without schemaLocation', () => {
    const missing = write('m.xsd', '', '  <xs:redefine schemaLocation="gone.xsd"><xs:simpleType name="s"><xs:restriction base="s"/></xs:simpleType></xs:redefine>');
    expect(() => loadSchemas([missing], { rootDir: root })).toThrow(GeneratorError);
    const bare = write('n.xsd', '', '  <xs:redefine/>');
    expect(() => loadSchemas([bare], { rootDir: root })).toThrow(/<xs:redefine> needs a schemaLocation/);
  });

  it('refuses a redefined document of another namespace', () => {
    const other = write('o.xsd', 'targetNamespace="urn:o"', '  <xs:redefine schemaLocation="r.xsd"/>');
    expect(() => loadSchemas([other], { rootDir: root })).toThrow(/redefined schema r\.xsd has targetNamespace "urn:a", but o\.xsd has "urn:o"/);
  });
});
