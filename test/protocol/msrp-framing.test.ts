/**
 * SEND requests and responses as they go on the wire (RFC 4975 sections 7.1 and 7.2), for the
 * bodies of an event-reporting session (OMA CPM 6.7.4, 6.7.3.2 item 3).
 */
import { describe, expect, it } from 'vitest';
import { MsrpError } from '../../protocol/src/msrp/msrp-error.js';
import { headerValue, parseByteRange, type MsrpRequest } from '../../protocol/src/msrp/msrp-frame.js';
import { buildResponse, responseWanted } from '../../protocol/src/msrp/response.js';
import { CPM_EVFW_CONTENT_TYPE } from '../../protocol/src/content-types.js';
import { buildEventSend, buildImdnSend, buildSend, messageBytes } from '../../protocol/src/msrp/send-request.js';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const ids = (...list: string[]) => {
  const queue = [...list];
  return () => queue.shift() ?? 'exhausted';
};
const BOB = 'msrp://biloxi.example.com:12763/kjhd37s2s20w2a;tcp';
const ALICE = 'msrp://atlanta.example.com:7654/jshA7weztas;tcp';

function thrown(f: () => unknown): MsrpError {
  try {
    f();
  } catch (e) {
    if (e instanceof MsrpError) return e;
    throw e;
  }
  throw new Error('expected an MsrpError');
}

describe('SEND framing (RFC 4975 section 7.1)', () => {
  it('writes the section 7.1 layout: start line, To-Path, From-Path, Message-ID, Byte-Range, Content-Type, body, CRLF, end-line', () => {
    const body = 'Hey Bob, are you there?';
    const message = buildSend(body, 'text/plain', { toPath: [BOB], fromPath: [ALICE], messageId: '87652491', newTransactionId: ids('a786hjs2') });
    expect(message.chunks).toHaveLength(1);
    expect(text(message.chunks[0]!.bytes)).toBe(
      'MSRP a786hjs2 SEND\r\n' +
        `To-Path: ${BOB}\r\n` +
        `From-Path: ${ALICE}\r\n` +
        'Message-ID: 87652491\r\n' +
        'Byte-Range: 1-23/23\r\n' +
        'Content-Type: text/plain\r\n' +
        '\r\n' +
        'Hey Bob, are you there?\r\n' +
        '-------a786hjs2$\r\n',
    );
  });

  it('carries the event document bare, with the event reporting Content-Type (OMA CPM 6.7.4)', () => {
    const doc = '<cpm-evfw xmlns="urn:oma:xml:cpm:evfw"/>';
    const wire = text(messageBytes(buildEventSend(doc, { toPath: [BOB], fromPath: [ALICE], newTransactionId: ids('tid00001') })));
    expect(wire).toContain('Content-Type: application/vnd.oma.cpm-eventfw+xml\r\n\r\n<cpm-evfw');
    expect(CPM_EVFW_CONTENT_TYPE).toBe('application/vnd.oma.cpm-eventfw+xml');
    expect(wire).not.toMatch(/message\/cpim|^From: /m);
  });

  it('carries an IMDN in CPIM as message/cpim (RFC 5438 section 9; OMA CPM 6.7.3.2 item 3)', () => {
    const wire = text(messageBytes(buildImdnSend('From: <sip:pf@example.com>\r\n\r\n', { toPath: [BOB], fromPath: [ALICE] })));
    expect(wire).toContain('Content-Type: message/cpim\r\n\r\nFrom: <sip:pf@example.com>');
  });

  it('writes Success-Report and Failure-Report only when they differ from the defaults (section 7.1.1)', () => {
    const plain = text(messageBytes(buildSend('x', 'text/plain', { toPath: [BOB], fromPath: [ALICE] })));
    expect(plain).not.toMatch(/Success-Report|Failure-Report/);
    const both = text(messageBytes(buildSend('x', 'text/plain', { toPath: [BOB], fromPath: [ALICE], successReport: true, failureReport: 'partial' })));
    expect(both).toContain('Success-Report: yes\r\nFailure-Report: partial\r\n');
  });

  it('writes an empty message without Content-Type and with Byte-Range 1-0/0 (section 7.1.1)', () => {
    const wire = text(messageBytes(buildSend('', 'text/plain', { toPath: [BOB], fromPath: [ALICE], messageId: 'empty001', newTransactionId: ids('tid00002') })));
    expect(wire).toBe(`MSRP tid00002 SEND\r\nTo-Path: ${BOB}\r\nFrom-Path: ${ALICE}\r\nMessage-ID: empty001\r\nByte-Range: 1-0/0\r\n-------tid00002$\r\n`);
  });

  it('joins multi-hop paths with spaces (section 9: To-Path = MSRP-URI *(SP MSRP-URI))', () => {
    const relay = 'msrps://relay.example.com:2855/r3l4y;tcp';
    const wire = text(messageBytes(buildSend('x', 'text/plain', { toPath: [relay, BOB], fromPath: [ALICE] })));
    expect(wire).toContain(`To-Path: ${relay} ${BOB}\r\n`);
  });
});

