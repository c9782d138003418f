/**
 * `@evfw/participating-function`: a reference CPM Participating Function (OMA CPM 6.7.2,
 * 6.7.5.1): event reports in over SIP MESSAGE or INVITE + MSRP, validated, applied to the CPM
 * Message Store over IMAP.
 */
export {};
