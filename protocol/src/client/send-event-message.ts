/**
 * The MESSAGE mechanism of OMA CPM 6.7.3.1, client side: one SIP MESSAGE carrying the event
 * data (6.7.4) to the Participating Function over a transport of its own, and its final
 * response. A 4xx is an answer, not an error: the caller reads `status` and the Warning.
 *
 *   const response = await sendEventMessage({ pf: { host, port: 5060, transport: 'udp' }, context: { ownAddress } }, events);
 */
import type { CpmEvfw } from '@evfw/model/cpm-evfw';
import { buildEventMessage, type EventMessageOptions } from '../sip/build-requests.js';
import type { SipResponse } from '../sip/sip-message.js';
import { contextOnTransport, type ClientIdentity } from './client-context.js';
import { openSipTransport, type SipPeer, type SipTransportOptions } from './sip-transport.js';

export interface SendEventMessageOptions {
  readonly pf: SipPeer;
  /** Who reports; Via and Contact come from the transport. */
  readonly context: ClientIdentity;
  /** The recipient, by default the user's own address. */
  readonly message?: EventMessageOptions;
  /** How long to wait for the final response, milliseconds. Default 32 s (Timer F). */
  readonly timeoutMs?: number;
  readonly transport?: SipTransportOptions;
}

/**
 * Resolves with the final response, whatever its status. Rejects with ClientError
 * (`evfw.client.timeout`, `evfw.client.transport`), or SipError when the events are not a valid
 * report (`evfw.sip.build.invalid-events`, before anything is sent).
 */
export async function sendEventMessage(options: SendEventMessageOptions, events: CpmEvfw): Promise<SipResponse> {
  const transport = await openSipTransport(options.pf, options.transport);
  try {
    const request = buildEventMessage(contextOnTransport(options.context, transport), events, options.message);
    return await transport.request(request, options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs });
  } finally {
    await transport.close();
  }
}
