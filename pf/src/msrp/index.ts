/** The MSRP half of the INVITE mechanism (OMA CPM 6.7.3.2) on the Participating Function's side. */
export { MsrpEndpointError, startMsrpEndpoint, type MsrpEndpoint, type MsrpEndpointErrorCode, type MsrpSessionHandle } from './msrp-endpoint.js';
export type { EventReportRecord, MsrpEndpointOptions } from './endpoint-options.js';
export type { NewSessionOptions, SessionEnd } from './session-directory.js';
export { judgeReport, type ReportVerdict } from './event-report.js';
