/**
 * A transaction response for a request the reader could not return whole (RFC 4975 section
 * 7.2): only its transaction id is known, so the paths come from the session. buildResponse of
 * @evfw/protocol answers requests that were read.
 */
import { STATUS_COMMENTS } from '@evfw/protocol';

export function statusResponse(transactionId: string, status: number, toPath: string, fromPath: string): Uint8Array {
  const comment = STATUS_COMMENTS[status];
  const start = `MSRP ${transactionId} ${status}${comment ? ` ${comment}` : ''}`;
  return new TextEncoder().encode(`${start}\r\nTo-Path: ${toPath}\r\nFrom-Path: ${fromPath}\r\n-------${transactionId}$\r\n`);
}

/**
 * A response comment from free text (a diagnostic): one line of printable ASCII, short, since
 * the comment is a courtesy and the peer's log is its only reader.
 */
export function responseComment(text: string, max = 160): string {
  const line = text.replace(/[^\x20-\x7e]+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 3)}...`;
}
