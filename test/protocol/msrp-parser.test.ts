/**
 * Reading MSRP from a TCP byte stream (RFC 4975 sections 7.1, 7.3 and 9): where a body ends,
 * reassembly of chunks by Message-ID and Byte-Range, streams split anywhere, and input written
 * to hurt the reader, which must answer with a code and stay within its limits.
 */
import { describe, expect, it } from 'vitest';
import { headerValue } from '../../protocol/src/msrp/msrp-frame.js';
import { MsrpReader, type MsrpReadEvent } from '../../protocol/src/msrp/msrp-reader.js';
import { buildResponse } from '../../protocol/src/msrp/response.js';
import { CPM_EVFW_CONTENT_TYPE } from '../../protocol/src/content-types.js';
import { buildSend, messageBytes } from '../../protocol/src/msrp/send-request.js';
import { ReassemblyBudget } from '../../protocol/src/msrp/reassembly-budget.js';
import { MsrpStreamParser } from '../../protocol/src/msrp/stream-parser.js';

const enc = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);
const BOB = 'msrp://biloxi.example.com:12763/kjhd37s2s20w2a;tcp';
const ALICE = 'msrp://atlanta.example.com:7654/jshA7weztas;tcp';

// RFC 4975 section 4 (the first exchange of the overview), byte counts fixed for its body.
const RFC_SEND =
  'MSRP a786hjs2 SEND\r\n' +
  `To-Path: ${BOB}\r\n` +
  `From-Path: ${ALICE}\r\n` +
  'Message-ID: 87652491\r\n' +
  'Byte-Range: 1-23/23\r\n' +
  'Content-Type: text/plain\r\n' +
  '\r\n' +
  'Hey Bob, are you there?\r\n' +
  '-------a786hjs2$\r\n';
const RFC_OK = `MSRP a786hjs2 200 OK\r\nTo-Path: ${ALICE}\r\nFrom-Path: ${BOB}\r\n-------a786hjs2$\r\n`;

// RFC 4975 section 5.1: a chunk interrupted after 4 bytes (Byte-Range end "*", flag "+"),
// the rest in a second transaction. The RFC leaves the paths out for brevity; they are added.
const RFC_CHUNKS =
  'MSRP dkei38sd SEND\r\n' +
  'To-Path: msrp://alice.example.com:7777/iau39soe2843z;tcp\r\n' +
  'From-Path: msrp://bob.example.com:8888/9di4eae923wzd;tcp\r\n' +
  'Message-ID: 4564dpWd\r\n' +
  'Byte-Range: 1-*/8\r\n' +
  'Content-Type: text/plain\r\n' +
  '\r\n' +
  'abcd\r\n' +
  '-------dkei38sd+\r\n' +
  'MSRP dkei38ia SEND\r\n' +
  'To-Path: msrp://alice.example.com:7777/iau39soe2843z;tcp\r\n' +
  'From-Path: msrp://bob.example.com:8888/9di4eae923wzd;tcp\r\n' +
  'Message-ID: 4564dpWd\r\n' +
  'Byte-Range: 5-8/8\r\n' +
  'Content-Type: text/plain\r\n' +
  '\r\n' +
  'EFGH\r\n' +
  '-------dkei38ia$\r\n';

function readAll(bytes: Uint8Array | string, limits?: ConstructorParameters<typeof MsrpReader>[0]): MsrpReadEvent[] {
  const reader = new MsrpReader(limits);
  return [...reader.push(typeof bytes === 'string' ? enc(bytes) : bytes), ...reader.end()];
}

/** Events in a comparable form: bodies as text. */
function summary(events: readonly MsrpReadEvent[]): unknown[] {
  return events.map((e) => {
    switch (e.type) {
      case 'request':
        return ['request', e.request.transactionId, e.request.method, e.request.continuation, e.request.body && text(e.request.body)];
      case 'response':
        return ['response', e.response.transactionId, e.response.status, e.response.comment];
      case 'message':
        return ['message', e.message.messageId, e.message.contentType, text(e.message.body)];
      case 'aborted':
        return ['aborted', e.messageId];
      case 'error':
        return ['error', e.error.code, e.error.status, e.error.transactionId, e.fatal];
    }
  });
}

