/**
 * A rules file lies beside a schema (D-59) and is as untrusted: the `regex` of its pattern rules
 * is XSD syntax, checked when the schema set is read and matched by the runtime's linear-time
 * engine (D-90), never by a backtracking RegExp.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GeneratorError } from '../../../generator/src/errors.js';
import { buildIr, schemaDescriptors } from '../../../generator/src/index.js';
import { validateDocument } from '../../../runtime/src/document.js';
import { SchemaRegistry } from '../../../runtime/src/schema/registry.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'evfw-rules-patterns-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const XSD = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t" elementFormDefault="qualified">
  <xs:element name="v" type="xs:string"/>
</xs:schema>
`;

function schemaWithRule(name: string, regex: string): string {
  const dir = mkdtempSync(path.join(scratch, `${name}-`));
  writeFileSync(path.join(dir, 't.xsd'), XSD);
  const rule = { id: 'v-shape', section: '1', severity: 'error', profile: 'spec', message: '{element} has the wrong shape', description: 'd', check: { kind: 'pattern', element: 'v', regex } };
  writeFileSync(path.join(dir, 't.rules.json'), JSON.stringify({ rules: [rule] }, null, 2));
  return path.join(dir, 't.xsd');
}

describe('pattern rules of a rules file', () => {
  it('match (a|a)*b against 100,000 characters at once, with the right verdicts', () => {
    const file = schemaWithRule('catastrophic', '(a|a)*b');
    const registry = new SchemaRegistry(schemaDescriptors(buildIr([file], { rootDir: path.dirname(file) })));
    const codes = (text: string) => validateDocument(registry, '{urn:t}v', `<v xmlns="urn:t">${text}</v>`, { profile: 'spec' }).map((d) => d.code);
    expect(codes('aab')).toEqual([]);
    const started = performance.now();
    expect(codes('a'.repeat(100_000))).toEqual(['evfw.rule.v-shape']);
    expect(codes(`${'a'.repeat(100_000)}b`)).toEqual([]);
    // Generous: a backtracking RegExp takes minutes on 30 characters of this.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('are XSD regular expressions: JavaScript-only syntax is refused when the set is read', () => {
    for (const regex of ['\\x41+', '(?:a)', 'a+?', '^a$(?=b)']) {
      const file = schemaWithRule('javascript', regex);
      let error: unknown;
      try {
        buildIr([file], { rootDir: path.dirname(file) });
      } catch (e) {
        error = e;
      }
      expect(error, regex).toBeInstanceOf(GeneratorError);
      expect((error as GeneratorError).code, regex).toBe('rules.invalid');
      expect((error as GeneratorError).message, regex).toContain('a valid XSD regular expression');
    }
  });
});
