/**
 * One sample per prose rule, under schemas/examples/spec-profile/invalid/<rule id>.xml: each is
 * valid against the schemas (libxml2 and evfw's `xsd` profile accept it) and breaks exactly its
 * rule, which evfw reports, alone, in the rule's profile. The valid sample keeps every rule.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registry } from '../../../generated/src/registry.js';
import { formatDiagnostic, parseDocument, type Profile } from '../../../runtime/src/index.js';
import { Libxml2Oracle } from '../../support/libxml2-oracle.js';
import { SCHEMAS_DIR } from '../../support/paths.js';

const oracle = new Libxml2Oracle();
afterAll(() => oracle.dispose());

const SAMPLES = path.join(SCHEMAS_DIR, 'examples/spec-profile');
const rules = registry.ruleSets().flatMap((set) => set.rules);
const read = (kind: string, name: string) => new Uint8Array(readFileSync(path.join(SAMPLES, kind, name)));
const codes = (bytes: Uint8Array, profile: Profile) => {
  const { diagnostics } = parseDocument(registry, undefined, bytes, { profile });
  return { codes: diagnostics.map((d) => d.code), text: diagnostics.map((d) => formatDiagnostic(d)).join('\n') };
};

describe('prose rule samples', () => {
  it('the rules files of cpm-evfw and imdn are compiled into the registry', () => {
    expect(rules.map((r) => r.id)).toEqual(['imdn-message-id-token', 'object-identifiable', 'message-id-token', 'other-party-uri', 'uid-imap', 'invite-message-id']);
  });

  it('there is one invalid sample per rule, and no other', () => {
    expect(readdirSync(path.join(SAMPLES, 'invalid')).sort()).toEqual(rules.map((r) => `${r.id}.xml`).sort());
  });

  it.each(rules.map((r) => [r.id, r] as const))('%s: only its own code, only in its profile', (id, rule) => {
    const bytes = read('invalid', `${id}.xml`);
    expect(oracle.verdict(Buffer.from(bytes).toString('utf8'))).toBeUndefined();
    expect(codes(bytes, 'xsd').codes).toEqual([]);
    const own = codes(bytes, rule.profile);
    expect(own.codes, own.text).toEqual([`evfw.rule.${id}`]);
    const severity = parseDocument(registry, undefined, bytes, { profile: rule.profile }).diagnostics[0]!.severity;
    expect(severity).toBe(rule.severity);
    // invite includes spec; a rule of invite is silent in spec.
    expect(codes(bytes, 'invite').codes).toEqual([`evfw.rule.${id}`]);
    if (rule.profile === 'invite') expect(codes(bytes, 'spec').codes).toEqual([]);
  });

  it.each(readdirSync(path.join(SAMPLES, 'valid')))('valid/%s keeps every rule of every profile', (name) => {
    const bytes = read('valid', name);
    expect(oracle.verdict(Buffer.from(bytes).toString('utf8'))).toBeUndefined();
    for (const profile of ['xsd', 'spec', 'invite'] as const) expect(codes(bytes, profile).codes, profile).toEqual([]);
  });

  it('the library default is the xsd profile', () => {
    expect(codes(read('invalid', 'object-identifiable.xml'), 'xsd').codes).toEqual([]);
    expect(parseDocument(registry, undefined, read('invalid', 'object-identifiable.xml')).ok).toBe(true);
  });

  it('a rule skips an element the schemas already refused, and reports on the others', () => {
    const doc = (attrs: string) =>
      `<cpm-evfw xmlns="urn:oma:xml:cpm:evfw"><event-cpm-imap type="flags" index="1"><operation name="add" flags="\\Seen">` +
      `<object ${attrs}/><object/></operation></event-cpm-imap></cpm-evfw>`;
    const result = parseDocument(registry, undefined, doc('bogus="1"'), { profile: 'spec' });
    expect(result.diagnostics.map((d) => `${d.code} ${d.path}`)).toEqual([
      'evfw.attribute.unknown /cpm-evfw/event-cpm-imap[1]/operation[1]/object[1]/@bogus',
      'evfw.rule.object-identifiable /cpm-evfw/event-cpm-imap[1]/operation[1]/object[2]',
    ]);
  });
});
