/**
 * The SIP client of `@evfw/protocol`: a transport to the Participating Function (RFC 3261 17.1,
 * 18), the MESSAGE mechanism (OMA CPM 6.7.3.1) and the INVITE mechanism with its MSRP event
 * session (6.7.3.2).
 */
export { CLIENT_ERROR_CODES, ClientError, type ClientErrorCode } from './client-error.js';
export { openSipTransport, type LocalAddress, type SipPeer, type SipRequestOptions, type SipTransport, type SipTransportOptions } from './sip-transport.js';
export type { ClientIdentity } from './client-context.js';
export type { Dialog } from './dialog-requests.js';
export { inviteEventSession, type DialogClosed, type InviteEventSession, type InviteEventSessionOptions } from './invite-session.js';
export { sendEventMessage, type SendEventMessageOptions } from './send-event-message.js';