const errors = (events: readonly MsrpReadEvent[]) => events.flatMap((e) => (e.type === 'error' ? [[e.error.code, e.error.status, e.fatal]] : []));

describe('framing examples (RFC 4975 sections 4, 5.1 and 7.1)', () => {
  it('reads the SEND and its 200 OK', () => {
    const events = readAll(RFC_SEND + RFC_OK);
    expect(summary(events)).toEqual([
      ['request', 'a786hjs2', 'SEND', '$', 'Hey Bob, are you there?'],
      ['message', '87652491', 'text/plain', 'Hey Bob, are you there?'],
      ['response', 'a786hjs2', 200, 'OK'],
    ]);
    const request = events[0]!.type === 'request' ? events[0]!.request : undefined;
    expect(headerValue(request!, 'to-path')).toBe(BOB);
  });

  it('reassembles the section 5.1 interrupted chunk and its continuation into one message', () => {
    expect(summary(readAll(RFC_CHUNKS))).toEqual([
      ['request', 'dkei38sd', 'SEND', '+', 'abcd'],
      ['request', 'dkei38ia', 'SEND', '$', 'EFGH'],
      ['message', '4564dpWd', 'text/plain', 'abcdEFGH'],
    ]);
  });

  it('reads a request without a body (section 9: the end-line right after the headers)', () => {
    const report = `MSRP dkei38sd REPORT\r\nTo-Path: ${ALICE}\r\nFrom-Path: ${BOB}\r\nMessage-ID: 12339sdqwer\r\nByte-Range: 1-106/106\r\nStatus: 000 200 OK\r\n-------dkei38sd$\r\n`;
    const events = readAll(report);
    expect(summary(events)).toEqual([['request', 'dkei38sd', 'REPORT', '$', undefined]]);
  });

  it('reads an empty body, with or without the CRLF before the end-line (section 7.1)', () => {
    const head = `MSRP emptyb01 SEND\r\nTo-Path: ${BOB}\r\nFrom-Path: ${ALICE}\r\nMessage-ID: m0000001\r\nContent-Type: text/plain\r\n\r\n`;
    expect(summary(readAll(`${head}\r\n-------emptyb01$\r\n`))[0]).toEqual(['request', 'emptyb01', 'SEND', '$', '']);
    expect(summary(readAll(`${head}-------emptyb01$\r\n`))[0]).toEqual(['request', 'emptyb01', 'SEND', '$', '']);
  });

  it('reads what the builder writes, and answers it with the response builder', () => {
    const doc = '<cpm-evfw xmlns="urn:oma:xml:cpm:evfw"/>';
    const message = buildSend(doc, CPM_EVFW_CONTENT_TYPE, { toPath: [BOB], fromPath: [ALICE], chunkSize: 7 });
    const events = readAll(messageBytes(message));
    const last = events.at(-1)!;
    expect(last.type === 'message' && [last.message.messageId, last.message.contentType, text(last.message.body), last.message.transactionIds.length]).toEqual([
      message.messageId,
      CPM_EVFW_CONTENT_TYPE,
      doc,
      message.chunks.length,
    ]);
    const first = events[0]!;
    if (first.type !== 'request') throw new Error('expected a request');
    expect(summary(readAll(buildResponse(first.request)))).toEqual([['response', first.request.transactionId, 200, 'OK']]);
  });
});

