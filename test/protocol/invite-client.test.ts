/**
 * The INVITE and MESSAGE mechanisms of OMA CPM 6.7.3, client side (protocol/src/client), against
 * a Participating Function stand-in: a SIP peer written here on a real UDP or TCP socket, and
 * the real MSRP endpoint of pf/src/msrp with a store that finds every object but one.
 */
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CpmEvfw, ObjectType, Operation } from '@evfw/model/cpm-evfw';
import { inviteEventSession, sendEventMessage, type ClientError } from '../../protocol/src/client/index.js';
import { buildSdpAnswer, parseSdp, readMsrpMedia } from '../../protocol/src/sdp/index.js';
import { buildSipResponse, getHeader, parseNameAddr, parseSipMessage, quote, seededRandom, serializeSipMessage, type SipMessage, type SipRequest, type SipResponse } from '../../protocol/src/sip/index.js';
import { CPM_EVFW_CONTENT_TYPE } from '../../protocol/src/content-types.js';
import type { MessageStore, ObjectOutcome } from '../../pf/src/message-store.js';
import { startMsrpEndpoint, type MsrpEndpoint, type MsrpSessionHandle } from '../../pf/src/msrp/index.js';
import { listenSipTcp } from '../support/sip-peer.js';

const USER = 'sip:+15551230000@example.com';
const PF_ADDRESS = 'sip:pf.example.com';

function object(messageId: string, uid: number): ObjectType {
  return { uid: String(uid), folderPath: 'Default', messageIdOrOtherParty: { $case: 'messageId', messageId }, extensions: [] };
}

function event(...objects: ObjectType[]): CpmEvfw {
  return { events: [{ $case: 'eventCpmImap', eventCpmImap: { type: 'flags', index: 'e1', operations: [{ name: 'add', flags: '\\Deleted', objects }], extensions: [] } }] };
}

/** Finds every object but the one whose message-id is `missing`. */
const store: MessageStore = {
  applyOperation: async (operation: Operation): Promise<ObjectOutcome[]> =>
    operation.objects.map((o, index): ObjectOutcome => {
      const messageId = o.messageIdOrOtherParty?.messageId ?? '';
      return messageId === 'missing'
        ? { index, flag: operation.flags, messageId, ok: false, reason: { code: 'evfw.store.object-not-found', message: 'no such message' } }
        : { index, flag: operation.flags, messageId, ok: true, found: { mailbox: 'Default', uid: index + 1 }, by: 'uid' };
    }),
  close: async () => {},
};

type Reply = (message: SipMessage) => void;

/** A SIP peer over UDP or TCP that records every request with its raw text and lets `answer` reply. */
async function startFakePf(transport: 'udp' | 'tcp', answer: (request: SipRequest, reply: Reply) => void) {
  const requests: { request: SipRequest; text: string }[] = [];
  const responses: SipResponse[] = [];
  let lastReply: Reply | undefined;
  const record = (message: SipMessage, text: string, reply: Reply): void => {
    lastReply = reply;
    if (message.kind === 'response') responses.push(message);
    else {
      requests.push({ request: message, text });
      answer(message, reply);
    }
  };
  let port: number;
  let close: () => Promise<void>;
  if (transport === 'udp') {
    const socket: UdpSocket = createSocket('udp4');
    socket.on('message', (bytes, rinfo) => {
      const parsed = parseSipMessage(bytes, { transport: 'datagram' });
      if (parsed.ok) record(parsed.value, bytes.toString('utf8'), (m) => socket.send(serializeSipMessage(m), rinfo.port, rinfo.address));
    });
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    port = socket.address().port;
    close = () => new Promise((resolve) => socket.close(() => resolve()));
  } else {
    const listener = await listenSipTcp((message, { text, reply }) => record(message, text, reply));
    port = listener.port;
    close = listener.close;
  }
  return {
    peer: { host: '127.0.0.1', port, transport },
    requests,
    /** Responses the client sent to requests of the PF. */
    responses,
    /** Sends to where the last request came from: the client's socket or connection. */
    send: (message: SipMessage) => lastReply?.(message),
    of: (method: string) => requests.filter((r) => r.request.method === method),
    close,
  };
}

