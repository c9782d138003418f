/**
 * The header fields without which a message cannot be matched to a transaction or dialog
 * (RFC 3261 section 8.1.1 for requests, 8.2.6.2 for responses), and the CSeq that must name the
 * request's own method (section 8.1.1.5). A message missing one is answered 400, so the parser
 * reports it instead of handing on a message no code can use.
 */
import { problem, type ProtocolProblem } from './sip-error.js';
import { getHeader, getHeaders, type SipMessage } from './sip-message.js';

const REQUEST_HEADERS = ['Via', 'From', 'To', 'Call-ID', 'CSeq', 'Max-Forwards'] as const;
const RESPONSE_HEADERS = ['Via', 'From', 'To', 'Call-ID', 'CSeq'] as const;

export interface CSeq {
  readonly sequence: number;
  readonly method: string;
}

/** Reads `CSeq: 4711 INVITE`; the number is below 2**31 (section 8.1.1.5). */
export function parseCSeq(value: string): CSeq | undefined {
  const m = /^(\d{1,10})[ \t]+([A-Za-z0-9\-.!%*_+`'~]+)$/.exec(value.trim());
  if (m === null) return undefined;
  const sequence = Number(m[1]);
  return sequence < 2 ** 31 ? { sequence, method: m[2]! } : undefined;
}

export function checkMandatoryHeaders(message: SipMessage): ProtocolProblem | undefined {
  const required = message.kind === 'request' ? REQUEST_HEADERS : RESPONSE_HEADERS;
  for (const name of required) {
    if (getHeaders(message, name).length === 0) {
      return problem('evfw.sip.header.missing', `the ${message.kind} has no ${name} header field`, `every ${message.kind} carries ${required.join(', ')} (RFC 3261 section 8.1.1)`);
    }
  }
  const cseq = parseCSeq(getHeader(message, 'CSeq')!);
  if (cseq === undefined) return problem('evfw.sip.cseq.invalid', 'CSeq is not "<number> <method>"', 'write "CSeq: 1 MESSAGE", the number below 2^31 (RFC 3261 section 8.1.1.5)');
  if (message.kind === 'request' && cseq.method !== message.method) {
    return problem('evfw.sip.cseq.method-mismatch', `CSeq names ${cseq.method} but the request is ${message.method}`, 'the CSeq method is the request method (RFC 3261 section 8.1.1.5)');
  }
  return undefined;
}
