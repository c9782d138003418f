/**
 * Issue 17, item 2: what reading a schema set costs at its caps, and what a refusal costs. The
 * set's files are written in prepare (untimed) into a temporary folder removed when the process
 * ends; the run loads them through the generator's loader alone.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_SCHEMA_READ_LIMITS, GeneratorError } from '@evfw/generator';
// No entry of the generator exports the loader alone yet (test/bench/package-imports.test.ts).
import { loadSchemas, type LoadOptions } from '../../generator/src/load/load-schemas.js';
import type { HostileCase, HostileRun } from './hostile-case.js';

const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';

function scratch(name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `evfw-bench-${name}-`));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Loads `entry`; the outcome is the number of documents, or the code it was refused with. */
function loading(entry: string, options: LoadOptions = {}): HostileRun {
  return {
    run() {
      try {
        return `loaded ${loadSchemas([entry], { rootDir: path.dirname(entry), ...options }).length} files`;
      } catch (error) {
        if (error instanceof GeneratorError) return `refused ${error.code}`;
        throw error;
      }
    },
  };
}

const importOf = (namespace: string, location: string) => `<xs:import namespace="${namespace}" schemaLocation="${location}"/>`;

export const CASES: readonly HostileCase[] = [
  {
    id: 'schema-set-chain-at-file-cap',
    label: `a chain of ${DEFAULT_SCHEMA_READ_LIMITS.maxSchemaFiles.toLocaleString('en')} schema files, each importing the next`,
    budgetMs: 30_000,
    budgetMb: 1024,
    prepare() {
      const dir = scratch('chain');
      const files = DEFAULT_SCHEMA_READ_LIMITS.maxSchemaFiles;
      for (let i = 0; i < files; i++) {
        const next = i + 1 < files ? importOf(`urn:n${i + 1}`, `s${i + 1}.xsd`) : '';
        writeFileSync(path.join(dir, `s${i}.xsd`), `<xs:schema ${XS} targetNamespace="urn:n${i}">${next}<xs:element name="e" type="xs:string"/></xs:schema>\n`);
      }
      return loading(path.join(dir, 's0.xsd'));
    },
  },
  {
    id: 'schema-file-over-cap',
    label: `a 64 MB schema file against the ${DEFAULT_SCHEMA_READ_LIMITS.maxSchemaBytes / 1024 / 1024} MB cap (refused after cap + 1 byte)`,
    budgetMs: 1_000,
    budgetMb: 256,
    prepare() {
      const dir = scratch('big');
      writeFileSync(path.join(dir, 'a.xsd'), `<xs:schema ${XS} targetNamespace="urn:a">${importOf('urn:b', 'b.xsd')}</xs:schema>\n`);
      writeFileSync(path.join(dir, 'b.xsd'), `<xs:schema ${XS} targetNamespace="urn:b"><!-- ${'x'.repeat(64 * 1024 * 1024)} --></xs:schema>\n`);
      return loading(path.join(dir, 'a.xsd'));
    },
  },
  {
    id: 'schema-import-dev-zero',
    label: 'an import of /dev/zero, even with /dev as a root (refused before it is opened)',
    budgetMs: 100,
    prepare() {
      const dir = scratch('zero');
      writeFileSync(path.join(dir, 'a.xsd'), `<xs:schema ${XS} targetNamespace="urn:a">${importOf('urn:b', '/dev/zero')}</xs:schema>\n`);
      return loading(path.join(dir, 'a.xsd'), { schemaPath: ['/dev'] });
    },
  },
];
