/**
 * SEND requests (RFC 4975 section 7.1) for the two bodies an event-reporting session carries:
 * the event document itself, bare (OMA CPM 6.7.4), and IMDN results wrapped in CPIM
 * (6.7.3.2 item 3). A body longer than one chunk is split, every chunk with its own
 * transaction and Byte-Range, `+` on all but the last end-line.
 */
import { MsrpError } from './msrp-error.js';
import { CPIM_CONTENT_TYPE, CPM_EVFW_CONTENT_TYPE } from '../content-types.js';
import { formatByteRange, isIdent, newIdent, type ContinuationFlag } from './msrp-frame.js';


/**
 * RFC 4975 section 7.1 asks senders to keep chunks small enough to interleave messages; 2048
 * octets is the size it names for a body that need not be interruptible.
 */
export const DEFAULT_CHUNK_SIZE = 2048;

export interface SendOptions {
  /** To-Path URIs, the next hop first (RFC 4975 section 7.1). */
  readonly toPath: readonly string[];
  /** From-Path URIs: this endpoint's session URI. */
  readonly fromPath: readonly string[];
  /** The message's Message-ID; a fresh random ident when absent. */
  readonly messageId?: string;
  /** Written only when true: "no" is the default (RFC 4975 section 7.1.1). */
  readonly successReport?: boolean;
  /** Written only when not "yes", the default. */
  readonly failureReport?: 'yes' | 'no' | 'partial';
  /** Largest body of one chunk, in bytes. */
  readonly chunkSize?: number;
  /**
   * Makes transaction ids; random by default. Tests pass a fixed sequence. An id whose
   * end-line occurs in its chunk is discarded and another asked for (section 7.1).
   */
  readonly newTransactionId?: () => string;
}

export interface OutgoingChunk {
  readonly transactionId: string;
  readonly byteRange: string;
  readonly continuation: ContinuationFlag;
  /** The complete request, start line to end-line, ready to write to the connection. */
  readonly bytes: Uint8Array;
}

export interface OutgoingMessage {
  readonly messageId: string;
  readonly contentType: string;
  readonly chunks: readonly OutgoingChunk[];
}

/** A SEND carrying an event document, without a CPIM wrapper (OMA CPM 6.7.4). */
export function buildEventSend(document: string | Uint8Array, options: SendOptions): OutgoingMessage {
  return buildSend(document, CPM_EVFW_CONTENT_TYPE, options);
}

/** A SEND carrying one CPIM-wrapped IMDN (see results/cpim.ts). */
export function buildImdnSend(cpim: string | Uint8Array, options: SendOptions): OutgoingMessage {
  return buildSend(cpim, CPIM_CONTENT_TYPE, options);
}

const encoder = new TextEncoder();
const CRLF = '\r\n';
// Tries before giving up on finding a transaction id absent from the body: random ids
// collide only with a hostile or broken generator.
const MAX_ID_TRIES = 16;