describe('chunking (RFC 4975 sections 5.1 and 7.1)', () => {
  it('splits a large body into chunks with their own transactions, one Message-ID, Byte-Range and + then $', () => {
    const body = new Uint8Array(5000).map((_, i) => 0x61 + (i % 26));
    const message = buildSend(body, CPM_EVFW_CONTENT_TYPE, { toPath: [BOB], fromPath: [ALICE], chunkSize: 2048 });
    expect(message.chunks.map((c) => [c.byteRange, c.continuation])).toEqual([
      ['1-2048/5000', '+'],
      ['2049-4096/5000', '+'],
      ['4097-5000/5000', '$'],
    ]);
    expect(new Set(message.chunks.map((c) => c.transactionId)).size).toBe(3);
    for (const c of message.chunks) {
      const wire = text(c.bytes);
      expect(wire).toContain(`Message-ID: ${message.messageId}\r\n`);
      expect(wire.endsWith(`\r\n-------${c.transactionId}${c.continuation}\r\n`)).toBe(true);
    }
  });

  it('uses 2048-byte chunks by default (section 7.1)', () => {
    const message = buildSend(new Uint8Array(4097), 'application/octet-stream', { toPath: [BOB], fromPath: [ALICE] });
    expect(message.chunks.map((c) => c.byteRange)).toEqual(['1-2048/4097', '2049-4096/4097', '4097-4097/4097']);
  });

  it('refuses a chunk size that is not a positive whole number', () => {
    expect(thrown(() => buildSend('x', 'text/plain', { toPath: [BOB], fromPath: [ALICE], chunkSize: 0 })).code).toBe('evfw.msrp.invalid-option');
  });
});

describe('transaction ids (RFC 4975 section 7.1: the end-line must not occur in the body)', () => {
  it('discards an id whose end-line is in the body and takes the next', () => {
    const body = 'before\r\n-------abcd1234$\r\nafter';
    const message = buildSend(body, 'text/plain', { toPath: [BOB], fromPath: [ALICE], newTransactionId: ids('abcd1234', 'efgh5678') });
    expect(message.chunks[0]!.transactionId).toBe('efgh5678');
  });

  it('checks each chunk on its own: an id is only ruled out by its own chunk', () => {
    const body = '-------aaaa0001+'.padEnd(32, '.');
    const message = buildSend(body, 'text/plain', { toPath: [BOB], fromPath: [ALICE], chunkSize: 16, newTransactionId: ids('aaaa0001', 'bbbb0002', 'aaaa0001') });
    expect(message.chunks.map((c) => c.transactionId)).toEqual(['bbbb0002', 'aaaa0001']);
  });

  it('refuses an id that is not an ident (section 9: ALPHANUM 3*31ident-char)', () => {
    const error = thrown(() => buildSend('x', 'text/plain', { toPath: [BOB], fromPath: [ALICE], newTransactionId: ids('a b') }));
    expect(error.code).toBe('evfw.msrp.transaction-id');
    expect(error.hint).toBeTruthy();
  });

  it('gives up with a clear error when the id generator keeps colliding', () => {
    const error = thrown(() => buildSend('-------same0001$', 'text/plain', { toPath: [BOB], fromPath: [ALICE], newTransactionId: () => 'same0001' }));
    expect(error.code).toBe('evfw.msrp.transaction-id');
  });

  it('makes random ids that are idents', () => {
    const message = buildSend('x', 'text/plain', { toPath: [BOB], fromPath: [ALICE] });
    expect(message.chunks[0]!.transactionId).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(message.messageId).toMatch(/^[A-Za-z0-9]{16}$/);
  });
});

