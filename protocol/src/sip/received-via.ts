/**
 * What a server's transport writes into the top Via of a request it receives, so that every
 * response built from the request carries it back:
 *   - `received=<source address>` when the sent-by host is a name or another address than the
 *     one the request came from (RFC 3261 section 18.2.1);
 *   - with `;rport` and no value (RFC 3581 section 4): `rport=<source port>`, and `received`
 *     whatever the sent-by says. The response then names where the client was really seen, which
 *     is what a client behind a NAT learns its public address from.
 * RFC 3581 does not limit itself to UDP, and the values are as true of a TCP connection's peer, so
 * callers stamp requests from every transport.
 */
import { splitHeaderList, splitOutsideQuotes } from './header-values.js';
import type { SipRequest } from './sip-message.js';

export interface TransportSource {
  /** The source IP address, as the socket reports it (an IPv4-mapped IPv6 address is fine). */
  readonly address: string;
  readonly port: number;
}

/** `request` with its top Via value stamped for `source`; the request itself when nothing changes. */
export function stampTopVia(request: SipRequest, source: TransportSource): SipRequest {
  const index = request.headers.findIndex((h) => h.name === 'Via');
  // A socket closed under us reports no address: nothing true to write.
  if (index < 0 || source.address === '') return request;
  const values = splitHeaderList(request.headers[index]!.value);
  const [top, ...rest] = values;
  if (top === undefined) return request;
  const stamped = stampViaValue(top, source);
  if (stamped === top) return request;
  const headers = request.headers.map((h, i) => (i === index ? { name: h.name, value: [stamped, ...rest].join(', ') } : h));
  return { ...request, headers };
}

/** One Via value (`SIP/2.0/UDP host:port;branch=...;rport`) stamped for `source`. */
export function stampViaValue(via: string, source: TransportSource): string {
  const [sentProtocolAndBy = '', ...params] = splitOutsideQuotes(via, ';');
  const address = plainAddress(source.address);
  const rportAsked = params.some((p) => p.toLowerCase() === 'rport');
  const host = sentByHost(sentProtocolAndBy);
  if (!rportAsked && host !== undefined && plainAddress(host) === address) return via;
  const kept = params
    .filter((p) => !/^received[ \t]*=/i.test(p))
    .map((p) => (p.toLowerCase() === 'rport' ? `rport=${source.port}` : p));
  return [sentProtocolAndBy, ...kept, `received=${address}`].join(';');
}

/** The host of `SIP/2.0/UDP host[:port]`, brackets of an IPv6 reference removed; undefined if unreadable. */
function sentByHost(text: string): string | undefined {
  const m = /^\S+\s+(\[[^\]]+\]|[^\s:]+)/.exec(text.trim());
  return m === null ? undefined : m[1]!.replace(/^\[|\]$/g, '');
}

/** An address as `received` writes it: IPv4-mapped IPv6 as IPv4, IPv6 without brackets, lower-cased. */
function plainAddress(address: string): string {
  return address.replace(/^\[|\]$/g, '').replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1').toLowerCase();
}
