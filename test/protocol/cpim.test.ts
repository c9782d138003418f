/**
 * CPIM (RFC 3862) as an IMDN in MSRP uses it (RFC 5438 sections 6 and 9; OMA CPM 6.7.3.2
 * item 3): writing, reading, and the round trip between them.
 */
import { describe, expect, it } from 'vitest';
import { cpimBodyText, cpimHeader, parseCpim, wrapCpim, type CpimMessage } from '../../protocol/src/results/cpim.js';
import { ResultError } from '../../protocol/src/results/result-error.js';

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const IMDN_URN = 'urn:ietf:params:imdn';
const XML = '<?xml version="1.0" encoding="UTF-8"?>\n<imdn xmlns="urn:ietf:params:xml:ns:imdn"><message-id>34jk324j</message-id><datetime>2008-04-04T12:16:49-05:00</datetime><delivery-notification><status><delivered/></status></delivery-notification></imdn>';

// The layout of the delivery notification of RFC 5438 section 7.2.1.1, with CRLF line ends.
const RFC_5438_IMDN =
  'From: Bob <im:bob@example.com>\r\n' +
  'To: Alice <im:alice@example.com>\r\n' +
  'NS: imdn <urn:ietf:params:imdn>\r\n' +
  'imdn.Message-ID: d834jied93rf\r\n' +
  'DateTime: 2008-04-04T12:16:49-05:00\r\n' +
  '\r\n' +
  'Content-type: message/imdn+xml\r\n' +
  'Content-Disposition: notification\r\n' +
  `Content-length: ${new TextEncoder().encode(XML).length}\r\n` +
  '\r\n' +
  XML;

function ok(result: ReturnType<typeof parseCpim>): CpimMessage {
  if (!result.ok) throw result.error;
  return result.value;
}

function thrown(f: () => unknown): ResultError {
  try {
    f();
  } catch (e) {
    if (e instanceof ResultError) return e;
    throw e;
  }
  throw new Error('expected a ResultError');
}

describe('reading CPIM (RFC 3862 section 3; RFC 5438 section 7.2.1.1)', () => {
  it('reads the RFC 5438 delivery notification: addresses, namespace, imdn.Message-ID, DateTime, the part', () => {
    const m = ok(parseCpim(RFC_5438_IMDN));
    expect(m.from).toEqual({ uri: 'im:bob@example.com', displayName: 'Bob' });
    expect(m.to).toEqual([{ uri: 'im:alice@example.com', displayName: 'Alice' }]);
    expect(m.dateTime).toBe('2008-04-04T12:16:49-05:00');
    expect(m.namespaces.get('imdn')).toBe(IMDN_URN);
    expect(cpimHeader(m, IMDN_URN, 'Message-ID')).toBe('d834jied93rf');
    expect(m.content.contentType).toBe('message/imdn+xml');
    expect(m.content.headers.find((h) => h.name === 'Content-Disposition')?.value).toBe('notification');
    expect(cpimBodyText(m)).toBe(XML);
  });

  it('resolves namespaced headers through NS, whatever the prefix (RFC 3862 section 5.7)', () => {
    const m = ok(parseCpim(RFC_5438_IMDN.replace('NS: imdn <', 'NS: rep <').replace('imdn.Message-ID', 'rep.Message-ID')));
    expect(cpimHeader(m, IMDN_URN, 'Message-ID')).toBe('d834jied93rf');
    expect(cpimHeader(m, 'urn:example:other', 'Message-ID')).toBeUndefined();
  });

  it('accepts bare LF line ends', () => {
    const m = ok(parseCpim(RFC_5438_IMDN.replace(/\r\n/g, '\n')));
    expect(cpimBodyText(m)).toBe(XML);
  });

  it('cuts the body at Content-Length: a trailing CRLF is not part of it', () => {
    expect(cpimBodyText(ok(parseCpim(`${RFC_5438_IMDN}\r\n`)))).toBe(XML);
  });

  it('refuses a Content-Length past the bytes present', () => {
    const r = parseCpim(RFC_5438_IMDN.replace(/Content-length: \d+/, 'Content-length: 99999'));
    expect(!r.ok && r.error.code).toBe('evfw.cpim.content-length');
  });

  it('refuses a message without the blank line after its headers', () => {
    const r = parseCpim('From: <sip:a@example.com>\r\nTo: <sip:b@example.com>\r\n');
    expect(!r.ok && [r.error.code, Boolean(r.error.hint)]).toEqual(['evfw.cpim.syntax', true]);
  });

  it('refuses a header line that is not "Name: value"', () => {
    const r = parseCpim('From <sip:a@example.com>\r\n\r\nContent-Type: text/plain\r\n\r\nx');
    expect(!r.ok && r.error.code).toBe('evfw.cpim.syntax');
  });

  it('refuses input past its size and header limits', () => {
    const big = parseCpim(new Uint8Array(2048), { maxSize: 1024 });
    expect(!big.ok && big.error.code).toBe('evfw.cpim.too-large');
    const many = parseCpim(`${'X-A: b\r\n'.repeat(100)}\r\nContent-Type: text/plain\r\n\r\n`, { maxHeaders: 10 });
    expect(!many.ok && many.error.code).toBe('evfw.cpim.too-large');
  });
});

