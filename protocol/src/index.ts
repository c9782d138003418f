/**
 * `@evfw/protocol`: the half of section 6.7 that is not the document format. Client helpers for
 * RCS clients and servers that report events; they use the generated package only through its
 * public exports (`@evfw/model`, `@evfw/model/cpm-evfw`, `@evfw/model/imdn`).
 *
 * - service identification (6.7.1) and the choice of SIP MESSAGE or INVITE (6.7.3);
 * - SIP messages: a bounded parser and serializer, MESSAGE and INVITE builders, responses;
 * - SDP offer and answer for the event session (6.7.3.2);
 * - MSRP framing (RFC 4975): SEND, responses, a stream reader that reassembles chunks;
 * - results: IMDN delivery reports in CPIM, one per reported object, and their mapping back;
 * - the client's event session over MSRP (INVITE mode, 6.7.3.2): send events, await one result per object;
 * - the SIP client: a transport to the Participating Function, MESSAGE (6.7.3.1), INVITE, ACK and BYE (6.7.3.2).
 */
export { CodedError } from './coded-error.js';
export { CPIM_CONTENT_TYPE, CPM_EVFW_CONTENT_TYPE, IMDN_CONTENT_TYPE } from './content-types.js';
export * from './service-identification.js';
export * from './mechanism.js';
export * from './sip/index.js';
export * from './sdp/index.js';
export * from './msrp/index.js';
export * from './results/index.js';
export * from './session/index.js';
export * from './client/index.js';
