/**
 * The docs emitter on every schema set the generator reads: our schemas and each corpus folder.
 * It must not throw; every namespace gets a page; each example document it shows is valid, with
 * no diagnostic at all, in the profile it claims (checked again here, by the runtime, from the
 * text the reader sees); a namespace without one says why.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument, SchemaRegistry } from '../../../runtime/src/index.js';
import { buildDocs } from '../../../generator/src/emit/docs/build-docs.js';
import { docsEmitter } from '../../../generator/src/emit/docs/emit-docs.js';
import { buildIr, emitContext, moduleNames, schemaDescriptors } from '../../../generator/src/index.js';
import { CORPUS_AVAILABLE, CORPUS_DIR, CORPUS_SKIP_REASON, REPO_ROOT, SCHEMAS_DIR, corpusSchemaSets, ownSchemaFiles } from '../../support/paths.js';
import { corpusMissing, testMissing } from '../../support/requirements.js';

const sets = [{ name: 'schemas (ours)', files: ownSchemaFiles(), rootDir: REPO_ROOT, options: {} }, ...corpusSchemaSets().map((s) => ({ ...s, rootDir: CORPUS_DIR }))];

describe(`docs of every schema set${CORPUS_AVAILABLE ? '' : ` (${CORPUS_SKIP_REASON}; ours only)`}`, () => {
  testMissing('the docs of the corpus schemas', corpusMissing());
  for (const set of sets) {
    it(`${set.name}: a page per namespace, and every example valid`, () => {
      const ir = buildIr(set.files, { rootDir: set.rootDir, ...set.options });
      const modules = moduleNames(ir);
      const out = new Map<string, string>();
      docsEmitter.emit(ir, emitContext(ir), out);
      for (const module of modules.values()) expect([...out.keys()]).toContain(`docs/${module}.md`);
      expect(out.get('docs/reference.html')).toMatch(/<\/html>\n$/);

      const registry = new SchemaRegistry(schemaDescriptors(ir));
      const docs = buildDocs(ir, modules);
      for (const module of docs.modules) {
        expect(module.examples.length, module.module).toBeGreaterThan(0);
        for (const example of module.examples) {
          if (example.document === undefined) {
            expect(example.reason, `${module.module}: an example or the reason there is none`).toBeTruthy();
            continue;
          }
          const result = parseDocument(registry, undefined, example.document, { profile: example.profile ?? 'xsd' });
          expect(result.diagnostics, `${module.module} ${example.root} in the ${example.profile} profile:\n${example.document}`).toEqual([]);
          expect(result.ok).toBe(true);
          // The page shows the same document.
          expect(out.get(`docs/${module.module}.md`)).toContain(example.root);
        }
      }
    });
  }

  it('ours: cpm-evfw is shown in the invite profile, with the objects its rules are about', () => {
    const ir = buildIr(ownSchemaFiles(), { rootDir: REPO_ROOT });
    const evfw = buildDocs(ir, moduleNames(ir)).modules.find((m) => m.module === 'cpm-evfw')!;
    expect(evfw.examples[0]!.profile).toBe('invite');
    expect(evfw.examples[0]!.document).toContain('<object ');
    expect(path.basename(evfw.files[0]!)).toBe('cpm-evfw.xsd');
  });

  // An editor's everyday edits must not make the reference fail to build, nor lose the profile:
  // an optional attribute added to <object> once did both (the example search found none).
  it('ours, edited: an optional attribute and a flag added, the example still passes the invite profile', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'evfw-docs-edit-'));
    try {
      const schema = readFileSync(path.join(SCHEMAS_DIR, 'cpm-evfw.xsd'), 'utf8')
        .replace('<xs:attribute name="folder-path"', '<xs:attribute name="received" type="xs:dateTime"/>\n    <xs:attribute name="folder-path"')
        .replace('<xs:enumeration value="\\Deleted">', '<xs:enumeration value="\\Flagged"/>\n      <xs:enumeration value="\\Deleted">');
      expect(schema).toContain('name="received"');
      expect(schema).toContain('value="\\Flagged"');
      writeFileSync(path.join(dir, 'cpm-evfw.xsd'), schema);
      copyFileSync(path.join(SCHEMAS_DIR, 'cpm-evfw.rules.json'), path.join(dir, 'cpm-evfw.rules.json'));
      const ir = buildIr([path.join(dir, 'cpm-evfw.xsd')], { rootDir: dir });
      const example = buildDocs(ir, moduleNames(ir)).modules[0]!.examples[0]!;
      expect(example.profile).toBe('invite');
      expect(example.document).toContain('received=');
      const registry = new SchemaRegistry(schemaDescriptors(ir));
      expect(parseDocument(registry, undefined, example.document!, { profile: 'invite' }).diagnostics).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
