import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalHeaderName,
  getHeader,
  getHeaders,
  parseNameAddr,
  parseParams,
  parseSipMessage,
  serializeSipMessage,
  splitHeaderList,
  type SipMessage,
  type SipRequest,
} from '../../protocol/src/sip/index.js';

const crlf = (lines: string[]): string => lines.join('\r\n');

/** RFC 3261 section 24.1, F1 and F2. */
const REGISTER = crlf([
  'REGISTER sip:registrar.biloxi.com SIP/2.0',
  'Via: SIP/2.0/UDP bobspc.biloxi.com:5060;branch=z9hG4bKnashds7',
  'Max-Forwards: 70',
  'To: Bob <sip:bob@biloxi.com>',
  'From: Bob <sip:bob@biloxi.com>;tag=456248',
  'Call-ID: 843817637684230@998sdasdh09',
  'CSeq: 1826 REGISTER',
  'Contact: <sip:bob@192.0.2.4>',
  'Expires: 7200',
  'Content-Length: 0',
  '',
  '',
]);

const REGISTER_OK = crlf([
  'SIP/2.0 200 OK',
  'Via: SIP/2.0/UDP bobspc.biloxi.com:5060;branch=z9hG4bKnashds7',
  ' ;received=192.0.2.4',
  'To: Bob <sip:bob@biloxi.com>;tag=2493k59kd',
  'From: Bob <sip:bob@biloxi.com>;tag=456248',
  'Call-ID: 843817637684230@998sdasdh09',
  'CSeq: 1826 REGISTER',
  'Contact: <sip:bob@192.0.2.4>',
  'Expires: 7200',
  'Content-Length: 0',
  '',
  '',
]);

/** RFC 3261 section 24.2, F5 (180 Ringing through two proxies). */
const RINGING = crlf([
  'SIP/2.0 180 Ringing',
  'Via: SIP/2.0/UDP server10.biloxi.com;branch=z9hG4bK4b43c2ff8.1;received=192.0.2.3',
  'Via: SIP/2.0/UDP bigbox3.site3.atlanta.com;branch=z9hG4bK77ef4c2312983.1;received=192.0.2.2',
  'Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds8;received=192.0.2.1',
  'Record-Route: <sip:server10.biloxi.com;lr>, <sip:bigbox3.site3.atlanta.com;lr>',
  'To: Bob <sip:bob@biloxi.com>;tag=a6c85cf',
  'From: Alice <sip:alice@atlanta.com>;tag=1928301774',
  'Call-ID: a84b4c76e66710',
  'Contact: <sip:bob@192.0.2.4>',
  'CSeq: 314159 INVITE',
  'Content-Length: 0',
  '',
  '',
]);

