/**
 * Service identification of CPM event reports (OMA CPM 6.7.1): the systemmsg ICSI in
 * P-Preferred-Service (sent by the client) or P-Asserted-Service (asserted by the network), the
 * same ICSI percent-encoded in a `+g.3gpp.icsi-ref` feature tag of Accept-Contact (3GPP TS 24.229
 * 7.2A.8.2, RFC 3841), and an optional IARI of the application whose events ride on the
 * framework (`+g.3gpp.iari-ref`). Also the reverse, for the Participating Function: does a request
 * carry the systemmsg service, and which IARIs does it carry (6.7.1: those are forwarded).
 */
import { parseParams, splitHeaderList } from './sip/header-values.js';
import type { SipHeader, SipMessage } from './sip/sip-message.js';
import { getHeaders } from './sip/sip-message.js';

/** The ICSI of the CPM Event Reporting Framework (6.7.1). */
export const CPM_SYSTEMMSG_ICSI = 'urn:urn-7:3gpp-service.ims.icsi.oma.cpm.systemmsg';

export { CPM_EVFW_CONTENT_TYPE } from './content-types.js';

export const ICSI_FEATURE_TAG = '+g.3gpp.icsi-ref';
export const IARI_FEATURE_TAG = '+g.3gpp.iari-ref';

/**
 * A feature tag value is a quoted list of token-nobang (RFC 3840 section 9), which has no ":".
 * 3GPP TS 24.229 7.2A.8.2: "those characters of the URN that are not part of the tag-value
 * definition in RFC 3840 shall be represented in the percent encoding as defined in RFC 3986",
 * as in `g.3gpp.icsi-ref="urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel"`. So the characters of
 * token-nobang stay as they are, except "%", which is encoded too: in a URN it starts an escape
 * of its own (RFC 8141), and decoding must give the URN back exactly.
 */
export function encodeFeatureTagUrn(urn: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(urn)) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-.*_+`'~]/.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** The reverse of encodeFeatureTagUrn; text with a malformed escape is returned undecoded. */
export function decodeFeatureTagUrn(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

export interface ServiceIdentificationOptions {
  /**
   * The P- header for the ICSI: `P-Preferred-Service` from a client, `P-Asserted-Service` from
   * a trusted network entity (RFC 6050), or `none` when a proxy adds it later. Default
   * `P-Preferred-Service`.
   */
  readonly serviceHeader?: 'P-Preferred-Service' | 'P-Asserted-Service' | 'none';
  /** An application's IARI (6.7.1 "MAY define its own application identifier"), as a URN. */
  readonly iari?: string;
  /** Add RFC 3841 `require` and `explicit` to each Accept-Contact value. Default false. */
  readonly requireExplicit?: boolean;
}

/** The Accept-Contact value that asks for `urn` in the feature tag `tag`. */
export function acceptContactValue(tag: string, urn: string, requireExplicit = false): string {
  return `*;${tag}="${encodeFeatureTagUrn(urn)}"${requireExplicit ? ';require;explicit' : ''}`;
}

/**
 * The header fields 6.7.1 asks for on every event reporting request and response. The IARI goes in
 * an Accept-Contact value of its own: each ac-value is a separate preference (RFC 3841), so a
 * contact that has only one of the two features still scores for it.
 */
export function serviceIdentificationHeaders(options: ServiceIdentificationOptions = {}): SipHeader[] {
  const headers: SipHeader[] = [];
  const serviceHeader = options.serviceHeader ?? 'P-Preferred-Service';
  if (serviceHeader !== 'none') headers.push({ name: serviceHeader, value: CPM_SYSTEMMSG_ICSI });
  const requireExplicit = options.requireExplicit === true;
  headers.push({ name: 'Accept-Contact', value: acceptContactValue(ICSI_FEATURE_TAG, CPM_SYSTEMMSG_ICSI, requireExplicit) });
  if (options.iari !== undefined) {
    headers.push({ name: 'Accept-Contact', value: acceptContactValue(IARI_FEATURE_TAG, options.iari, requireExplicit) });
  }
  return headers;
}

/** Where a request named the systemmsg ICSI. */
export type IcsiSource = 'P-Preferred-Service' | 'P-Asserted-Service' | 'Accept-Contact';

export interface ServiceIdentification {
  /** True when the systemmsg ICSI is in at least one of the places 6.7.1 names. */
  readonly isCpmEventReport: boolean;
  /** Each place it was found, in header order. */
  readonly icsiSources: readonly IcsiSource[];
  /** Every ICSI the request names (decoded), the systemmsg one included. */
  readonly icsis: readonly string[];
  /** Every IARI in Accept-Contact or Contact feature tags (decoded); the PF forwards these (6.7.1). */
  readonly iaris: readonly string[];
}

/**
 * Reads the service identification of a request or response. URNs compare as RFC 8141 (was 2141)
 * section 3 says: "urn" and the namespace id case-insensitively, the rest exactly.
 */
export function readServiceIdentification(message: Pick<SipMessage, 'headers'>): ServiceIdentification {
  const sources: IcsiSource[] = [];
  const icsis: string[] = [];
  const iaris: string[] = [];
  for (const name of ['P-Preferred-Service', 'P-Asserted-Service'] as const) {
    for (const value of getHeaders(message, name)) {
      for (const id of splitHeaderList(value)) {
        addUnique(icsis, id);
        if (sameUrn(id, CPM_SYSTEMMSG_ICSI) && !sources.includes(name)) sources.push(name);
      }
    }
  }
  for (const name of ['Accept-Contact', 'Contact'] as const) {
    for (const value of getHeaders(message, name)) {
      for (const item of splitHeaderList(value)) {
        const { params } = parseParams(item);
        for (const urn of featureTagUrns(params.get(ICSI_FEATURE_TAG))) {
          addUnique(icsis, urn);
          if (name === 'Accept-Contact' && sameUrn(urn, CPM_SYSTEMMSG_ICSI) && !sources.includes(name)) sources.push(name);
        }
        for (const urn of featureTagUrns(params.get(IARI_FEATURE_TAG))) addUnique(iaris, urn);
      }
    }
  }
  return { isCpmEventReport: sources.length > 0, icsiSources: sources, icsis, iaris };
}

/** The URNs in a feature tag value: a quoted, comma-separated list (RFC 3840 tag-value-list). */
function featureTagUrns(value: string | null | undefined): string[] {
  if (value === undefined || value === null) return [];
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '' && !part.startsWith('!'))
    .map(decodeFeatureTagUrn);
}

export function sameUrn(a: string, b: string): boolean {
  const split = (urn: string): [string, string] => {
    const m = /^(urn:[^:]+:)(.*)$/is.exec(urn.trim());
    return m === null ? [urn.trim(), ''] : [m[1]!.toLowerCase(), m[2]!];
  };
  const [aHead, aRest] = split(a);
  const [bHead, bRest] = split(b);
  return aHead === bHead && aRest === bRest;
}

function addUnique(list: string[], item: string): void {
  if (!list.includes(item)) list.push(item);
}
