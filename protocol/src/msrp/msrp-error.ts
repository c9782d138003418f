/**
 * Errors of MSRP framing and reading. Each has a stable code, a sentence, a hint, and the MSRP
 * status a receiver should answer with (RFC 4975 section 7.2), so that a server can reply
 * without mapping codes itself.
 */
import { CodedError } from '../coded-error.js';

/** Every code an MSRP error may carry, with what it means. Stable: tests and callers match on them. */
export const MSRP_ERROR_CODES = {
  'evfw.msrp.start-line': 'The first line is not "MSRP <transaction-id> <method>" nor "MSRP <transaction-id> <status> [comment]".',
  'evfw.msrp.header-syntax': 'A header line is not "Name: value".',
  'evfw.msrp.header-too-large': 'The start line and headers of one request or response are longer than the limit.',
  'evfw.msrp.too-many-headers': 'One request or response has more header lines than the limit.',
  'evfw.msrp.missing-header': 'A header the request needs is absent (To-Path, From-Path; Message-ID on a SEND).',
  'evfw.msrp.body-too-large': 'The body of one chunk is longer than the limit before its end-line.',
  'evfw.msrp.truncated': 'The stream ended inside a request or response: its end-line never came.',
  'evfw.msrp.byte-range': 'The Byte-Range header is malformed or disagrees with the body.',
  'evfw.msrp.message-too-large': 'A chunked message would be larger than the limit.',
  'evfw.msrp.too-many-messages': 'More chunked messages are being reassembled at once than the limit allows.',
  'evfw.msrp.reassembly-budget': 'The chunks held for reassembly by every connection of the process together would pass the process-wide limit.',
  'evfw.msrp.transaction-id': 'A transaction id is not an RFC 4975 ident, or its end-line occurs in the body.',
  'evfw.msrp.invalid-option': 'A builder was given a value it cannot write (a path, an id, a chunk size).',
} as const;

export type MsrpErrorCode = keyof typeof MSRP_ERROR_CODES;

export class MsrpError extends CodedError<MsrpErrorCode> {
  override readonly name = 'MsrpError';

  constructor(
    code: MsrpErrorCode,
    message: string,
    hint?: string,
    /** The status to answer the request with (RFC 4975 section 7.2): 400, 413 or 423. */
    readonly status: number = 400,
    /** The transaction the error belongs to, when the start line could be read. */
    readonly transactionId?: string,
  ) {
    super(code, message, hint);
  }
}

/** A short printable excerpt of wire bytes for messages: never the whole of a long value. */
export function printable(text: string, max = 40): string {
  const shown = text.replace(/[\u0000-\u001f\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return shown.length <= max ? shown : `${shown.slice(0, max)}... (${text.length} characters)`;
}
