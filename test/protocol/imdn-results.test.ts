/**
 * Results of an event report (OMA CPM 6.7.3.2 item 3, 6.7.5.1; D-25): the PF's IMDN delivery
 * reports (RFC 5438), one per object under its <message-id>, and the client mapping them back:
 * synced, retry at the next IMAP sync, or pending.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCpmEvfw, type CpmEvfw } from '@evfw/model/cpm-evfw';
import { build as evfw } from '@evfw/model/cpm-evfw/build';
import { parseImdn, serializeImdn, validateImdn, type Imdn } from '@evfw/model/imdn';
import { build as imdnBuild } from '@evfw/model/imdn/build';
import { MsrpReader } from '../../protocol/src/msrp/msrp-reader.js';
import { CPIM_CONTENT_TYPE } from '../../protocol/src/content-types.js';
import { buildImdnSend, messageBytes } from '../../protocol/src/msrp/send-request.js';
import { cpimHeader } from '../../protocol/src/results/cpim.js';
import { buildResultImdns, deliveryImdn, IMDN_CPIM_NAMESPACE, readImdn } from '../../protocol/src/results/imdn-results.js';
import { reportedObjects } from '../../protocol/src/results/reported-objects.js';
import { matchResults } from '../../protocol/src/results/sync-results.js';
import { SCHEMAS_DIR } from '../support/paths.js';

const PF = 'sip:pf@example.com';
const CLIENT = 'sip:+15551234567@example.com';
const NOW = new Date('2024-05-02T10:15:00.000Z');

/** An event of three objects with message-ids m1 (\Seen), m2 and m3 (\Deleted), and one without. */
function event(): CpmEvfw {
  const object = (messageId?: string) =>
    evfw.objectType(messageId ? { messageIdOrOtherParty: { $case: 'messageId', messageId } } : { uid: '42', folderPath: 'INBOX' });
  return evfw.cpmEvfw({
    events: [
      { $case: 'eventCpmImap', eventCpmImap: evfw.eventCpmImap({ index: 'e1', operations: [evfw.operation({ flags: '\\Seen', objects: [object('msgid0001')] })] }) },
      {
        $case: 'eventCpmImap',
        eventCpmImap: evfw.eventCpmImap({ index: 'e2', operations: [evfw.operation({ flags: '\\Deleted', objects: [object('msgid0002'), object(' msgid0003 '), object()] })] }),
      },
    ],
  });
}

function readOk(cpim: Uint8Array) {
  const r = readImdn(cpim);
  if (!r.ok) throw r.error;
  return r;
}

describe('the objects of a report (OMA CPM 6.7.5.1)', () => {
  it('lists every object with its event index, flag, trimmed message-id and path', () => {
    expect(reportedObjects(event()).map((o) => [o.eventIndex, o.flags, o.messageId, o.path])).toEqual([
      ['e1', '\\Seen', 'msgid0001', '/cpm-evfw/event-cpm-imap[1]/operation[1]/object[1]'],
      ['e2', '\\Deleted', 'msgid0002', '/cpm-evfw/event-cpm-imap[2]/operation[1]/object[1]'],
      ['e2', '\\Deleted', 'msgid0003', '/cpm-evfw/event-cpm-imap[2]/operation[1]/object[2]'],
      ['e2', '\\Deleted', undefined, '/cpm-evfw/event-cpm-imap[2]/operation[1]/object[3]'],
    ]);
  });
});

