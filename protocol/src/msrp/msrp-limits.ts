/**
 * Bounds on what one MSRP connection may make the reader hold. Every one is reached by a
 * hostile peer in a few packets without them; with them, memory stays below about
 * maxHeaderBytes + maxChunkSize + maxPendingMessages * maxMessageSize, plus the
 * bookkeeping of at most maxChunksPerMessage chunks per pending message.
 */
export interface MsrpLimits {
  /** Start line and headers of one request or response, in bytes. */
  readonly maxHeaderBytes: number;
  /** Header lines of one request or response. */
  readonly maxHeaderCount: number;
  /** Body of one chunk, in bytes; a longer one is skipped to its end-line and answered 413. */
  readonly maxChunkSize: number;
  /** A whole reassembled message, in bytes. */
  readonly maxMessageSize: number;
  /** Chunked messages being reassembled at once. */
  readonly maxPendingMessages: number;
  /**
   * Chunks of one message. Bounds the bookkeeping a peer can cause with tiny chunks; 4096 is a
   * whole default-size message in chunks of 2048 bytes, the size RFC 4975 section 7.1 names.
   */
  readonly maxChunksPerMessage: number;
}

export const DEFAULT_MSRP_LIMITS: MsrpLimits = Object.freeze({
  maxHeaderBytes: 16 * 1024,
  maxHeaderCount: 64,
  maxChunkSize: 1024 * 1024,
  maxMessageSize: 8 * 1024 * 1024,
  maxPendingMessages: 16,
  maxChunksPerMessage: 4096,
});

export function resolveMsrpLimits(overrides: Partial<MsrpLimits> | undefined): MsrpLimits {
  return overrides === undefined ? DEFAULT_MSRP_LIMITS : { ...DEFAULT_MSRP_LIMITS, ...overrides };
}
