/**
 * The SIP message model (RFC 3261 section 7): a request or a response, its header fields in
 * order, and a body. Plain readonly data, so tests compare messages with deep equality and
 * `parseSipMessage(serializeSipMessage(m))` gives `m` back.
 *
 * Bodies are text: every body evfw sends or reads (the event XML, SDP) is UTF-8, so the model holds
 * a string and Content-Length counts its UTF-8 bytes.
 */
import { canonicalHeaderName } from './header-names.js';

export const SIP_VERSION = 'SIP/2.0';

export interface SipHeader {
  /** Canonical long spelling after parsing (`Call-ID`, never `i`). */
  readonly name: string;
  /** The value with folding undone and surrounding whitespace removed. */
  readonly value: string;
}

export interface SipRequest {
  readonly kind: 'request';
  readonly method: string;
  readonly uri: string;
  readonly headers: readonly SipHeader[];
  readonly body: string;
}

export interface SipResponse {
  readonly kind: 'response';
  readonly status: number;
  readonly reason: string;
  readonly headers: readonly SipHeader[];
  readonly body: string;
}

export type SipMessage = SipRequest | SipResponse;

/** The first value of a header field, whatever spelling or compact form is asked for. */
export function getHeader(message: Pick<SipMessage, 'headers'>, name: string): string | undefined {
  const wanted = canonicalHeaderName(name);
  return message.headers.find((h) => h.name === wanted || canonicalHeaderName(h.name) === wanted)?.value;
}

/** Every value of a header field in order, one entry per header line (not split on commas). */
export function getHeaders(message: Pick<SipMessage, 'headers'>, name: string): string[] {
  const wanted = canonicalHeaderName(name);
  return message.headers.filter((h) => canonicalHeaderName(h.name) === wanted).map((h) => h.value);
}

/** A copy with every `name` header replaced by one with `value`, at the first one's position. */
export function withHeader<M extends SipMessage>(message: M, name: string, value: string): M {
  const wanted = canonicalHeaderName(name);
  const headers: SipHeader[] = [];
  let placed = false;
  for (const h of message.headers) {
    if (canonicalHeaderName(h.name) !== wanted) headers.push(h);
    else if (!placed) {
      headers.push({ name: wanted, value });
      placed = true;
    }
  }
  if (!placed) headers.push({ name: wanted, value });
  return { ...message, headers };
}