describe('where a body ends (RFC 4975 section 7.1)', () => {
  it('keeps end-lines of other transactions, and -------  lines, inside the body', () => {
    const body = 'line one\r\n-------\r\n-------other999$\r\nMSRP other999 200 OK\r\n-------a786hjs2 is not it\r\n-------a786hjs2X\r\nend';
    // Written by hand: the builder would not pick an id whose "-------<id>" occurs in the body.
    const wire = `MSRP a786hjs2 SEND\r\nTo-Path: ${BOB}\r\nFrom-Path: ${ALICE}\r\nMessage-ID: msg00001\r\nContent-Type: text/plain\r\n\r\n${body}\r\n-------a786hjs2$\r\n`;
    const events = readAll(wire);
    expect(summary(events)).toEqual([
      ['request', 'a786hjs2', 'SEND', '$', body],
      ['message', 'msg00001', 'text/plain', body],
    ]);
  });

  it('does not take an end-line of a longer id that starts with this one', () => {
    const body = 'x\r\n-------abcde$\r\ny';
    const wire = `MSRP abcd SEND\r\nTo-Path: ${BOB}\r\nFrom-Path: ${ALICE}\r\nMessage-ID: m0000002\r\nContent-Type: text/plain\r\n\r\n${body}\r\n-------abcd$\r\n`;
    expect(summary(readAll(wire))[0]).toEqual(['request', 'abcd', 'SEND', '$', body]);
  });

  it('keeps arbitrary bytes, CR, LF and NUL included', () => {
    const body = new Uint8Array(1024).map((_, i) => (i * 7919) % 256);
    const events = readAll(messageBytes(buildSend(body, 'application/octet-stream', { toPath: [BOB], fromPath: [ALICE], chunkSize: 100 })));
    const last = events.at(-1)!;
    expect(last.type).toBe('message');
    expect(last.type === 'message' && Buffer.from(last.message.body).equals(Buffer.from(body))).toBe(true);
  });
});

describe('streams split anywhere (RFC 4975 section 7.3: TCP gives bytes, not messages)', () => {
  const chunkedBody = 'first line\r\n-------\r\n-------zzzz0001$\r\nmore text after a fake end-line\r\n'.repeat(3);
  const stream = Buffer.concat([
    enc(RFC_SEND),
    enc(RFC_OK),
    enc(RFC_CHUNKS),
    messageBytes(buildSend(chunkedBody, CPM_EVFW_CONTENT_TYPE, { toPath: [BOB], fromPath: [ALICE], chunkSize: 40, messageId: 'split001' })),
    // An empty body without the CRLF before its end-line, read as empty.
    enc(`MSRP sloppy01 SEND\r\nTo-Path: ${BOB}\r\nFrom-Path: ${ALICE}\r\nMessage-ID: sloppy01\r\nContent-Type: text/plain\r\n\r\n-------sloppy01$\r\n`),
    enc(`MSRP abcd1111 413 Stop-sending-message\r\nTo-Path: ${ALICE}\r\nFrom-Path: ${BOB}\r\n-------abcd1111$\r\n`),
  ]);
  const whole = summary(readAll(stream));

  it('gives the same events for every split point', () => {
    expect(whole.filter((e) => (e as unknown[])[0] === 'message')).toHaveLength(4);
    for (let i = 0; i <= stream.length; i++) {
      const reader = new MsrpReader();
      const events = [...reader.push(stream.subarray(0, i)), ...reader.push(stream.subarray(i)), ...reader.end()];
      expect(summary(events), `split at byte ${i}`).toEqual(whole);
    }
  });

  it('gives the same events for a long stream fed in pieces of varying size (the buffer is compacted and grown)', () => {
    const long = Buffer.concat(Array.from({ length: 20 }, () => stream));
    const expected = summary(readAll(long));
    expect(expected.length).toBe(whole.length * 20);
    let seed = 7;
    const reader = new MsrpReader();
    const events: MsrpReadEvent[] = [];
    for (let at = 0; at < long.length; ) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const size = 1 + (seed % 700);
      events.push(...reader.push(long.subarray(at, at + size)));
      at += size;
    }
    events.push(...reader.end());
    expect(summary(events)).toEqual(expected);
  });

  it('gives the same events fed one byte at a time', () => {
    const reader = new MsrpReader();
    const events: MsrpReadEvent[] = [];
    for (let i = 0; i < stream.length; i++) events.push(...reader.push(stream.subarray(i, i + 1)));
    events.push(...reader.end());
    expect(summary(events)).toEqual(whole);
  });
});

