/**
 * loadSchemaSet: every stage before emit, once, for the tools that use a schema set without
 * writing a package (validate --schema, fixture --schemas, diff). Its descriptors and modules
 * are the ones a generated package of the same schemas holds.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registry } from '@evfw/model';
import { GeneratorError, loadSchemaSet } from '../../generator/src/index.js';
import { ownSchemaFiles, REPO_ROOT } from '../support/paths.js';

describe('loadSchemaSet', () => {
  it('gives our schemas the descriptors and module names of the generated package', () => {
    const set = loadSchemaSet(ownSchemaFiles(), { rootDir: REPO_ROOT });
    expect(set.descriptors).toEqual(registry.schemas);
    expect(set.modules.get('urn:oma:xml:cpm:evfw')).toBe('cpm-evfw');
    expect(set.ir.schemas.map((s) => s.namespace)).toEqual(set.descriptors.map((d) => d.namespace));
  });

  it('throws the GeneratorError of a schema it cannot read, with its position', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'evfw-load-schema-set-'));
    writeFileSync(path.join(dir, 'bad.xsd'), '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t">\n  <xs:element name="a" typo="x"/>\n</xs:schema>\n');
    const load = () => loadSchemaSet([path.join(dir, 'bad.xsd')], { rootDir: dir });
    expect(load).toThrow(GeneratorError);
    expect(load).toThrow(expect.objectContaining({ code: 'xsd.s4s-att-not-allowed', source: { file: 'bad.xsd', line: 2, column: 3 } }));
  });
});
