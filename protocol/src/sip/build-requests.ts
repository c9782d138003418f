/**
 * The two requests a CPM Client reports events with (OMA CPM 6.7.3): a SIP MESSAGE carrying the
 * event XML as its body (6.7.3.1, 6.7.4), and a SIP INVITE opening the MSRP session of 6.7.3.2.
 * Both carry the service identification of 6.7.1. Every random part (Call-ID, branch, tags, MSRP
 * session id) comes from the caller's random source, so a test can fix the whole request.
 */
import { ModelError } from '@evfw/model';
import type { CpmEvfw } from '@evfw/model/cpm-evfw';
import { serializeCpmEvfw, validateCpmEvfw } from '@evfw/model/cpm-evfw';
import { buildSdpOffer, type MsrpEndpoint } from '../sdp/build-sdp.js';
import type { SessionRequirements } from '../mechanism.js';
import {
  CPM_EVFW_CONTENT_TYPE,
  CPM_SYSTEMMSG_ICSI,
  encodeFeatureTagUrn,
  IARI_FEATURE_TAG,
  ICSI_FEATURE_TAG,
  serviceIdentificationHeaders,
  type ServiceIdentificationOptions,
} from '../service-identification.js';
import { formatNameAddr } from './header-values.js';
import { newBranch, newCallId, newTag, type RandomSource } from './random-source.js';
import { SipError } from './sip-error.js';
import type { SipHeader, SipRequest } from './sip-message.js';

export interface ClientContext extends ServiceIdentificationOptions {
  /** The CPM User's own address, a public user identity (`sip:` or `tel:` URI). */
  readonly ownAddress: string;
  readonly displayName?: string;
  /** Where this client is reached (the Contact URI), needed by INVITE. */
  readonly contact: string;
  /** The sent-by of the Via header field (RFC 3261 section 18.1.1). */
  readonly via: { readonly transport: 'UDP' | 'TCP' | 'TLS'; readonly host: string; readonly port?: number };
  readonly random: RandomSource;
  /** Default 1. */
  readonly cseq?: number;
  /** Default 70 (RFC 3261 section 8.1.1.6). */
  readonly maxForwards?: number;
  readonly userAgent?: string;
  /**
   * Also put the ICSI (and IARI) feature tags on the INVITE's Contact, as RCS clients do to
   * declare what the contact supports (RFC 3840). 6.7.1 names Accept-Contact only, so default false.
   */
  readonly contactFeatureTags?: boolean;
  /** Added after the headers built here, before Content-Type. */
  readonly extraHeaders?: readonly SipHeader[];
}

export interface EventMessageOptions {
  /**
   * The recipient; the Request-URI and To. Default the user's own address: 6.7.3.1 is silent and
   * the report goes to the user's own Participating Function, as the INVITE of 6.7.3.2 does.
   */
  readonly to?: string;
}

/**
 * A SIP MESSAGE whose body is the event data without a CPIM wrapper (6.7.4), typed
 * `application/vnd.oma.cpm-eventfw+xml`. The body is checked against the `spec` profile before it
 * is sent: the serializer checks types, not every rule (it writes `{ events: [] }` as an empty
 * `<cpm-evfw/>`), and the PF would reject the report anyway.
 */
export function buildEventMessage(context: ClientContext, events: CpmEvfw, options: EventMessageOptions = {}): SipRequest {
  const body = serializeEvents(events);
  const to = options.to ?? context.ownAddress;
  return {
    kind: 'request',
    method: 'MESSAGE',
    uri: to,
    headers: [
      ...dialogHeaders(context, 'MESSAGE', to),
      ...serviceIdentificationHeaders(context),
      ...common(context),
      { name: 'Content-Type', value: CPM_EVFW_CONTENT_TYPE },
    ],
    body,
  };
}

export interface EventInviteOptions {
  /** Where this client's MSRP endpoint listens. */
  readonly msrp: MsrpEndpoint;
  /** From `chooseMechanism(...).session`: the direction and whether IMDN results are expected. */
  readonly session: SessionRequirements;
  readonly setup?: 'active' | 'passive' | 'actpass';
}

export interface BuiltInvite {
  readonly request: SipRequest;
  /** This client's MSRP URI, the From-Path of the MSRP SEND requests that follow. */
  readonly msrpUri: string;
}

