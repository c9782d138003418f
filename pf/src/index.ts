/**
 * `@evfw/participating-function`: a reference CPM Participating Function (OMA CPM 6.7.2,
 * 6.7.5.1): event reports in over SIP MESSAGE or INVITE + MSRP, validated, applied to the CPM
 * Message Store over IMAP. `npm run pf` starts it (src/main.ts).
 */
export * from './server/index.js';
export * from './msrp/index.js';
export {
  CPM_STORE_HEADERS,
  MessageStoreError,
  connectMessageStore,
  folderPathToMailbox,
  parseUid,
  type FoundBy,
  type MessageStore,
  type MessageStoreErrorCode,
  type MessageStoreOptions,
  type ObjectFailure,
  type ObjectFailureCode,
  type ObjectNotUpdated,
  type ObjectOutcome,
  type ObjectUpdated,
  type StoredMessage,
} from './message-store.js';
