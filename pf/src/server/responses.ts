/**
 * The answers the server writes. Every refusal says why twice: in the reason phrase, short, for
 * logs and user agents that show only the status line, and in a Warning header (RFC 3261 20.43,
 * code 399 "miscellaneous warning") with the full sentence, for a person fixing the client.
 */
import { buildSipResponse, cryptoRandom, quote, type SipHeader, type SipRequest, type SipResponse } from '@evfw/protocol';

/** The warn-agent of the Warning header: RFC 3261 allows a pseudonym where the host is not meant to show. */
export const WARN_AGENT = 'evfw-pf';

export interface Refusal {
  readonly status: number;
  readonly reason: string;
  /** The full sentence for the Warning header. */
  readonly warning: string;
  readonly headers?: readonly SipHeader[];
  /** A text/plain body with the details, when there are more than fit one header. */
  readonly body?: string;
}

export function refuse(request: SipRequest, refusal: Refusal): SipResponse {
  return buildSipResponse(request, refusal.status, {
    reason: oneLine(refusal.reason),
    random: cryptoRandom,
    headers: [{ name: 'Warning', value: `399 ${WARN_AGENT} ${quote(oneLine(refusal.warning))}` }, ...(refusal.headers ?? [])],
    ...(refusal.body === undefined ? {} : { body: refusal.body, contentType: 'text/plain;charset=utf-8' }),
  });
}

export function answer(request: SipRequest, status: number, headers: readonly SipHeader[] = []): SipResponse {
  return buildSipResponse(request, status, { random: cryptoRandom, headers });
}

/**
 * Text from the peer or the validator may hold anything; a header value and a reason phrase hold
 * no control character (the serializer would throw) and stay short.
 */
export function oneLine(text: string, max = 300): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\x00-\x1f\x7f]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}
