/**
 * The INVITE mechanism's signalling in the Participating Function (OMA CPM 6.7.3.2,
 * pf/src/server/handle-invite.ts), seen from the network: INVITEs built by @evfw/protocol's
 * buildEventInvite, or edited to be wrong, sent over UDP and TCP; the SDP answer read back; the
 * MSRP session it offers used by the client helper; ACK, BYE, CANCEL and re-INVITE in the dialog.
 * The Message Store is a fake that updates every object but uid 999.
 */
import { createSocket } from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CpmEvfw, ObjectType, Operation } from '@evfw/model/cpm-evfw';
import {
  buildEventInvite,
  buildSipResponse,
  cryptoRandom,
  getHeader,
  parseNameAddr,
  parseSdp,
  parseSipMessage,
  readMsrpMedia,
  serializeSipMessage,
  type ClientContext,
  type MsrpMedia,
  type SipRequest,
  type SipResponse,
} from '@evfw/protocol';
import { openEventSession } from '../../protocol/src/session/index.js';
import type { MessageStore, ObjectOutcome } from '../../pf/src/message-store.js';
import { startSipServer, type SipServer, type SipServerOptions } from '../../pf/src/server/index.js';
import { mutateBytes } from '../support/byte-mutants.js';
import { Prng } from '../support/prng.js';
import { inDialog, tcpExchange, UdpPeer, warning } from '../support/sip-peer.js';

const USER = 'sip:+15145551234@example.com';
const PF_ADDRESS = 'sip:pf@example.com';

/** A store that updates every object but the one with uid 999, and records what it was asked. */
function fakeStore(): { open: () => Promise<MessageStore>; operations: Operation[] } {
  const operations: Operation[] = [];
  const open = async (): Promise<MessageStore> => ({
    applyOperation: async (operation) => {
      operations.push(operation);
      return operation.objects.map((object, index): ObjectOutcome =>
        object.uid === '999'
          ? { index, flag: operation.flags, ok: false, reason: { code: 'evfw.store.object-not-found', message: 'no message with uid 999' } }
          : { index, flag: operation.flags, ok: true, by: 'uid', found: { mailbox: 'INBOX', uid: Number(object.uid) } },
      );
    },
    close: async () => {},
  });
  return { open, operations };
}

function object(uid: number, messageId: string): ObjectType {
  return { uid: String(uid), folderPath: 'Default/c/k/', messageIdOrOtherParty: { $case: 'messageId', messageId }, extensions: [] };
}

const DELETED: CpmEvfw = {
  events: [{ $case: 'eventCpmImap', eventCpmImap: { type: 'flags', index: 'e1', operations: [{ name: 'add', flags: '\\Deleted', objects: [object(1, 'one'), object(2, 'two'), object(999, 'missing')] }], extensions: [] } }],
};

function client(transport: 'UDP' | 'TCP', port: number, overrides: Partial<ClientContext> = {}): ClientContext {
  return { ownAddress: USER, contact: `sip:127.0.0.1:${port};transport=${transport.toLowerCase()}`, via: { transport, host: '127.0.0.1', port }, random: cryptoRandom, ...overrides };
}

/** An INVITE as buildEventInvite makes it; `session` as chooseMechanism would give for a flags event. */
function invite(peer: { localPort: number }, options: { direction?: 'sendrecv' | 'sendonly'; results?: boolean; context?: Partial<ClientContext> } = {}): { request: SipRequest; msrpUri: string } {
  return buildEventInvite(client('UDP', peer.localPort, options.context), {
    msrp: { host: '127.0.0.1', port: 9 },
    session: { direction: options.direction ?? 'sendrecv', acceptImdn: options.results ?? true },
    setup: 'active',
  });
}

function withBody(request: SipRequest, edit: (sdp: string) => string): SipRequest {
  return { ...request, body: edit(request.body) };
}

