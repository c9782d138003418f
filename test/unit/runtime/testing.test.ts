/**
 * The pieces of @evfw/runtime/testing one at a time: builders and their defaults, unique
 * numbering, simple-type arbitraries for every built-in, faulty values, single mutants, and
 * the fixture files. The properties over whole schemas are in test/properties/fixtures*.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { build } from '../../../generated/src/cpm-evfw.build.js';
import { build as imdnBuild } from '../../../generated/src/imdn.build.js';
import { parseCpmEvfw, serializeCpmEvfw, type CpmEvfw, type EventCpmImap } from '../../../generated/src/cpm-evfw.js';
import { registry } from '../../../generated/src/registry.js';
import { builtinNames, checkSimpleValue } from '../../../runtime/src/datatypes/index.js';
import { parseDocument, serializeDocument } from '../../../runtime/src/document.js';
import { faultyValue } from '../../../runtime/src/testing/faulty-values.js';
import { FAULT_KINDS, defaultValue, fixtureFiles, fullDocument, lexicalArbitrary, mutate, mutationSites } from '../../../runtime/src/testing/index.js';

const CPM = '{urn:oma:xml:cpm:evfw}cpm-evfw';
const event = (eventCpmImap: EventCpmImap) => ({ $case: 'eventCpmImap' as const, eventCpmImap });

describe('builders', () => {
  it('give the smallest valid value: required attributes, minOccurs children, first branches', () => {
    const operation = build.operation();
    expect(operation).toEqual({ name: 'add', flags: '\\Seen', objects: [{ extensions: [] }] });
    expect(imdnBuild.imdn()).toEqual({ messageId: 'message-id', datetime: 'datetime', extensions: [] });
  });

  it('put the overrides on top of the defaults', () => {
    expect(build.objectType({ uid: '58175' })).toEqual({ uid: '58175', extensions: [] });
    expect(build.eventCpmImap({ index: 'e1' }).index).toBe('e1');
  });

  it('number unique fields across calls, so parts built apart do not clash', () => {
    const doc: CpmEvfw = build.cpmEvfw({ events: [event(build.eventCpmImap()), event(build.eventCpmImap()), event(build.eventCpmImap())] });
    const indexes = doc.events.map((e) => (e.$case === 'eventCpmImap' ? e.eventCpmImap.index : ''));
    expect(new Set(indexes).size).toBe(3);
    expect(parseCpmEvfw(serializeCpmEvfw(doc)).diagnostics).toEqual([]);
  });

  it('compose: nested builders give a valid document', () => {
    const doc = build.cpmEvfw({
      events: [event(build.eventCpmImap({ index: 'e1', operations: [build.operation({ flags: '\\Deleted', objects: [build.objectType({ uid: '1' }), build.objectType()] })] }))],
    });
    const result = parseCpmEvfw(serializeCpmEvfw(doc, { indent: 2 }));
    expect(result.ok && result.value).toEqual(doc);
  });

  it('defaultValue starts afresh on each call unless given a state', () => {
    const first = defaultValue<EventCpmImap>(registry, '{urn:oma:xml:cpm:evfw}event-cpm-imap');
    const second = defaultValue<EventCpmImap>(registry, '{urn:oma:xml:cpm:evfw}event-cpm-imap');
    expect(second.index).toBe(first.index);
  });
});

describe('fullDocument', () => {
  it('has every optional attribute and child once, the first branch of each choice, and no foreign content', () => {
    const full = fullDocument<CpmEvfw>(registry, CPM);
    const text = serializeCpmEvfw(full);
    expect(parseDocument(registry, CPM, text).ok).toBe(true);
    const object = full.events[0]!.$case === 'eventCpmImap' ? full.events[0]!.eventCpmImap.operations[0]!.objects[0]! : undefined;
    expect(object).toMatchObject({ uid: 'uid', folderPath: 'folder-path', conversationId: 'conversation-id', contributionId: 'contribution-id', extensions: [] });
    expect(full.events).toHaveLength(1);
  });

  it('is valid for every global element of every own namespace', () => {
    for (const key of registry.globalElements().filter((e) => !e.abstract).map((e) => `{${e.namespace}}${e.name}`)) {
      const text = serializeDocument(registry, key, fullDocument(registry, key));
      expect(parseDocument(registry, key, text).diagnostics, `${key}\n${text}`).toEqual([]);
    }
  });
});

describe('simple-type arbitraries', () => {
  const writable = builtinNames().filter((n) => !['IDREF', 'IDREFS', 'ENTITY', 'ENTITIES', 'NOTATION'].includes(n));

  it.each(writable)('xs:%s values are valid and already normalized', (name) => {
    const type = { kind: 'builtin', name } as const;
    for (const lexical of fc.sample(lexicalArbitrary(type)!, { seed: 7, numRuns: 100 })) {
      const checked = checkSimpleValue(type, lexical);
      expect(checked.ok, `${JSON.stringify(lexical)} for xs:${name}`).toBe(true);
      expect(checked.ok && checked.normalized).toBe(lexical);
    }
  });

  it('have none for types whose values must name something elsewhere, but the empty list', () => {
    for (const name of ['IDREF', 'ENTITY', 'NOTATION']) expect(lexicalArbitrary({ kind: 'builtin', name })).toBeUndefined();
    for (const name of ['IDREFS', 'ENTITIES']) expect(new Set(fc.sample(lexicalArbitrary({ kind: 'builtin', name })!, 20))).toEqual(new Set(['']));
  });

  it('stay inside facets', () => {
    const battery = { kind: 'atomic', base: { kind: 'builtin', name: 'unsignedByte' }, facets: { maxInclusive: '100' } } as const;
    const place = { kind: 'atomic', base: { kind: 'builtin', name: 'token' }, facets: { patterns: [['[a-z][a-z0-9]*:[A-Za-z0-9._~\\-]+']] } } as const;
    for (const type of [battery, place]) {
      for (const lexical of fc.sample(lexicalArbitrary(type)!, { seed: 3, numRuns: 200 })) expect(checkSimpleValue(type, lexical).ok, lexical).toBe(true);
    }
  });
});

describe('faulty values', () => {
  const battery = { kind: 'atomic', base: { kind: 'builtin', name: 'unsignedByte' }, facets: { maxInclusive: '100' } } as const;

  it('break the type for exactly the reason asked', () => {
    expect(faultyValue(battery, 'facet', '50')).toBe('101');
    expect(checkSimpleValue(battery, faultyValue(battery, 'datatype', '50')!)).toMatchObject({ ok: false, fault: 'datatype' });
    expect(faultyValue(battery, 'enum', '50')).toBeUndefined();
  });
});

describe('mutate', () => {
  const doc = build.cpmEvfw({ events: [event(build.eventCpmImap({ index: 'e1' }))] });

  it('makes one fault of the kind asked, with the code evfw reports for it', () => {
    const mutant = mutate(registry, CPM, doc, 'missing-required-attribute')!;
    expect(mutant).toMatchObject({ kind: 'missing-required-attribute', code: 'evfw.attribute.required' });
    const diagnostics = parseDocument(registry, CPM, mutant.text).diagnostics;
    expect(diagnostics.map((d) => d.code)).toEqual(['evfw.attribute.required']);
  });

  it('repeats a unique index by writing the only event twice', () => {
    const mutant = mutate(registry, CPM, doc, 'duplicate-unique-value')!;
    expect(mutant.text.match(/index="e1"/g)).toHaveLength(2);
    expect(parseDocument(registry, CPM, mutant.text).diagnostics[0]?.code).toBe('evfw.identity.duplicate');
  });

  it('says when a kind does not apply: undefined, and no sites', () => {
    expect(mutate(registry, CPM, doc, 'duplicate-id')).toBeUndefined();
    expect(mutationSites(registry, CPM, doc, 'value-outside-enumeration')).toEqual([]);
  });

  it('picks among the sites with `choose`', () => {
    const sites = mutationSites(registry, CPM, doc, 'unknown-attribute');
    expect(sites.length).toBeGreaterThan(2);
    const last = mutate(registry, CPM, doc, 'unknown-attribute', { choose: (n) => n - 1 })!;
    expect(last.path).toBe(sites.at(-1)!.path);
  });
});

describe('fixtureFiles', () => {
  const options = { registry, root: CPM, valid: 3, invalid: FAULT_KINDS.length, seed: 42, maxOccurs: 2 };

  it('writes valid/<n>.xml and invalid/<fault-kind>-<n>.xml, and a manifest', () => {
    const report = fixtureFiles(options);
    expect(report.valid).toEqual(['valid/1.xml', 'valid/2.xml', 'valid/3.xml']);
    for (const file of report.valid) expect(parseDocument(registry, CPM, report.files.get(file)!).ok).toBe(true);
    expect(report.invalid).toHaveLength(FAULT_KINDS.length);
    for (const f of report.invalid) {
      expect(f.file).toMatch(new RegExp(`^invalid/${f.fault}-\\d+\\.xml$`));
      expect(parseDocument(registry, CPM, report.files.get(f.file)!).diagnostics.find((d) => d.severity === 'error')?.code).toBe(f.code);
    }
    expect(JSON.parse(report.files.get('manifest.json')!)).toMatchObject({ root: CPM, seed: 42, valid: report.valid });
  });

  it('cycles through the kinds that apply, and names those that never do', () => {
    const report = fixtureFiles(options);
    expect(new Set(report.invalid.map((f) => f.fault)).size).toBe(FAULT_KINDS.length - report.inapplicable.length);
    expect(report.inapplicable).toEqual(['value-outside-enumeration', 'duplicate-id']);
  });

  it('gives the same files for the same seed', () => {
    expect([...fixtureFiles(options).files]).toEqual([...fixtureFiles(options).files]);
  });
});
