/**
 * The generated entry points as an implementer uses them: parseCpmEvfw, validateCpmEvfw and
 * serializeCpmEvfw from @evfw/model/cpm-evfw, with diagnostics, compat options and limits.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModelError } from '../../runtime/src/index.js';
import { parseCpmEvfw, serializeCpmEvfw, validateCpmEvfw, type CpmEvfw } from '../../generated/src/cpm-evfw.js';
import { SCHEMAS_DIR } from '../support/paths.js';

const EVFW = 'urn:oma:xml:cpm:evfw';
const sample = (name: string) => readFileSync(path.join(SCHEMAS_DIR, 'examples', name), 'utf8');

function event(index: string, flags: string, extra = ''): string {
  return `  <event-cpm-imap type="flags" index="${index}">\n    <operation name="add" ${flags}${extra}>\n      <object uid="1"/>\n    </operation>\n  </event-cpm-imap>\n`;
}

const report = (...events: string[]) => `<?xml version="1.0"?>\n<cpm-evfw xmlns="${EVFW}">\n${events.join('')}</cpm-evfw>\n`;

describe('parseCpmEvfw', () => {
  it('gives the typed value of a valid document', () => {
    const result = parseCpmEvfw(sample('valid/appendix-m-corrected.xml'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const first = result.value.events[0]!;
    expect(first.$case).toBe('eventCpmImap');
    if (first.$case !== 'eventCpmImap') return;
    expect(first.eventCpmImap.operations[0]!.flags).toBe('\\Seen');
  });

  it('reports a bad enumeration with code, line, column and the path the issue names', () => {
    const text = report(event('e1', 'flags="\\Seen"'), event('e2', 'flags="\\Flagged"'));
    const [d, ...rest] = validateCpmEvfw(text);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'evfw.attribute.enum', severity: 'error', line: 9, path: '/cpm-evfw/event-cpm-imap[2]/operation[1]/@flags' });
    expect(d!.column).toBe(text.split('\n')[8]!.indexOf('flags=') + 1);
    expect(d!.message).toContain('\\Flagged');
  });

  it('collects every independent error of a document, not only the first', () => {
    const text = report(event('e1', 'flags="\\Nope"'), event('e1', 'flags="\\Seen"', ' colour="red"'));
    const codes = validateCpmEvfw(text).map((d) => d.code);
    expect(codes).toEqual(['evfw.attribute.enum', 'evfw.attribute.unknown', 'evfw.identity.duplicate']);
  });

  it('stops at the error cap and says so', () => {
    const text = report(...Array.from({ length: 50 }, (_, i) => event(`e${i}`, 'flags="\\Nope"')));
    const diagnostics = validateCpmEvfw(text, { limits: { maxErrors: 5 } });
    expect(diagnostics.map((d) => d.code)).toEqual([...Array(5).fill('evfw.attribute.enum'), 'evfw.limit.errors']);
  });

  it('says what "flag" is, and accepts it as "flags" with the compat option', () => {
    const text = report(event('e1', 'flag="\\Seen"'));
    const strict = parseCpmEvfw(text);
    expect(strict.ok).toBe(false);
    expect(strict.diagnostics).toHaveLength(1);
    expect(strict.diagnostics[0]).toMatchObject({ code: 'evfw.attribute.flag-deviation', severity: 'error', path: '/cpm-evfw/event-cpm-imap[1]/operation[1]/@flag' });
    expect(strict.diagnostics[0]!.message).toContain('Android RCS');
    expect(strict.diagnostics[0]!.hint).toContain('flags="\\Seen"');

    const lenient = parseCpmEvfw(text, { compat: ['flag-attribute'] });
    expect(lenient.ok).toBe(true);
    expect(lenient.diagnostics.map((d) => [d.code, d.severity])).toEqual([['evfw.attribute.flag-deviation', 'warning']]);
    if (!lenient.ok || lenient.value.events[0]!.$case !== 'eventCpmImap') throw new Error('expected an IMAP event');
    expect(lenient.value.events[0]!.eventCpmImap.operations[0]!.flags).toBe('\\Seen');
    // Normalised: written back as the prose spells it.
    expect(serializeCpmEvfw(lenient.value)).toContain('flags="\\Seen"');
  });

  it('names the namespace when the root has none', () => {
    const [d] = validateCpmEvfw('<cpm-evfw/>');
    expect(d).toMatchObject({ code: 'evfw.root.unknown', line: 1, column: 1 });
    expect(d!.hint).toContain(`xmlns="${EVFW}"`);
  });
});

describe('serializeCpmEvfw', () => {
  const value: CpmEvfw = {
    events: [
      {
        $case: 'eventCpmImap',
        eventCpmImap: {
          type: 'flags',
          index: 'a&b<c>"d"\te\r\nf \u{1F600}',
          operations: [{ name: 'add', flags: '\\Deleted', objects: [{ uid: '7', folderPath: 'Inbox/é', messageIdOrOtherParty: { $case: 'otherParty', otherParty: 'tel:+15145554321', messageId: 'x]]>y' }, extensions: [] }] }],
          extensions: [],
        },
      },
      {
        $case: 'extension',
        extension: { kind: 'element', namespace: 'urn:example:other', name: 'ping', attributes: [{ namespace: 'urn:example:other', name: 'n', value: '1' }], children: [{ kind: 'text', text: ' keep  this ' }] },
      },
    ],
  };

  it('escapes so that every character comes back, and keeps extension content in place', () => {
    const text = serializeCpmEvfw(value);
    const again = parseCpmEvfw(text);
    expect(again.diagnostics).toEqual([]);
    expect(again.ok && again.value).toEqual(value);
  });

  it('declares every namespace once, on the root, with stable prefixes', () => {
    const text = serializeCpmEvfw(value, { indent: 2 });
    expect(text.match(/xmlns/g)).toHaveLength(2);
    expect(text.split('\n')[1]).toBe(`<cpm-evfw xmlns="${EVFW}" xmlns:ns1="urn:example:other">`);
    expect(text).toContain('<ns1:ping ns1:n="1"> keep  this </ns1:ping>');
    expect(serializeCpmEvfw(value, { indent: 2 })).toBe(text);
  });

  it('refuses a value that does not fit the schema, saying where', () => {
    const broken = { events: [{ $case: 'eventCpmImap', eventCpmImap: { type: 'flags', operations: [], extensions: [] } }] } as unknown as CpmEvfw;
    expect(() => serializeCpmEvfw(broken)).toThrow(ModelError);
    expect(() => serializeCpmEvfw(broken)).toThrow(/index/);
    const wrongCase = { events: [{ $case: 'nothing' }] } as unknown as CpmEvfw;
    expect(() => serializeCpmEvfw(wrongCase)).toThrow(/\$case/);
    // Occurrences count too: <cpm-evfw> holds one or more events; <object> at most one <message-id> choice.
    expect(() => serializeCpmEvfw({ events: [] })).toThrow(/cpm-evfw\.events: 0 given, at least 1 required/);
    const noOperations = { events: [{ $case: 'eventCpmImap', eventCpmImap: { type: 'flags', index: 'e1', operations: [], extensions: [] } }] } as unknown as CpmEvfw;
    expect(() => serializeCpmEvfw(noOperations)).toThrow(/operations: 0 given, at least 1 required/);
    const nul = structuredClone(value);
    (nul.events[0] as { eventCpmImap: { index: string } }).eventCpmImap.index = 'a\u0000b';
    expect(() => serializeCpmEvfw(nul)).toThrow(/U\+0000/);
  });
});

describe('names from the document never reach Object.prototype', () => {
  it('keeps __proto__ and constructor as plain data in extension content', () => {
    const text = report(event('e1', 'flags="\\Seen"')).replace(
      '</cpm-evfw>',
      '<x:__proto__ xmlns:x="urn:x" x:constructor="1" __proto__="2"><x:prototype/></x:__proto__></cpm-evfw>',
    );
    const result = parseCpmEvfw(text);
    expect(result.ok).toBe(true);
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('constructor1');
    expect(({} as Record<string, unknown>).__proto__).toBe(Object.prototype);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    if (!result.ok) return;
    const extension = result.value.events[1]!;
    expect(extension.$case === 'extension' && extension.extension.name).toBe('__proto__');
  });
});
