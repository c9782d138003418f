/**
 * Bounds on what the SIP parser reads, so hostile input costs at most this much memory and time.
 * RFC 3261 sets no header size limit; these defaults are generous for real traffic (a UDP
 * datagram holds at most 65,507 bytes) and small enough that a flood of junk stays cheap.
 */
export interface SipLimits {
  /** The whole message, start line to the end of the body. */
  readonly maxMessageBytes: number;
  /** The start line and header fields, up to and including the empty line. */
  readonly maxHeaderSectionBytes: number;
  /** Header lines, continuation lines not counted separately. */
  readonly maxHeaderCount: number;
  /** One physical line, CRLF excluded. */
  readonly maxLineBytes: number;
}

export const DEFAULT_SIP_LIMITS: SipLimits = {
  maxMessageBytes: 65_536,
  maxHeaderSectionBytes: 16_384,
  maxHeaderCount: 256,
  maxLineBytes: 8_192,
};

export function resolveSipLimits(limits: Partial<SipLimits> | undefined): SipLimits {
  return { ...DEFAULT_SIP_LIMITS, ...limits };
}
