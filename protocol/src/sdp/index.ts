/** The SDP side of `@evfw/protocol`: the MSRP offer and answer of 6.7.3.2, and their reader. */
export { buildSdpAnswer, buildSdpOffer } from './build-sdp.js';
export type { BuiltSdp, BuiltSdpAnswer, MsrpEndpoint, SdpAnswerOptions, SdpOfferOptions } from './build-sdp.js';
export { acceptsType, DEFAULT_SDP_LIMITS, parseSdp, readMsrpMedia } from './parse-sdp.js';
export type { SdpLimits } from './parse-sdp.js';
export { answerDirection } from './sdp-model.js';
export type { MsrpMedia, SdpAttribute, SdpConnection, SdpDirection, SdpMedia, SdpSession } from './sdp-model.js';
