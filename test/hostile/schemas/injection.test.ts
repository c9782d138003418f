/**
 * Issue 17, fault 1: schema text that reached generated output unescaped. Each case generates a
 * package from a hostile schema, writes it to a temp folder and uses it as a consumer would:
 * imported in a child process that records every side effect, its descriptors compared with the
 * schema's values, its HTML page read by libxml2.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XmlDocument, XmlElement } from 'libxml2-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { generate, type OutputFiles } from '../../../generator/src/index.js';
import { importRecorded, listing, PackageFolder, packageModules, type ImportReport } from '../../support/generated-package.js';
import { typeErrors } from '../../support/typecheck.js';

const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';
const INJECTION = "*/}console.log('INJECTED');interface/**/P{/*";
const ENUMERATION = ["it's", 'say "hi"', '`tick`', '${globalThis.pwned = 1}', 'back\\slash', "'];globalThis.pwned=1;//"];

const root = mkdtempSync(path.join(os.tmpdir(), 'evfw-injection-'));
const folder = new PackageFolder('evfw-injection-out-');
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  folder.dispose();
});

/** XML-escapes `value` for an attribute value or text of the XSD. */
const xml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** Writes `body` as schema file `name` in a new folder, generates, and writes the package beside it. */
function generated(name: string, body: string): { files: OutputFiles; dir: string } {
  const dir = mkdtempSync(path.join(root, 'case-'));
  writeFileSync(path.join(dir, name), `<xs:schema ${XS} xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">\n${body}\n</xs:schema>\n`);
  const files = generate([path.join(dir, name)], { rootDir: dir });
  return { files, dir: folder.write(path.basename(dir), files) };
}

/** Imports every module of the package, expecting no side effect at all. */
function importedCleanly(dir: string): ImportReport {
  const before = listing(dir);
  const report = importRecorded(packageModules(dir));
  for (const [file, result] of Object.entries(report.modules)) expect(result.ok, `${file}: ${result.error}`).toBe(true);
  expect(report.effects).toEqual([]);
  expect(report.changed).toEqual([]);
  expect(report.cwdChanges).toEqual([]);
  expect(listing(dir)).toEqual(before);
  return report;
}

/** The descriptor the package exports from src/<module>.schema.ts, as the child read it (JSON: compared by shape, not typed). */
function descriptor(report: ImportReport, dir: string, module: string): unknown {
  return report.modules[path.join(dir, 'src', `${module}.schema.ts`)]?.values?.schema;
}

function walk(element: XmlElement, visit: (e: XmlElement) => void): void {
  const stack = [element];
  while (stack.length > 0) {
    const e = stack.pop()!;
    visit(e);
    for (let c = e.firstChild; c; c = c.next) if (c instanceof XmlElement) stack.push(c);
  }
}

describe('a default value that closes its JSDoc comment', () => {
  const body = `<xs:element name="r" type="t:T"/>\n<xs:complexType name="T"><xs:attribute name="a" type="xs:string" default="${xml(INJECTION)}"/></xs:complexType>`;

  it('stays a comment: importing the module runs nothing, and the value comes back exactly', () => {
    const { files, dir } = generated('x.xsd', body);
    expect(files.get('src/x.ts')).not.toMatch(/^[^*/]*console\.log/m);
    const report = importedCleanly(dir);
    expect(descriptor(report, dir, 'x')).toMatchObject({
      complexTypes: [expect.objectContaining({ attributes: [expect.objectContaining({ name: 'a', default: INJECTION })] })],
    });
  });
});

describe('documentation holding */', () => {
  it('generates, and the text stays in its comment', () => {
    const doc = 'Accept: */* and /* nested */ comments, @deprecated at a word start';
    const body = `<xs:element name="r"><xs:annotation><xs:documentation>${xml(doc)}</xs:documentation></xs:annotation><xs:complexType><xs:attribute name="a" type="xs:string"><xs:annotation><xs:documentation>${xml(doc)}</xs:documentation></xs:annotation></xs:attribute></xs:complexType></xs:element>`;
    const { files, dir } = generated('y.xsd', body);
    expect(files.get('src/y.ts')).toContain('Accept: *\\/\\* and /\\* nested *\\/ comments, \\@deprecated');
    importedCleanly(dir);
  });
});

describe('enumeration values with quotes, backticks and ${', () => {
  it('come back exactly from the descriptors, and the union type holds them', () => {
    const facets = ENUMERATION.map((v) => `<xs:enumeration value="${xml(v)}"/>`).join('');
    const body = `<xs:element name="r" type="t:E"/>\n<xs:simpleType name="E"><xs:restriction base="xs:string">${facets}</xs:restriction></xs:simpleType>`;
    const { dir } = generated('e.xsd', body);
    const report = importedCleanly(dir);
    expect(descriptor(report, dir, 'e')).toMatchObject({ elements: [expect.objectContaining({ type: expect.objectContaining({ kind: 'simple', type: expect.objectContaining({ facets: { enumeration: ENUMERATION } }) }) })] });
    // A consumer assigns each value to the generated type: it type-checks only if the literal is the value.
    writeFileSync(path.join(dir, 'src', 'consumer.ts'), `import type { E } from './e.js';\nexport const all: E[] = ${JSON.stringify(ENUMERATION)};\n`);
  });
});

describe('markup in xs:documentation', () => {
  it('is text in reference.html: no <script> element, no on* attribute', () => {
    const text = `${xml('<script>alert(1)</script> <img src=x onerror="alert(1)"> ]]> --> <!--')}<script>alert(2)</script><b onload="alert(3)">bold</b>`;
    const body = `<xs:element name="r"><xs:annotation><xs:documentation>${text}</xs:documentation></xs:annotation><xs:complexType><xs:attribute name="a" type="xs:string"><xs:annotation><xs:documentation>${text}</xs:documentation></xs:annotation></xs:attribute></xs:complexType></xs:element>`;
    const { files } = generated('h.xsd', body);
    const html = files.get('docs/reference.html')!;
    const doc = XmlDocument.fromString(html);
    try {
      const names: string[] = [];
      const handlers: string[] = [];
      walk(doc.root, (e) => {
        names.push(e.name);
        for (const a of e.attrs) if (/^on/i.test(a.name)) handlers.push(`${e.name}@${a.name}`);
      });
      expect(names).not.toContain('script');
      expect(names).not.toContain('img');
      expect(handlers).toEqual([]);
      expect(doc.root.content).toContain('<script>alert(1)</script>');
    } finally {
      doc.dispose();
    }
  });
});

describe('a schema file name holding line breaks and --', () => {
  const name = 'evil--\n; injected\u2028line.xsd';

  it('stays on the header comment lines of every generated file', () => {
    const { files, dir: out } = generated(name, '<xs:element name="r" type="xs:string"/>');
    const modules = [...files.keys()].filter((f) => f.endsWith('.ts'));
    expect(modules.length).toBeGreaterThan(3);
    for (const file of modules) {
      const [first, second, third] = files.get(file)!.split('\n');
      expect(first, file).toMatch(/^\/\/ Code generated by .* DO NOT EDIT\.$/);
      expect(first, file).not.toMatch(/[\r\u2028\u2029]/);
      expect(second, file).toBe('// Edit the schema or the generator and run `npm run generate`.');
      expect(third, file).toBe('');
    }
    for (const file of [...files.keys()].filter((f) => f.endsWith('.md'))) {
      const [first] = files.get(file)!.split('\n');
      expect(first, file).toMatch(/^<!-- Code generated by .* DO NOT EDIT\. -->$/);
      expect(first!.slice(4, -4), file).not.toContain('--');
    }
    XmlDocument.fromString(files.get('docs/reference.html')!).dispose();
    expect(readdirSync(out)).toContain('package.json');
    expect(JSON.parse(readFileSync(path.join(out, 'package.json'), 'utf8')).evfw.sources).toEqual([name]);
    importedCleanly(out);
  });
});

describe('every package above', () => {
  // Last, and in one compiler run: the packages of the cases above, and the enumeration's consumer.
  it('type-checks under strict TypeScript', () => {
    expect(readdirSync(folder.packages).length).toBeGreaterThanOrEqual(5);
    expect(typeErrors(folder.packages)).toEqual([]);
  });
});