describe('the PF builds one IMDN per object (OMA CPM 6.7.3.2 item 3)', () => {
  const results = buildResultImdns(
    [
      { messageId: 'msgid0001', succeeded: true },
      { messageId: 'msgid0002', succeeded: false },
    ],
    { pfAddress: PF, clientAddress: CLIENT, now: NOW, newMessageId: (() => { let n = 0; return () => `imdn000${++n}`; })() },
  );

  it('a positive delivery (<delivered/>) for a success, a negative one (<failed/>) for a failure, under the object\'s message-id (item 3 a, b; D-25)', () => {
    expect(results.map((r) => [r.messageId, r.succeeded, r.imdn.messageId, r.imdn.notification?.$case === 'deliveryNotification' && r.imdn.notification.deliveryNotification.status.deliveryDisposition.$case])).toEqual([
      ['msgid0001', true, 'msgid0001', 'delivered'],
      ['msgid0002', false, 'msgid0002', 'failed'],
    ]);
  });

  it('writes IMDNs that imdn.xsd accepts, the same as the shipped example for a positive result', () => {
    for (const r of results) expect(validateImdn(serializeImdn(r.imdn))).toEqual([]);
    const example = parseImdn(readFileSync(path.join(SCHEMAS_DIR, 'examples/valid/imdn/delivery-delivered.xml')));
    if (!example.ok) throw new Error('example does not parse');
    expect(deliveryImdn(example.value.messageId, true, example.value.datetime)).toEqual(example.value);
  });

  it('wraps each in CPIM: From the PF\'s own address (item 3 a), To the client, imdn.Message-ID, DateTime, message/imdn+xml, Content-Disposition: notification', () => {
    const { cpim } = readOk(results[0]!.cpim);
    expect(cpim.from).toEqual({ uri: PF });
    expect(cpim.to).toEqual([{ uri: CLIENT }]);
    expect(cpim.namespaces.get('imdn')).toBe(IMDN_CPIM_NAMESPACE);
    expect(cpimHeader(cpim, IMDN_CPIM_NAMESPACE, 'Message-ID')).toBe('imdn0001');
    expect(cpim.dateTime).toBe('2024-05-02T10:15:00Z');
    expect(cpim.content.contentType).toBe('message/imdn+xml');
    expect(cpim.content.headers.find((h) => h.name === 'Content-Disposition')?.value).toBe('notification');
    expect(readOk(results[1]!.cpim).cpim.from).toEqual({ uri: PF });
  });

  it('merges objects sharing a message-id into one IMDN, negative if any failed', () => {
    const merged = buildResultImdns(
      [
        { messageId: 'dup00001', succeeded: true },
        { messageId: 'dup00001', succeeded: false },
        { messageId: 'one00001', succeeded: true },
      ],
      { pfAddress: PF, clientAddress: CLIENT, now: NOW },
    );
    expect(merged.map((r) => [r.messageId, r.succeeded])).toEqual([
      ['dup00001', false],
      ['one00001', true],
    ]);
  });
});

describe('the client maps IMDNs back to its objects (OMA CPM 6.7.3.2 item 3, 6.7.5.1)', () => {
  const delivered = (id: string) => deliveryImdn(id, true, '2024-05-02T10:15:00Z');
  const failed = (id: string) => deliveryImdn(id, false, '2024-05-02T10:15:00Z');

  it('positive: synced; negative: retry at the next IMAP sync; no result yet: pending', () => {
    const r = matchResults(event(), [delivered('msgid0001'), failed('msgid0002')]);
    expect(r.objects.map((o) => [o.messageId, o.state, o.status])).toEqual([
      ['msgid0001', 'synced', 'delivered'],
      ['msgid0002', 'retry', 'failed'],
      ['msgid0003', 'pending', undefined],
      [undefined, 'pending', undefined],
    ]);
    expect(r.unmatched).toEqual([]);
  });

  it('once the session is over, what is still pending is retried (6.7.5.1)', () => {
    const r = matchResults(event(), [delivered('msgid0001')], { final: true });
    expect(r.objects.map((o) => o.state)).toEqual(['synced', 'retry', 'retry', 'retry']);
  });

  it('reads forbidden and error as negative too (RFC 5438 section 7.2.1.1)', () => {
    const forbidden = imdnBuild.imdn({
      messageId: 'msgid0002',
      notification: { $case: 'deliveryNotification', deliveryNotification: { status: imdnBuild.deliveryStatus({ deliveryDisposition: { $case: 'forbidden', forbidden: {} } }) } },
    });
    expect(matchResults(event(), [forbidden]).objects[1]!.state).toBe('retry');
  });

  it('reports an IMDN for no object of the event, and a display notification, instead of dropping them', () => {
    const stray = delivered('unknown01');
    const display: Imdn = imdnBuild.imdn({ messageId: 'msgid0001', notification: { $case: 'displayNotification', displayNotification: imdnBuild.displayNotification() } });
    const r = matchResults(event(), [stray, display]);
    expect(r.unmatched.map((u) => [u.imdn.messageId, u.reason])).toEqual([
      ['unknown01', 'unknown-message-id'],
      ['msgid0001', 'not-a-delivery-notification'],
    ]);
    expect(r.objects[0]!.state).toBe('pending');
  });

  it('takes the last of several results for one message-id', () => {
    expect(matchResults(event(), [failed('msgid0001'), delivered('msgid0001')]).objects[0]!.state).toBe('synced');
  });
});

