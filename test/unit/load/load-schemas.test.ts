/**
 * The load stage alone (generator/src/load/load-schemas.ts): which schema documents an entry
 * file needs, in which order, with which namespace, and which it refuses to read.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GeneratorError } from '../../../generator/src/errors.js';
import { loadSchemas, type LoadOptions } from '../../../generator/src/load/load-schemas.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'evfw-load-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';

/** Writes a schema at `file` under the temporary root: line 1 is the XML declaration, line 2 <xs:schema>, `body` from line 3. */
function write(file: string, schemaAttributes: string, body: string): string {
  const absolute = path.join(root, file);
  mkdirSync(path.dirname(absolute), { recursive: true });
  writeFileSync(absolute, `<?xml version="1.0"?>\n<xs:schema ${XS} ${schemaAttributes}>\n${body}\n</xs:schema>\n`);
  return absolute;
}

/** The GeneratorError the stage throws, or a failure when it throws nothing or something else. */
function loadError(entry: string, options: LoadOptions = {}): GeneratorError {
  try {
    loadSchemas([entry], { rootDir: root, ...options });
  } catch (error) {
    if (error instanceof GeneratorError) return error;
    throw error;
  }
  throw new Error(`loading ${entry} did not fail`);
}

// main/a.xsd names b.xsd (in a subfolder, which names a.xsd back), c.xsd (a chameleon include)
// and the xml: namespace from the network, which is never fetched.
const entry = write(
  'main/a.xsd',
  'targetNamespace="urn:a" xmlns:a="urn:a"',
  [
    '  <xs:import namespace="urn:b" schemaLocation="sub/b.xsd"/>',
    '  <xs:include schemaLocation="c.xsd"/>',
    '  <xs:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="http://www.w3.org/2001/xml.xsd"/>',
    '  <xs:element name="a"/>',
  ].join('\n'),
);
write('main/sub/b.xsd', 'targetNamespace="urn:b"', '  <xs:import namespace="urn:a" schemaLocation="../a.xsd"/>\n  <xs:element name="b"/>');
write('main/c.xsd', '', '  <xs:element name="c"/>');
write('outside/x.xsd', 'targetNamespace="urn:x"', '  <xs:element name="x"/>');
// A directive that leaves main/, the entry file's folder and so the set's only root.
const leaving = write('main/escape.xsd', 'targetNamespace="urn:e"', '  <xs:import namespace="urn:x" schemaLocation="../outside/x.xsd"/>');

