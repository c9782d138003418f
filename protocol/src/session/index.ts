/** The client's event-reporting session over MSRP (OMA CPM 6.7.3.2): send reports, collect IMDN results. */
export { openEventSession, type EventSession, type EventSessionOptions, type SendEventOptions } from './event-session.js';
export type { EventResults } from './pending-report.js';
export { SESSION_ERROR_CODES, SessionError, type SessionErrorCode } from './session-error.js';
