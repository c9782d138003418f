/**
 * The client's event-reporting session (protocol/src/session, OMA CPM 6.7.3.2) against a small
 * MSRP peer written here, which plays the Participating Function: it answers chunks and sends
 * back whatever IMDNs a test asks for, so that every way a report can end is reached.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCpmEvfw, type CpmEvfw, type ObjectType } from '@evfw/model/cpm-evfw';
import { MsrpReader } from '../../protocol/src/msrp/msrp-reader.js';
import type { MsrpMessage } from '../../protocol/src/msrp/reassembler.js';
import { buildResponse } from '../../protocol/src/msrp/response.js';
import { buildImdnSend } from '../../protocol/src/msrp/send-request.js';
import { buildResultImdns } from '../../protocol/src/results/imdn-results.js';
import { openEventSession, SessionError, type EventSession } from '../../protocol/src/session/index.js';

const PF = 'sip:pf.example.com';
const USER = 'sip:+15551230000@example.com';
const OWN_PATH = 'msrp://127.0.0.1:9/clientpath0001;tcp';

function object(messageId: string | undefined, uid: number): ObjectType {
  return { uid: String(uid), folderPath: 'Default', ...(messageId ? { messageIdOrOtherParty: { $case: 'messageId' as const, messageId } } : {}), extensions: [] };
}

function event(...objects: ObjectType[]): CpmEvfw {
  return { events: [{ $case: 'eventCpmImap', eventCpmImap: { type: 'flags', index: 'e1', operations: [{ name: 'add', flags: '\\Deleted', objects }], extensions: [] } }] };
}

interface Peer {
  readonly uri: string;
  readonly received: MsrpMessage[];
  readonly sockets: Socket[];
  close(): Promise<void>;
}

/**
 * A PF stand-in: answers each chunk `status(message)` (200 by default) and then sends the IMDNs
 * `results(message)` returns, from its URI to the message's From-Path.
 */
