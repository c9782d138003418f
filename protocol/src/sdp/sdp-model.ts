/**
 * What evfw reads from and writes to SDP (RFC 4566, RFC 3264 offer/answer) for the event
 * reporting session of 6.7.3.2: one MSRP media line (RFC 4975 section 8) and its attributes.
 */

export type SdpDirection = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

export interface SdpConnection {
  readonly netType: string;
  readonly addrType: string;
  readonly address: string;
}

export interface SdpAttribute {
  readonly name: string;
  /** null for a property attribute such as `a=sendonly`. */
  readonly value: string | null;
}

export interface SdpMedia {
  readonly media: string;
  readonly port: number;
  readonly proto: string;
  readonly formats: readonly string[];
  readonly connection?: SdpConnection;
  readonly attributes: readonly SdpAttribute[];
}

export interface SdpSession {
  readonly version: number;
  readonly origin?: string;
  readonly sessionName?: string;
  readonly connection?: SdpConnection;
  readonly attributes: readonly SdpAttribute[];
  readonly media: readonly SdpMedia[];
}

/** The MSRP media of a session description, as the Participating Function needs it. */
export interface MsrpMedia {
  readonly port: number;
  /** `TCP/MSRP`, or `TCP/TLS/MSRP` for msrps. */
  readonly proto: string;
  /** The connection address, media level over session level. */
  readonly address?: string;
  /** `a=path`: the MSRP URIs, the peer's own last (RFC 4975 section 8.2). */
  readonly path: readonly string[];
  readonly acceptTypes: readonly string[];
  readonly acceptWrappedTypes: readonly string[];
  /** Media level over session level; `sendrecv` when neither says (RFC 4566 section 6). */
  readonly direction: SdpDirection;
  readonly maxSize?: number;
  /** `a=setup` (RFC 6135, RFC 4145). */
  readonly setup?: string;
}

export const SDP_DIRECTIONS: readonly SdpDirection[] = ['sendrecv', 'sendonly', 'recvonly', 'inactive'];

/** The answer's direction for an offered one (RFC 3264 section 6.1). */
export function answerDirection(offered: SdpDirection): SdpDirection {
  switch (offered) {
    case 'sendonly':
      return 'recvonly';
    case 'recvonly':
      return 'sendonly';
    default:
      return offered;
  }
}