/** A SEND of any body and Content-Type, chunked to `options.chunkSize`. */
export function buildSend(body: string | Uint8Array, contentType: string, options: SendOptions): OutgoingMessage {
  const bytes = typeof body === 'string' ? encoder.encode(body) : body;
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (!Number.isInteger(chunkSize) || chunkSize < 1) {
    throw new MsrpError('evfw.msrp.invalid-option', `chunk size ${chunkSize} is not a positive whole number of bytes`, `pass a chunkSize of at least 1; the default is ${DEFAULT_CHUNK_SIZE}`);
  }
  checkPath('To-Path', options.toPath);
  checkPath('From-Path', options.fromPath);
  checkHeaderText('Content-Type', contentType);
  const messageId = options.messageId ?? newIdent();
  if (!isIdent(messageId)) {
    throw new MsrpError('evfw.msrp.invalid-option', `Message-ID "${messageId}" is not an RFC 4975 ident`, 'use 4 to 32 characters: letters, digits and . - + % =, starting with a letter or digit');
  }
  const head = [`To-Path: ${options.toPath.join(' ')}`, `From-Path: ${options.fromPath.join(' ')}`, `Message-ID: ${messageId}`];
  if (options.successReport) head.push('Success-Report: yes');
  if (options.failureReport && options.failureReport !== 'yes') head.push(`Failure-Report: ${options.failureReport}`);

  const total = bytes.length;
  const chunks: OutgoingChunk[] = [];
  if (total === 0) {
    // No body at all: no Content-Type and no blank line (RFC 4975 section 7.1.1).
    const transactionId = pickTransactionId(options, new Uint8Array(0));
    const byteRange = formatByteRange({ start: 1, end: 0, total: 0 });
    const text = `MSRP ${transactionId} SEND${CRLF}${head.join(CRLF)}${CRLF}Byte-Range: ${byteRange}${CRLF}-------${transactionId}$${CRLF}`;
    chunks.push({ transactionId, byteRange, continuation: '$', bytes: encoder.encode(text) });
    return { messageId, contentType, chunks };
  }
  for (let offset = 0; offset < total; offset += chunkSize) {
    const data = bytes.subarray(offset, Math.min(total, offset + chunkSize));
    const last = offset + data.length === total;
    const continuation: ContinuationFlag = last ? '$' : '+';
    const transactionId = pickTransactionId(options, data);
    const byteRange = formatByteRange({ start: offset + 1, end: offset + data.length, total });
    const before = encoder.encode(
      `MSRP ${transactionId} SEND${CRLF}${head.join(CRLF)}${CRLF}Byte-Range: ${byteRange}${CRLF}Content-Type: ${contentType}${CRLF}${CRLF}`,
    );
    // The CRLF before the end-line is not part of the body (section 7.1).
    const after = encoder.encode(`${CRLF}-------${transactionId}${continuation}${CRLF}`);
    const out = new Uint8Array(before.length + data.length + after.length);
    out.set(before, 0);
    out.set(data, before.length);
    out.set(after, before.length + data.length);
    chunks.push({ transactionId, byteRange, continuation, bytes: out });
  }
  return { messageId, contentType, chunks };
}

/** Concatenates the chunks of a message, for writing them in one go. */
export function messageBytes(message: OutgoingMessage): Uint8Array {
  const size = message.chunks.reduce((n, c) => n + c.bytes.length, 0);
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of message.chunks) {
    out.set(c.bytes, at);
    at += c.bytes.length;
  }
  return out;
}

/**
 * RFC 4975 section 7.1: the end-line must not occur in the body, else the receiver would end
 * the chunk there; a transaction id whose `-------<id>` is in the data is replaced.
 */
function pickTransactionId(options: SendOptions, data: Uint8Array): string {
  const make = options.newTransactionId ?? (() => newIdent());
  for (let i = 0; i < MAX_ID_TRIES; i++) {
    const id = make();
    if (!isIdent(id)) {
      throw new MsrpError('evfw.msrp.transaction-id', `transaction id "${id}" is not an RFC 4975 ident`, 'use 4 to 32 characters: letters, digits and . - + % =, starting with a letter or digit');
    }
    if (!Buffer.from(data.buffer, data.byteOffset, data.byteLength).includes(`-------${id}`, 0, 'latin1')) return id;
  }
  throw new MsrpError('evfw.msrp.transaction-id', `no transaction id in ${MAX_ID_TRIES} tries had an end-line absent from the body`, 'let the builder make random ids (leave newTransactionId unset)');
}

function checkPath(name: string, uris: readonly string[]): void {
  if (uris.length === 0) {
    throw new MsrpError('evfw.msrp.invalid-option', `${name} has no URI`, `give the ${name} as at least one msrp: or msrps: URI`);
  }
  for (const uri of uris) {
    if (!/^msrps?:\/\/\S+$/i.test(uri)) {
      throw new MsrpError('evfw.msrp.invalid-option', `${name} URI "${uri}" is not an MSRP URI`, 'write it as msrp://host:port/session-id;tcp (RFC 4975 section 6)');
    }
  }
}

function checkHeaderText(name: string, value: string): void {
  if (/[\r\n]/.test(value) || value.trim() === '') {
    throw new MsrpError('evfw.msrp.invalid-option', `${name} "${value}" is empty or holds a line break`, 'give one line of text');
  }
}