function answerOf(response: SipResponse | undefined): MsrpMedia {
  const sdp = parseSdp(response?.body ?? '');
  if (!sdp.ok) throw new Error(`not SDP: ${sdp.error.code}`);
  const media = readMsrpMedia(sdp.value);
  if (!media.ok) throw new Error(`no MSRP media: ${media.error.code}`);
  return media.value;
}

function via(peer: UdpPeer): string {
  return `SIP/2.0/UDP 127.0.0.1:${peer.localPort};branch=z9hG4bK${cryptoRandom(8).reduce((s, b) => s + b.toString(16).padStart(2, '0'), '')}`;
}

const final = (method: string) => (r: SipResponse) => r.status >= 200 && getHeader(r, 'CSeq')?.endsWith(method) === true;
/** The final response to this very request: a late retransmission of another call's 200 is not it. */
const finalTo = (request: SipRequest) => (r: SipResponse) => final(request.method)(r) && getHeader(r, 'Call-ID') === getHeader(request, 'Call-ID');

describe('INVITE mode signalling (6.7.3.2) with a fake Message Store', { timeout: 20_000 }, () => {
  const store = fakeStore();
  const logged: string[] = [];
  let server: SipServer;

  beforeAll(async () => {
    server = await startSipServer({ messageStore: store.open, ownAddress: PF_ADDRESS, log: (level, message) => logged.push(`${level} ${message}`) });
  });
  afterAll(() => server?.close());

  it('answers an offer 200 with an SDP answer, serves the MSRP session it names, and ends it on BYE', async () => {
    const peer = await UdpPeer.open(server.port);
    try {
      const built = invite(peer);
      peer.send(built.request);
      const ok = await peer.next(final('INVITE'));
      expect(ok?.status).toBe(200);
      expect(getHeader(ok!, 'Content-Type')).toBe('application/sdp');
      expect(parseNameAddr(getHeader(ok!, 'To')!)?.params.get('tag')).toMatch(/^[0-9a-f]{12}$/);
      expect(getHeader(ok!, 'Contact')).toBe(`<sip:127.0.0.1:${server.port};transport=udp>`);
      const answer = answerOf(ok);
      expect(answer.path).toEqual([expect.stringMatching(new RegExp(`^msrp://127\\.0\\.0\\.1:${server.msrp!.port}/[A-Za-z0-9]+;tcp$`))]);
      expect(answer.acceptTypes).toContain('application/vnd.oma.cpm-eventfw+xml');
      expect(answer.direction).toBe('sendrecv');
      expect(answer.setup).toBe('passive');
      peer.send(inDialog('ACK', built.request, ok!, 1, via(peer)));
      await expect.poll(() => logged.some((line) => line.endsWith('ignored ACK (it confirmed its dialog)'))).toBe(true);

      const session = await openEventSession({ pfUri: answer.path[0]!, ownPath: built.msrpUri, ownAddress: USER, resultTimeoutMs: 5_000 });
      const results = await session.send(DELETED);
      expect(results.outcome).toBe('complete');
      expect(results.objects.map((o) => [o.messageId, o.status])).toEqual([
        ['one', 'delivered'],
        ['two', 'delivered'],
        ['missing', 'failed'],
      ]);
      expect(store.operations.at(-1)?.flags).toBe('\\Deleted');

      const count = peer.responses.length;
      peer.send(inDialog('BYE', built.request, ok!, 2, via(peer)));
      expect((await peer.next(final('BYE'), count))?.status).toBe(200);
      await expect.poll(() => session.isClosed, { timeout: 2_000 }).toBe(true);
      const again = peer.responses.length;
      peer.send(inDialog('BYE', built.request, ok!, 3, via(peer)));
      const second = await peer.next(final('BYE'), again);
      expect(second?.status).toBe(481);
      expect(warning(second)).toContain(getHeader(built.request, 'Call-ID'));
    } finally {
      peer.close();
    }
  });

  it('sends the 200 again over UDP until the ACK comes (RFC 3261 13.3.1.4)', async () => {
    const peer = await UdpPeer.open(server.port);
    try {
      const unacknowledged = invite(peer);
      peer.send(unacknowledged.request);
      await new Promise((resolve) => setTimeout(resolve, 1_700));
      // The first 200, then again at 500 ms and 1,500 ms.
      expect(peer.responses.filter(final('INVITE')).length).toBe(3);

      const acknowledged = invite(peer);
      const start = peer.responses.length;
      peer.send(acknowledged.request);
      const ok = await peer.next(final('INVITE'), start);
      peer.send(inDialog('ACK', acknowledged.request, ok!, 1, via(peer)));
      await new Promise((resolve) => setTimeout(resolve, 1_700));
      const callId = getHeader(acknowledged.request, 'Call-ID');
      expect(peer.responses.slice(start).filter((r) => getHeader(r, 'Call-ID') === callId)).toHaveLength(1);
    } finally {
      peer.close();
    }
  });

  it('refuses offers it cannot serve with 488, naming the SDP problem', async () => {
    const peer = await UdpPeer.open(server.port);
    const cases: [string, (sdp: string) => string, RegExp][] = [
      ['no event type', (sdp) => sdp.replace(/^a=accept-types:.*$/m, 'a=accept-types:text/plain'), /evfw\.sdp\.offer\.accept-types/],
      ['a recvonly offer', (sdp) => sdp.replace('a=sendrecv', 'a=recvonly'), /evfw\.sdp\.offer\.direction/],
      ['msrps', (sdp) => sdp.replace('TCP/MSRP', 'TCP/TLS/MSRP'), /evfw\.sdp\.offer\.transport/],
      ['no a=path', (sdp) => sdp.replace(/^a=path:.*\r\n/m, ''), /evfw\.sdp\.msrp\.no-path/],
      ['not SDP at all', () => 'hello\r\n', /evfw\.sdp\.version/],
      ['no MSRP media line', (sdp) => sdp.replace(/^m=message .*$/m, 'm=audio 4000 RTP/AVP 0'), /evfw\.sdp\.msrp\.missing/],
    ];
    try {
      for (const [what, edit, code] of cases) {
        const start = peer.responses.length;
        peer.send(withBody(invite(peer).request, edit));
        const response = await peer.next(final('INVITE'), start);
        expect(response?.status, what).toBe(488);
        expect(response?.reason, what).toMatch(code);
        expect(warning(response), what).toMatch(code);
      }
      expect(server.msrp).toBeDefined();
    } finally {
      peer.close();
    }
  });

  it('a sendonly offer without IMDN (no results wanted): answered recvonly; the report is applied, no IMDN comes back', async () => {
    const peer = await UdpPeer.open(server.port);
    try {
      const built = invite(peer, { direction: 'sendonly', results: false });
      expect(built.request.body).not.toContain('accept-wrapped-types');
      peer.send(built.request);
      const ok = await peer.next(final('INVITE'));
      expect(ok?.status).toBe(200);
      const answer = answerOf(ok);
      expect(answer.direction).toBe('recvonly');
      peer.send(inDialog('ACK', built.request, ok!, 1, via(peer)));
      const applied = store.operations.length;
      const session = await openEventSession({ pfUri: answer.path[0]!, ownPath: built.msrpUri, ownAddress: USER });
      const results = await session.send(DELETED, { timeoutMs: 800 });
      expect(results.outcome).toBe('timeout');
      expect(results.objects.every((o) => o.state === 'retry')).toBe(true);
      expect(store.operations.length).toBe(applied + 1);
      await session.close();
    } finally {
      peer.close();
    }
  });

  it('checks service identification first, as for MESSAGE: 403 without the ICSI, 480 for an IARI with no next hop', async () => {
    const peer = await UdpPeer.open(server.port);
    try {
      const bare = invite(peer).request;
      const withoutService: SipRequest = { ...bare, headers: bare.headers.filter((h) => !/^(P-Preferred-Service|Accept-Contact)$/i.test(h.name)) };
      peer.send(withoutService);
      expect((await peer.next(final('INVITE')))?.status).toBe(403);
      const start = peer.responses.length;
      peer.send(invite(peer, { context: { iari: 'urn:urn-7:3gpp-application.ims.iari.example' } }).request);
      const relayed = await peer.next(final('INVITE'), start);
      expect(relayed?.status).toBe(480);
      expect(warning(relayed)).toContain('urn:urn-7:3gpp-application.ims.iari.example');
    } finally {
      peer.close();
    }
  });

  it('refuses a re-INVITE in the dialog 488, and answers requests for dialogs it does not know 481', async () => {
    const peer = await UdpPeer.open(server.port);
    try {
      const built = invite(peer);
      peer.send(built.request);
      const ok = await peer.next(final('INVITE'));
      peer.send(inDialog('ACK', built.request, ok!, 1, via(peer)));
      let start = peer.responses.length;
      peer.send({ ...inDialog('INVITE', built.request, ok!, 2, via(peer)), headers: [...inDialog('INVITE', built.request, ok!, 2, via(peer)).headers, { name: 'Content-Type', value: 'application/sdp' }], body: built.request.body });
      const reinvite = await peer.next(final('INVITE'), start);
      expect(reinvite?.status).toBe(488);
      expect(warning(reinvite)).toContain('end it with BYE');

      const stranger: SipResponse = { ...ok!, headers: ok!.headers.map((h) => (h.name === 'To' ? { name: 'To', value: `<${USER}>;tag=not-ours` } : h)) };
      start = peer.responses.length;
      peer.send(inDialog('BYE', built.request, stranger, 3, via(peer)));
      expect((await peer.next(final('BYE'), start))?.status).toBe(481);

      // CANCEL of the answered INVITE: no effect, 200; of a call never seen: 481.
      // (A CANCEL has the INVITE's branch, RFC 3261 9.1; the stranger's is its own.)
      const cancel = (callId: string, branchOf: string): SipRequest => ({
        ...built.request,
        method: 'CANCEL',
        headers: built.request.headers
          .map((h) => (h.name === 'CSeq' ? { name: 'CSeq', value: '1 CANCEL' } : h.name === 'Call-ID' ? { name: 'Call-ID', value: callId } : h.name === 'Via' ? { name: 'Via', value: branchOf } : h))
          .filter((h) => h.name !== 'Content-Type'),
        body: '',
      });
      start = peer.responses.length;
      peer.send(cancel(getHeader(built.request, 'Call-ID')!, getHeader(built.request, 'Via')!));
      expect((await peer.next(final('CANCEL'), start))?.status).toBe(200);
      start = peer.responses.length;
      peer.send(cancel('never-seen@test', via(peer)));
      expect((await peer.next(final('CANCEL'), start))?.status).toBe(481);
    } finally {
      peer.close();
    }
  });

  it('over TCP: the Contact says transport=tcp, and BYE on the same connection ends the session', async () => {
    const built = buildEventInvite(client('TCP', 5999), { msrp: { host: '127.0.0.1', port: 9 }, session: { direction: 'sendrecv', acceptImdn: true }, setup: 'active' });
    const { responses } = await tcpExchange(server.port, [serializeSipMessage(built.request)], 1);
    const ok = responses[0];
    expect(ok?.status).toBe(200);
    expect(getHeader(ok!, 'Contact')).toBe(`<sip:127.0.0.1:${server.port};transport=tcp>`);
    const ack = inDialog('ACK', built.request, ok!, 1, 'SIP/2.0/TCP 127.0.0.1:5999;branch=z9hG4bKtcpack1');
    const bye = inDialog('BYE', built.request, ok!, 2, 'SIP/2.0/TCP 127.0.0.1:5999;branch=z9hG4bKtcpbye1');
    const after = await tcpExchange(server.port, [serializeSipMessage(ack), serializeSipMessage(bye)], 1);
    expect(after.responses.map((r) => [r.status, getHeader(r, 'CSeq')])).toEqual([[200, '2 BYE']]);
  });
});

