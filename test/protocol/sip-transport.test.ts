/**
 * The SIP client transport (protocol/src/client/sip-transport.ts, RFC 3261 17.1 and 18) against
 * small peers written here on real sockets: a UDP one that counts datagrams and answers when a
 * test says, and a TCP one that writes its answers in whatever pieces a test asks for.
 */
import { createSocket, type RemoteInfo, type Socket as UdpSocket } from 'node:dgram';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openSipTransport, type SipTransport } from '../../protocol/src/client/index.js';
import { buildSipResponse, encodeSipMessage, getHeader, parseSipMessage, type SipMessage, type SipRequest } from '../../protocol/src/sip/index.js';
import { listenSipTcp } from '../support/sip-peer.js';

let sequence = 0;

/** A request on `transport` with a fresh branch; its Via is where the transport really is. */
function request(transport: SipTransport, method = 'MESSAGE'): SipRequest {
  const n = ++sequence;
  const { host, port } = transport.localAddress;
  return {
    kind: 'request',
    method,
    uri: 'sip:+15551230000@example.com',
    headers: [
      { name: 'Via', value: `SIP/2.0/${transport.peer.transport.toUpperCase()} ${host}:${port};branch=z9hG4bK-test-${n}` },
      { name: 'Max-Forwards', value: '70' },
      { name: 'From', value: `<sip:+15551230000@example.com>;tag=from${n}` },
      { name: 'To', value: '<sip:+15551230000@example.com>' },
      { name: 'Call-ID', value: `call-${n}` },
      { name: 'CSeq', value: `${n} ${method}` },
    ],
    body: '',
  };
}

