/**
 * The INVITE mode's session half (OMA CPM 6.7.3.2) end to end, without the SIP signalling: the
 * client helper of @evfw/protocol connects to the Participating Function's MSRP endpoint, sends
 * an event report, and gets one IMDN per object back, the flags checked in a real Dovecot.
 * Raw connections check what the helper would never send: bodies that break the invite
 * profile, unknown sessions, garbage.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CpmEvfw, ImapFlag, ObjectType } from '@evfw/model/cpm-evfw';
import {
  buildEventSend,
  buildResponse,
  cpimBodyText,
  MsrpReader,
  parseCpim,
  readImdn,
  type MsrpReadEvent,
} from '@evfw/protocol';
import { openEventSession } from '../../protocol/src/session/index.js';
import { connectMessageStore } from '../../pf/src/message-store.js';
import { startMsrpEndpoint, type EventReportRecord, type MsrpEndpoint } from '../../pf/src/msrp/index.js';
import { dovecotUnavailable, flagsOf, seedMessages, startDovecot, type DovecotServer, type SeededMessage } from '../support/dovecot.js';
import { skipUnlessCi } from '../support/requirements.js';

const unavailable = dovecotUnavailable();
const PF_ADDRESS = 'sip:pf.example.com';
const USER = 'sip:+15551230000@example.com';

function object(message: Pick<SeededMessage, 'folder' | 'imdnMessageId'> & { uid: number }): ObjectType {
  return { uid: String(message.uid), folderPath: `${message.folder}/`, messageIdOrOtherParty: { $case: 'messageId', messageId: message.imdnMessageId }, extensions: [] };
}

function event(flags: ImapFlag, objects: ObjectType[]): CpmEvfw {
  return { events: [{ $case: 'eventCpmImap', eventCpmImap: { type: 'flags', index: 'e1', operations: [{ name: 'add', flags, objects }], extensions: [] } }] };
}

/** A bare MSRP peer: writes bytes, collects what comes back, and says when the connection closes. */
class RawPeer {
  readonly events: MsrpReadEvent[] = [];
  readonly closed: Promise<void>;
  private readonly reader = new MsrpReader();
  private readonly socket: Socket;
  private waiters: (() => void)[] = [];