describe('reassembly (RFC 4975 sections 5.1 and 7.3.1)', () => {
  const chunk = (tid: string, messageId: string, range: string | undefined, body: string, flag: string) =>
    `MSRP ${tid} SEND\r\nTo-Path: ${BOB}\r\nFrom-Path: ${ALICE}\r\nMessage-ID: ${messageId}\r\n${range ? `Byte-Range: ${range}\r\n` : ''}Content-Type: text/plain\r\n\r\n${body}\r\n-------${tid}${flag}\r\n`;

  it('puts chunks back in Byte-Range order whatever order they arrive in', () => {
    const wire = chunk('t0000003', 'ooo00001', '9-12/12', 'IJKL', '$') + chunk('t0000001', 'ooo00001', '1-4/12', 'ABCD', '+') + chunk('t0000002', 'ooo00001', '5-8/12', 'EFGH', '+');
    expect(summary(readAll(wire)).at(-1)).toEqual(['message', 'ooo00001', 'text/plain', 'ABCDEFGHIJKL']);
  });

  it('keeps interleaved messages apart by Message-ID', () => {
    const wire = chunk('t0000001', 'mmmA0001', '1-2/4', 'aa', '+') + chunk('t0000002', 'mmmB0001', '1-2/4', 'bb', '+') + chunk('t0000003', 'mmmB0001', '3-4/4', 'BB', '$') + chunk('t0000004', 'mmmA0001', '3-4/4', 'AA', '$');
    expect(summary(readAll(wire)).filter((e) => (e as unknown[])[0] === 'message')).toEqual([
      ['message', 'mmmB0001', 'text/plain', 'bbBB'],
      ['message', 'mmmA0001', 'text/plain', 'aaAA'],
    ]);
  });

  it('learns an unknown total from the $ chunk (Byte-Range total "*")', () => {
    const wire = chunk('t0000001', 'star0001', '1-3/*', 'abc', '+') + chunk('t0000002', 'star0001', '4-*/*', 'de', '$');
    expect(summary(readAll(wire)).at(-1)).toEqual(['message', 'star0001', 'text/plain', 'abcde']);
  });

  it('reads a SEND without Byte-Range as a whole message', () => {
    expect(summary(readAll(chunk('t0000001', 'nobr0001', undefined, 'whole', '$'))).at(-1)).toEqual(['message', 'nobr0001', 'text/plain', 'whole']);
  });

  it('drops a message its sender aborts with # (section 7.1)', () => {
    const wire = chunk('t0000001', 'abrt0001', '1-2/4', 'ab', '+') + chunk('t0000002', 'abrt0001', '3-*/4', 'c', '#');
    expect(summary(readAll(wire)).slice(-1)).toEqual([['aborted', 'abrt0001']]);
  });

  it('refuses a $ chunk whose body disagrees with its Byte-Range, and later chunks of that message', () => {
    const wire = chunk('t0000001', 'bad00001', '1-2/4', 'ab', '+') + chunk('t0000002', 'bad00001', '3-4/4', 'cde', '$') + chunk('t0000003', 'bad00001', '3-4/4', 'cd', '$');
    expect(errors(readAll(wire))).toEqual([
      ['evfw.msrp.byte-range', 400, false],
      ['evfw.msrp.byte-range', 400, false],
    ]);
  });

  it('refuses a SEND without Message-ID (section 7.1.1)', () => {
    const wire = `MSRP t0000001 SEND\r\nTo-Path: ${BOB}\r\nFrom-Path: ${ALICE}\r\nContent-Type: text/plain\r\n\r\nx\r\n-------t0000001$\r\n`;
    expect(errors(readAll(wire))).toEqual([['evfw.msrp.missing-header', 400, false]]);
  });
});

