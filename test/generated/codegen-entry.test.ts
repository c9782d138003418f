/**
 * Generated code imports the runtime through its narrow entry, @evfw/runtime/codegen
 * (runtime/src/codegen.ts), and that entry exports exactly what generated code uses: a name it
 * exports that no generated file imports is a name the runtime's authors believe is load-bearing
 * when it is not, and a name generated code needs from elsewhere escapes the entry.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/src/index.js';
import { REPO_ROOT } from '../support/paths.js';

const CODEGEN = '@evfw/runtime/codegen';
const FEATURES = path.join(REPO_ROOT, 'test/properties/features.xsd');
/** A schema using xml:lang: its registry imports the runtime's xml: namespace. */
const XML_LANG = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t">
  <xs:import namespace="http://www.w3.org/XML/1998/namespace"/>
  <xs:element name="note"><xs:complexType><xs:attribute ref="xml:lang"/></xs:complexType></xs:element>
</xs:schema>
`;

/** Every `import`/`export ... from '<specifier>'` of a file, with the names it brings. */
function runtimeImports(text: string): { specifier: string; names: string[] }[] {
  const statements = text.match(/^(?:import|export)(?: type)? \{[^}]*\} from ['"][^'"]+['"];$/gm) ?? [];
  return statements.map((statement) => {
    const [, names = '', specifier = ''] = /\{([^}]*)\} from ['"]([^'"]+)['"]/.exec(statement) ?? [];
    return { specifier, names: names.split(',').map((n) => n.trim().split(' as ')[0]!).filter(Boolean) };
  }).filter(({ specifier }) => specifier.startsWith('@evfw/runtime'));
}

/** The files of the checked-in package, of a package of the feature schema (every emitter's shapes) and of one using xml:lang. */
function generatedFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const dir = path.join(REPO_ROOT, 'generated/src');
  for (const name of readdirSync(dir)) files.set(`generated/src/${name}`, readFileSync(path.join(dir, name), 'utf8'));
  for (const [name, text] of generate([FEATURES], { rootDir: REPO_ROOT })) if (name.endsWith('.ts')) files.set(`features/${name}`, text);
  const xmlLang = path.join(mkdtempSync(path.join(os.tmpdir(), 'evfw-codegen-')), 'xml-lang.xsd');
  writeFileSync(xmlLang, XML_LANG);
  for (const [name, text] of generate([xmlLang], { rootDir: path.dirname(xmlLang) })) if (name.endsWith('.ts')) files.set(`xml-lang/${name}`, text);
  return files;
}

function exportedNames(): string[] {
  const text = readFileSync(path.join(REPO_ROOT, 'runtime/src/codegen.ts'), 'utf8');
  const lists = text.match(/^export(?: type)? \{[^}]*\}/gm) ?? [];
  return lists.flatMap((list) => list.replace(/^export(?: type)? \{/, '').replace(/\}$/, '').split(',').map((n) => n.trim()).filter(Boolean)).sort();
}

describe('@evfw/runtime/codegen', () => {
  const files = generatedFiles();

  it('is the only entry of the runtime generated code imports, apart from the test helpers', () => {
    const elsewhere = [...files].flatMap(([file, text]) =>
      runtimeImports(text).filter(({ specifier }) => specifier !== CODEGEN && specifier !== '@evfw/runtime/testing').map(({ specifier }) => `${file}: ${specifier}`),
    );
    expect(elsewhere).toEqual([]);
  });

  it('exports exactly the names generated code imports from it', () => {
    const used = new Set([...files.values()].flatMap((text) => runtimeImports(text).filter(({ specifier }) => specifier === CODEGEN).flatMap(({ names }) => names)));
    expect(exportedNames()).toEqual([...used].sort());
  });
});
