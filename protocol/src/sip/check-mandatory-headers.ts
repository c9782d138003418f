/**
 * The header fields without which a message cannot be matched to a transaction or dialog
 * (RFC 3261 section 8.1.1 for requests, 8.2.6.2 for responses), and the CSeq that must name the
 * request's own method (section 8.1.1.5). A message missing one is answered 400, so the parser
 * reports it instead of handing on a message no code can use.
 */
import { isToken } from './header-names.js';
import { splitOutsideQuotes } from './header-values.js';
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

/**
 * From and To read as an address (RFC 3261 section 20.10 and 25.1): `"Name" <uri>;params`,
 * `Name <uri>;params` or a bare `uri;params`, the URI with a scheme and no space, quote or angle
 * bracket. Code that takes the served user or a tag from them needs them readable; a request
 * whose From is `<<<<` is answered 400 (section 21.4.1) rather than applied for nobody.
 * The problem's code names the header: `evfw.sip.header.from-malformed`, `...to-malformed`.
 */
export function checkAddressHeaders(message: SipMessage): ProtocolProblem | undefined {
  for (const name of ['From', 'To'] as const) {
    const values = getHeaders(message, name);
    if (values.length > 1) {
      return problem(`evfw.sip.header.${name.toLowerCase()}-malformed`, `the ${name} header field appears ${values.length} times`, `a request carries exactly one ${name} (RFC 3261 section 20)`);
    }
    const value = values[0];
    if (value !== undefined && !isAddress(value)) {
      const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
      return problem(
        `evfw.sip.header.${name.toLowerCase()}-malformed`,
        `the ${name} header field "${shown}" is not an address`,
        `write ${name}: <sip:user@example.com>;tag=... or "Name" <sip:user@example.com> (RFC 3261 section 20.${name === 'From' ? '20' : '39'})`,
      );
    }
  }
  return undefined;
}

const URI = /^[A-Za-z][A-Za-z0-9+\-.]*:[^\s<>"]+$/;
const QUOTED = /^"(?:[^"\\]|\\.)*"$/;

function isAddress(text: string): boolean {
  const [address = '', ...params] = splitOutsideQuotes(text, ';');
  // Parameters are `name` or `name=value`; the name a token.
  if (!params.every((p) => isToken(p.split('=')[0]!.trim()))) return false;
  const open = address.indexOf('<');
  if (open < 0) return URI.test(address.trim());
  const close = address.indexOf('>', open);
  if (close < 0 || address.slice(close + 1).trim() !== '') return false;
  const display = address.slice(0, open).trim();
  const displayOk = display === '' || QUOTED.test(display) || display.split(/[ \t]+/).every(isToken);
  return displayOk && URI.test(address.slice(open + 1, close).trim());
}