describe('both ways through MSRP (OMA CPM 6.7.3.2 item 3; RFC 5438 section 9)', () => {
  it('the PF\'s IMDNs, sent as message/cpim SENDs and read from the stream, settle the client\'s objects', () => {
    const doc = readFileSync(path.join(SCHEMAS_DIR, 'examples/valid/message-id-only-invite.xml'));
    const sent = parseCpmEvfw(doc);
    if (!sent.ok) throw new Error('example does not parse');
    const [first, second] = reportedObjects(sent.value);
    const results = buildResultImdns(
      [
        { messageId: first!.messageId!, succeeded: true },
        { messageId: second!.messageId!, succeeded: false },
      ],
      { pfAddress: PF, clientAddress: CLIENT, now: NOW },
    );
    const toPath = ['msrp://client.example.com:2855/c1;tcp'];
    const fromPath = ['msrp://pf.example.com:2855/p1;tcp'];
    const wire = Buffer.concat(results.map((r) => messageBytes(buildImdnSend(r.cpim, { toPath, fromPath, chunkSize: 64 }))));

    const reader = new MsrpReader();
    const imdns: Imdn[] = [];
    for (const e of [...reader.push(wire), ...reader.end()]) {
      if (e.type === 'error') throw e.error;
      if (e.type !== 'message') continue;
      expect(e.message.contentType).toBe(CPIM_CONTENT_TYPE);
      imdns.push(readOk(e.message.body).imdn);
    }
    const r = matchResults(sent.value, imdns);
    expect(r.objects.map((o) => [o.object.uid, o.state])).toEqual([
      ['58177', 'synced'],
      ['58178', 'retry'],
    ]);
    expect(r.unmatched).toEqual([]);
  });
});

describe('reading a result that is not one', () => {
  it('refuses a CPIM part that is not message/imdn+xml', () => {
    const r = readImdn('From: <sip:pf@example.com>\r\nTo: <sip:c@example.com>\r\n\r\nContent-Type: text/plain\r\n\r\nhello');
    expect(!r.ok && r.error.code).toBe('evfw.imdn.content-type');
  });

  it('refuses an invalid IMDN with its first diagnostic', () => {
    const r = readImdn('From: <sip:pf@example.com>\r\nTo: <sip:c@example.com>\r\n\r\nContent-Type: message/imdn+xml\r\n\r\n<imdn xmlns="urn:ietf:params:xml:ns:imdn"><datetime>x</datetime></imdn>');
    expect(!r.ok && r.error.code).toBe('evfw.imdn.invalid');
    expect(!r.ok && r.error.diagnostics.length).toBeGreaterThan(0);
  });

  it('passes CPIM errors through', () => {
    const r = readImdn('no blank line');
    expect(!r.ok && r.error.code).toBe('evfw.cpim.syntax');
  });
});
