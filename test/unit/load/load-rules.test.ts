/** The rules file beside a schema: read into the IR and the descriptors, or refused with the rule and field. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIr, GeneratorError, schemaDescriptors } from '../../../generator/src/index.js';
import { loadRules } from '../../../generator/src/load/load-rules.js';

const XSD = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t" xmlns="urn:t" elementFormDefault="qualified">
  <xs:element name="r"><xs:complexType><xs:attribute name="id" type="xs:string"/></xs:complexType></xs:element>
</xs:schema>`;
const RULE = { id: 'r-id', section: '1.2', severity: 'error', profile: 'spec', message: '{element} id', description: 'd', check: { kind: 'pattern', element: 'r', attribute: 'id', regex: '[a-z]+' } };

function folder(rules: unknown): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'evfw-rules-'));
  writeFileSync(path.join(dir, 't.xsd'), XSD);
  if (rules !== undefined) writeFileSync(path.join(dir, 't.rules.json'), typeof rules === 'string' ? rules : JSON.stringify(rules, null, 2));
  return dir;
}

describe('loadRules', () => {
  it('a schema without a rules file has no rules', () => {
    const dir = folder(undefined);
    expect(loadRules('t.xsd', dir)).toBeUndefined();
    expect(schemaDescriptors(buildIr([path.join(dir, 't.xsd')], { rootDir: dir })).find((s) => s.namespace === 'urn:t')!.rules).toBeUndefined();
  });

  it('reads t.rules.json beside t.xsd into the IR and the descriptor', () => {
    const dir = folder({ rules: [RULE] });
    const descriptor = schemaDescriptors(buildIr([path.join(dir, 't.xsd')], { rootDir: dir })).find((s) => s.namespace === 'urn:t')!;
    expect(descriptor.rules).toEqual([RULE]);
  });

  it.each([
    ['not JSON', '{', /not JSON/],
    ['no rules array', { rule: [] }, /needs a "rules" array/],
    ['a bad id', { rules: [{ ...RULE, id: 'Bad Id' }] }, /"id" must be a kebab-case name/],
    ['a duplicate id', { rules: [RULE, RULE] }, /"id" must be unique/],
    ['an unknown severity', { rules: [{ ...RULE, severity: 'fatal' }] }, /"severity" must be "error"/],
    ['the xsd profile', { rules: [{ ...RULE, profile: 'xsd' }] }, /"profile" must be "spec" or "invite"/],
    ['an unknown check', { rules: [{ ...RULE, check: { kind: 'magic', element: 'r' } }] }, /"check.kind" must be one of/],
    ['a bad regex', { rules: [{ ...RULE, check: { ...RULE.check, regex: '(' } }] }, /"check.regex" must be a valid XSD regular expression/],
    ['an unknown URI scheme', { rules: [{ ...RULE, check: { kind: 'uri', element: 'r', schemes: ['http'] } }] }, /"check.schemes"/],
  ])('refuses %s, naming the rule file and field', (_name, rules, message) => {
    const dir = folder(rules);
    let error: unknown;
    try {
      loadRules('t.xsd', dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).code).toBe('rules.invalid');
    expect((error as GeneratorError).message).toMatch(message);
    expect((error as GeneratorError).source?.file).toBe('t.rules.json');
  });
});
