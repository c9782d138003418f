/**
 * The Participating Function's SIP server (pf/src/server/) seen from the network: a UDP or TCP
 * client written here sends requests and reads the answers. A recording fake stands in for the
 * CPM Message Store where the store is not the point; the last block applies reports to a real
 * Dovecot and reads the flags back over IMAP.
 */
import { createSocket } from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CpmEvfw, Operation } from '@evfw/model/cpm-evfw';
import { getHeader, getHeaders, parseSipMessage, serviceIdentificationHeaders, type SipResponse } from '@evfw/protocol';
import type { MessageStore } from '../../pf/src/message-store.js';
import { startSipServer, type SipServer, type SipServerOptions } from '../../pf/src/server/index.js';
import { CRLF, EVENT_TYPE, GOOD_BODY, messageText, recordingStore, seenReport, tcpExchange, udpExchange, warning } from '../support/sip-peer.js';
import { dovecotUnavailable, flagsOf, seedMessages, startDovecot, type DovecotServer, type SeededMessage } from '../support/dovecot.js';
import { skipUnlessCi } from '../support/requirements.js';

describe('the SIP server with a recording Message Store', { timeout: 20_000 }, () => {
  const store = recordingStore();
  const logged: string[] = [];
  const fannedOut: { user: string; events: CpmEvfw }[] = [];
  let server: SipServer;
  let port = 0;

  beforeAll(async () => {
    server = await startSipServer({
      messageStore: store.open,
      ownAddress: 'sip:pf@example.com',
      log: (level, message) => logged.push(`${level} ${message}`),
      fanOut: (user, events) => void fannedOut.push({ user, events }),
    });
    port = server.port;
  });
  afterAll(() => server?.close());

  it('listens on loopback, UDP and TCP on one port', () => {
    expect(server.addresses).toEqual([
      { transport: 'udp', host: '127.0.0.1', port },
      { transport: 'tcp', host: '127.0.0.1', port },
    ]);
    expect(port).toBeGreaterThan(0);
  });

  it('applies a good report and answers 200 OK, calling the fan-out policy with the user and the events', async () => {
    const before = store.operations.length;
    const [response, ...more] = await udpExchange(port, messageText({ body: GOOD_BODY }));
    expect(more).toEqual([]);
    expect(response?.status).toBe(200);
    expect(response?.reason).toBe('OK');
    expect(getHeader(response!, 'To')).toMatch(/^<sip:\+15145551234@example\.com>;tag=\w+$/);
    expect(store.operations.slice(before)).toEqual([
      { name: 'add', flags: '\\Seen', objects: [expect.objectContaining({ uid: '7', folderPath: 'Default/c/k/' })] },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fannedOut.at(-1)?.user).toBe('sip:+15145551234@example.com');
    expect(fannedOut.at(-1)?.events.events[0]?.$case).toBe('eventCpmImap');
  });

  it('applies a report once when UDP retransmits it, and answers each copy the same', async () => {
    const before = store.operations.length;
    const responses = await udpExchange(port, messageText({ body: GOOD_BODY }), 3_000, 3);
    expect(responses.length).toBeGreaterThanOrEqual(1);
    expect(new Set(responses.map((r) => `${r.status} ${getHeader(r, 'To')}`)).size).toBe(1);
    expect(store.operations.length - before).toBe(1);
  });

  it('answers a malformed body with 400 naming the first diagnostic: code, line:column and message', async () => {
    const body = '<cpm-evfw xmlns="urn:oma:xml:cpm:evfw">\n  <event-cpm-imap type="flags" index="1">\n    <operation name="add" flag="\\Seen"/>\n  </event-cpm-imap>\n</cpm-evfw>\n';
    const [response] = await udpExchange(port, messageText({ body }));
    expect(response?.status).toBe(400);
    expect(response?.reason).toMatch(/^Invalid Event Report: evfw\.[a-z.-]+ at 3:\d+$/);
    expect(warning(response)).toMatch(/^399 evfw-pf "evfw\.[a-z.-]+ 3:\d+: .*flag/);
    expect(getHeader(response!, 'Content-Type')).toBe('text/plain;charset=utf-8');
    // The first line of the body is the diagnostic the Warning names.
    const first = response!.body.split('\n')[0]!;
    expect(warning(response)).toContain(first.replace(/"/g, '\\"'));
  });

  it('answers a body that is not XML at all with 400 and the parser\'s first diagnostic', async () => {
    const [response] = await udpExchange(port, messageText({ body: 'hello' }));
    expect(response?.status).toBe(400);
    expect(warning(response)).toMatch(/^399 evfw-pf "evfw\.xml\.[a-z-]+ 1:1: /);
  });

  it('refuses another content type with 415 and Accept', async () => {
    const [response] = await udpExchange(port, messageText({ body: GOOD_BODY, contentType: 'message/cpim' }));
    expect(response?.status).toBe(415);
    expect(getHeader(response!, 'Accept')).toBe(EVENT_TYPE);
    expect(warning(response)).toContain('Content-Type message/cpim is not application/vnd.oma.cpm-eventfw+xml');
    const [none] = await udpExchange(port, messageText({ body: GOOD_BODY, contentType: null }));
    expect(none?.status).toBe(415);
    expect(warning(none)).toContain('the request has no Content-Type');
  });

  it('accepts the content type with parameters and in any case', async () => {
    const [response] = await udpExchange(port, messageText({ body: GOOD_BODY, contentType: 'Application/VND.OMA.CPM-EVENTFW+XML; charset=utf-8' }));
    expect(response?.status).toBe(200);
  });

  it('refuses a MESSAGE without the service identification of 6.7.1 with 403 saying why', async () => {
    const [response] = await udpExchange(port, messageText({ body: GOOD_BODY, service: false }));
    expect(response?.status).toBe(403);
    expect(response?.reason).toBe('Not a CPM Event Report');
    expect(warning(response)).toContain('urn:urn-7:3gpp-service.ims.icsi.oma.cpm.systemmsg');
  });

  it('answers a MESSAGE with an IARI 480 when no next hop is configured', async () => {
    const iari = serviceIdentificationHeaders({ iari: 'urn:urn-7:3gpp-application.ims.iari.example' }).map((h) => `${h.name}: ${h.value}`);
    const [response] = await udpExchange(port, messageText({ body: GOOD_BODY, service: false, headers: iari }));
    expect(response?.status).toBe(480);
    expect(warning(response)).toContain('urn:urn-7:3gpp-application.ims.iari.example');
  });

  it('answers OPTIONS 200 with Allow and Accept', async () => {
    const [response] = await udpExchange(port, messageText({ body: '', method: 'OPTIONS', contentType: null }));
    expect(response?.status).toBe(200);
    expect(getHeader(response!, 'Allow')).toBe('INVITE, ACK, BYE, CANCEL, MESSAGE, OPTIONS');
    expect(getHeader(response!, 'Accept')).toBe(`${EVENT_TYPE}, application/sdp`);
    expect(getHeader(response!, 'Contact')).toBe('<sip:pf@example.com>');
  });

  it('answers an INVITE without an SDP offer 415, accepting application/sdp', async () => {
    const [response] = await udpExchange(port, messageText({ body: '', method: 'INVITE', contentType: null }));
    expect(response?.status).toBe(415);
    expect(getHeader(response!, 'Accept')).toBe('application/sdp');
    expect(warning(response)).toContain('OMA CPM 6.7.3.2 item 1 b');
  });

  it('answers a request whose framing is broken with 400, or 413 for a size over the limit, naming the SIP problem', async () => {
    const text = messageText({ body: GOOD_BODY });
    const short = text.replace(/Content-Length: \d+/, `Content-Length: ${Buffer.byteLength(GOOD_BODY) + 10}`);
    const [response] = await udpExchange(port, short);
    expect(response?.status).toBe(400);
    expect(warning(response)).toMatch(/^399 evfw-pf "evfw\.sip\.content-length\.exceeds-body: Content-Length is \d+ but the datagram holds \d+ body bytes"$/);
    const [large] = await udpExchange(port, text.replace(/Content-Length: \d+/, 'Content-Length: 99999'));
    expect(large?.status).toBe(413);
    expect(warning(large)).toContain('evfw.sip.limit.message-size');
  });

  it('survives garbage on UDP and TCP, and still answers afterwards', async () => {
    const random = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7919 + n * 31) % 256);
    const valid = messageText({ body: GOOD_BODY });
    const garbage: (string | Uint8Array)[] = [
      random(1), random(500), random(1400), new Uint8Array(65_000), '\r\n\r\n', 'SIP/2.0 200 OK\r\n\r\n', 'MESSAGE\r\n\r\n',
      valid.slice(0, 40), valid.slice(0, valid.indexOf('\r\n\r\n')), `${valid}trailing`, valid.replace('SIP/2.0', 'SIP/3.0'),
      valid.replace(/\r\n/g, '\n'), valid.replace('Call-ID', 'Call\x00ID'), 'ACK sip:a@b SIP/2.0\r\nContent-Length: 0\r\n\r\n',
      Buffer.from(valid.replace('MESSAGE sip', 'MESSAGE \xff\xfe')),
    ];
    for (const g of garbage) await udpExchange(port, g, 200);
    for (const g of garbage) await tcpExchange(port, [g], 1, 200);
    const [udp] = await udpExchange(port, messageText({ body: '', method: 'OPTIONS', contentType: null }));
    expect(udp?.status).toBe(200);
    const tcp = await tcpExchange(port, [messageText({ body: '', method: 'OPTIONS', contentType: null })], 1);
    expect(tcp.responses[0]?.status).toBe(200);
    expect(logged.filter((l) => l.startsWith('error '))).toEqual([]);
  });

  it('reads several messages on one TCP connection, whole or in pieces', async () => {
    const a = messageText({ body: GOOD_BODY });
    const b = messageText({ body: '', method: 'OPTIONS', contentType: null });
    const c = messageText({ body: GOOD_BODY, contentType: 'text/plain' });
    const bytes = Buffer.from(a + b + c);
    // a and b in one write, c byte by byte after a keep-alive.
    const pieces: Uint8Array[] = [bytes.subarray(0, a.length + b.length), Buffer.from('\r\n\r\n')];
    for (let i = a.length + b.length; i < bytes.length; i += 97) pieces.push(bytes.subarray(i, Math.min(i + 97, bytes.length)));
    const { responses } = await tcpExchange(port, pieces, 3);
    expect(responses.map((r) => `${r.status} ${getHeader(r, 'CSeq')}`)).toEqual(['200 1 MESSAGE', '200 1 OPTIONS', '415 1 MESSAGE']);
  });

  it('closes a TCP connection whose stream cannot be framed, after answering 400', async () => {
    const broken = messageText({ body: GOOD_BODY }).replace(/Content-Length: \d+\r\n/, '');
    // Two responses are never sent: the exchange ends when the server closes the connection.
    const { responses, closed } = await tcpExchange(port, [broken], 2, 3_000);
    expect(responses.map((r) => r.status)).toEqual([400]);
    expect(warning(responses[0])).toContain('evfw.sip.content-length.missing');
    expect(closed).toBe(true);
  });
});

describe('the SIP server when things around it fail', { timeout: 20_000 }, () => {
  async function withServer(options: Partial<SipServerOptions>, run: (port: number) => Promise<void>): Promise<void> {
    const server = await startSipServer({ messageStore: recordingStore().open, transports: ['udp'], ...options });
    try {
      await run(server.port);
    } finally {
      await server.close();
    }
  }

  it('answers 503 with Retry-After beyond the limit of requests handled at once', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = async (): Promise<MessageStore> => {
      await gate;
      return recordingStore().open();
    };
    await withServer({ messageStore: slow, limits: { maxConcurrentRequests: 1 } }, async (port) => {
      const first = udpExchange(port, messageText({ body: GOOD_BODY }), 3_000);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const [second] = await udpExchange(port, messageText({ body: GOOD_BODY }), 1_000);
      release();
      expect(second?.status).toBe(503);
      expect(getHeader(second!, 'Retry-After')).toBe('1');
      expect((await first)[0]?.status).toBe(200);
    });
  });

  it('started with msrp: false, answers INVITE 501 and allows MESSAGE and OPTIONS alone', async () => {
    await withServer({ msrp: false }, async (port) => {
      const [invite] = await udpExchange(port, messageText({ body: '', method: 'INVITE', contentType: null }));
      expect(invite?.status).toBe(501);
      expect(warning(invite)).toContain('started without the INVITE mechanism');
      expect(getHeader(invite!, 'Allow')).toBe('MESSAGE, OPTIONS');
      const [bye] = await udpExchange(port, messageText({ body: '', method: 'BYE', contentType: null }));
      expect(bye?.status).toBe(501);
    });
  });

  it('answers 500 when handling takes longer than the request timeout', async () => {
    const never = () => new Promise<MessageStore>(() => {});
    await withServer({ messageStore: never, limits: { requestTimeoutMs: 300 } }, async (port) => {
      const [response] = await udpExchange(port, messageText({ body: GOOD_BODY }));
      expect(response?.status).toBe(500);
      expect(warning(response)).toContain('not handled within 300 ms');
    });
  });

  it('answers 503 naming the cause when the Message Store cannot be reached', async () => {
    await withServer({ messageStore: { host: '127.0.0.1', port: 1, user: 'u', password: 'p', connectTimeoutMs: 1_000 } }, async (port) => {
      const [response] = await udpExchange(port, messageText({ body: GOOD_BODY }));
      expect(response?.status).toBe(503);
      expect(warning(response)).toContain('evfw.store.connect-failed');
    });
  });

  it('relays a MESSAGE with an IARI to the next hop and returns its answer (6.7.1)', async () => {
    const hop = createSocket('udp4');
    const received: string[] = [];
    hop.on('message', (datagram, from) => {
      const parsed = parseSipMessage(datagram);
      if (!parsed.ok || parsed.value.kind !== 'request') return;
      received.push(datagram.toString());
      const request = parsed.value;
      const vias = getHeaders(request, 'Via').map((value) => `Via: ${value}`);
      const response = ['SIP/2.0 202 Accepted', ...vias, `From: ${getHeader(request, 'From')}`, `To: ${getHeader(request, 'To')};tag=hop`, `Call-ID: ${getHeader(request, 'Call-ID')}`, `CSeq: ${getHeader(request, 'CSeq')}`, 'Content-Length: 0', '', ''].join(CRLF);
      hop.send(response, from.port, from.address);
    });
    await new Promise<void>((resolve) => hop.bind(0, '127.0.0.1', resolve));
    try {
      await withServer({ nextHop: { host: '127.0.0.1', port: hop.address().port, transport: 'udp' } }, async (port) => {
        const iari = serviceIdentificationHeaders({ iari: 'urn:urn-7:3gpp-application.ims.iari.example' }).map((h) => `${h.name}: ${h.value}`);
        const [response] = await udpExchange(port, messageText({ body: 'any body: the next hop decides', contentType: 'text/plain', service: false, headers: iari }));
        expect(response?.status).toBe(202);
        expect(getHeaders(response!, 'Via')).toHaveLength(1);
        expect(getHeader(response!, 'Via')).toContain('127.0.0.1:5999');
        expect(received).toHaveLength(1);
        const forwarded = parseSipMessage(received[0]!);
        expect(forwarded.ok && getHeaders(forwarded.value, 'Via')).toHaveLength(2);
        expect(forwarded.ok && getHeader(forwarded.value, 'Max-Forwards')).toBe('69');
      });
    } finally {
      hop.close();
    }
  });

  it('answers 504 when the next hop is silent', async () => {
    const silent = createSocket('udp4');
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
    try {
      await withServer({ nextHop: { host: '127.0.0.1', port: silent.address().port, transport: 'udp' }, limits: { nextHopTimeoutMs: 600 } }, async (port) => {
        const iari = serviceIdentificationHeaders({ iari: 'urn:urn-7:3gpp-application.ims.iari.example' }).map((h) => `${h.name}: ${h.value}`);
        const [response] = await udpExchange(port, messageText({ body: GOOD_BODY, headers: iari }));
        expect(response?.status).toBe(504);
        expect(warning(response)).toContain('sent no final response within 600 ms');
      });
    } finally {
      silent.close();
    }
  });
});

const unavailable = dovecotUnavailable();

describe.skipIf(skipUnlessCi(unavailable))(`the SIP server on a real Message Store (Dovecot)${skipUnlessCi(unavailable) ? `: skipped, ${unavailable}` : ''}`, { timeout: 20_000 }, () => {
  let dovecot: DovecotServer | undefined;
  let server: SipServer | undefined;
  let seeded: SeededMessage[] = [];

  beforeAll(async () => {
    dovecot = await startDovecot();
    const ids = { conversationId: 'conv-1', contributionId: 'contrib-1' };
    seeded = await seedMessages(dovecot, [
      { folder: 'Default/conv-1/contrib-1', ...ids, imdnMessageId: 'udp-by-uid' },
      { folder: 'Default/conv-1/contrib-1', ...ids, imdnMessageId: 'tcp-by-triple' },
    ]);
    server = await startSipServer({ messageStore: { host: dovecot.host, port: dovecot.port, user: dovecot.user, password: dovecot.password } });
  }, 30_000);
  afterAll(async () => {
    await server?.close();
    await dovecot?.stop();
  }, 20_000);

  it('sets \\Seen over UDP (by uid) and \\Deleted over TCP (by the triple), answering 200', async () => {
    const [byUid, byTriple] = seeded as [SeededMessage, SeededMessage];
    const [udp] = await udpExchange(server!.port, messageText({ body: seenReport(`<object uid="${byUid.uid}" folder-path="${byUid.folder}/"><message-id>${byUid.imdnMessageId}</message-id></object>`) }));
    expect(udp?.status).toBe(200);
    expect(await flagsOf(dovecot!, byUid.folder, byUid.uid)).toContain('\\Seen');

    const deleted = seenReport(`<object><conversation-id>${byTriple.conversationId}</conversation-id><contribution-id>${byTriple.contributionId}</contribution-id><message-id>${byTriple.imdnMessageId}</message-id></object>`).replace('\\Seen', '\\Deleted');
    const tcp = await tcpExchange(server!.port, [messageText({ body: deleted, via: `Via: SIP/2.0/TCP 127.0.0.1:5999;branch=z9hG4bK-tcp-${Date.now()}` })], 1);
    expect(tcp.responses[0]?.status).toBe(200);
    const flags = await flagsOf(dovecot!, byTriple.folder, byTriple.uid);
    expect(flags).toContain('\\Deleted');
    expect(flags).not.toContain('\\Seen');
  });
});
