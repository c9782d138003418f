/** Results of event reports: IMDN delivery reports (RFC 5438) in CPIM (RFC 3862), both sides. */
export { RESULT_ERROR_CODES, ResultError, type ResultErrorCode } from './result-error.js';
export {
  cpimBodyText,
  cpimHeader,
  DEFAULT_CPIM_LIMITS,
  parseCpim,
  wrapCpim,
  type CpimAddress,
  type CpimHeader,
  type CpimInput,
  type CpimLimits,
  type CpimMessage,
  type CpimParseResult,
} from './cpim.js';
export { reportedObjects, type ReportedObject } from './reported-objects.js';
export {
  buildResultImdns,
  deliveryImdn,
  IMDN_CPIM_NAMESPACE,
  readImdn,
  wrapImdn,
  type ObjectOutcome,
  type ReadImdnResult,
  type ResultImdn,
  type ResultImdnOptions,
  type WrapImdnOptions,
} from './imdn-results.js';
export { matchResults, type MatchOptions, type ObjectResult, type ObjectSyncState, type SyncResults, type UnmatchedImdn } from './sync-results.js';
