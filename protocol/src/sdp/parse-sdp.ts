/**
 * Reads a session description (RFC 4566) far enough for the MSRP session of 6.7.3.2, and pulls
 * out the MSRP media line. The input comes from the network: bounded, never throws, each
 * problem a stable code. Lines may end in CRLF or LF alone (RFC 4566 section 5 asks parsers to
 * accept both).
 */
import { fail, type ParseOutcome } from '../sip/sip-error.js';
import { SDP_DIRECTIONS, type MsrpMedia, type SdpAttribute, type SdpConnection, type SdpDirection, type SdpMedia, type SdpSession } from './sdp-model.js';

export interface SdpLimits {
  readonly maxBytes: number;
  readonly maxLines: number;
}

export const DEFAULT_SDP_LIMITS: SdpLimits = { maxBytes: 16_384, maxLines: 512 };

export function parseSdp(text: string, limits: Partial<SdpLimits> = {}): ParseOutcome<SdpSession> {
  const bounds = { ...DEFAULT_SDP_LIMITS, ...limits };
  if (text.length > bounds.maxBytes) return fail('evfw.sdp.limit.size', `the session description is longer than ${bounds.maxBytes} characters`);
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines.length > bounds.maxLines) return fail('evfw.sdp.limit.lines', `the session description has more than ${bounds.maxLines} lines`);
  if (lines[0] !== 'v=0') return fail('evfw.sdp.version', 'a session description starts with "v=0"', 'the first line is v=0 (RFC 4566 section 5.1)');

  let session: { origin?: string; sessionName?: string; connection?: SdpConnection; attributes: SdpAttribute[] } = { attributes: [] };
  const media: { media: string; port: number; proto: string; formats: string[]; connection?: SdpConnection; attributes: SdpAttribute[] }[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (/[\x00-\x08\x0a-\x1f\x7f]/.test(line)) return fail('evfw.sdp.control-character', `line ${i + 1} holds a control character`);
    const m = /^([a-z])=(.*)$/.exec(line);
    if (m === null) return fail('evfw.sdp.line.malformed', `line ${i + 1} is not "<letter>=<value>"`, 'each SDP line is one lower-case letter, "=", and a value (RFC 4566 section 5)');
    const [, type, value] = m as unknown as [string, string, string];
    const current = media[media.length - 1];
    switch (type) {
      case 'o':
        session = { ...session, origin: value };
        break;
      case 's':
        session = { ...session, sessionName: value };
        break;
      case 'c': {
        const connection = readConnection(value);
        if (connection === undefined) return fail('evfw.sdp.connection.malformed', `line ${i + 1}: "c=${value.slice(0, 60)}" is not "IN IP4|IP6 <address>"`);
        if (current === undefined) session = { ...session, connection };
        else current.connection = connection;
        break;
      }
      case 'm': {
        const parts = value.split(' ');
        const port = Number(parts[1]?.split('/')[0]);
        if (parts.length < 4 || !/^\d{1,5}$/.test(parts[1]?.split('/')[0] ?? '') || port > 65535) {
          return fail('evfw.sdp.media.malformed', `line ${i + 1}: "m=${value.slice(0, 60)}" is not "<media> <port> <proto> <fmt>..."`, 'write e.g. "m=message 7394 TCP/MSRP *" (RFC 4975 section 8)');
        }
        media.push({ media: parts[0]!, port, proto: parts[2]!, formats: parts.slice(3), attributes: [] });
        break;
      }
      case 'a': {
        const colon = value.indexOf(':');
        const attribute = colon < 0 ? { name: value, value: null } : { name: value.slice(0, colon), value: value.slice(colon + 1) };
        (current ?? session).attributes.push(attribute);
        break;
      }
      default:
        // b=, t=, r=, z=, k=, i=, u=, e=, p= carry nothing the MSRP session needs.
        break;
    }
  }
  return { ok: true, value: { version: 0, ...session, media } };
}

function readConnection(value: string): SdpConnection | undefined {
  const m = /^(\S+) (\S+) ([^\s/]+)(?:\/\S+)?$/.exec(value);
  return m === null ? undefined : { netType: m[1]!, addrType: m[2]!, address: m[3]! };
}

/**
 * The first `m=message` line with an MSRP protocol, with the attributes the PF needs (the path,
 * accept-types, accept-wrapped-types, direction).
 */
export function readMsrpMedia(session: SdpSession): ParseOutcome<MsrpMedia> {
  const media: SdpMedia | undefined = session.media.find((m) => m.media === 'message' && /^TCP(\/TLS)?\/MSRP$/i.test(m.proto));
  if (media === undefined) return fail('evfw.sdp.msrp.missing', 'the session description has no "m=message <port> TCP/MSRP *" line', 'an event reporting session is an MSRP session (OMA CPM 6.7.3.2, RFC 4975 section 8)');
  const attr = (name: string): string | null | undefined => media.attributes.find((a) => a.name === name)?.value;
  const path = attr('path');
  if (path === undefined || path === null || path.trim() === '') return fail('evfw.sdp.msrp.no-path', 'the MSRP media line has no a=path', 'an MSRP media line carries a=path (RFC 4975 section 8.2)');
  if (media.port === 0) return fail('evfw.sdp.msrp.rejected', 'the MSRP media line has port 0: the stream is rejected (RFC 3264 section 6)');
  const direction = findDirection(media.attributes) ?? findDirection(session.attributes) ?? 'sendrecv';
  const maxSize = attr('max-size');
  const setup = attr('setup');
  const address = (media.connection ?? session.connection)?.address;
  const result: MsrpMedia = {
    port: media.port,
    proto: media.proto,
    ...(address === undefined ? {} : { address }),
    path: path.trim().split(/\s+/),
    acceptTypes: splitTypes(attr('accept-types')),
    acceptWrappedTypes: splitTypes(attr('accept-wrapped-types')),
    direction,
    ...(typeof maxSize === 'string' && /^\d{1,15}$/.test(maxSize.trim()) ? { maxSize: Number(maxSize) } : {}),
    ...(typeof setup === 'string' ? { setup: setup.trim() } : {}),
  };
  return { ok: true, value: result };
}

function findDirection(attributes: readonly SdpAttribute[]): SdpDirection | undefined {
  return attributes.find((a) => a.value === null && (SDP_DIRECTIONS as readonly string[]).includes(a.name))?.name as SdpDirection | undefined;
}

function splitTypes(value: string | null | undefined): string[] {
  return typeof value === 'string' ? value.trim().split(/\s+/).filter((t) => t !== '') : [];
}

/** Whether a list of accepted MIME types (with `*` and `type/*` wildcards, RFC 4975 section 8.6) admits `type`. */
export function acceptsType(accepted: readonly string[], type: string): boolean {
  const wanted = type.toLowerCase();
  return accepted.some((a) => {
    const t = a.toLowerCase();
    return t === '*' || t === wanted || (t.endsWith('/*') && wanted.startsWith(t.slice(0, -1)));
  });
}