describe('loadSchemas', () => {
  const documents = loadSchemas([entry], { rootDir: root });

  it('follows imports and includes depth-first in document order, each document once, paths relative to rootDir', () => {
    expect(documents.map((d) => d.file)).toEqual(['main/a.xsd', 'main/sub/b.xsd', 'main/c.xsd', '<builtin>/xml.xsd']);
  });

  it('gives a chameleon include the namespace of the schema that includes it, and marks the built-in xml: schema', () => {
    expect(documents.map((d) => [d.chameleonNamespace, d.builtin])).toEqual([
      [undefined, false],
      [undefined, false],
      ['urn:a', false],
      [undefined, true],
    ]);
  });

  it('parses each document into a tree whose every element has its file, line and column', () => {
    const a = documents[0]!;
    expect(a.root).toMatchObject({ name: 'schema', source: { file: 'main/a.xsd', line: 2, column: 1 } });
    expect(a.root.children.map((c) => [c.name, c.source])).toEqual([
      ['import', { file: 'main/a.xsd', line: 3, column: 3 }],
      ['include', { file: 'main/a.xsd', line: 4, column: 3 }],
      ['import', { file: 'main/a.xsd', line: 5, column: 3 }],
      ['element', { file: 'main/a.xsd', line: 6, column: 3 }],
    ]);
    expect(documents[1]!.root.children[1]).toMatchObject({ name: 'element', source: { file: 'main/sub/b.xsd', line: 4, column: 3 } });
  });

  it('refuses a location outside the roots, at the directive that names it', () => {
    const error = loadError(leaving);
    expect(error.code).toBe('xsd.location.outside-roots');
    expect(error.detail).toMatch(/^schemaLocation "\.\.\/outside\/x\.xsd" is outside the folders this schema set may read \(/);
    expect(error.source).toEqual({ file: 'main/escape.xsd', line: 3, column: 3 });
    expect(error.hint).toMatch(/--schema-path/);
  });

  it('reads that location once its folder is on the schema path', () => {
    const loaded = loadSchemas([leaving], { rootDir: root, schemaPath: [path.join(root, 'outside')] });
    expect(loaded.map((d) => d.file)).toEqual(['main/escape.xsd', 'outside/x.xsd']);
  });

  it('refuses a symbolic link inside a root that leads outside it', () => {
    symlinkSync(path.join(root, 'outside/x.xsd'), path.join(root, 'main/link.xsd'));
    const file = write('main/via-link.xsd', 'targetNamespace="urn:l"', '  <xs:import namespace="urn:x" schemaLocation="link.xsd"/>');
    const error = loadError(file);
    expect(error.code).toBe('xsd.location.outside-roots');
    expect(error.detail).toMatch(/through a symbolic link/);
    expect(error.source).toEqual({ file: 'main/via-link.xsd', line: 3, column: 3 });
  });

  // XSD 1.0 (4.2.1-4.2.3) lets a schemaLocation fail to resolve: a URL evfw never fetches, or a
  // path with no file, is a warning and the directive is not followed (D-119).
  it('warns of a remote location other than the xml: namespace, and does not follow it', () => {
    const file = write('main/remote.xsd', 'targetNamespace="urn:r"', '  <xs:element name="r"/>\n  <xs:import namespace="urn:o" schemaLocation="https://example.com/o.xsd"/>');
    const warnings: GeneratorError[] = [];
    const documents = loadSchemas([file], { rootDir: root, onWarning: (w) => warnings.push(w) });
    expect(documents.map((d) => d.file)).toEqual(['main/remote.xsd']);
    expect(warnings.map((w) => [w.code, w.source])).toEqual([['xsd.location.remote', { file: 'main/remote.xsd', line: 4, column: 3 }]]);
  });

  it('warns of an import or include of a missing file, and does not follow it', () => {
    const file = write('main/missing.xsd', 'targetNamespace="urn:m"', '  <xs:import namespace="urn:o" schemaLocation="nowhere.xsd"/>\n  <xs:include schemaLocation="nowhere-either.xsd"/>');
    const warnings: GeneratorError[] = [];
    const documents = loadSchemas([file], { rootDir: root, onWarning: (w) => warnings.push(w) });
    expect(documents.map((d) => d.file)).toEqual(['main/missing.xsd']);
    expect(warnings.map((w) => [w.code, w.source?.line])).toEqual([
      ['xsd.file.missing', 3],
      ['xsd.file.missing', 4],
    ]);
    expect(warnings[0]?.detail).toMatch(/no schema file main\/nowhere\.xsd: the directive is not followed/);
  });

  it('refuses a redefine whose document is missing, since what it redefines must exist', () => {
    const file = write('main/redefine-missing.xsd', 'targetNamespace="urn:m"', '  <xs:redefine schemaLocation="nowhere.xsd"><xs:simpleType name="t"><xs:restriction base="t"/></xs:simpleType></xs:redefine>');
    expect(loadError(file).code).toBe('xsd.file.missing');
  });

  it('refuses a missing entry file', () => {
    expect(loadError(path.join(root, 'main/no-such-entry.xsd')).code).toBe('xsd.file.missing');
  });

  it('refuses an include of another namespace', () => {
    const file = write('main/mismatch.xsd', 'targetNamespace="urn:m"', '  <xs:include schemaLocation="sub/b.xsd"/>');
    const error = loadError(file);
    expect(error.code).toBe('xsd.namespace.mismatch');
    expect(error.detail).toMatch(/main\/sub\/b\.xsd has targetNamespace "urn:b", but main\/mismatch\.xsd has "urn:m"/);
    expect(error.source).toEqual({ file: 'main/mismatch.xsd', line: 3, column: 3 });
  });

  it('refuses an import whose document declares another namespace, or none (src-import clause 3)', () => {
    const other = loadError(write('main/import-other.xsd', 'targetNamespace="urn:i"', '  <xs:import namespace="urn:x" schemaLocation="sub/b.xsd"/>'));
    expect(other.code).toBe('xsd.src-import');
    expect(other.detail).toBe('imported schema main/sub/b.xsd has targetNamespace "urn:b", but the <xs:import> names namespace "urn:x"');
    expect(other.source).toEqual({ file: 'main/import-other.xsd', line: 3, column: 3 });
    const none = loadError(write('main/import-none.xsd', 'targetNamespace="urn:i"', '  <xs:import namespace="urn:c" schemaLocation="c.xsd"/>'));
    expect(none.detail).toBe('imported schema main/c.xsd has no targetNamespace, but the <xs:import> names namespace "urn:c"');
    expect(none.hint).toMatch(/remove the namespace attribute/);
  });

  it('refuses a file that is not well-formed XML, at the position of the fault', () => {
    const file = path.join(root, 'main/broken.xsd');
    writeFileSync(file, `<?xml version="1.0"?>\n<xs:schema ${XS}>\n  <xs:element name="e">\n</xs:schema>\n`);
    const error = loadError(file);
    expect(error.code).toBe('xsd.xml.malformed');
    expect(error.source).toMatchObject({ file: 'main/broken.xsd', line: 4 });
  });

  it('stops at the cap on files in a set', () => {
    expect(loadError(entry, { maxSchemaFiles: 2 }).code).toBe('xsd.set.too-many-files');
  });
});