describe('INVITE mode limits', { timeout: 20_000 }, () => {
  async function withServer(options: Partial<SipServerOptions>, run: (server: SipServer) => Promise<void>): Promise<void> {
    const server = await startSipServer({ messageStore: fakeStore().open, transports: ['udp'], ...options });
    try {
      await run(server);
    } finally {
      await server.close();
    }
  }

  it('answers 486 Busy Here when the MSRP endpoint has no session left', async () => {
    await withServer({ msrp: { maxSessions: 1 } }, async (server) => {
      const peer = await UdpPeer.open(server.port);
      try {
        peer.send(invite(peer).request);
        expect((await peer.next(final('INVITE')))?.status).toBe(200);
        const start = peer.responses.length;
        peer.send(invite(peer).request);
        const busy = await peer.next(final('INVITE'), start);
        expect(busy?.status).toBe(486);
        expect(getHeader(busy!, 'Retry-After')).toBe('5');
        expect(warning(busy)).toContain('evfw.msrp-endpoint.too-many-sessions');
      } finally {
        peer.close();
      }
    });
  });

  it('calls the fan-out policy (6.7.2.3) for a report applied in a session, with the served user, as for MESSAGE', async () => {
    const fannedOut: { user: string; flags: string[]; updated: number }[] = [];
    const fanOut: SipServerOptions['fanOut'] = (user, events, outcomes) => {
      const flags = events.events.flatMap((e) => (e.$case === 'eventCpmImap' ? e.eventCpmImap.operations.map((o) => o.flags) : []));
      fannedOut.push({ user, flags, updated: outcomes.filter((o) => o.ok).length });
    };
    await withServer({ fanOut }, async (server) => {
      const peer = await UdpPeer.open(server.port);
      try {
        const built = invite(peer);
        peer.send(built.request);
        const ok = await peer.next(final('INVITE'));
        peer.send(inDialog('ACK', built.request, ok!, 1, via(peer)));
        const session = await openEventSession({ pfUri: answerOf(ok).path[0]!, ownPath: built.msrpUri, ownAddress: USER });
        await session.send(DELETED);
        await session.close();
        await expect.poll(() => fannedOut).toEqual([{ user: USER, flags: ['\\Deleted'], updated: 2 }]);
      } finally {
        peer.close();
      }
    });
  });

  it('relays an INVITE with an IARI to the next hop and returns its answer (6.7.1)', async () => {
    const hop = createSocket('udp4');
    const forwarded: SipRequest[] = [];
    hop.on('message', (datagram, from) => {
      const parsed = parseSipMessage(datagram);
      if (!parsed.ok || parsed.value.kind !== 'request' || parsed.value.method !== 'INVITE') return;
      forwarded.push(parsed.value);
      const response = buildSipResponse(parsed.value, 200, { toTag: 'hop', body: 'v=0\r\n', contentType: 'application/sdp', headers: [{ name: 'Contact', value: '<sip:app@127.0.0.1>' }] });
      hop.send(serializeSipMessage(response), from.port, from.address);
    });
    await new Promise<void>((resolve) => hop.bind(0, '127.0.0.1', resolve));
    try {
      await withServer({ nextHop: { host: '127.0.0.1', port: hop.address().port, transport: 'udp' } }, async (server) => {
        const peer = await UdpPeer.open(server.port);
        try {
          peer.send(invite(peer, { context: { iari: 'urn:urn-7:3gpp-application.ims.iari.example' } }).request);
          const response = await peer.next(final('INVITE'));
          expect(response?.status).toBe(200);
          expect(getHeader(response!, 'Contact')).toBe('<sip:app@127.0.0.1>');
          expect(response?.body).toBe('v=0\r\n');
          expect(forwarded).toHaveLength(1);
          expect(forwarded[0]?.body).toContain('a=accept-types:application/vnd.oma.cpm-eventfw+xml');
          expect(server.msrp).toBeDefined();
        } finally {
          peer.close();
        }
      });
    } finally {
      hop.close();
    }
  });

  it('answers 300 damaged offers each with a final response that says why, and keeps serving', async () => {
    const prng = new Prng(20261202);
    await withServer({ msrp: { maxSessions: 400 } }, async (server) => {
      const peer = await UdpPeer.open(server.port);
      try {
        const statuses = new Map<number, number>();
        for (let i = 0; i < 300; i++) {
          const built = invite(peer).request;
          const body = Buffer.from(mutateBytes(new TextEncoder().encode(built.body), prng)).toString('latin1');
          const start = peer.responses.length;
          peer.send({ ...built, body });
          const response = await peer.next(finalTo(built), start, 2_000);
          expect(response, `offer ${i} got no answer:\n${body}`).toBeDefined();
          statuses.set(response!.status, (statuses.get(response!.status) ?? 0) + 1);
          if (response!.status !== 200) expect(warning(response), `offer ${i}`).toMatch(/^399 evfw-pf "evfw\.(sdp|sip)\./);
        }
        expect([...statuses.keys()].every((status) => [200, 400, 488].includes(status)), JSON.stringify([...statuses])).toBe(true);
        expect(statuses.get(488) ?? 0).toBeGreaterThan(0);
        const start = peer.responses.length;
        const last = invite(peer).request;
        peer.send(last);
        expect((await peer.next(finalTo(last), start))?.status).toBe(200);
      } finally {
        peer.close();
      }
    });
  });

  it('ends a dialog whose 200 gets no ACK in time, and its MSRP session with it', async () => {
    const logged: string[] = [];
    await withServer({ limits: { ackTimeoutMs: 400 }, log: (level, message) => logged.push(`${level} ${message}`) }, async (server) => {
      const peer = await UdpPeer.open(server.port);
      try {
        const built = invite(peer);
        peer.send(built.request);
        const ok = await peer.next(final('INVITE'));
        const answer = answerOf(ok);
        await new Promise((resolve) => setTimeout(resolve, 700));
        expect(logged.join('\n')).toContain('no ACK came for the 200');
        await expect(openEventSession({ pfUri: answer.path[0]!, ownPath: built.msrpUri, ownAddress: USER, connectTimeoutMs: 1_000 })).rejects.toThrow(/evfw\.session\.refused.*481/);
        const start = peer.responses.length;
        peer.send(inDialog('BYE', built.request, ok!, 2, via(peer)));
        expect((await peer.next(final('BYE'), start))?.status).toBe(481);
      } finally {
        peer.close();
      }
    });
  });

  it('ends a confirmed dialog whose MSRP connection falls silent past the idle timeout, as a BYE would (issue 22)', async () => {
    const logged: string[] = [];
    await withServer({ msrp: { idleTimeoutMs: 300 }, limits: { dialogGraceMs: 100 }, log: (level, message) => logged.push(`${level} ${message}`) }, async (server) => {
      const peer = await UdpPeer.open(server.port);
      try {
        const built = invite(peer);
        peer.send(built.request);
        const ok = await peer.next(final('INVITE'));
        peer.send(inDialog('ACK', built.request, ok!, 1, via(peer)));
        const session = await openEventSession({ pfUri: answerOf(ok).path[0]!, ownPath: built.msrpUri, ownAddress: USER, connectTimeoutMs: 1_000 });
        try {
          await expect.poll(() => logged.some((line) => line.includes('ended: its MSRP connection was silent past the idle timeout'))).toBe(true);
        } finally {
          await session.close();
        }
        const start = peer.responses.length;
        peer.send(inDialog('BYE', built.request, ok!, 2, via(peer)));
        expect((await peer.next(final('BYE'), start))?.status).toBe(481);
      } finally {
        peer.close();
      }
    });
  });
});