  private constructor(socket: Socket) {
    this.socket = socket;
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => {});
    socket.on('data', (bytes: Buffer) => {
      for (const e of this.reader.push(bytes)) {
        this.events.push(e);
        // Answer the PF's IMDN SENDs, as a client must.
        if (e.type === 'request' && e.request.method === 'SEND') socket.write(buildResponse(e.request, 200));
      }
      for (const w of this.waiters) w();
    });
  }

  static async open(port: number): Promise<RawPeer> {
    const socket = connect({ host: '127.0.0.1', port });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    return new RawPeer(socket);
  }

  write(bytes: Uint8Array | string): void {
    this.socket.write(bytes);
  }

  /** Resolves once `count` events of `type` have come, or rejects after `ms`. */
  async waitFor<T extends MsrpReadEvent['type']>(type: T, count = 1, ms = 5_000): Promise<Extract<MsrpReadEvent, { type: T }>[]> {
    const matching = () => this.events.filter((e): e is Extract<MsrpReadEvent, { type: T }> => e.type === type);
    const deadline = Date.now() + ms;
    while (matching().length < count) {
      if (Date.now() > deadline) throw new Error(`waited ${ms} ms for ${count} ${type} event(s); got ${JSON.stringify(this.events.map((e) => e.type))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      this.waiters = [];
    }
    return matching();
  }

  destroy(): void {
    this.socket.destroy();
  }
}

describe.skipIf(skipUnlessCi(unavailable))(`MSRP event session against Dovecot${skipUnlessCi(unavailable) ? `: skipped, ${unavailable}` : ''}`, { timeout: 20_000 }, () => {
  let server: DovecotServer | undefined;
  let endpoint: MsrpEndpoint | undefined;
  let seeded: SeededMessage[] = [];
  const reports: EventReportRecord[] = [];
  const errors: unknown[] = [];
  const seededById = (id: string): SeededMessage => {
    const found = seeded.find((m) => m.imdnMessageId === id);
    if (!found) throw new Error(`no seeded message ${id}`);
    return found;
  };
  const CLIENT_PATH = 'msrp://127.0.0.1:9/clientsession1;tcp';

  beforeAll(async () => {
    server = await startDovecot();
    const ids = { conversationId: 'conv-msrp-1', contributionId: 'contrib-msrp-1' };
    seeded = await seedMessages(server, [
      { folder: 'Default/conv-msrp-1/contrib-msrp-1', ...ids, imdnMessageId: 'deleted-one' },
      { folder: 'Default/conv-msrp-1/contrib-msrp-1', ...ids, imdnMessageId: 'deleted-two' },
      { folder: 'Default/conv-msrp-1/contrib-msrp-1', ...ids, imdnMessageId: 'untouched-by-bad-body' },
      { folder: 'Default/conv-msrp-1/contrib-msrp-1', ...ids, imdnMessageId: 'seen-by-chunks' },
    ]);
    const store = { host: server.host, port: server.port, user: server.user, password: server.password, connectTimeoutMs: 5_000 };
    endpoint = await startMsrpEndpoint({
      openStore: () => connectMessageStore(store),
      onReport: (r) => reports.push(r),
      onError: (e) => errors.push(e),
      idleTimeoutMs: 10_000,
    });
  }, 30_000);

  afterAll(async () => {
    await endpoint?.close();
    await server?.stop();
  }, 20_000);

  it('answers a \\Deleted event for three objects with one IMDN each: delivered twice, failed for the missing one', async () => {
    const one = seededById('deleted-one');
    const two = seededById('deleted-two');
    const offered = endpoint!.newSession({ clientPath: CLIENT_PATH, ownAddress: PF_ADDRESS, clientAddress: USER });
    expect(offered.uri).toMatch(new RegExp(`^msrp://127\\.0\\.0\\.1:${endpoint!.port}/[A-Za-z0-9]{16};tcp$`));
    const session = await openEventSession({ pfUri: offered.uri, ownPath: CLIENT_PATH, ownAddress: USER, resultTimeoutMs: 10_000 });
    try {
      const started = Date.now();
      const results = await session.send(event('\\Deleted', [object(one), object(two), object({ folder: one.folder, uid: 999_999, imdnMessageId: 'not-in-the-store' })]));
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(results.outcome).toBe('complete');
      expect(results.objects.map((o) => [o.messageId, o.state, o.status])).toEqual([
        ['deleted-one', 'synced', 'delivered'],
        ['deleted-two', 'synced', 'delivered'],
        ['not-in-the-store', 'retry', 'failed'],
      ]);
      expect(results.unmatched).toEqual([]);
      expect(session.unmatched).toEqual([]);
      expect(session.unreadable).toEqual([]);
    } finally {
      await session.close();
    }
    for (const message of [one, two]) expect(await flagsOf(server!, message.folder, message.uid)).toContain('\\Deleted');
    const record = reports.find((r) => r.sessionUri === offered.uri);
    expect(record?.verdict).toBe('applied');
    expect(record?.outcomes.map((o) => (o.ok ? 'ok' : o.reason.code))).toEqual(['ok', 'ok', 'evfw.store.object-not-found']);
    // The session ends with its connection.
    await waitUntil(() => endpoint!.sessionCount === 0);
  });

  it('sends the IMDNs in CPIM from the PF\'s own address to the client, over the same connection', async () => {
    const two = seededById('deleted-two');
    const offered = endpoint!.newSession({ ownAddress: PF_ADDRESS, clientAddress: USER });
    const peer = await RawPeer.open(endpoint!.port);
    try {
      const doc = `<cpm-evfw xmlns="urn:oma:xml:cpm:evfw"><event-cpm-imap type="flags" index="1"><operation name="add" flags="\\Deleted"><object uid="${two.uid}" folder-path="${two.folder}"><message-id>deleted-two</message-id></object></operation></event-cpm-imap></cpm-evfw>`;
      const send = buildEventSend(doc, { toPath: [offered.uri], fromPath: [CLIENT_PATH] });
      for (const c of send.chunks) peer.write(c.bytes);
      const [response] = await peer.waitFor('response');
      expect(response!.response.status).toBe(200);
      const [message] = await peer.waitFor('message');
      expect(message!.message.contentType).toBe('message/cpim');
      expect(message!.message.toPath).toEqual([CLIENT_PATH]);
      expect(message!.message.fromPath).toEqual([offered.uri]);
      const cpim = parseCpim(message!.message.body);
      expect(cpim.ok && cpim.value.from?.uri).toBe(PF_ADDRESS);
      expect(cpim.ok && cpim.value.to.map((a) => a.uri)).toEqual([USER]);
      const imdn = readImdn(message!.message.body);
      expect(imdn.ok && imdn.imdn.messageId).toBe('deleted-two');
      expect(imdn.ok && imdn.imdn.notification?.$case).toBe('deliveryNotification');
      expect(cpim.ok && cpimBodyText(cpim.value)).toContain('<delivered/>');
    } finally {
      peer.destroy();
      offered.close();
    }
  });

  it('answers a body that breaks the invite profile with a negative IMDN for each object it can name, and changes nothing', async () => {
    const target = seededById('untouched-by-bad-body');
    const offered = endpoint!.newSession({ ownAddress: PF_ADDRESS, clientAddress: USER });
    const peer = await RawPeer.open(endpoint!.port);
    try {
      // The second object has no <message-id>: rule invite-message-id (6.7.5.1).
      const doc = `<cpm-evfw xmlns="urn:oma:xml:cpm:evfw"><event-cpm-imap type="flags" index="1"><operation name="add" flags="\\Deleted"><object uid="${target.uid}" folder-path="${target.folder}"><message-id>${target.imdnMessageId}</message-id></object><object uid="${target.uid}" folder-path="${target.folder}"/></operation></event-cpm-imap></cpm-evfw>`;
      for (const c of buildEventSend(doc, { toPath: [offered.uri], fromPath: [CLIENT_PATH] }).chunks) peer.write(c.bytes);
      const [response] = await peer.waitFor('response');
      expect(response!.response.status).toBe(200);
      const messages = await peer.waitFor('message');
      const imdn = readImdn(messages[0]!.message.body);
      expect(imdn.ok && imdn.imdn.messageId).toBe(target.imdnMessageId);
      expect(imdn.ok && cpimBodyText(imdn.cpim)).toContain('<failed/>');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(peer.events.filter((e) => e.type === 'message')).toHaveLength(1);
      expect(await flagsOf(server!, target.folder, target.uid)).not.toContain('\\Deleted');
      const record = reports.find((r) => r.sessionUri === offered.uri);
      expect(record?.verdict).toBe('rejected');
      expect(record?.reason).toMatch(/^evfw\.rule\.invite-message-id: /);
    } finally {
      peer.destroy();
      offered.close();
    }
  });

  it('answers 400 with the first diagnostic when no object can be named, and keeps the session', async () => {
    const offered = endpoint!.newSession({ ownAddress: PF_ADDRESS, clientAddress: USER });
    const peer = await RawPeer.open(endpoint!.port);
    try {
      const noIds = '<cpm-evfw xmlns="urn:oma:xml:cpm:evfw"><event-cpm-imap type="flags" index="1"><operation name="add" flags="\\Seen"><object uid="1" folder-path="Default"/></operation></event-cpm-imap></cpm-evfw>';
      for (const c of buildEventSend(noIds, { toPath: [offered.uri], fromPath: [CLIENT_PATH] }).chunks) peer.write(c.bytes);
      const [first] = await peer.waitFor('response');
      expect(first!.response.status).toBe(400);
      expect(first!.response.comment).toMatch(/^evfw\.rule\.invite-message-id: /);
      for (const c of buildEventSend('not xml at all', { toPath: [offered.uri], fromPath: [CLIENT_PATH] }).chunks) peer.write(c.bytes);
      const [, second] = await peer.waitFor('response', 2);
      expect(second!.response.status).toBe(400);
      expect(second!.response.comment).toMatch(/^evfw\.xml\./);
      expect(peer.events.filter((e) => e.type === 'message')).toEqual([]);
    } finally {
      peer.destroy();
      offered.close();
    }
  });

  it('answers 481 to a request for a session it does not know, then closes the connection', async () => {
    const peer = await RawPeer.open(endpoint!.port);
    try {
      const send = buildEventSend('<x/>', { toPath: [`msrp://127.0.0.1:${endpoint!.port}/nosuchsession123;tcp`], fromPath: [CLIENT_PATH] });
      peer.write(send.chunks[0]!.bytes);
      const [response] = await peer.waitFor('response');
      expect(response!.response.status).toBe(481);
      await peer.closed;
    } finally {
      peer.destroy();
    }
  });

  it('makes the client helper fail to open a session the PF does not know', async () => {
    await expect(openEventSession({ pfUri: `msrp://127.0.0.1:${endpoint!.port}/nosuchsession456;tcp`, ownAddress: USER })).rejects.toMatchObject({
      code: 'evfw.session.refused',
      message: expect.stringContaining('481'),
    });
  });

  it('answers 481 when the first request comes from another path than the SDP offer named', async () => {
    const offered = endpoint!.newSession({ clientPath: CLIENT_PATH, ownAddress: PF_ADDRESS, clientAddress: USER });
    const peer = await RawPeer.open(endpoint!.port);
    try {
      peer.write(buildEventSend('<x/>', { toPath: [offered.uri], fromPath: ['msrp://127.0.0.1:9/someoneelse1;tcp'] }).chunks[0]!.bytes);
      const [response] = await peer.waitFor('response');
      expect(response!.response.status).toBe(481);
      await peer.closed;
    } finally {
      peer.destroy();
      offered.close();
    }
  });

  it('closes a connection that sends garbage, and keeps serving others', async () => {
    const garbage = await RawPeer.open(endpoint!.port);
    garbage.write(Buffer.from([0, 255, 13, 10, 1, 2, 3, 13, 10, 13, 10]));
    garbage.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    await garbage.closed;
    const truncated = await RawPeer.open(endpoint!.port);
    truncated.write('MSRP abcd1234 SEND\r\nTo-Path: ' + 'x'.repeat(20_000));
    await truncated.closed;
    expect(errors).toEqual([]);
    const offered = endpoint!.newSession({ ownAddress: PF_ADDRESS, clientAddress: USER });
    const session = await openEventSession({ pfUri: offered.uri, ownAddress: USER, resultTimeoutMs: 5_000 });
    try {
      const results = await session.send(event('\\Seen', [object({ folder: 'Default', uid: 999_998, imdnMessageId: 'after-garbage' })]));
      expect(results.objects.map((o) => o.state)).toEqual(['retry']);
      expect(results.outcome).toBe('complete');
    } finally {
      await session.close();
    }
  });

  it('answers reports sent back to back in order, one at a time, and honours Failure-Report', async () => {
    const offered = endpoint!.newSession({ ownAddress: PF_ADDRESS, clientAddress: USER });
    const peer = await RawPeer.open(endpoint!.port);
    try {
      const ids = Array.from({ length: 6 }, (_, i) => `burst-${i}`);
      const bytes = ids.flatMap((id, i) => {
        const doc = `<cpm-evfw xmlns="urn:oma:xml:cpm:evfw"><event-cpm-imap type="flags" index="1"><operation name="add" flags="\\Seen"><object uid="${900_000 + i}" folder-path="Default"><message-id>${id}</message-id></object></operation></event-cpm-imap></cpm-evfw>`;
        // The odd ones ask for no response at all (RFC 4975 section 7.1.1): they still get IMDNs.
        return buildEventSend(doc, { toPath: [offered.uri], fromPath: [CLIENT_PATH], ...(i % 2 ? { failureReport: 'no' as const } : {}) }).chunks.map((c) => c.bytes);
      });
      peer.write(Buffer.concat(bytes));
      const messages = await peer.waitFor('message', ids.length);
      expect(messages.map((m) => (readImdn(m.message.body) as { imdn: { messageId: string } }).imdn.messageId)).toEqual(ids);
      expect(peer.events.filter((e) => e.type === 'response')).toHaveLength(ids.length / 2);
    } finally {
      peer.destroy();
      offered.close();
    }
  });

  it('refuses a second connection to a session in use (506), and closes a silent one', async () => {
    const quiet = await startMsrpEndpoint({ openStore: () => Promise.reject(new Error('not used')), idleTimeoutMs: 300 });
    try {
      const offered = quiet.newSession({ ownAddress: PF_ADDRESS, clientAddress: USER });
      const first = await RawPeer.open(quiet.port);
      first.write(buildEventSend('', { toPath: [offered.uri], fromPath: [CLIENT_PATH] }).chunks[0]!.bytes);
      expect((await first.waitFor('response'))[0]!.response.status).toBe(200);
      const second = await RawPeer.open(quiet.port);
      second.write(buildEventSend('', { toPath: [offered.uri], fromPath: [CLIENT_PATH] }).chunks[0]!.bytes);
      expect((await second.waitFor('response'))[0]!.response.status).toBe(506);
      await second.closed;
      const started = Date.now();
      await first.closed;
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(quiet.sessionCount).toBe(0);
    } finally {
      await quiet.close();
    }
  });

  it('answers every object negatively when the store cannot be opened', async () => {
    const broken = await startMsrpEndpoint({ openStore: () => Promise.reject(new Error('store down')), onError: () => {} });
    try {
      const offered = broken.newSession({ ownAddress: PF_ADDRESS, clientAddress: USER });
      const session = await openEventSession({ pfUri: offered.uri, ownAddress: USER, resultTimeoutMs: 5_000 });
      try {
        const results = await session.send(event('\\Deleted', [object(seededById('deleted-one')), object(seededById('seen-by-chunks'))]));
        expect(results.outcome).toBe('complete');
        expect(results.objects.map((o) => [o.state, o.status])).toEqual([
          ['retry', 'failed'],
          ['retry', 'failed'],
        ]);
      } finally {
        await session.close();
      }
    } finally {
      await broken.close();
    }
  });

  it('reassembles a report sent in small chunks, and sends its IMDN in small chunks too', async () => {
    const target = seededById('seen-by-chunks');
    const small = await startMsrpEndpoint({
      openStore: () => connectMessageStore({ host: server!.host, port: server!.port, user: server!.user, password: server!.password }),
      chunkSize: 40,
    });
    try {
      const offered = small.newSession({ ownAddress: PF_ADDRESS, clientAddress: USER });
      const session = await openEventSession({ pfUri: offered.uri, ownAddress: USER, chunkSize: 64, resultTimeoutMs: 10_000 });
      try {
        const results = await session.send(event('\\Seen', [object(target)]));
        expect(results.outcome).toBe('complete');
        expect(results.objects.map((o) => [o.messageId, o.state])).toEqual([['seen-by-chunks', 'synced']]);
      } finally {
        await session.close();
      }
      expect(await flagsOf(server!, target.folder, target.uid)).toContain('\\Seen');
    } finally {
      await small.close();
    }
  });
});

async function waitUntil(condition: () => boolean, ms = 2_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met in ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