describe('builder input checks', () => {
  it('refuses a path that is not an MSRP URI, and an empty path (section 6)', () => {
    expect(thrown(() => buildSend('x', 'text/plain', { toPath: ['sip:bob@example.com'], fromPath: [ALICE] })).code).toBe('evfw.msrp.invalid-option');
    expect(thrown(() => buildSend('x', 'text/plain', { toPath: [], fromPath: [ALICE] })).code).toBe('evfw.msrp.invalid-option');
  });

  it('refuses header injection through the Content-Type', () => {
    expect(thrown(() => buildSend('x', 'text/plain\r\nX-Evil: 1', { toPath: [BOB], fromPath: [ALICE] })).code).toBe('evfw.msrp.invalid-option');
  });

  it('refuses a Message-ID that is not an ident', () => {
    expect(thrown(() => buildSend('x', 'text/plain', { toPath: [BOB], fromPath: [ALICE], messageId: 'no' })).code).toBe('evfw.msrp.invalid-option');
  });
});

describe('Byte-Range values (RFC 4975 section 9)', () => {
  it('reads numbers and stars', () => {
    expect(parseByteRange('1-*/8')).toEqual({ start: 1, end: '*', total: 8 });
    expect(parseByteRange('5-8/8')).toEqual({ start: 5, end: 8, total: 8 });
    expect(parseByteRange('1-0/0')).toEqual({ start: 1, end: 0, total: 0 });
  });

  it.each(['0-5/5', '6-4/10', '1-9/8', '1-2', 'a-b/c', '1-9999999999999999/*'])('refuses %s', (value) => {
    expect(thrown(() => parseByteRange(value)).code).toBe('evfw.msrp.byte-range');
  });
});

describe('responses (RFC 4975 section 7.2)', () => {
  const request: MsrpRequest = {
    kind: 'request',
    transactionId: 'a786hjs2',
    method: 'SEND',
    headers: [
      { name: 'To-Path', value: BOB },
      { name: 'From-Path', value: ALICE },
      { name: 'Message-ID', value: '87652491' },
    ],
    body: new Uint8Array(0),
    continuation: '$',
  };

  it('answers 200 OK to the previous hop: To-Path is the request From-Path, From-Path this endpoint, no body', () => {
    expect(text(buildResponse(request))).toBe(`MSRP a786hjs2 200 OK\r\nTo-Path: ${ALICE}\r\nFrom-Path: ${BOB}\r\n-------a786hjs2$\r\n`);
  });

  it('answers only the first hop of a multi-hop From-Path', () => {
    const relayed = { ...request, headers: [{ name: 'To-Path', value: BOB }, { name: 'From-Path', value: `msrp://relay.example.com:2855/r;tcp ${ALICE}` }] };
    expect(text(buildResponse(relayed))).toContain('To-Path: msrp://relay.example.com:2855/r;tcp\r\n');
  });

  it('writes error statuses with their section 10 comment, or a given one', () => {
    expect(text(buildResponse(request, 413))).toMatch(/^MSRP a786hjs2 413 Stop-sending-message\r\n/);
    expect(text(buildResponse(request, 400, { comment: 'Bad Byte-Range' }))).toMatch(/^MSRP a786hjs2 400 Bad Byte-Range\r\n/);
  });

  it('sends no response for Failure-Report: no, and only errors for partial', () => {
    const no = { ...request, headers: [...request.headers, { name: 'Failure-Report', value: 'no' }] };
    const partial = { ...request, headers: [...request.headers, { name: 'Failure-Report', value: 'partial' }] };
    expect([responseWanted(request, 200), responseWanted(no, 200), responseWanted(no, 400), responseWanted(partial, 200), responseWanted(partial, 400)]).toEqual([true, false, false, false, true]);
  });

  it('refuses to answer a request without paths', () => {
    const bare = { ...request, headers: [] };
    expect(thrown(() => buildResponse(bare)).code).toBe('evfw.msrp.missing-header');
    expect(headerValue(request, 'message-id')).toBe('87652491');
  });
});
