/**
 * What every request handler of the SIP server is given: the server's options, its bounds and
 * log, and, when the INVITE mechanism is on, the MSRP endpoint and the dialog table.
 */
import { getHeader, type SipRequest } from '@evfw/protocol';
import type { MsrpEndpoint } from '../msrp/index.js';
import type { DialogTable } from './dialogs.js';
import type { ServerLimits, SipServerOptions } from './options.js';

export interface MessageContext {
  readonly options: SipServerOptions;
  readonly limits: ServerLimits;
  readonly log: NonNullable<SipServerOptions['log']>;
}

/** The INVITE mechanism (6.7.3.2): where its MSRP sessions live and how the PF is reached. */
export interface InviteContext {
  readonly endpoint: MsrpEndpoint;
  readonly dialogs: DialogTable;
  /** The PF's own address: the CPIM From of the IMDNs (6.7.3.2 item 3 a). */
  readonly ownAddress: string;
  /** The Contact of the 200: where the client sends ACK and BYE (RFC 3261 12.1.1). */
  readonly contact: (transport: 'udp' | 'tcp') => string;
}

export interface RequestContext extends MessageContext {
  /** Requests being handled now, shared by every transport. */
  inFlight: number;
  /** Absent when the server was started without the INVITE mechanism. */
  invite?: InviteContext;
}

export function callId(request: SipRequest): string {
  return getHeader(request, 'Call-ID') ?? '(no Call-ID)';
}