describe('writing CPIM (RFC 3862 section 3)', () => {
  const input = {
    from: { uri: 'sip:pf@example.com' },
    to: [{ uri: 'sip:+15551234567@example.com', displayName: 'Alice "Ace" Smith' }],
    namespaces: [{ prefix: 'imdn', uri: IMDN_URN }],
    headers: [{ name: 'imdn.Message-ID', value: 'r3sult01' }],
    dateTime: '2024-05-02T10:15:00Z',
    contentType: 'message/imdn+xml',
    contentHeaders: [{ name: 'Content-Disposition', value: 'notification' }],
    body: XML,
  };

  it('writes message headers, a blank line, the part headers with Content-Length in bytes, a blank line, the body', () => {
    expect(text(wrapCpim(input))).toBe(
      'From: <sip:pf@example.com>\r\n' +
        'To: "Alice \\"Ace\\" Smith" <sip:+15551234567@example.com>\r\n' +
        'NS: imdn <urn:ietf:params:imdn>\r\n' +
        'imdn.Message-ID: r3sult01\r\n' +
        'DateTime: 2024-05-02T10:15:00Z\r\n' +
        '\r\n' +
        'Content-Type: message/imdn+xml\r\n' +
        'Content-Disposition: notification\r\n' +
        `Content-Length: ${new TextEncoder().encode(XML).length}\r\n` +
        '\r\n' +
        XML,
    );
  });

  it('round-trips: what it writes reads back the same, display names and non-ASCII bodies included', () => {
    const body = `${XML}<!-- é 漢字 -->`;
    const m = ok(parseCpim(wrapCpim({ ...input, body })));
    expect(m.from).toEqual(input.from);
    expect(m.to).toEqual(input.to);
    expect(m.dateTime).toBe(input.dateTime);
    expect(cpimHeader(m, IMDN_URN, 'Message-ID')).toBe('r3sult01');
    expect(m.content.contentType).toBe('message/imdn+xml');
    expect(cpimBodyText(m)).toBe(body);
  });

  it('round-trips the RFC 5438 example through read, write, read', () => {
    const first = ok(parseCpim(RFC_5438_IMDN));
    const again = ok(
      parseCpim(
        wrapCpim({
          from: first.from!,
          to: first.to,
          namespaces: [...first.namespaces].map(([prefix, uri]) => ({ prefix, uri })),
          headers: [{ name: 'imdn.Message-ID', value: cpimHeader(first, IMDN_URN, 'Message-ID')! }],
          dateTime: first.dateTime!,
          contentType: first.content.contentType!,
          contentHeaders: [{ name: 'Content-Disposition', value: 'notification' }],
          body: first.content.body,
        }),
      ),
    );
    expect([again.from, again.to, again.dateTime, cpimHeader(again, IMDN_URN, 'Message-ID'), cpimBodyText(again)]).toEqual([first.from, first.to, first.dateTime, 'd834jied93rf', XML]);
  });

  it('refuses values that would inject a header, bad URIs and a message without To', () => {
    expect(thrown(() => wrapCpim({ ...input, dateTime: 'now\r\nTo: <sip:evil@example.com>' })).code).toBe('evfw.cpim.invalid-value');
    expect(thrown(() => wrapCpim({ ...input, from: { uri: 'sip:a b' } })).code).toBe('evfw.cpim.invalid-value');
    expect(thrown(() => wrapCpim({ ...input, headers: [{ name: 'Bad Name', value: 'x' }] })).code).toBe('evfw.cpim.invalid-value');
    expect(thrown(() => wrapCpim({ ...input, to: [] })).code).toBe('evfw.cpim.missing-header');
  });
});
