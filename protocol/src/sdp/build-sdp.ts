/**
 * The SDP offer of the event reporting session (OMA CPM 6.7.3.2 item 1 b; RFC 4975 section 8) and
 * the Participating Function's answer (RFC 3264). One MSRP media line; the accept-types name the
 * event content type (6.7.4); accept-wrapped-types names IMDN when results are expected.
 */
import { CPIM_CONTENT_TYPE, CPM_EVFW_CONTENT_TYPE, IMDN_CONTENT_TYPE } from '../content-types.js';
import { randomHex, type RandomSource } from '../sip/random-source.js';
import { fail, SipError, type ParseOutcome } from '../sip/sip-error.js';
import { acceptsType } from './parse-sdp.js';
import { answerDirection, type MsrpMedia, type SdpDirection } from './sdp-model.js';


export interface MsrpEndpoint {
  /** Host name or IP address the endpoint listens on (c= and the a=path URI). */
  readonly host: string;
  readonly port: number;
  /** msrps over TLS (`TCP/TLS/MSRP`). Default false. */
  readonly secure?: boolean;
  /** The session-id part of the MSRP URI; from the random source when absent. */
  readonly sessionId?: string;
}

export interface SdpOfferOptions {
  readonly endpoint: MsrpEndpoint;
  /** 6.7.3.2 item 1 b iii: `sendrecv` when the PF must answer, else `sendonly`. */
  readonly direction: 'sendrecv' | 'sendonly';
  /** 6.7.3.2 item 1 b ii: results are expected, so offer `accept-wrapped-types: message/imdn+xml`. */
  readonly expectsResults: boolean;
  readonly random: RandomSource;
  /** `a=setup` (RFC 6135); omitted when absent. */
  readonly setup?: 'active' | 'passive' | 'actpass';
  readonly maxSize?: number;
}

export interface BuiltSdp {
  readonly sdp: string;
  /** This endpoint's MSRP URI, the one in its a=path. */
  readonly msrpUri: string;
}

export function buildSdpOffer(options: SdpOfferOptions): BuiltSdp {
  const acceptTypes = options.expectsResults ? [CPM_EVFW_CONTENT_TYPE, CPIM_CONTENT_TYPE] : [CPM_EVFW_CONTENT_TYPE];
  const extra: string[] = [];
  if (options.expectsResults) extra.push(`a=accept-wrapped-types:${IMDN_CONTENT_TYPE}`);
  return describe(options.endpoint, options.random, acceptTypes, extra, options.direction, options.setup, options.maxSize);
}

export interface SdpAnswerOptions {
  readonly endpoint: MsrpEndpoint;
  readonly random: RandomSource;
  /** Types the PF accepts; default the event content type alone. */
  readonly acceptTypes?: readonly string[];
  readonly maxSize?: number;
}

export interface BuiltSdpAnswer extends BuiltSdp {
  readonly direction: SdpDirection;
  /** The PF may send IMDN results: the offer accepts CPIM-wrapped IMDN. */
  readonly mayReturnResults: boolean;
}

/**
 * The PF's answer to an offer read with `readMsrpMedia`. Fails, rather than answering with a
 * rejected stream, when the offer does not accept the event content type: the PF then answers
 * the INVITE 488 with the problem's sentence.
 */
export function buildSdpAnswer(offer: MsrpMedia, options: SdpAnswerOptions): ParseOutcome<BuiltSdpAnswer> {
  if (!acceptsType(offer.acceptTypes, CPM_EVFW_CONTENT_TYPE)) {
    return fail('evfw.sdp.offer.accept-types', `the offer's a=accept-types (${offer.acceptTypes.join(' ') || 'none'}) does not include ${CPM_EVFW_CONTENT_TYPE}`, 'include the event content type in a=accept-types (OMA CPM 6.7.3.2 item 1 b i)');
  }
  const secure = /TLS/i.test(offer.proto);
  if (secure !== (options.endpoint.secure === true)) {
    return fail('evfw.sdp.offer.transport', `the offer uses ${offer.proto} but this endpoint is ${options.endpoint.secure === true ? 'msrps' : 'msrp'}`, 'answer on a matching transport');
  }
  const direction = answerDirection(offer.direction);
  // RFC 6135: the answerer takes the role the offerer leaves (passive to an active offerer).
  const setup = offer.setup === 'active' ? 'passive' : offer.setup === undefined ? undefined : 'active';
  const built = describe(options.endpoint, options.random, options.acceptTypes ?? [CPM_EVFW_CONTENT_TYPE], [], direction, setup, options.maxSize);
  const mayReturnResults = acceptsType(offer.acceptWrappedTypes, IMDN_CONTENT_TYPE) && acceptsType(offer.acceptTypes, CPIM_CONTENT_TYPE);
  return { ok: true, value: { ...built, direction, mayReturnResults } };
}

function describe(
  endpoint: MsrpEndpoint,
  random: RandomSource,
  acceptTypes: readonly string[],
  extra: readonly string[],
  direction: SdpDirection,
  setup: string | undefined,
  maxSize: number | undefined,
): BuiltSdp {
  if (!/^[A-Za-z0-9.\-:]+$/.test(endpoint.host)) {
    throw new SipError({ code: 'evfw.sdp.build.host', message: `host "${endpoint.host}" is not a host name or IP address` });
  }
  if (!Number.isInteger(endpoint.port) || endpoint.port < 1 || endpoint.port > 65535) {
    throw new SipError({ code: 'evfw.sdp.build.port', message: `port ${endpoint.port} is not from 1 to 65535` });
  }
  const sessionId = endpoint.sessionId ?? randomHex(random, 10);
  if (!/^[A-Za-z0-9\-._~+=/]+$/.test(sessionId)) {
    throw new SipError({ code: 'evfw.sdp.build.session-id', message: `MSRP session id "${sessionId}" has characters RFC 4975 section 9 does not allow` });
  }
  const ipv6 = endpoint.host.includes(':');
  const uriHost = ipv6 ? `[${endpoint.host}]` : endpoint.host;
  const secure = endpoint.secure === true;
  const msrpUri = `${secure ? 'msrps' : 'msrp'}://${uriHost}:${endpoint.port}/${sessionId};tcp`;
  // o= needs a numeric session id and version (RFC 4566 section 5.2); 48 bits stay exact in a number.
  const origin = String(parseInt(randomHex(random, 6), 16));
  const addr = `IN ${ipv6 ? 'IP6' : 'IP4'} ${endpoint.host}`;
  const lines = [
    'v=0',
    `o=- ${origin} ${origin} ${addr}`,
    's=-',
    `c=${addr}`,
    't=0 0',
    `m=message ${endpoint.port} ${secure ? 'TCP/TLS/MSRP' : 'TCP/MSRP'} *`,
    `a=accept-types:${acceptTypes.join(' ')}`,
    ...extra,
    `a=path:${msrpUri}`,
    ...(maxSize === undefined ? [] : [`a=max-size:${maxSize}`]),
    ...(setup === undefined ? [] : [`a=setup:${setup}`]),
    `a=${direction}`,
  ];
  return { sdp: `${lines.join('\r\n')}\r\n`, msrpUri };
}
