/**
 * The shapes of MSRP requests and responses on the wire (RFC 4975 section 9), and the small
 * grammar pieces both the builders and the parser use: idents, header lookup, Byte-Range.
 */
import { randomBytes } from 'node:crypto';
import { MsrpError, printable } from './msrp-error.js';

/** `+` more chunks follow, `$` last chunk of the message, `#` message aborted (RFC 4975 section 7.1). */
export type ContinuationFlag = '+' | '$' | '#';

export interface MsrpHeader {
  readonly name: string;
  readonly value: string;
}

export interface MsrpRequest {
  readonly kind: 'request';
  readonly transactionId: string;
  /** SEND, REPORT or an extension method, in capitals. */
  readonly method: string;
  /** All headers in wire order, MIME headers (Content-Type, ...) included. */
  readonly headers: readonly MsrpHeader[];
  /** The chunk's data; undefined when the request has no body (no blank line after the headers). */
  readonly body?: Uint8Array;
  readonly continuation: ContinuationFlag;
}

export interface MsrpResponse {
  readonly kind: 'response';
  readonly transactionId: string;
  readonly status: number;
  readonly comment?: string;
  readonly headers: readonly MsrpHeader[];
  readonly continuation: ContinuationFlag;
}

export type MsrpFrame = MsrpRequest | MsrpResponse;

/**
 * The value of the first header of that name; names compare without case, as in RFC 4975
 * section 9 (the grammar's quoted names are case-insensitive ABNF strings).
 */
export function headerValue(frame: { readonly headers: readonly MsrpHeader[] }, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return frame.headers.find((h) => h.name.toLowerCase() === wanted)?.value;
}

/** The URIs of a To-Path or From-Path value, separated by spaces (RFC 4975 section 9). */
export function pathUris(value: string | undefined): string[] {
  return value === undefined ? [] : value.split(/\s+/).filter((u) => u.length > 0);
}

// ident = ALPHANUM 3*31ident-char; ident-char = ALPHANUM / "." / "-" / "+" / "%" / "=" (section 9).
const IDENT = /^[A-Za-z0-9][A-Za-z0-9.\-+%=]{3,31}$/;

export function isIdent(value: string): boolean {
  return IDENT.test(value);
}

const ALPHANUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A fresh random ident (transaction id or Message-ID). Sixteen alphanumerics carry about 95
 * bits, which is what section 7.1 asks of a transaction id: unlikely to occur in any body.
 */
export function newIdent(length = 16): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += ALPHANUM[b % ALPHANUM.length];
  return out;
}

/** A Byte-Range header value (RFC 4975 section 9): 1-based, inclusive; `*` where unknown. */
export interface ByteRange {
  readonly start: number;
  readonly end: number | '*';
  readonly total: number | '*';
}

// Fifteen digits stay exact in a double; anything longer is past every limit anyway.
const BYTE_RANGE = /^(\d{1,15})-(\d{1,15}|\*)\/(\d{1,15}|\*)$/;

export function parseByteRange(value: string, transactionId?: string): ByteRange {
  const m = BYTE_RANGE.exec(value.trim());
  const bad = (why: string) =>
    new MsrpError('evfw.msrp.byte-range', `Byte-Range "${printable(value)}" ${why}`, 'write it as <start>-<end>/<total>, 1-based, "*" for an unknown end or total', 400, transactionId);
  if (!m) throw bad('is not <start>-<end>/<total>');
  const start = Number(m[1]);
  const end = m[2] === '*' ? '*' : Number(m[2]);
  const total = m[3] === '*' ? '*' : Number(m[3]);
  if (start < 1) throw bad('starts before byte 1');
  if (end !== '*' && end < start - 1) throw bad('ends before it starts');
  if (total !== '*' && end !== '*' && end > total) throw bad('ends past the total');
  return { start, end, total };
}

export function formatByteRange(range: ByteRange): string {
  return `${range.start}-${range.end}/${range.total}`;
}
