/**
 * The attach-rules stage alone (generator/src/load/attach-rules.ts): each namespace gets the rules
 * file beside its first schema file, read through the schema set's reader and its roots; the
 * shape checks of a rules file are load-rules.test.ts's.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GeneratorError } from '../../../generator/src/errors.js';
import type { Schema, SchemaSet } from '../../../generator/src/ir/ir.js';
import { attachRules } from '../../../generator/src/load/attach-rules.js';
import { SchemaAccess } from '../../../generator/src/load/schema-access.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'evfw-attach-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A rule of the smallest shape load-rules.ts accepts; `id` tells the files apart. */
const rule = (id: string) => ({
  id,
  section: '1',
  severity: 'error',
  profile: 'spec',
  message: '{element} needs an id',
  description: 'd',
  check: { kind: 'pattern', element: 'r', attribute: 'id', regex: '[a-z]+' },
});

function write(file: string, content: unknown): void {
  const absolute = path.join(root, file);
  mkdirSync(path.dirname(absolute), { recursive: true });
  writeFileSync(absolute, typeof content === 'string' ? content : JSON.stringify(content));
}

/** A namespace of the final IR, reduced to what the stage reads: its files and whether it is built in. */
function schema(namespace: string, files: string[], builtin = false): Schema {
  return { namespace, files, builtin, prefix: undefined, documentation: undefined, elements: [], attributes: [], types: [], groups: [], attributeGroups: [] };
}

/** The stage as buildIr runs it: the schema set's reader has the entry files' folders as roots. */
function attach(set: SchemaSet): SchemaSet {
  return attachRules(set, root, new SchemaAccess([path.join(root, 'schemas/a.xsd')]));
}

function attachError(set: SchemaSet): GeneratorError {
  try {
    attach(set);
  } catch (error) {
    if (error instanceof GeneratorError) return error;
    throw error;
  }
  throw new Error('attaching rules did not fail');
}

write('schemas/a.rules.json', { rules: [rule('from-a')] });
write('schemas/b.rules.json', { rules: [rule('from-b')] });
write('schemas/broken.rules.json', '{ "rules": [');
mkdirSync(path.join(root, 'outside'));
write('outside/secret.rules.json', { rules: [rule('secret')] });
symlinkSync(path.join(root, 'outside/secret.rules.json'), path.join(root, 'schemas/linked.rules.json'));

describe('attachRules', () => {
  it("attaches the rules beside a namespace's first file, and only those", () => {
    const set = attach({ schemas: [schema('urn:a', ['schemas/a.xsd', 'schemas/b.xsd']), schema('urn:b', ['schemas/none.xsd', 'schemas/b.xsd'])] });
    expect(set.schemas[0]!.rules?.map((r) => r.id)).toEqual(['from-a']);
    expect(set.schemas[0]!.rules?.[0]).toEqual(rule('from-a'));
    // urn:b's first file has no rules file: the one beside its second file is not its.
    expect(set.schemas[1]!.rules).toBeUndefined();
  });

  it('leaves a namespace without rules, a built-in one and one without files as they were', () => {
    const none = schema('urn:none', ['schemas/none.xsd']);
    const builtin = schema('http://www.w3.org/XML/1998/namespace', ['schemas/a.xsd'], true);
    const empty = schema('urn:empty', []);
    const set = attach({ schemas: [none, builtin, empty] });
    expect(set.schemas[0]).toBe(none);
    expect(set.schemas[1]).toBe(builtin);
    expect(set.schemas[2]).toBe(empty);
  });

  it('keeps everything else of the namespace', () => {
    const t = { ...schema('urn:a', ['schemas/a.xsd']), prefix: 'a', documentation: 'About a.' };
    expect(attach({ schemas: [t] }).schemas[0]).toEqual({ ...t, rules: [rule('from-a')] });
  });

  it('refuses a rules file that leads outside the roots, without reading it', () => {
    const error = attachError({ schemas: [schema('urn:l', ['schemas/linked.xsd'])] });
    expect(error.code).toBe('xsd.location.outside-roots');
    expect(error.detail).toMatch(/^schemas\/linked\.rules\.json leads, through a symbolic link, outside the folders/);
    expect(error.message).not.toMatch(/secret/);
  });

  it('refuses a broken rules file, naming it', () => {
    const error = attachError({ schemas: [schema('urn:broken', ['schemas/broken.xsd'])] });
    expect(error.code).toBe('rules.invalid');
    expect(error.source).toEqual({ file: 'schemas/broken.rules.json', line: 1, column: 1 });
  });
});
