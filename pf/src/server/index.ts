/** The Participating Function's SIP side: listeners, the MESSAGE mechanism (6.7.3.1), the next-hop relay. */
export { startSipServer, type ListeningAddress, type SipServer } from './sip-server.js';
export { DEFAULT_SERVER_LIMITS, type FanOutPolicy, type LogLevel, type ServerLimits, type ServerLog, type SipServerOptions, type SipTransport } from './options.js';
export { formatNextHop, forwardRequest, parseNextHop, type ForwardResult, type NextHop } from './next-hop.js';
export { ALLOWED_METHODS } from './handle-request.js';
export { WARN_AGENT } from './responses.js';