function branchOf(message: SipMessage): string | undefined {
  return /;branch=([^;,]+)/.exec(getHeader(message, 'Via') ?? '')?.[1];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Datagram {
  readonly at: number;
  readonly message: SipRequest;
}

/** A UDP peer: `answer` is called with each request and how many copies of it came so far. */
async function startUdpPeer(answer: (request: SipRequest, copy: number, reply: (bytes: Uint8Array | string) => void) => void) {
  const socket: UdpSocket = createSocket('udp4');
  const received: Datagram[] = [];
  const responses: SipMessage[] = [];
  let client: RemoteInfo | undefined;
  socket.on('message', (bytes, rinfo) => {
    client = rinfo;
    const parsed = parseSipMessage(bytes);
    if (!parsed.ok) return;
    if (parsed.value.kind === 'response') return void responses.push(parsed.value);
    const message = parsed.value;
    received.push({ at: Date.now(), message });
    const copy = received.filter((d) => branchOf(d.message) === branchOf(message)).length;
    answer(message, copy, (reply) => socket.send(reply, rinfo.port, rinfo.address));
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    peer: { host: '127.0.0.1', port: socket.address().port, transport: 'udp' as const },
    received,
    responses,
    /** Sends to the client's socket (known once it has sent something). */
    sendToClient: (bytes: Uint8Array | string) => socket.send(bytes, client!.port, client!.address),
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

/** A TCP peer: reads requests off the stream and hands each to `answer` with the connection. */
async function startTcpPeer(answer: (request: SipRequest, socket: Socket) => void) {
  const received: SipRequest[] = [];
  const listener = await listenSipTcp((message, { socket }) => {
    if (message.kind !== 'request') return;
    received.push(message);
    answer(message, socket);
  });
  return { peer: { host: '127.0.0.1', port: listener.port, transport: 'tcp' as const }, received, close: listener.close };
}

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function ok(req: SipRequest, tag = 'pf', extra: Partial<{ status: number; body: string }> = {}) {
  return encodeSipMessage(buildSipResponse(req, extra.status ?? 200, { toTag: tag, ...(extra.body === undefined ? {} : { body: extra.body }) }));
}

describe('SIP client transport over UDP', () => {
  it('sends a MESSAGE again after T1 (500 ms) when the first copy is ignored, and stops once answered', async () => {
    const pf = await startUdpPeer((req, copy, reply) => {
      if (copy === 2) reply(ok(req, 'second-copy'));
    });
    cleanups.push(pf.close);
    const transport = await openSipTransport(pf.peer);
    cleanups.push(() => transport.close());
    const response = await transport.request(request(transport));
    expect(response.status).toBe(200);
    expect(getHeader(response, 'To')).toBe('<sip:+15551230000@example.com>;tag=second-copy');
    expect(pf.received).toHaveLength(2);
    const gap = pf.received[1]!.at - pf.received[0]!.at;
    expect(gap).toBeGreaterThanOrEqual(450);
    expect(gap).toBeLessThan(900);
    // The next copy would have gone at 1,500 ms.
    await sleep(1_200);
    expect(pf.received).toHaveLength(2);
  });

  it('doubles the interval of a non-INVITE up to T2, and times out with evfw.client.timeout', async () => {
    const pf = await startUdpPeer(() => {});
    cleanups.push(pf.close);
    const transport = await openSipTransport(pf.peer, { t1Ms: 40, t2Ms: 160 });
    cleanups.push(() => transport.close());
    const started = Date.now();
    const error = await transport.request(request(transport), { timeoutMs: 1_000 }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
    // Copies at 0, 40, 120, 280, 440, 600, 760, 920 ms; the next (1,080) is after the timeout.
    expect(pf.received).toHaveLength(8);
    expect(error).toMatchObject({ code: 'evfw.client.timeout', name: 'ClientError' });
    expect((error as Error).message).toMatch(/^evfw\.client\.timeout: no final response to MESSAGE from 127\.0\.0\.1:\d+ over UDP within 1000 ms \(8 copies sent\)/);
    const gaps = pf.received.slice(1).map((d, i) => d.at - pf.received[i]!.at);
    expect(gaps[0]).toBeLessThan(gaps[1]!);
    expect(gaps[1]).toBeLessThan(gaps[2]!);
    for (const gap of gaps.slice(2)) {
      expect(gap).toBeGreaterThanOrEqual(150);
      expect(gap).toBeLessThan(260);
    }
    // The same bytes each time: a retransmission, not a new request.
    expect(new Set(pf.received.map((d) => branchOf(d.message))).size).toBe(1);
  });

  it('doubles the interval of an INVITE without the T2 cap', async () => {
    const pf = await startUdpPeer(() => {});
    cleanups.push(pf.close);
    const transport = await openSipTransport(pf.peer, { t1Ms: 40, t2Ms: 80 });
    cleanups.push(() => transport.close());
    await expect(transport.request(request(transport, 'INVITE'), { timeoutMs: 700 })).rejects.toMatchObject({ code: 'evfw.client.timeout' });
    // Copies at 0, 40, 120, 280, 600 ms.
    expect(pf.received).toHaveLength(5);
    const last = pf.received[4]!.at - pf.received[3]!.at;
    expect(last).toBeGreaterThanOrEqual(300);
  });

  it('stops sending an INVITE again once a provisional response arrives, and waits for the final one', async () => {
    const pf = await startUdpPeer((req, copy, reply) => {
      if (copy !== 1) return;
      reply(encodeSipMessage(buildSipResponse(req, 100)));
      setTimeout(() => reply(ok(req, 'late')), 500);
    });
    cleanups.push(pf.close);
    const transport = await openSipTransport(pf.peer, { t1Ms: 50 });
    cleanups.push(() => transport.close());
    const response = await transport.request(request(transport, 'INVITE'));
    expect(response.status).toBe(200);
    expect(getHeader(response, 'To')).toContain(';tag=late');
    // Without the 100 the INVITE would have gone again at 50, 150 and 350 ms.
    expect(pf.received).toHaveLength(1);
  });

  it('drops junk, responses to other requests and provisionals, and takes the matching final response', async () => {
    const strays: number[] = [];
    const pf = await startUdpPeer((req, copy, reply) => {
      if (copy !== 1) return;
      reply(Buffer.from([0, 1, 2, 255, 13, 10, 13, 10]));
      reply('SIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n');
      reply(ok({ ...req, headers: req.headers.map((h) => (h.name === 'Via' ? { ...h, value: h.value.replace(/branch=.*/, 'branch=z9hG4bK-other') } : h)) }, 'other-branch'));
      reply(ok({ ...req, headers: req.headers.map((h) => (h.name === 'CSeq' ? { ...h, value: '1 INVITE' } : h)) }, 'other-method'));
      reply(encodeSipMessage(buildSipResponse(req, 180, { toTag: 'ringing' })));
      reply(ok(req, 'the-one', { status: 202 }));
    });
    cleanups.push(pf.close);
    const transport = await openSipTransport(pf.peer, { onStrayResponse: (r) => strays.push(r.status) });
    cleanups.push(() => transport.close());
    const response = await transport.request(request(transport));
    expect(response.status).toBe(202);
    expect(getHeader(response, 'To')).toContain(';tag=the-one');
    expect(strays).toEqual([200, 200]);
    expect(transport.isClosed).toBe(false);
  });

  it('answers a request from the peer 501, leaves an ACK unanswered, and lets onRequest answer instead', async () => {
    const pf = await startUdpPeer((req, _copy, reply) => reply(ok(req)));
    cleanups.push(pf.close);
    const transport = await openSipTransport(pf.peer, {
      onRequest: (req) => (req.method === 'BYE' ? buildSipResponse(req, 200) : undefined),
    });
    cleanups.push(() => transport.close());
    await transport.request(request(transport));
    const fromPf = (method: string, branch: string): string =>
      [`${method} sip:127.0.0.1:${transport.localAddress.port} SIP/2.0`, `Via: SIP/2.0/UDP 127.0.0.1:${pf.peer.port};branch=${branch}`, 'Max-Forwards: 70', 'From: <sip:pf@example.com>;tag=a', 'To: <sip:u@example.com>;tag=b', 'Call-ID: pf-call', `CSeq: 7 ${method}`, 'Content-Length: 0', '', ''].join('\r\n');
    pf.sendToClient(fromPf('OPTIONS', 'z9hG4bK-options'));
    pf.sendToClient(fromPf('ACK', 'z9hG4bK-ack'));
    pf.sendToClient(fromPf('BYE', 'z9hG4bK-bye'));
    await sleep(200);
    expect(pf.responses.map((r) => [r.kind === 'response' && r.status, branchOf(r), getHeader(r, 'CSeq')])).toEqual([
      [501, 'z9hG4bK-options', '7 OPTIONS'],
      [200, 'z9hG4bK-bye', '7 BYE'],
    ]);
  });

  it('rejects waiting requests with evfw.client.transport when closed, and refuses new ones', async () => {
    const pf = await startUdpPeer(() => {});
    cleanups.push(pf.close);
    const transport = await openSipTransport(pf.peer);
    const waiting = transport.request(request(transport));
    await transport.close();
    await expect(waiting).rejects.toMatchObject({ code: 'evfw.client.transport' });
    await expect(transport.request(request(transport))).rejects.toMatchObject({ code: 'evfw.client.transport' });
    expect(transport.isClosed).toBe(true);
  });

  it('fails with evfw.client.transport when the host does not resolve, or nothing listens on the port', async () => {
    await expect(openSipTransport({ host: 'no-such-host.invalid', port: 5060, transport: 'udp' })).rejects.toMatchObject({ code: 'evfw.client.transport', message: expect.stringContaining('no-such-host.invalid') });
    const pf = await startUdpPeer(() => {});
    await pf.close();
    const transport = await openSipTransport(pf.peer);
    cleanups.push(() => transport.close());
    // The ICMP port unreachable comes back on the connected socket as ECONNREFUSED.
    await expect(transport.request(request(transport), { timeoutMs: 2_000 })).rejects.toMatchObject({ code: 'evfw.client.transport', message: expect.stringContaining('ECONNREFUSED') });
    expect(transport.isClosed).toBe(true);
  });

  it('refuses a request without a Via branch', async () => {
    const pf = await startUdpPeer(() => {});
    cleanups.push(pf.close);
    const transport = await openSipTransport(pf.peer);
    cleanups.push(() => transport.close());
    const bare = { ...request(transport), headers: request(transport).headers.map((h) => (h.name === 'Via' ? { ...h, value: 'SIP/2.0/UDP 127.0.0.1:5060' } : h)) };
    await expect(transport.request(bare)).rejects.toMatchObject({ code: 'evfw.client.invalid-option' });
    expect(pf.received).toHaveLength(0);
  });
});

describe('SIP client transport over TCP', () => {
  it('reads a response split across several writes after CRLF keep-alives, and sends the request once', async () => {
    const body = 'one body of 24 bytes...\n';
    const pf = await startTcpPeer((req, socket) => {
      const bytes = Buffer.from(ok(req, 'split', { body }));
      const cuts = [0, 9, 60, bytes.length - 5, bytes.length];
      // 1,200 bytes of keep-alive, more than maxMessageBytes: dropped as they come, never buffered.
      socket.write('\r\n'.repeat(300));
      setTimeout(() => socket.write('\r\n'.repeat(300)), 20);
      cuts.slice(1).forEach((end, i) => setTimeout(() => socket.write(bytes.subarray(cuts[i], end)), 40 + 30 * (i + 1)));
    });
    cleanups.push(pf.close);
    const transport = await openSipTransport(pf.peer, { t1Ms: 20, limits: { maxMessageBytes: 1_000 } });
    cleanups.push(() => transport.close());
    expect(transport.localAddress.host).toBe('127.0.0.1');
    const response = await transport.request(request(transport));
    expect(response.status).toBe(200);
    expect(response.body).toBe(body);
    expect(getHeader(response, 'To')).toContain(';tag=split');
    // No retransmission on a reliable transport, even with a T1 of 20 ms (RFC 3261 17.1.2.2).
    expect(pf.received).toHaveLength(1);
  });

  it('hands two responses written at once, in reverse order, each to its own request', async () => {
    const pending: SipRequest[] = [];
    const pf = await startTcpPeer((req, socket) => {
      pending.push(req);
      if (pending.length === 2) socket.write(Buffer.concat([ok(pending[1]!, 'second'), ok(pending[0]!, 'first')]));
    });
    cleanups.push(pf.close);
    const transport = await openSipTransport(pf.peer);
    cleanups.push(() => transport.close());
    const a = request(transport);
    const b = request(transport);
    const [ra, rb] = await Promise.all([transport.request(a), transport.request(b)]);
    expect(getHeader(ra, 'CSeq')).toBe(getHeader(a, 'CSeq'));
    expect(getHeader(ra, 'To')).toContain(';tag=first');
    expect(getHeader(rb, 'CSeq')).toBe(getHeader(b, 'CSeq'));
    expect(getHeader(rb, 'To')).toContain(';tag=second');
  });

  it('skips a framed response missing mandatory headers and keeps reading', async () => {
    const pf = await startTcpPeer((req, socket) => {
      socket.write(`SIP/2.0 200 OK\r\nVia: ${getHeader(req, 'Via')}\r\nContent-Length: 4\r\n\r\nabcd`);
      socket.write(ok(req, 'complete'));
    });
    cleanups.push(pf.close);
    const transport = await openSipTransport(pf.peer);
    cleanups.push(() => transport.close());
    const response = await transport.request(request(transport));
    expect(getHeader(response, 'To')).toContain(';tag=complete');
  });

  it('fails with evfw.client.transport, without throwing, when the peer sends bytes that are not SIP', async () => {
    const pf = await startTcpPeer((_req, socket) => socket.write('HELLO WORLD\r\n\r\n'));
    cleanups.push(pf.close);
    const transport = await openSipTransport(pf.peer);
    cleanups.push(() => transport.close());
    const error = await transport.request(request(transport)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'evfw.client.transport' });
    expect((error as Error).message).toContain('the peer sent bytes that are not SIP (evfw.sip.start-line.malformed');
    expect(transport.isClosed).toBe(true);
    await expect(transport.request(request(transport))).rejects.toMatchObject({ code: 'evfw.client.transport' });
  });

  it('fails when the peer sends more than maxMessageBytes without a whole message', async () => {
    const pf = await startTcpPeer((req, socket) => {
      socket.write(`SIP/2.0 200 OK\r\nVia: ${getHeader(req, 'Via')}\r\nContent-Length: 900\r\n\r\n`);
      socket.write('x'.repeat(500));
    });
    cleanups.push(pf.close);
    const transport = await openSipTransport(pf.peer, { limits: { maxMessageBytes: 400 } });
    cleanups.push(() => transport.close());
    await expect(transport.request(request(transport))).rejects.toMatchObject({ code: 'evfw.client.transport', message: expect.stringContaining('evfw.sip.limit.message-size') });
  });

  it('times out with evfw.client.timeout when the peer never answers', async () => {
    const pf = await startTcpPeer(() => {});
    cleanups.push(pf.close);
    const transport = await openSipTransport(pf.peer);
    cleanups.push(() => transport.close());
    const error = await transport.request(request(transport), { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'evfw.client.timeout' });
    expect((error as Error).message).toMatch(/within 300 ms; /);
    expect(transport.isClosed).toBe(false);
  });

  it('fails with evfw.client.transport when the peer closes the connection', async () => {
    const pf = await startTcpPeer((_req, socket) => socket.end());
    cleanups.push(pf.close);
    const transport = await openSipTransport(pf.peer);
    cleanups.push(() => transport.close());
    await expect(transport.request(request(transport))).rejects.toMatchObject({ code: 'evfw.client.transport', message: expect.stringContaining('the connection closed') });
  });

  it('fails to open with evfw.client.transport when nobody listens', async () => {
    const pf = await startTcpPeer(() => {});
    const { port } = pf.peer;
    await pf.close();
    await expect(openSipTransport({ host: '127.0.0.1', port, transport: 'tcp' })).rejects.toMatchObject({ code: 'evfw.client.transport' });
  });
});
