/** The Participating Function's SIP side: listeners, the MESSAGE (6.7.3.1) and INVITE (6.7.3.2) mechanisms, the next-hop relay. */
export { startSipServer, type ListeningAddress, type SipServer } from './sip-server.js';
export { DEFAULT_SERVER_LIMITS, type FanOutPolicy, type LogLevel, type ServerLimits, type ServerLog, type SipServerOptions, type SipTransport } from './options.js';
export { formatNextHop, forwardRequest, parseNextHop, type ForwardResult, type NextHop } from './next-hop.js';
export { MESSAGE_ONLY_METHODS } from './handle-request.js';
export { INVITE_METHODS, SDP_CONTENT_TYPE } from './handle-invite.js';
export type { Dialog, DialogEnd } from './dialogs.js';
export { WARN_AGENT } from './responses.js';
