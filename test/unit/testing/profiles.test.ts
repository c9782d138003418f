/**
 * The profile option of @evfw/runtime/testing (issue 19): defaults and arbitraries that meet a
 * profile's prose rules by construction, the rule fault kinds each profile offers and their
 * mutants, and a fixture report that tells the kinds not asked for from those with no place.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registry } from '../../../generated/src/registry.js';
import { parseDocument, serializeDocument } from '../../../runtime/src/document.js';
import { isUriOf } from '../../../runtime/src/rules/uri-syntax.js';
import {
  FAULT_KINDS,
  builder,
  defaultDocument,
  documentArbitrary,
  faultKindsFor,
  fixtureFiles,
  fullDocument,
  mutants,
  mutate,
  type FaultKind,
} from '../../../runtime/src/testing/index.js';

const CPM = '{urn:oma:xml:cpm:evfw}cpm-evfw';
const OBJECT = '{urn:oma:xml:cpm:evfw}object';

function diagnostics(value: unknown, profile: 'xsd' | 'spec' | 'invite') {
  return parseDocument(registry, CPM, serializeDocument(registry, CPM, value, { indent: 2 }), { profile }).diagnostics;
}

describe('generating for a profile', () => {
  it('gives defaults and full documents with no error and no warning in it', () => {
    for (const profile of ['spec', 'invite'] as const) {
      expect(diagnostics(defaultDocument(registry, CPM, { profile }), profile)).toEqual([]);
      expect(diagnostics(fullDocument(registry, CPM, { profile }), profile)).toEqual([]);
    }
  });

  it('makes the default object identifiable by uid and folder-path, with an IMAP UID', () => {
    const object = builder<{ uid?: string; folderPath?: string }>(registry, OBJECT, { profile: 'spec' })();
    expect(object.uid).toMatch(/^[1-9][0-9]*$/);
    expect(object.folderPath?.trim()).not.toBe('');
  });

  it('still defaults to the xsd profile, whose defaults the prose rules refuse', () => {
    expect(diagnostics(defaultDocument(registry, CPM), 'spec').map((d) => d.code)).toContain('evfw.rule.object-identifiable');
  });

  it('draws documents whose other-party values are TEL or SIP URIs and whose every object has a message-id in invite', () => {
    const documents = fc.sample(documentArbitrary(registry, CPM, { profile: 'invite' }), { seed: 3, numRuns: 60 });
    let parties = 0;
    for (const value of documents) {
      const text = serializeDocument(registry, CPM, value, { indent: 2 });
      expect(parseDocument(registry, CPM, text, { profile: 'invite' }).diagnostics, text).toEqual([]);
      for (const [, party] of text.matchAll(/<other-party>([^<]*)<\/other-party>/g)) {
        parties++;
        expect(isUriOf(party!, ['tel', 'sip', 'sips']), party).toBe(true);
      }
      const objects = text.match(/<object[ >]/g)?.length ?? 0;
      expect(text.match(/<message-id>[^<]+<\/message-id>/g)?.length ?? 0).toBeGreaterThanOrEqual(objects);
    }
    expect(parties).toBeGreaterThan(0);
  });

  it('gives the same documents for the same seed', () => {
    const sample = () => fc.sample(documentArbitrary(registry, CPM, { profile: 'spec' }), { seed: 9, numRuns: 20 });
    expect(sample()).toEqual(sample());
  });
});

describe('rule fault kinds', () => {
  it('are offered only by a profile that applies an error rule of their check kind', () => {
    expect(faultKindsFor(registry, 'xsd')).toEqual(FAULT_KINDS);
    expect(faultKindsFor(registry, 'spec')).toEqual([...FAULT_KINDS, 'rule-one-of-identifications', 'rule-pattern', 'rule-uri']);
    expect(faultKindsFor(registry, 'invite')).toEqual([...FAULT_KINDS, 'rule-one-of-identifications', 'rule-required-child', 'rule-pattern', 'rule-uri']);
  });

  it('make mutants valid for the XSD whose first error is the rule they break', () => {
    const value = fullDocument(registry, CPM, { profile: 'invite' });
    const made = new Map<FaultKind, string>();
    for (const m of mutants(registry, CPM, value, { profile: 'invite', indent: 2 })) {
      if (!m.kind.startsWith('rule-')) continue;
      made.set(m.kind, m.code);
      expect(parseDocument(registry, CPM, m.text).diagnostics.filter((d) => d.severity === 'error'), m.text).toEqual([]);
      expect(parseDocument(registry, CPM, m.text, { profile: 'invite' }).diagnostics.find((d) => d.severity === 'error')?.code, m.text).toBe(m.code);
    }
    expect(Object.fromEntries(made)).toEqual({
      'rule-one-of-identifications': 'evfw.rule.object-identifiable',
      'rule-required-child': 'evfw.rule.invite-message-id',
      'rule-pattern': 'evfw.rule.message-id-token',
      'rule-uri': 'evfw.rule.other-party-uri',
    });
  });

  it('have no place in the xsd profile', () => {
    expect(mutate(registry, CPM, fullDocument(registry, CPM, { profile: 'spec' }), 'rule-uri')).toBeUndefined();
  });
});

describe('the fixture report', () => {
  const base = { registry, root: CPM, seed: 4, maxOccurs: 2 };

  it('with no invalid file asked for, names every kind as not asked for and none as without a place', () => {
    const report = fixtureFiles({ ...base, valid: 2, invalid: 0, profile: 'spec' });
    expect(report.invalid).toEqual([]);
    expect(report.inapplicable).toEqual([]);
    expect(report.notAsked).toEqual(faultKindsFor(registry, 'spec'));
  });

  it('tells the kinds left out of `faults` from those asked for that have no place', () => {
    const report = fixtureFiles({ ...base, valid: 0, invalid: 6, faults: ['duplicate-id', 'unknown-element', 'rule-uri'], profile: 'spec' });
    expect(report.inapplicable).toEqual(['duplicate-id']);
    expect(report.notAsked).toEqual(faultKindsFor(registry, 'spec').filter((k) => !['duplicate-id', 'unknown-element', 'rule-uri'].includes(k)));
    expect(new Set(report.invalid.map((f) => f.fault))).toEqual(new Set(['unknown-element', 'rule-uri']));
  });

  it('records the profile in the manifest, and checks valid files in it', () => {
    const report = fixtureFiles({ ...base, valid: 5, invalid: 5, profile: 'invite' });
    expect(report.profile).toBe('invite');
    expect(JSON.parse(report.files.get('manifest.json')!)).toMatchObject({ profile: 'invite', inapplicable: ['value-outside-enumeration', 'duplicate-id'], notAsked: [] });
    for (const file of report.valid) expect(parseDocument(registry, CPM, report.files.get(file)!, { profile: 'invite' }).diagnostics).toEqual([]);
  });
});
