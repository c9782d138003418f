/**
 * The pieces a server needs to answer hostile input the way RFC 3261 asks (issue 22 item 7):
 * the dialog headers read from a request the parser refused, the top Via stamped with received
 * and rport (RFC 3581), and From and To that must read as addresses.
 */
import { describe, expect, it } from 'vitest';
import { checkAddressHeaders, getHeaders, parseSipMessage, readDialogHeaders, stampTopVia, stampViaValue, type SipRequest } from '../../protocol/src/sip/index.js';

const crlf = (lines: string[]): string => `${lines.join('\r\n')}\r\n\r\n`;
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

const HEAD = [
  'MESSAGE sip:bob@example.com SIP/2.0',
  'Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-1',
  'v: SIP/2.0/UDP 192.0.2.9;branch=z9hG4bK-0, SIP/2.0/UDP 192.0.2.8;branch=z9hG4bK-00',
  'From: <sip:alice@example.com>;tag=a',
  'To: <sip:bob@example.com>',
  'Call-ID: c1@example.com',
  'CSeq: 1 MESSAGE',
];

describe('readDialogHeaders', () => {
  it('reads Via (all, in order), From, To, Call-ID and CSeq past 300 header fields', () => {
    const text = crlf([...HEAD, ...Array.from({ length: 300 }, (_, i) => `X-${i}: ${i}`), 'Content-Length: 0']);
    expect(parseSipMessage(text).ok).toBe(false);
    const head = readDialogHeaders(bytes(text));
    expect(head?.method).toBe('MESSAGE');
    expect(head?.headers.map((h) => h.name)).toEqual(['Via', 'Via', 'From', 'To', 'Call-ID', 'CSeq']);
    expect(getHeaders(head!, 'Via')[1]).toContain('z9hG4bK-00');
  });

  it('skips an over-long line and a line with a control character, keeping what follows', () => {
    const text = crlf([HEAD[0]!, `X-Long: ${'a'.repeat(9_000)}`, 'X-Nul: a\u0000b', ...HEAD.slice(1)]);
    expect(readDialogHeaders(bytes(text))?.headers).toHaveLength(6);
  });

  it('keeps folded continuation lines of a kept field only', () => {
    const text = crlf([...HEAD.slice(0, 5), 'Call-ID:', ' c2@example.com', 'X-Other: a', ' b', 'CSeq: 2 MESSAGE']);
    const head = readDialogHeaders(bytes(text));
    expect(head?.headers.find((h) => h.name === 'Call-ID')?.value).toBe('c2@example.com');
  });

  it('gives nothing without a request line or one of the fields', () => {
    expect(readDialogHeaders(bytes(crlf(['SIP/2.0 200 OK', ...HEAD.slice(1)])))).toBeUndefined();
    expect(readDialogHeaders(bytes(crlf(HEAD.filter((l) => !l.startsWith('Call-ID')))))).toBeUndefined();
    expect(readDialogHeaders(bytes(crlf([`MESSAGE sip:${'b'.repeat(9_000)}@example.com SIP/2.0`, ...HEAD.slice(1)])))).toBeUndefined();
  });

  it('looks at no more than maxHeaderSectionBytes', () => {
    const text = crlf([HEAD[0]!, ...Array.from({ length: 100 }, (_, i) => `X-${i}: ${'x'.repeat(50)}`), ...HEAD.slice(1)]);
    expect(readDialogHeaders(bytes(text), { maxHeaderSectionBytes: 1_000 })).toBeUndefined();
    expect(readDialogHeaders(bytes(text))).toBeDefined();
  });
});

describe('stampTopVia (RFC 3261 18.2.1, RFC 3581 4)', () => {
  const source = { address: '203.0.113.7', port: 40123 };

  it('fills in rport and adds received, even when the address is the sent-by one', () => {
    expect(stampViaValue('SIP/2.0/UDP 203.0.113.7:5060;branch=z9hG4bK-1;rport', source)).toBe('SIP/2.0/UDP 203.0.113.7:5060;branch=z9hG4bK-1;rport=40123;received=203.0.113.7');
  });

  it('adds received alone when the sent-by host differs and no rport is asked', () => {
    expect(stampViaValue('SIP/2.0/TCP client.example.com;branch=z9hG4bK-1', source)).toBe('SIP/2.0/TCP client.example.com;branch=z9hG4bK-1;received=203.0.113.7');
    expect(stampViaValue('SIP/2.0/UDP [2001:db8::1]:5060;branch=z9hG4bK-1', { address: '2001:db8::1', port: 1 })).toBe('SIP/2.0/UDP [2001:db8::1]:5060;branch=z9hG4bK-1');
  });

  it('leaves a Via whose sent-by is the source alone, and writes IPv4-mapped addresses as IPv4', () => {
    expect(stampViaValue('SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bK-1', { address: '::ffff:127.0.0.1', port: 1 })).toBe('SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bK-1');
  });

  it('replaces a received the client wrote and stamps only the first value of the first Via', () => {
    const request: SipRequest = {
      kind: 'request',
      method: 'OPTIONS',
      uri: 'sip:bob@example.com',
      headers: [
        { name: 'Via', value: 'SIP/2.0/UDP 192.0.2.1;received=6.6.6.6;rport, SIP/2.0/UDP 192.0.2.2;rport' },
        { name: 'Via', value: 'SIP/2.0/UDP 192.0.2.9;branch=z9hG4bK-0, SIP/2.0/UDP 192.0.2.8;branch=z9hG4bK-00' },
      ],
      body: '',
    };
    const stamped = stampTopVia(request, source);
    expect(getHeaders(stamped, 'Via')).toEqual([
      'SIP/2.0/UDP 192.0.2.1;rport=40123;received=203.0.113.7, SIP/2.0/UDP 192.0.2.2;rport',
      'SIP/2.0/UDP 192.0.2.9;branch=z9hG4bK-0, SIP/2.0/UDP 192.0.2.8;branch=z9hG4bK-00',
    ]);
  });
});

describe('checkAddressHeaders', () => {
  const withFrom = (from: string): SipRequest => ({ kind: 'request', method: 'MESSAGE', uri: 'sip:b@example.com', headers: [{ name: 'From', value: from }, { name: 'To', value: '<sip:b@example.com>' }], body: '' });

  it('accepts the forms of RFC 3261 20.10', () => {
    for (const from of ['<sip:alice@example.com>;tag=1', '"Alice \\"A\\"" <sip:alice@example.com>;tag=1', 'Alice Liddell <sips:alice@example.com>', 'sip:alice@example.com;tag=1', '<tel:+15145551234>']) {
      expect(checkAddressHeaders(withFrom(from)), from).toBeUndefined();
    }
  });

  it('refuses what is not an address, naming the header', () => {
    for (const from of ['<<<<', '<sip:alice@example.com', '<sip:a@b>>', 'Alice sip:alice@example.com', '<alice>', '<sip:a b@example.com>', '<sip:a@b>;=x']) {
      expect(checkAddressHeaders(withFrom(from))?.code, from).toBe('evfw.sip.header.from-malformed');
    }
    const to: SipRequest = { ...withFrom('<sip:a@example.com>'), headers: [{ name: 'From', value: '<sip:a@example.com>' }, { name: 'To', value: '>' }] };
    expect(checkAddressHeaders(to)?.code).toBe('evfw.sip.header.to-malformed');
  });
});