async function startPeer(behaviour: {
  status?: (message: MsrpMessage) => number;
  results?: (message: MsrpMessage) => { messageId: string; succeeded: boolean }[];
  onConnect?: (socket: Socket) => void;
}): Promise<Peer> {
  const received: MsrpMessage[] = [];
  const sockets: Socket[] = [];
  let uri = '';
  const server: Server = createServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => {});
    behaviour.onConnect?.(socket);
    const reader = new MsrpReader();
    socket.on('data', (bytes: Buffer) => {
      const events = reader.push(bytes);
      for (let i = 0; i < events.length; i++) {
        const e = events[i]!;
        if (e.type !== 'request') continue;
        const next = events[i + 1];
        const message = next?.type === 'message' ? next.message : undefined;
        if (message) i++;
        // The bodiless SEND that binds the connection (RFC 4975 section 5.4) is only answered.
        const report = message && message.body.length > 0 ? message : undefined;
        socket.write(buildResponse(e.request, report && behaviour.status ? behaviour.status(report) : 200));
        if (!report) continue;
        received.push(report);
        const results = behaviour.results?.(report) ?? [];
        for (const imdn of buildResultImdns(results, { pfAddress: PF, clientAddress: USER })) {
          for (const c of buildImdnSend(imdn.cpim, { toPath: report.fromPath, fromPath: [uri], chunkSize: 100 }).chunks) socket.write(c.bytes);
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  uri = `msrp://127.0.0.1:${(server.address() as AddressInfo).port}/pfsession00001;tcp`;
  return {
    uri,
    received,
    sockets,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('openEventSession', { timeout: 10_000 }, () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const f of cleanup.splice(0).reverse()) await f();
  });

  async function open(peer: Peer, extra: { resultTimeoutMs?: number; chunkSize?: number } = {}): Promise<EventSession> {
    cleanup.push(() => peer.close());
    const session = await openEventSession({ pfUri: peer.uri, ownPath: OWN_PATH, ownAddress: USER, ...extra });
    cleanup.push(() => session.close());
    return session;
  }

  it('sends the report bare to the PF\'s path and maps one IMDN per object back: synced and retry', async () => {
    const peer = await startPeer({ results: () => [{ messageId: 'm-one', succeeded: true }, { messageId: 'm-two', succeeded: false }] });
    const session = await open(peer, { chunkSize: 50 });
    const results = await session.send(event(object('m-one', 1), object('m-two', 2)));
    expect(results.outcome).toBe('complete');
    expect(results.objects.map((o) => [o.messageId, o.state, o.status])).toEqual([
      ['m-one', 'synced', 'delivered'],
      ['m-two', 'retry', 'failed'],
    ]);
    const [message] = peer.received;
    expect(message?.contentType).toBe('application/vnd.oma.cpm-eventfw+xml');
    expect(message?.toPath).toEqual([peer.uri]);
    expect(message?.fromPath).toEqual([OWN_PATH]);
    expect(message?.transactionIds.length).toBeGreaterThan(1);
    expect(message?.messageId).toBe(results.messageId);
    expect(parseCpmEvfw(message!.body, { profile: 'invite' }).ok).toBe(true);
  });

  it('ends the wait after the timeout: objects without a result become retry', async () => {
    const peer = await startPeer({ results: () => [{ messageId: 'm-one', succeeded: true }] });
    const session = await open(peer, { resultTimeoutMs: 200 });
    const results = await session.send(event(object('m-one', 1), object('m-two', 2)));
    expect(results.outcome).toBe('timeout');
    expect(results.objects.map((o) => o.state)).toEqual(['synced', 'retry']);
  });

  it('reports a SEND the PF refuses, without waiting for the timeout', async () => {
    const peer = await startPeer({ status: () => 400 });
    const session = await open(peer, { resultTimeoutMs: 5_000 });
    const started = Date.now();
    const results = await session.send(event(object('m-one', 1)));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(results.outcome).toBe('refused');
    expect(results.refusal).toEqual({ status: 400, comment: 'Unintelligible' });
    expect(results.objects.map((o) => o.state)).toEqual(['retry']);
  });

  it('keeps IMDNs for no waiting report apart, never dropped', async () => {
    const peer = await startPeer({ results: () => [{ messageId: 'stranger', succeeded: true }, { messageId: 'm-one', succeeded: true }] });
    const session = await open(peer);
    const results = await session.send(event(object('m-one', 1)));
    expect(results.outcome).toBe('complete');
    expect(session.unmatched.map((i) => i.messageId)).toEqual(['stranger']);
  });

  it('refuses events that break the invite profile before sending anything', async () => {
    const peer = await startPeer({});
    const session = await open(peer);
    const attempt = session.send(event(object('m-one', 1), object(undefined, 2)));
    await expect(attempt).rejects.toBeInstanceOf(SessionError);
    await expect(attempt).rejects.toMatchObject({ code: 'evfw.session.invalid-events', message: expect.stringContaining('evfw.rule.invite-message-id') });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(peer.received).toEqual([]);
  });

  it('resolves waiting reports as closed when the session closes or the peer goes away', async () => {
    const peer = await startPeer({});
    const session = await open(peer, { resultTimeoutMs: 5_000 });
    const waiting = session.send(event(object('m-one', 1)));
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const s of peer.sockets) s.destroy();
    const results = await waiting;
    expect(results.outcome).toBe('closed');
    expect(results.objects.map((o) => o.state)).toEqual(['retry']);
    expect(session.isClosed).toBe(true);
    await expect(session.send(event(object('m-one', 1)))).rejects.toMatchObject({ code: 'evfw.session.closed' });
  });

  it('binds the connection with a bodiless SEND first, and gives up on a peer that answers garbage', async () => {
    const good = await startPeer({});
    await open(good);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(good.received).toEqual([]);
    const bad = await startPeer({ onConnect: (socket) => socket.write('\u0000garbage\r\n\r\n'.repeat(3)) });
    cleanup.push(() => bad.close());
    await expect(openEventSession({ pfUri: bad.uri, ownAddress: USER, connectTimeoutMs: 1_000 })).rejects.toMatchObject({ code: 'evfw.session.refused' });
  });

  it('says what is wrong with the PF\'s URI, or with the connection', async () => {
    await expect(openEventSession({ pfUri: 'sip:pf.example.com', ownAddress: USER })).rejects.toMatchObject({ code: 'evfw.session.invalid-option' });
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    await expect(openEventSession({ pfUri: `msrp://127.0.0.1:${port}/nobodyhere01;tcp`, ownAddress: USER })).rejects.toMatchObject({
      code: 'evfw.session.connect-failed',
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });
});
