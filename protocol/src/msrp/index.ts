/** MSRP (RFC 4975) as an event-reporting session needs it: SEND framing, responses, reading. */
export { MSRP_ERROR_CODES, MsrpError, type MsrpErrorCode } from './msrp-error.js';
export {
  formatByteRange,
  headerValue,
  isIdent,
  newIdent,
  parseByteRange,
  pathUris,
  type ByteRange,
  type ContinuationFlag,
  type MsrpFrame,
  type MsrpHeader,
  type MsrpRequest,
  type MsrpResponse,
} from './msrp-frame.js';
export { DEFAULT_MSRP_LIMITS, type MsrpLimits } from './msrp-limits.js';
export {
  buildEventSend,
  buildImdnSend,
  buildSend,
  DEFAULT_CHUNK_SIZE,
  messageBytes,
  type OutgoingChunk,
  type OutgoingMessage,
  type SendOptions,
} from './send-request.js';
export { buildResponse, responseWanted, STATUS_COMMENTS, type ResponseOptions } from './response.js';
export { MsrpStreamParser, type MsrpStreamEvent } from './stream-parser.js';
export { MsrpReassembler, type MsrpMessage, type ReassemblyResult } from './reassembler.js';
export { ReassemblyBudget } from './reassembly-budget.js';
export { MsrpReader, type MsrpReadEvent, type MsrpReaderOptions } from './msrp-reader.js';
export { formatMsrpUri, parseMsrpUri, sameMsrpUri, type MsrpUri } from './msrp-uri.js';
