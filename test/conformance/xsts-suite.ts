/**
 * The W3C XML Schema Test Suite's Microsoft sets (../shared/w3c-xsd/xsts-ms.tar.xz): unpacked
 * once into a cache folder outside the repository, and read into the XSD 1.0 tests they hold.
 *
 * A test set (msMeta/<Name>_w3c.xml) holds testGroups, each with at most one schemaTest (the
 * schema documents and whether they form a valid schema) and any number of instanceTests (a
 * document and whether it is valid against that schema). A test, or its group, whose `version`
 * names only other versions is XSD 1.1's and left out; of several `expected` elements the one
 * for 1.0 (or the one naming no version) counts. Tests with no single right answer (validity
 * `indeterminate`, or expected results that depend on the Unicode version) and tests whose
 * status is `queried` are left out and counted.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readXml, type SourceElement } from '@evfw/runtime';
import { REPO_ROOT } from '../support/paths.js';

export const XSTS_ARCHIVE = path.resolve(REPO_ROOT, '../shared/w3c-xsd/xsts-ms.tar.xz');
const TS_NAMESPACE = 'http://www.w3.org/XML/2004/xml-schema-test-suite/';
const XLINK = 'http://www.w3.org/1999/xlink';

export type Validity = 'valid' | 'invalid';

export interface SchemaTest {
  readonly kind: 'schema';
  /** `Set/group/name`: stable across runs, the key of the known-disagreements list. */
  readonly id: string;
  readonly files: readonly string[];
  readonly expected: Validity;
}

export interface InstanceTest {
  readonly kind: 'instance';
  readonly id: string;
  readonly file: string;
  readonly expected: Validity;
}

/** A schema and the documents checked against it: what the runners take one at a time. */
export interface TestGroup {
  readonly set: string;
  readonly name: string;
  readonly schema: SchemaTest | undefined;
  /** The group's schema documents, also when its schemaTest is left out (instance tests need them). */
  readonly schemaFiles: readonly string[];
  readonly instances: readonly InstanceTest[];
}

export interface Suite {
  /** The folder the archive was unpacked into: msData/ and msMeta/ are in it. */
  readonly root: string;
  readonly groups: readonly TestGroup[];
  /** Tests left out, by reason: `XSD 1.1 only`, `indeterminate`, `queried`. */
  readonly leftOut: ReadonlyMap<string, number>;
}

/**
 * The folder the archive is unpacked into, named after the archive's hash: under
 * $XDG_CACHE_HOME (or ~/.cache) when there is one, else the system's temporary folder.
 */
export function cacheFolder(archive = XSTS_ARCHIVE): string {
  const hash = createHash('sha256').update(readFileSync(archive)).digest('hex').slice(0, 16);
  const base = process.env.XDG_CACHE_HOME ?? (process.env.HOME ? path.join(process.env.HOME, '.cache') : os.tmpdir());
  return path.join(base, 'evfw', `xsts-${hash}`);
}

/** Unpacks the archive unless a complete copy is there already (tar into a side folder, then one rename). */
export function unpackSuite(archive = XSTS_ARCHIVE): string {
  const folder = cacheFolder(archive);
  if (existsSync(path.join(folder, 'msMeta'))) return folder;
  const partial = `${folder}.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  execFileSync('tar', ['-xJf', archive, '-C', partial], { stdio: 'pipe' });
  try {
    renameSync(partial, folder);
  } catch (error) {
    // Another process unpacked it first: keep theirs.
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(path.join(folder, 'msMeta'))) throw error;
  }
  return folder;
}

/** Every XSD 1.0 test of the msMeta sets, in file order. */
export function readSuite(root: string): Suite {
  const leftOut = new Map<string, number>();
  const skip = (reason: string) => leftOut.set(reason, (leftOut.get(reason) ?? 0) + 1);
  const groups: TestGroup[] = [];
  const meta = path.join(root, 'msMeta');
  for (const file of readdirSync(meta).filter((f) => f.endsWith('_w3c.xml')).sort()) {
    const set = file.replace(/_w3c\.xml$/, '');
    const { root: testSet, diagnostics } = readXml(readFileSync(path.join(meta, file)));
    if (!testSet) throw new Error(`${file}: ${diagnostics.map((d) => d.message).join('; ')}`);
    for (const group of children(testSet, 'testGroup')) {
      const name = attribute(group, 'name') ?? '';
      if (!isXsd10(group)) {
        for (const _ of [...children(group, 'schemaTest'), ...children(group, 'instanceTest')]) skip('XSD 1.1 only');
        continue;
      }
      const href = (e: SourceElement) => path.resolve(meta, attribute(e, 'href', XLINK) ?? '');
      const schemaTest = children(group, 'schemaTest')[0];
      const schemaFiles = schemaTest ? children(schemaTest, 'schemaDocument').map(href) : [];
      const expectation = (test: SourceElement): Validity | undefined => {
        const verdict = expectedOf(test);
        if (typeof verdict === 'string' && verdict !== 'valid' && verdict !== 'invalid') {
          skip(verdict);
          return undefined;
        }
        return verdict;
      };
      const schemaExpected = schemaTest && isXsd10(schemaTest) ? expectation(schemaTest) : undefined;
      if (schemaTest && !isXsd10(schemaTest)) skip('XSD 1.1 only');
      const instances: InstanceTest[] = [];
      for (const test of children(group, 'instanceTest')) {
        if (!isXsd10(test)) {
          skip('XSD 1.1 only');
          continue;
        }
        const expected = expectation(test);
        const document = children(test, 'instanceDocument')[0];
        if (expected && document) instances.push({ kind: 'instance', id: `${set}/${name}/${attribute(test, 'name') ?? ''}`, file: href(document), expected });
      }
      const schema: SchemaTest | undefined =
        schemaTest && schemaExpected ? { kind: 'schema', id: `${set}/${name}/${attribute(schemaTest, 'name') ?? ''}`, files: schemaFiles, expected: schemaExpected } : undefined;
      if (schema || instances.length > 0) groups.push({ set, name, schema, schemaFiles, instances });
    }
  }
  return { root, groups, leftOut };
}

/** A test (or group) without `version`, or whose version list names 1.0. */
function isXsd10(element: SourceElement): boolean {
  const version = attribute(element, 'version');
  return version === undefined || version.split(/\s+/).includes('1.0');
}

/**
 * The expected validity for XSD 1.0, or why the test has none: `indeterminate`, `queried`, or
 * `depends on the Unicode version`.
 */
function expectedOf(test: SourceElement): string | undefined {
  const status = children(test, 'current')[0];
  if (status && attribute(status, 'status') === 'queried') return 'queried';
  const all = children(test, 'expected');
  const chosen = all.find((e) => (attribute(e, 'version') ?? '').split(/\s+/).includes('1.0')) ?? all.find((e) => attribute(e, 'version') === undefined);
  if (!chosen) return all.some((e) => attribute(e, 'version')?.startsWith('Unicode')) ? 'depends on the Unicode version' : 'XSD 1.1 only';
  return attribute(chosen, 'validity');
}

function children(element: SourceElement, name: string): SourceElement[] {
  return element.children.filter((c): c is SourceElement => c.kind === 'element' && c.namespace === TS_NAMESPACE && c.name === name);
}

function attribute(element: SourceElement, name: string, namespace = ''): string | undefined {
  return element.attributes.find((a) => a.name === name && a.namespace === namespace)?.value;
}