describe('hostile input: bounded, coded, never a crash', () => {
  it('reports a request whose end-line never comes when the stream ends', () => {
    const events = readAll(RFC_SEND.slice(0, -20));
    expect(errors(events)).toEqual([['evfw.msrp.truncated', 400, true]]);
  });

  it('skips a body longer than maxChunkSize to its end-line, holding no more than the limit, and answers 413', () => {
    const parser = new MsrpStreamParser({ maxChunkSize: 1024 });
    const head = `MSRP huge0001 SEND\r\nTo-Path: ${BOB}\r\nFrom-Path: ${ALICE}\r\nMessage-ID: huge0001\r\nContent-Type: text/plain\r\n\r\n`;
    const events = parser.push(enc(head));
    const filler = enc('-------huge000'.padEnd(1000, 'x'));
    for (let i = 0; i < 2000; i++) events.push(...parser.push(filler));
    const held = (parser as unknown as { buf: Buffer }).buf.length;
    expect(held).toBeLessThan(64 * 1024);
    events.push(...parser.push(enc(`\r\n-------huge0001$\r\n${RFC_SEND}`)));
    expect(events.map((e) => (e.type === 'error' ? [e.error.code, e.error.status, e.fatal] : [e.frame.kind, e.frame.transactionId]))).toEqual([
      ['evfw.msrp.body-too-large', 413, false],
      ['request', 'a786hjs2'],
    ]);
  });

  it('gives up on a header longer than maxHeaderBytes, and on the stream after it', () => {
    const reader = new MsrpReader({ maxHeaderBytes: 4096 });
    const events = reader.push(enc(`MSRP hdr00001 SEND\r\nTo-Path: ${BOB}\r\nX-Long: ${'a'.repeat(100_000)}`));
    expect(errors(events)).toEqual([['evfw.msrp.header-too-large', 400, true]]);
    expect(reader.failed).toBe(true);
    expect(reader.push(enc(RFC_SEND))).toEqual([]);
  });

  it('gives up on a start line that never ends', () => {
    expect(errors(readAll('MSRP '.padEnd(50_000, 'x'), { maxHeaderBytes: 1024 }))).toEqual([['evfw.msrp.header-too-large', 400, true]]);
  });

  it('gives up on too many header lines', () => {
    const wire = `MSRP many0001 SEND\r\nTo-Path: ${BOB}\r\nFrom-Path: ${ALICE}\r\n${'X-A: b\r\n'.repeat(100)}-------many0001$\r\n`;
    expect(errors(readAll(wire, { maxHeaderCount: 16 }))).toEqual([['evfw.msrp.too-many-headers', 400, true]]);
  });

  it('refuses a Byte-Range total past maxMessageSize before storing anything (413)', () => {
    const wire = `MSRP big00001 SEND\r\nTo-Path: ${BOB}\r\nFrom-Path: ${ALICE}\r\nMessage-ID: big00001\r\nByte-Range: 1-4/999999999999\r\nContent-Type: text/plain\r\n\r\nabcd\r\n-------big00001+\r\n`;
    expect(errors(readAll(wire, { maxMessageSize: 1 << 20 }))).toEqual([['evfw.msrp.message-too-large', 413, false]]);
  });

  it('refuses a chunk placed past maxMessageSize by its range start (413)', () => {
    const wire = `MSRP big00002 SEND\r\nTo-Path: ${BOB}\r\nFrom-Path: ${ALICE}\r\nMessage-ID: big00002\r\nByte-Range: 999999999-*/*\r\nContent-Type: text/plain\r\n\r\nabcd\r\n-------big00002+\r\n`;
    expect(errors(readAll(wire))).toEqual([['evfw.msrp.message-too-large', 413, false]]);
  });

  it('shares a process-wide budget between readers: past it a chunk is refused 413, and a disposed reader gives its bytes back', () => {
    const budget = new ReassemblyBudget(8);
    const chunk = (tid: string, id: string, data: string) => enc(`MSRP ${tid} SEND\r\nTo-Path: ${BOB}\r\nFrom-Path: ${ALICE}\r\nMessage-ID: ${id}\r\nByte-Range: 1-${data.length}/100\r\nContent-Type: text/plain\r\n\r\n${data}\r\n-------${tid}+\r\n`);
    const first = new MsrpReader(undefined, { budget });
    const second = new MsrpReader(undefined, { budget });
    expect(errors(first.push(chunk('bud00001', 'budg0001', 'abcdef')))).toEqual([]);
    expect(first.heldBytes).toBe(6);
    // 6 + 4 > 8: refused, and nothing of it kept.
    expect(errors(second.push(chunk('bud00002', 'budg0002', 'wxyz')))).toEqual([['evfw.msrp.reassembly-budget', 413, false]]);
    expect([second.heldBytes, budget.used]).toEqual([0, 6]);
    first.dispose();
    expect([first.heldBytes, budget.used]).toEqual([0, 0]);
    expect(first.push(chunk('bud00003', 'budg0003', 'ab'))).toEqual([]);
    expect(errors(second.push(chunk('bud00004', 'budg0004', 'wxyz')))).toEqual([]);
    expect(budget.used).toBe(4);
  });

  it('refuses more pending messages than maxPendingMessages (413)', () => {
    let wire = '';
    for (let i = 0; i < 5; i++) wire += `MSRP tx${i}00000 SEND\r\nTo-Path: ${BOB}\r\nFrom-Path: ${ALICE}\r\nMessage-ID: pend000${i}\r\nByte-Range: 1-1/2\r\nContent-Type: text/plain\r\n\r\na\r\n-------tx${i}00000+\r\n`;
    expect(errors(readAll(wire, { maxPendingMessages: 3 }))).toEqual([
      ['evfw.msrp.too-many-messages', 413, false],
      ['evfw.msrp.too-many-messages', 413, false],
    ]);
  });

  it('refuses a message sent in more chunks than maxChunksPerMessage (413)', () => {
    let wire = '';
    for (let i = 1; i <= 6; i++) wire += `MSRP tiny000${i} SEND\r\nTo-Path: ${BOB}\r\nFrom-Path: ${ALICE}\r\nMessage-ID: tiny0001\r\nByte-Range: ${i}-${i}/100\r\nContent-Type: text/plain\r\n\r\nx\r\n-------tiny000${i}+\r\n`;
    expect(errors(readAll(wire, { maxChunksPerMessage: 4 }))).toEqual([
      ['evfw.msrp.message-too-large', 413, false],
      ['evfw.msrp.message-too-large', 413, false],
    ]);
  });

  it('reads a long header line fed one byte at a time without rescanning it (bounded work)', () => {
    const parser = new MsrpStreamParser({ maxHeaderBytes: 200_000 });
    const line = enc(`MSRP long0001 SEND\r\nTo-Path: ${BOB}\r\nFrom-Path: ${ALICE}\r\nX-Long: ${'a'.repeat(150_000)}\r\n-------long0001$\r\n`);
    const events = [];
    for (let i = 0; i < line.length; i++) events.push(...parser.push(line.subarray(i, i + 1)));
    expect(events.map((e) => e.type)).toEqual(['frame']);
  });

  it('refuses a malformed Byte-Range (400) and reads on', () => {
    const wire = `MSRP br000001 SEND\r\nTo-Path: ${BOB}\r\nFrom-Path: ${ALICE}\r\nMessage-ID: br000001\r\nByte-Range: lots\r\nContent-Type: text/plain\r\n\r\nx\r\n-------br000001$\r\n${RFC_SEND}`;
    const events = readAll(wire);
    expect(errors(events)).toEqual([['evfw.msrp.byte-range', 400, false]]);
    expect(events.some((e) => e.type === 'message' && e.message.messageId === '87652491')).toBe(true);
  });

  it('gives up on a stream that does not start with an MSRP start line', () => {
    expect(errors(readAll('GET / HTTP/1.1\r\nHost: x\r\n\r\n'))).toEqual([['evfw.msrp.start-line', 400, true]]);
  });

  it('reports a header line without a colon (400) and reads on', () => {
    const wire = `MSRP hs000001 SEND\r\nTo-Path: ${BOB}\r\nFrom-Path: ${ALICE}\r\nnot a header\r\n-------hs000001$\r\n${RFC_OK}`;
    expect(summary(readAll(wire))).toEqual([
      ['error', 'evfw.msrp.header-syntax', 400, 'hs000001', false],
      ['response', 'a786hjs2', 200, 'OK'],
    ]);
  });

  it('reports a request without To-Path (400)', () => {
    const wire = `MSRP np000001 SEND\r\nFrom-Path: ${ALICE}\r\nMessage-ID: np000001\r\n-------np000001$\r\n`;
    expect(errors(readAll(wire))).toEqual([['evfw.msrp.missing-header', 400, false]]);
  });

  it('survives random bytes without throwing', () => {
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const base = enc(RFC_SEND + RFC_CHUNKS);
      const bytes = new Uint8Array(base);
      for (let k = 0; k < 5; k++) bytes[next() % bytes.length] = next() % 256;
      expect(() => readAll(bytes)).not.toThrow();
    }
  });
});