async function waitUntil(condition: () => boolean, ms = 3_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met in ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const tagOf = (value: string | undefined) => parseNameAddr(value ?? '')?.params.get('tag');
const branchOf = (message: SipMessage) => /;branch=([^;,]+)/.exec(getHeader(message, 'Via') ?? '')?.[1];

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('inviteEventSession (OMA CPM 6.7.3.2)', () => {
  let endpoint: MsrpEndpoint;
  beforeAll(async () => {
    endpoint = await startMsrpEndpoint({ openStore: async () => store });
  });
  afterAll(async () => {
    await endpoint.close();
  });

  /** Answers an INVITE the way the PF will: a session at the MSRP endpoint, its URI in the answer's a=path. */
  function acceptInvite(contactPort: () => number, sessions: MsrpSessionHandle[], answerSdp?: (sdp: string) => string) {
    return (request: SipRequest, reply: Reply): void => {
      const sdp = parseSdp(request.body);
      const offer = sdp.ok ? readMsrpMedia(sdp.value) : sdp;
      if (!offer.ok) throw new Error(offer.error.message);
      const handle = endpoint.newSession({ clientPath: offer.value.path, ownAddress: PF_ADDRESS, clientAddress: USER });
      sessions.push(handle);
      const answer = buildSdpAnswer(offer.value, { endpoint: { host: '127.0.0.1', port: endpoint.port, sessionId: handle.id }, random: seededRandom(7) });
      if (!answer.ok) throw new Error(answer.error.message);
      expect(answer.value.msrpUri).toBe(handle.uri);
      reply(
        buildSipResponse(request, 200, {
          toTag: 'pf-tag-1',
          headers: [{ name: 'Contact', value: `<sip:pf@127.0.0.1:${contactPort()};transport=udp>` }],
          body: answerSdp ? answerSdp(answer.value.sdp) : answer.value.sdp,
          contentType: 'application/sdp',
        }),
      );
    };
  }

  it('INVITEs, ACKs the 200 (again when it is sent again), sends events over MSRP, and ends with BYE', async () => {
    const sessions: MsrpSessionHandle[] = [];
    let last200: SipResponse | undefined;
    const accept = acceptInvite(() => pf.peer.port, sessions);
    const pf = await startFakePf('udp', (request, reply) => {
      if (request.method === 'INVITE') {
        accept(request, (m) => {
          last200 = m as SipResponse;
          reply(m);
        });
      } else if (request.method === 'ACK' && pf.of('ACK').length === 1) {
        // As if the first ACK were lost: the UAS core sends its 2xx again (RFC 3261 13.3.1.4).
        reply(last200!);
      } else if (request.method === 'BYE') {
        sessions[0]?.close();
        reply(buildSipResponse(request, 200));
      }
    });
    cleanups.push(pf.close);

    const call = await inviteEventSession({ pf: pf.peer, context: { ownAddress: USER, random: seededRandom(42) }, eventSession: { resultTimeoutMs: 5_000 } });
    cleanups.push(() => call.close());
    const invite = pf.of('INVITE')[0]!.request;
    const clientPort = Number(/127\.0\.0\.1:(\d+);branch=/.exec(getHeader(invite, 'Via') ?? '')?.[1]);
    expect(getHeader(invite, 'Contact')).toBe(`<sip:127.0.0.1:${clientPort};transport=udp>`);
    expect(invite.body).toContain('\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=message 9 TCP/MSRP *\r\n');
    expect(invite.body).toMatch(/\r\na=path:msrp:\/\/127\.0\.0\.1:9\/[0-9a-f]{20};tcp\r\na=setup:active\r\na=sendrecv\r\n$/);

    await waitUntil(() => pf.of('ACK').length === 2);
    const [first, second] = pf.of('ACK');
    expect(first!.text).toBe(second!.text);
    const ack = first!.request;
    expect(first!.text.startsWith(`ACK sip:pf@127.0.0.1:${pf.peer.port};transport=udp SIP/2.0\r\n`)).toBe(true);
    expect(getHeader(ack, 'To')).toBe(`<${USER}>;tag=pf-tag-1`);
    expect(getHeader(ack, 'From')).toBe(getHeader(invite, 'From'));
    expect(getHeader(ack, 'Call-ID')).toBe(getHeader(invite, 'Call-ID'));
    expect(getHeader(ack, 'CSeq')).toBe('1 ACK');
    expect(getHeader(ack, 'Max-Forwards')).toBe('70');
    expect(getHeader(ack, 'Content-Length')).toBe('0');
    expect(getHeader(ack, 'Via')).toMatch(new RegExp(`^SIP/2\\.0/UDP 127\\.0\\.0\\.1:${clientPort};branch=z9hG4bK[0-9a-f]{16}$`));
    expect(branchOf(ack)).not.toBe(branchOf(invite));

    expect(call.response.status).toBe(200);
    expect(call.dialog).toEqual({ callId: getHeader(invite, 'Call-ID'), localTag: tagOf(getHeader(invite, 'From')), remoteTag: 'pf-tag-1', remoteTarget: `sip:pf@127.0.0.1:${pf.peer.port};transport=udp` });
    expect(call.session.pfUri).toBe(sessions[0]!.uri);

    const results = await call.session.send(event(object('m1', 11), object('m2', 12), object('missing', 13)));
    expect(results.outcome).toBe('complete');
    expect(results.objects.map((o) => [o.messageId, o.state, o.status])).toEqual([
      ['m1', 'synced', 'delivered'],
      ['m2', 'synced', 'delivered'],
      ['missing', 'retry', 'failed'],
    ]);

    const closed = await call.close();
    expect(closed.response?.status).toBe(200);
    expect(await call.close()).toBe(closed);
    const byes = pf.of('BYE');
    expect(byes).toHaveLength(1);
    const bye = byes[0]!;
    expect(bye.text.startsWith(`BYE sip:pf@127.0.0.1:${pf.peer.port};transport=udp SIP/2.0\r\n`)).toBe(true);
    expect(getHeader(bye.request, 'CSeq')).toBe('2 BYE');
    expect(tagOf(getHeader(bye.request, 'From'))).toBe(call.dialog.localTag);
    expect(tagOf(getHeader(bye.request, 'To'))).toBe('pf-tag-1');
    expect(getHeader(bye.request, 'Call-ID')).toBe(call.dialog.callId);
    expect(new Set([branchOf(invite), branchOf(ack), branchOf(bye.request)]).size).toBe(3);
    expect(call.session.isClosed).toBe(true);
    await waitUntil(() => endpoint.sessionCount === 0);
  });

  it('rejects a 488 with evfw.client.invite-refused, the status and the Warning sentence, and ACKs it', async () => {
    const sentence = 'the offer\'s a=accept-types (text/plain) does not include application/vnd.oma.cpm-eventfw+xml';
    const pf = await startFakePf('udp', (request, reply) => {
      if (request.method !== 'INVITE') return;
      reply(buildSipResponse(request, 488, { toTag: 'refusing', headers: [{ name: 'Warning', value: `399 evfw-pf ${quote(sentence)}` }] }));
    });
    cleanups.push(pf.close);
    const error = (await inviteEventSession({ pf: pf.peer, context: { ownAddress: USER } }).catch((e: unknown) => e)) as ClientError;
    expect(error.code).toBe('evfw.client.invite-refused');
    expect(error.status).toBe(488);
    expect(error.response?.status).toBe(488);
    expect(error.message).toBe(`evfw.client.invite-refused: the Participating Function refused the INVITE with 488 Not Acceptable Here: ${sentence}; the reason is the PF's; fix the request or send the report in a SIP MESSAGE (6.7.3.1)`);
    await waitUntil(() => pf.of('ACK').length === 1);
    const invite = pf.of('INVITE')[0]!.request;
    const ack = pf.of('ACK')[0]!.request;
    // RFC 3261 17.1.1.3: same branch and Request-URI as the INVITE, the response's To.
    expect(ack.uri).toBe(invite.uri);
    expect(getHeader(ack, 'Via')).toBe(getHeader(invite, 'Via'));
    expect(getHeader(ack, 'To')).toBe(`<${USER}>;tag=refusing`);
    expect(getHeader(ack, 'CSeq')).toBe('1 ACK');
    expect(pf.of('BYE')).toEqual([]);
  });

  it('ends the dialog with BYE and rejects with evfw.client.bad-answer when the answer has no a=path', async () => {
    const sessions: MsrpSessionHandle[] = [];
    const accept = acceptInvite(() => pf.peer.port, sessions, (sdp) => sdp.replace(/a=path:[^\r]*\r\n/, ''));
    const pf = await startFakePf('udp', (request, reply) => {
      if (request.method === 'INVITE') accept(request, reply);
      if (request.method === 'BYE') reply(buildSipResponse(request, 200));
    });
    cleanups.push(pf.close);
    cleanups.push(async () => sessions.forEach((s) => s.close()));
    await expect(inviteEventSession({ pf: pf.peer, context: { ownAddress: USER } })).rejects.toMatchObject({
      code: 'evfw.client.bad-answer',
      message: expect.stringContaining('the SDP answer of the 200 cannot be used: evfw.sdp.msrp.no-path: '),
    });
    expect(pf.of('ACK')).toHaveLength(1);
    expect(pf.of('BYE').map((r) => getHeader(r.request, 'CSeq'))).toEqual(['2 BYE']);
  });

  it('answers a BYE from the PF 200, closes the MSRP session, and sends no BYE of its own', async () => {
    const sessions: MsrpSessionHandle[] = [];
    const accept = acceptInvite(() => pf.peer.port, sessions);
    const pf = await startFakePf('tcp', (request, reply) => {
      if (request.method === 'INVITE') accept(request, reply);
    });
    cleanups.push(pf.close);
    const call = await inviteEventSession({ pf: pf.peer, context: { ownAddress: USER } });
    cleanups.push(() => call.close());
    const invite = pf.of('INVITE')[0]!.request;
    expect(getHeader(invite, 'Via')).toMatch(/^SIP\/2\.0\/TCP 127\.0\.0\.1:\d+;branch=/);
    expect(getHeader(invite, 'Contact')).toMatch(/^<sip:127\.0\.0\.1:\d+;transport=tcp>$/);
    await waitUntil(() => pf.of('ACK').length === 1);
    // The PF's BYE goes back on the same connection; it is the UAC of this request.
    const bye: SipRequest = {
      kind: 'request',
      method: 'BYE',
      uri: parseNameAddr(getHeader(invite, 'Contact')!)!.uri,
      headers: [
        { name: 'Via', value: `SIP/2.0/TCP 127.0.0.1:${pf.peer.port};branch=z9hG4bK-pf-bye` },
        { name: 'Max-Forwards', value: '70' },
        { name: 'From', value: `<${USER}>;tag=pf-tag-1` },
        { name: 'To', value: getHeader(invite, 'From')! },
        { name: 'Call-ID', value: call.dialog.callId },
        { name: 'CSeq', value: '1 BYE' },
      ],
      body: '',
    };
    sessions[0]!.close();
    pf.send(bye);
    await waitUntil(() => pf.responses.length === 1);
    expect(pf.responses[0]!.status).toBe(200);
    expect(branchOf(pf.responses[0]!)).toBe('z9hG4bK-pf-bye');
    expect(getHeader(pf.responses[0]!, 'To')).toBe(getHeader(invite, 'From'));
    expect(call.endedByPeer).toBe(true);
    await waitUntil(() => call.session.isClosed);
    const closed = await call.close();
    expect(closed).toEqual({ reason: 'the Participating Function ended the dialog with BYE' });
    expect(pf.of('BYE')).toEqual([]);
  });
});

describe('sendEventMessage (OMA CPM 6.7.3.1)', () => {
  it.each(['udp', 'tcp'] as const)('sends the event data in a MESSAGE over %s and resolves with a 4xx as an answer', async (transport) => {
    const pf = await startFakePf(transport, (request, reply) => {
      const status = pf.requests.length === 1 ? 202 : 403;
      reply(buildSipResponse(request, status, { toTag: `t${status}`, ...(status === 403 ? { headers: [{ name: 'Warning', value: '399 evfw-pf "not yours"' }] } : {}) }));
    });
    cleanups.push(pf.close);
    const options = { pf: pf.peer, context: { ownAddress: USER } };
    const accepted = await sendEventMessage(options, event(object('m1', 1)));
    expect(accepted.status).toBe(202);
    const refused = await sendEventMessage(options, event(object('m1', 1)));
    expect(refused.status).toBe(403);
    expect(getHeader(refused, 'Warning')).toBe('399 evfw-pf "not yours"');
    const message = pf.of('MESSAGE')[0]!.request;
    expect(message.uri).toBe(USER);
    expect(getHeader(message, 'Content-Type')).toBe(CPM_EVFW_CONTENT_TYPE);
    expect(getHeader(message, 'Via')).toMatch(new RegExp(`^SIP/2\\.0/${transport.toUpperCase()} 127\\.0\\.0\\.1:\\d+;branch=z9hG4bK[0-9a-f]{16}$`));
    expect(message.body).toContain('<message-id>m1</message-id>');
  });

  it('rejects with evfw.client.timeout when nothing answers', async () => {
    const pf = await startFakePf('udp', () => {});
    cleanups.push(pf.close);
    await expect(sendEventMessage({ pf: pf.peer, context: { ownAddress: USER }, timeoutMs: 300 }, event(object('m1', 1)))).rejects.toMatchObject({ code: 'evfw.client.timeout' });
    expect(pf.of('MESSAGE')).toHaveLength(1);
  });
});
