/**
 * Issue 22, item 7: SIP conformance on hostile input, against the real `npm run pf` and Dovecot.
 *   - a request over the parser's limits (300 header fields, one 9 KB header line) is answered
 *     413 with a Warning naming the limit (D-81), not dropped: its Via, From, To, Call-ID and CSeq
 *     come first and can still be read;
 *   - a malformed From is answered 400 naming the header, and the report is not applied;
 *   - `;rport` in the top Via is answered with `rport=<source port>;received=<source address>`
 *     (RFC 3581 section 4), over UDP and over TCP.
 */
import { createConnection } from 'node:net';
import { describe, expect, it } from 'vitest';
import { getHeader, getHeaders, parseParams, parseSipMessage, splitHeaderList, type SipResponse } from '@evfw/protocol';
import { flagsOf, type SeededMessage } from '../../support/dovecot.js';
import { stagePfOnDovecot, unavailable } from '../../support/pf-process.js';
import { skipUnlessCi } from '../../support/requirements.js';
import { messageText, seenReport, tcpExchange, udpExchange, UdpPeer, warning } from '../../support/sip-peer.js';

type Transport = 'udp' | 'tcp';

/** The one response to `text` sent over `transport`, or undefined when none came. */
async function exchange(port: number, text: string, transport: Transport): Promise<SipResponse | undefined> {
  if (transport === 'udp') return (await udpExchange(port, text, 3_000))[0];
  return (await tcpExchange(port, [text], 1, 3_000)).responses[0];
}

/** The parameters of the response's top Via value (the first value of the first Via field). */
function topViaParams(response: SipResponse | undefined): ReadonlyMap<string, string | null> {
  const first = response === undefined ? undefined : getHeaders(response, 'Via')[0];
  return parseParams(splitHeaderList(first ?? '')[0] ?? '').params;
}

const reason = skipUnlessCi(unavailable);
describe.skipIf(reason)(`SIP conformance on hostile input (issue 22 item 7)${reason ? `: skipped, ${reason}` : ''}`, { timeout: 30_000 }, () => {
  const conversation = { conversationId: 'conformanceConv0001', contributionId: 'conformanceContrib01' };
  const stage = stagePfOnDovecot([
    { folder: 'Default/conformanceConv0001/conformanceContrib01', ...conversation, imdnMessageId: 'conformance-from-1' },
  ]);
  /** A \Seen report for the seeded message, by uid and folder-path. */
  const report = (): string => {
    const [seeded] = stage.seeded as [SeededMessage];
    return seenReport(`<object uid="${seeded.uid}" folder-path="${seeded.folder}/"><message-id>${seeded.imdnMessageId}</message-id></object>`);
  };

  for (const transport of ['udp', 'tcp'] as const) {
    const name = transport.toUpperCase();

    it(`answers 300 header fields with 413 and a Warning naming the limit, not silence (${name})`, async () => {
      const headers = Array.from({ length: 300 }, (_, i) => `X-Filler-${i}: ${i}`);
      const response = await exchange(stage.pf.port, messageText({ method: 'OPTIONS', body: '', contentType: null, headers }), transport);
      expect(response?.status, stage.pf.output()).toBe(413);
      expect(warning(response)).toMatch(/^399 evfw-pf "evfw\.sip\.limit\.header-count: /);
      expect(getHeader(response!, 'Call-ID')).toMatch(/^call-\d+@test$/);
    });

    it(`answers one 9 KB header line with 413 and a Warning naming the limit (${name})`, async () => {
      const response = await exchange(stage.pf.port, messageText({ method: 'OPTIONS', body: '', contentType: null, headers: [`X-Long: ${'a'.repeat(9 * 1024)}`] }), transport);
      expect(response?.status, stage.pf.output()).toBe(413);
      expect(warning(response)).toMatch(/^399 evfw-pf "evfw\.sip\.limit\.line-length: /);
    });

    it(`answers From: <<<< with 400 naming the From header, and applies nothing (${name})`, async () => {
      const [seeded] = stage.seeded as [SeededMessage];
      const text = messageText({ body: report() }).replace(/^From: .*$/m, 'From: <<<<');
      const response = await exchange(stage.pf.port, text, transport);
      expect(response?.status, stage.pf.output()).toBe(400);
      expect(warning(response)).toMatch(/^399 evfw-pf "evfw\.sip\.header\.from-malformed: the From header field /);
      expect(await flagsOf(stage.dovecot, seeded.folder, seeded.uid)).not.toContain('\\Seen');
    });

    it(`fills in rport and received in the top Via of the response (${name})`, async () => {
      const via = `Via: SIP/2.0/${name} 192.0.2.1:5999;branch=z9hG4bK-rport-${transport};rport`;
      let response: SipResponse | undefined;
      let clientPort: number;
      if (transport === 'udp') {
        const peer = await UdpPeer.open(stage.pf.port);
        try {
          clientPort = peer.localPort;
          peer.send(messageText({ method: 'OPTIONS', body: '', contentType: null, via }));
          response = await peer.next(() => true);
        } finally {
          peer.close();
        }
      } else {
        const result = await tcpExchangeWithPort(stage.pf.port, messageText({ method: 'OPTIONS', body: '', contentType: null, via }));
        response = result.response;
        clientPort = result.localPort;
      }
      expect(response?.status, stage.pf.output()).toBe(200);
      const params = topViaParams(response);
      expect(params.get('rport')).toBe(String(clientPort));
      expect(params.get('received')).toBe('127.0.0.1');
      expect(params.get('branch')).toBe(`z9hG4bK-rport-${transport}`);
    });
  }

  it('applies the same report once its From is well formed (the store and the report are right)', async () => {
    const [seeded] = stage.seeded as [SeededMessage];
    const response = await exchange(stage.pf.port, messageText({ body: report() }), 'udp');
    expect(response?.status, stage.pf.output()).toBe(200);
    expect(await flagsOf(stage.dovecot, seeded.folder, seeded.uid)).toContain('\\Seen');
  });
});

/** One request on a fresh TCP connection: the response and the connection's local port. */
async function tcpExchangeWithPort(port: number, text: string): Promise<{ response: SipResponse | undefined; localPort: number }> {
  const socket = createConnection({ host: '127.0.0.1', port });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const localPort = socket.localPort!;
  try {
    const response = await new Promise<SipResponse | undefined>((resolve) => {
      let buffer = Buffer.alloc(0);
      const timer = setTimeout(() => resolve(undefined), 3_000);
      socket.on('data', (chunk: Buffer) => {
        buffer = Buffer.concat([buffer, chunk]);
        const parsed = parseSipMessage(buffer, { transport: 'stream' });
        if (parsed.ok && parsed.value.kind === 'response') {
          clearTimeout(timer);
          resolve(parsed.value);
        }
      });
      socket.write(text);
    });
    return { response, localPort };
  } finally {
    socket.destroy();
  }
}