function parsed(text: string | Uint8Array, options?: Parameters<typeof parseSipMessage>[1]): SipMessage {
  const result = parseSipMessage(text, options);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function errorCode(text: string | Uint8Array, options?: Parameters<typeof parseSipMessage>[1]): string {
  const result = parseSipMessage(text, options);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.error.code;
}

describe('parseSipMessage on the examples of RFC 3261 section 24', () => {
  it('reads the REGISTER request of 24.1 (F1)', () => {
    const m = parsed(REGISTER);
    expect(m).toMatchObject({ kind: 'request', method: 'REGISTER', uri: 'sip:registrar.biloxi.com', body: '' });
    expect(getHeader(m, 'call-id')).toBe('843817637684230@998sdasdh09');
    expect(getHeader(m, 'CSEQ')).toBe('1826 REGISTER');
    expect(parseNameAddr(getHeader(m, 'From')!)).toEqual({ displayName: 'Bob', uri: 'sip:bob@biloxi.com', params: new Map([['tag', '456248']]) });
  });

  it('unfolds the continuation line of the 200 OK of 24.1 (F2) into one space (7.3.1)', () => {
    const m = parsed(REGISTER_OK);
    expect(m).toMatchObject({ kind: 'response', status: 200, reason: 'OK' });
    expect(getHeader(m, 'Via')).toBe('SIP/2.0/UDP bobspc.biloxi.com:5060;branch=z9hG4bKnashds7 ;received=192.0.2.4');
    expect(parseParams(getHeader(m, 'Via')!).params.get('received')).toBe('192.0.2.4');
  });

  it('keeps repeated Via fields in order and splits comma lists (24.2 F5, 7.3.1)', () => {
    const m = parsed(RINGING);
    expect(getHeaders(m, 'v')).toHaveLength(3);
    expect(getHeaders(m, 'Via')[2]).toContain('pc33.atlanta.com');
    expect(splitHeaderList(getHeader(m, 'Record-Route')!)).toEqual(['<sip:server10.biloxi.com;lr>', '<sip:bigbox3.site3.atlanta.com;lr>']);
  });

  it('expands compact header names (7.3.3) and reads names case-insensitively (7.3.1)', () => {
    const body = 'hello';
    const m = parsed(
      crlf([
        'MESSAGE sip:bob@biloxi.com SIP/2.0',
        'v: SIP/2.0/TCP pc33.atlanta.com;branch=z9hG4bK776asdhds',
        'max-forwards: 70',
        't: <sip:bob@biloxi.com>',
        'f: <sip:alice@atlanta.com>;tag=49583',
        'i: a84b4c76e66710@pc33.atlanta.com',
        'cseq: 1 MESSAGE',
        'c: text/plain',
        'k: 100rel',
        'a: *;+g.3gpp.icsi-ref="urn%3Aurn-7%3A3gpp-service.ims.icsi.oma.cpm.systemmsg"',
        `l: ${body.length}`,
        '',
        body,
      ]),
      { transport: 'stream' },
    );
    expect(m.headers.map((h) => h.name)).toEqual(['Via', 'Max-Forwards', 'To', 'From', 'Call-ID', 'CSeq', 'Content-Type', 'Supported', 'Accept-Contact', 'Content-Length']);
    expect(m.body).toBe('hello');
  });

  it('allows whitespace before the colon (HCOLON, 25.1) and leading CRLFs before the start line (7.5)', () => {
    const m = parsed(`\r\n\r\n${REGISTER.replace('Expires: 7200', 'Expires \t: 7200')}`);
    expect(getHeader(m, 'Expires')).toBe('7200');
  });

  it('counts Content-Length in bytes, not characters', () => {
    const body = 'café ☕';
    const text = REGISTER.replace('Content-Length: 0', `Content-Length: ${new TextEncoder().encode(body).length}`) + body;
    expect(parsed(text, { transport: 'stream' }).body).toBe(body);
  });

  it('on a stream, reports the bytes one message used so the next can be read (18.3)', () => {
    const two = REGISTER + REGISTER_OK;
    const first = parseSipMessage(two, { transport: 'stream' });
    expect(first.ok && first.length).toBe(REGISTER.length);
    const second = parseSipMessage(two.slice(REGISTER.length), { transport: 'stream' });
    expect(second.ok && second.value.kind).toBe('response');
  });

  it('in a datagram, ignores bytes after Content-Length and reads a body without Content-Length to the end (18.3)', () => {
    expect(parsed(`${REGISTER}garbage`).body).toBe('');
    expect(parsed(REGISTER.replace('Content-Length: 0\r\n', '') + 'rest').body).toBe('rest');
  });
});

describe('parseSipMessage on hostile input never throws and names the problem', () => {
  it('a header section larger than the limit: evfw.sip.limit.header-section', () => {
    const huge = REGISTER.replace('Expires: 7200', `X-Junk: ${'a'.repeat(4000)}\r\n`.repeat(8) + 'Expires: 7200');
    expect(errorCode(huge)).toBe('evfw.sip.limit.header-section');
  });

  it('one line longer than the limit: evfw.sip.limit.line-length', () => {
    const long = REGISTER.replace('Expires: 7200', `X-Junk: ${'a'.repeat(9000)}`);
    expect(errorCode(long)).toBe('evfw.sip.limit.line-length');
  });

  it('a datagram larger than the limit: evfw.sip.limit.message-size', () => {
    expect(errorCode(REGISTER + 'x'.repeat(70_000))).toBe('evfw.sip.limit.message-size');
  });

  it('too many header fields: evfw.sip.limit.header-count', () => {
    const many = REGISTER.replace('Expires: 7200', Array.from({ length: 300 }, (_, i) => `X-H${i}: ${i}`).join('\r\n'));
    expect(errorCode(many, { limits: { maxHeaderSectionBytes: 60_000 } })).toBe('evfw.sip.limit.header-count');
  });

  it('lines ending in LF alone: evfw.sip.line.bare-lf', () => {
    expect(errorCode(REGISTER.replaceAll('\r\n', '\n'))).toBe('evfw.sip.line.bare-lf');
  });

  it('a CR without LF: evfw.sip.line.bare-cr', () => {
    expect(errorCode(REGISTER.replace('Expires: 7200\r\n', 'Expires: 7200\rX: y\r\n'))).toBe('evfw.sip.line.bare-cr');
  });

  it('no empty line after the headers: evfw.sip.headers.unterminated, or incomplete on a stream', () => {
    const cut = REGISTER.slice(0, -2);
    expect(errorCode(cut)).toBe('evfw.sip.headers.unterminated');
    expect(errorCode(cut, { transport: 'stream' })).toBe('evfw.sip.message.incomplete');
  });

  it('a NUL in a header: evfw.sip.header.control-character, at its offset', () => {
    const text = REGISTER.replace('Expires: 7200', 'Expires: 72\u000000');
    const result = parseSipMessage(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('evfw.sip.header.control-character');
      expect(result.error.message).toContain('NUL');
      expect(result.error.offset).toBe(text.indexOf('\u0000'));
    }
  });

  it('a Content-Length larger than the body: an error in a datagram, incomplete on a stream', () => {
    const text = REGISTER.replace('Content-Length: 0', 'Content-Length: 99') + 'abc';
    expect(errorCode(text)).toBe('evfw.sip.content-length.exceeds-body');
    expect(errorCode(text, { transport: 'stream' })).toBe('evfw.sip.message.incomplete');
  });

  it('a Content-Length that is not a number, or two that disagree: evfw.sip.content-length.invalid', () => {
    expect(errorCode(REGISTER.replace('Content-Length: 0', 'Content-Length: -1'))).toBe('evfw.sip.content-length.invalid');
    expect(errorCode(REGISTER.replace('Content-Length: 0', 'Content-Length: 0\r\nl: 5'))).toBe('evfw.sip.content-length.invalid');
    expect(errorCode(REGISTER.replace('Content-Length: 0', 'Content-Length: 99999999999999'))).toBe('evfw.sip.content-length.invalid');
  });

  it('a huge Content-Length: evfw.sip.limit.message-size before any allocation', () => {
    expect(errorCode(REGISTER.replace('Content-Length: 0', 'Content-Length: 4000000000'), { transport: 'stream' })).toBe('evfw.sip.limit.message-size');
  });

  it('no Content-Length on a stream: evfw.sip.content-length.missing', () => {
    expect(errorCode(REGISTER.replace('Content-Length: 0\r\n', ''), { transport: 'stream' })).toBe('evfw.sip.content-length.missing');
  });

  it('malformed start lines, header lines and missing mandatory headers', () => {
    expect(errorCode('HELLO\r\n\r\n')).toBe('evfw.sip.start-line.malformed');
    expect(errorCode(REGISTER.replace('SIP/2.0\r\n', 'SIP/3.0\r\n'))).toBe('evfw.sip.start-line.version');
    expect(errorCode(REGISTER.replace('REGISTER sip:', 'REGISTER  sip:'))).toBe('evfw.sip.start-line.malformed');
    expect(errorCode(REGISTER_OK.replace('200 OK', '999 Weird'))).toBe('evfw.sip.status.invalid');
    expect(errorCode(REGISTER.replace('Expires: 7200', 'no colon here'))).toBe('evfw.sip.header.malformed');
    expect(errorCode(REGISTER.replace('Expires: 7200', 'Bad Name: x'))).toBe('evfw.sip.header.malformed');
    expect(errorCode(REGISTER.replace('Call-ID: 843817637684230@998sdasdh09\r\n', ''))).toBe('evfw.sip.header.missing');
    expect(errorCode(REGISTER.replace('CSeq: 1826 REGISTER', 'CSeq: 1826 INVITE'))).toBe('evfw.sip.cseq.method-mismatch');
    expect(errorCode(REGISTER.replace('CSeq: 1826 REGISTER', 'CSeq: many'))).toBe('evfw.sip.cseq.invalid');
    expect(errorCode('')).toBe('evfw.sip.message.empty');
  });

  it('CRLFs alone on a stream are keep-alives to drop (RFC 5626), and thousands of folded lines stay cheap', () => {
    const result = parseSipMessage('\r\n\r\n', { transport: 'stream' });
    expect(!result.ok && result.error).toMatchObject({ code: 'evfw.sip.message.keepalive', offset: 4 });
    const folded = REGISTER.replace('Expires: 7200', `Expires: 7200${'\r\n x'.repeat(5000)}`);
    const started = performance.now();
    const m = parseSipMessage(folded, { limits: { maxHeaderSectionBytes: 60_000 } });
    expect(m.ok && getHeader(m.value, 'Expires')?.length).toBe(4 + 2 * 5000);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('a continuation line before any header: evfw.sip.header.folding', () => {
    expect(errorCode(REGISTER.replace('SIP/2.0\r\n', 'SIP/2.0\r\n folded\r\n'))).toBe('evfw.sip.header.folding');
  });

  it('bytes that are not UTF-8: evfw.sip.header.encoding and evfw.sip.body.encoding', () => {
    const bytes = new TextEncoder().encode(REGISTER.replace('Expires: 7200', 'Expires: 7#00'));
    bytes[REGISTER.indexOf('Expires: 7200') + 10] = 0xff;
    expect(errorCode(bytes)).toBe('evfw.sip.header.encoding');
    const withBody = new TextEncoder().encode(REGISTER.replace('Content-Length: 0', 'Content-Length: 1') + 'x');
    withBody[withBody.length - 1] = 0xc3;
    expect(errorCode(withBody)).toBe('evfw.sip.body.encoding');
  });

  it('random bytes and random cuts of a valid message never throw', () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 2000; i++) {
      const bytes = new TextEncoder().encode(RINGING);
      const cut = bytes.subarray(0, next() % bytes.length);
      for (let j = 0; j < 3; j++) if (cut.length > 0) cut[next() % cut.length] = next() % 256;
      expect(() => parseSipMessage(cut, { transport: i % 2 === 0 ? 'stream' : 'datagram' })).not.toThrow();
    }
  });
});

describe('serializeSipMessage', () => {
  const request: SipRequest = {
    kind: 'request',
    method: 'MESSAGE',
    uri: 'sip:alice@example.com',
    headers: [
      { name: 'Via', value: 'SIP/2.0/TCP client.example.com:5060;branch=z9hG4bK1' },
      { name: 'Max-Forwards', value: '70' },
      { name: 'From', value: '<sip:alice@example.com>;tag=1' },
      { name: 'To', value: '<sip:alice@example.com>' },
      { name: 'Call-ID', value: 'abc' },
      { name: 'CSeq', value: '1 MESSAGE' },
      { name: 'Content-Type', value: 'text/plain' },
      { name: 'Content-Length', value: '7' },
    ],
    body: 'héllo ☕',
  };

  it('round trips: parse(serialize(x)) is x, for requests and responses, long and compact names', () => {
    const fixed = { ...request, headers: request.headers.map((h) => (h.name === 'Content-Length' ? { ...h, value: '10' } : h)) };
    for (const compact of [false, true]) {
      expect(parsed(serializeSipMessage(fixed, { compact }), { transport: 'stream' })).toEqual(fixed);
    }
    for (const text of [REGISTER, REGISTER_OK, RINGING]) {
      const m = parsed(text);
      expect(parsed(serializeSipMessage(m))).toEqual(m);
    }
  });

  it('writes CRLF lines, an empty line, and a Content-Length in UTF-8 bytes in place of a wrong one', () => {
    const text = serializeSipMessage(request);
    expect(text.split('\r\n')[0]).toBe('MESSAGE sip:alice@example.com SIP/2.0');
    expect(text).toContain('\r\nContent-Length: 10\r\n\r\nhéllo ☕');
    expect(text.match(/Content-Length/g)).toHaveLength(1);
  });

  it('adds a Content-Length when the message has none, and writes compact names when asked', () => {
    const text = serializeSipMessage({ ...request, headers: request.headers.filter((h) => h.name !== 'Content-Length') }, { compact: true });
    expect(text).toContain('\r\nv: SIP/2.0/TCP');
    expect(text).toContain('\r\ni: abc\r\n');
    expect(text).toContain('\r\nl: 10\r\n\r\n');
  });

  it('refuses a value that would inject a header line (evfw.sip.serialize.control-character)', () => {
    const bad = { ...request, headers: [...request.headers, { name: 'Subject', value: 'hi\r\nEvil: yes' }] };
    expect(() => serializeSipMessage(bad)).toThrow(/evfw\.sip\.serialize\.control-character/);
    expect(() => serializeSipMessage({ ...request, method: 'BAD METHOD' })).toThrow(/evfw\.sip\.serialize\.method/);
    expect(() => serializeSipMessage({ kind: 'response', status: 42, reason: 'x', headers: [], body: '' })).toThrow(/evfw\.sip\.serialize\.status/);
  });
});

describe('round trip property: parse(serialize(x)) is x', () => {
  it('for arbitrary requests and responses with arbitrary header values and UTF-8 bodies', () => {
    const name = fc
      .stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/)
      .map(canonicalHeaderName)
      .filter((n) => n !== 'Content-Length');
    const value = fc.stringMatching(/^[\x20-\x7e\t]{0,80}$/).map((v) => v.trim());
    const headers = fc.array(fc.record({ name, value }), { maxLength: 20 });
    const body = fc.string({ unit: 'grapheme', maxLength: 200 });
    const message = fc.oneof(
      fc.record({ kind: fc.constant('request' as const), method: fc.stringMatching(/^[A-Z]{1,10}$/), uri: fc.stringMatching(/^sip:[a-z0-9.@]{1,20}$/), headers, body }),
      fc.record({ kind: fc.constant('response' as const), status: fc.integer({ min: 100, max: 699 }), reason: fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,20}$/).map((r) => r.trim()), headers, body }),
    );
    fc.assert(
      fc.property(message, fc.boolean(), (m, compact) => {
        const text = serializeSipMessage(m, { compact });
        const back = parseSipMessage(text, { transport: 'stream', requireMandatoryHeaders: false });
        expect(back.ok).toBe(true);
        if (!back.ok) return;
        expect(back.length).toBe(new TextEncoder().encode(text).length);
        expect({ ...back.value, headers: back.value.headers.filter((h) => h.name !== 'Content-Length') }).toEqual(m);
        expect(serializeSipMessage(back.value, { compact })).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});

describe('hostile input property: the parser returns, never throws', () => {
  it('for arbitrary bytes and for SIP-shaped junk, on both transports', () => {
    const fragments = fc.constantFrom('INVITE sip:a@b SIP/2.0', 'SIP/2.0 200 OK', '\r\n', '\n', '\r', ' ', ':', 'Content-Length: 5', 'l: 99999', 'Via: x', '\u0000', 'é', '"', ';tag=', 'CSeq: 1 INVITE');
    const junk = fc.array(fragments, { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 3000 }), junk), fc.boolean(), (input, stream) => {
        const result = parseSipMessage(input, { transport: stream ? 'stream' : 'datagram' });
        if (!result.ok) expect(result.error.code).toMatch(/^evfw\.(sip|sdp)\.[a-z-]+(\.[a-z-]+)*$/);
      }),
      { numRuns: 1000 },
    );
  });
});
