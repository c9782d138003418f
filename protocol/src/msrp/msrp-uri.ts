/**
 * MSRP URIs (RFC 4975 section 6): `msrp://host:port/session-id;tcp`. An endpoint hands its URI
 * out in the SDP `a=path` and recognises it again in the To-Path of each request; the active
 * side also connects to the host and port of the peer's URI.
 */
export interface MsrpUri {
  readonly scheme: 'msrp' | 'msrps';
  /** As written, without brackets for IPv6; compared without case. */
  readonly host: string;
  readonly port: number;
  /** The session-id, compared with case (section 6.1). */
  readonly sessionId: string;
  /** `tcp` in lower case. */
  readonly transport: string;
}

// msrp-uri = msrp-scheme "://" authority ["/" session-id] ";" transport *( ";" URI-parameter )
// (section 9); a session-id is 1*(unreserved / "+" / "=" / "/") and userinfo is not used here.
const URI = /^(msrps?):\/\/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.\-]+):(\d{1,5})\/([A-Za-z0-9\-._~+=\/]{1,64});([A-Za-z0-9\-]+)(;[\x21-\x7e]*)?$/;

/** The parts of an MSRP URI, or undefined when it is not one this package can connect to (port required). */
export function parseMsrpUri(uri: string): MsrpUri | undefined {
  const m = URI.exec(uri.trim());
  if (!m) return undefined;
  const port = Number(m[3]);
  if (port < 1 || port > 65535) return undefined;
  const host = m[2]!.startsWith('[') ? m[2]!.slice(1, -1) : m[2]!;
  return { scheme: m[1]!.toLowerCase() as 'msrp' | 'msrps', host, port, sessionId: m[4]!, transport: m[5]!.toLowerCase() };
}

export function formatMsrpUri(uri: MsrpUri): string {
  const host = uri.host.includes(':') ? `[${uri.host}]` : uri.host;
  return `${uri.scheme}://${host}:${uri.port}/${uri.sessionId};${uri.transport}`;
}

/**
 * Whether two URIs name the same endpoint (section 6.1): scheme, host and transport without
 * case, port, and session-id with case. Parameters other than the transport do not count.
 */
export function sameMsrpUri(a: string | MsrpUri, b: string | MsrpUri): boolean {
  const x = typeof a === 'string' ? parseMsrpUri(a) : a;
  const y = typeof b === 'string' ? parseMsrpUri(b) : b;
  if (!x || !y) return false;
  return (
    x.scheme === y.scheme &&
    x.host.toLowerCase() === y.host.toLowerCase() &&
    x.port === y.port &&
    x.sessionId === y.sessionId &&
    x.transport === y.transport
  );
}

