/** The MIME types section 6.7 puts on the wire, in one place for SIP, SDP, MSRP and the results. */

/** Event reporting data, carried without a CPIM wrapper (OMA CPM 6.7.4). */
export const CPM_EVFW_CONTENT_TYPE = 'application/vnd.oma.cpm-eventfw+xml';
/** The wrapper IMDNs travel in inside MSRP (RFC 5438 section 9; OMA CPM 6.7.3.2 item 3). */
export const CPIM_CONTENT_TYPE = 'message/cpim';
/** An IMDN (RFC 5438): the result of each reported object (OMA CPM 6.7.3.2 item 3). */
export const IMDN_CONTENT_TYPE = 'message/imdn+xml';