/**
 * A SIP INVITE for the bi-directional event session (6.7.3.2): From and To are both the user's
 * own address (item 1 a), and the SDP offer has the event content type in a=accept-types, IMDN in
 * a=accept-wrapped-types when results are expected, and sendrecv or sendonly (item 1 b).
 */
export function buildEventInvite(context: ClientContext, options: EventInviteOptions): BuiltInvite {
  const offer = buildSdpOffer({
    endpoint: options.msrp,
    direction: options.session.direction,
    expectsResults: options.session.acceptImdn,
    random: context.random,
    ...(options.setup === undefined ? {} : { setup: options.setup }),
  });
  const request: SipRequest = {
    kind: 'request',
    method: 'INVITE',
    uri: context.ownAddress,
    headers: [
      ...dialogHeaders(context, 'INVITE', context.ownAddress),
      { name: 'Contact', value: contactValue(context) },
      ...serviceIdentificationHeaders(context),
      ...common(context),
      { name: 'Content-Type', value: 'application/sdp' },
    ],
    body: offer.sdp,
  };
  return { request, msrpUri: offer.msrpUri };
}

/** The event data as XML, or SipError `evfw.sip.build.invalid-events` naming the first error. */
export function serializeEvents(events: CpmEvfw): string {
  let body: string;
  try {
    body = serializeCpmEvfw(events);
  } catch (error) {
    // The value does not fit the schema (ModelError): the same refusal as an invalid document.
    if (!(error instanceof ModelError)) throw error;
    throw new SipError({
      code: 'evfw.sip.build.invalid-events',
      message: `the events are not a valid report: ${error.message}`,
      hint: 'fix the events; build them with @evfw/model/cpm-evfw/build to start from a valid value',
    });
  }
  const first = validateCpmEvfw(body, { profile: 'spec' }).find((d) => d.severity === 'error');
  if (first !== undefined) {
    throw new SipError({
      code: 'evfw.sip.build.invalid-events',
      message: `the events are not a valid report: ${first.code}: ${first.message}${first.path === undefined ? '' : ` (at ${first.path})`}`,
      hint: 'fix the events; build them with @evfw/model/cpm-evfw/build to start from a valid value',
    });
  }
  return body;
}

function dialogHeaders(context: ClientContext, method: string, to: string): SipHeader[] {
  const cseq = context.cseq ?? 1;
  if (!Number.isInteger(cseq) || cseq < 0 || cseq >= 2 ** 31) {
    throw new SipError({ code: 'evfw.sip.build.cseq', message: `CSeq ${cseq} is not a whole number below 2^31`, hint: 'RFC 3261 section 8.1.1.5' });
  }
  const { transport, host, port } = context.via;
  const sentBy = `${host.includes(':') ? `[${host}]` : host}${port === undefined ? '' : `:${port}`}`;
  const from = formatNameAddr(context.ownAddress, {
    ...(context.displayName === undefined ? {} : { displayName: context.displayName }),
    tag: newTag(context.random),
  });
  return [
    { name: 'Via', value: `SIP/2.0/${transport} ${sentBy};branch=${newBranch(context.random)}` },
    { name: 'Max-Forwards', value: String(context.maxForwards ?? 70) },
    { name: 'From', value: from },
    { name: 'To', value: formatNameAddr(to) },
    { name: 'Call-ID', value: newCallId(context.random) },
    { name: 'CSeq', value: `${cseq} ${method}` },
  ];
}

function contactValue(context: ClientContext): string {
  if (context.contactFeatureTags !== true) return `<${context.contact}>`;
  const iari = context.iari === undefined ? '' : `;${IARI_FEATURE_TAG}="${encodeFeatureTagUrn(context.iari)}"`;
  return `<${context.contact}>;${ICSI_FEATURE_TAG}="${encodeFeatureTagUrn(CPM_SYSTEMMSG_ICSI)}"${iari}`;
}

function common(context: ClientContext): SipHeader[] {
  return [
    ...(context.userAgent === undefined ? [] : [{ name: 'User-Agent', value: context.userAgent }]),
    ...(context.extraHeaders ?? []),
  ];
}
