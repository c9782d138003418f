/**
 * Puts chunked SEND requests back together (RFC 4975 sections 5.1 and 7.3.1): chunks of one
 * message share its Message-ID and say where their data goes with Byte-Range. A chunk may be
 * cut short by its sender (flag `+` before its declared end, section 7.1), chunks may overlap or
 * come out of order, and `#` abandons the message. Memory is bounded by the limits, never by
 * what a peer declares.
 */
import { MsrpError } from './msrp-error.js';
import { headerValue, parseByteRange, pathUris, type MsrpHeader, type MsrpRequest } from './msrp-frame.js';
import { resolveMsrpLimits, type MsrpLimits } from './msrp-limits.js';
import type { ReassemblyBudget } from './reassembly-budget.js';

/** A whole message, as its sender meant it. */
export interface MsrpMessage {
  readonly messageId: string;
  readonly contentType?: string;
  /** The headers of the first chunk received. */
  readonly headers: readonly MsrpHeader[];
  readonly toPath: readonly string[];
  readonly fromPath: readonly string[];
  readonly body: Uint8Array;
  /** The transactions that carried it, in the order received. */
  readonly transactionIds: readonly string[];
}

export type ReassemblyResult =
  | { readonly type: 'message'; readonly message: MsrpMessage }
  /** More chunks are needed. */
  | { readonly type: 'partial'; readonly messageId: string }
  /** The sender abandoned the message with `#` (section 7.1). */
  | { readonly type: 'aborted'; readonly messageId: string }
  | { readonly type: 'error'; readonly error: MsrpError };

interface Pending {
  readonly headers: readonly MsrpHeader[];
  /** Ordered by offset. */
  readonly pieces: Piece[];
  readonly transactionIds: string[];
  stored: number;
  /** Bytes of `pieces` charged to the shared budget, given back when the entry goes. */
  charged: number;
  /** Known once a Byte-Range names it or the `$` chunk arrives. */
  total: number | undefined;
  sawLast: boolean;
}

export class MsrpReassembler {
  private readonly limits: MsrpLimits;
  private readonly pending = new Map<string, Pending>();
  /**
   * Messages refused with an error: their later chunks get the same error instead of starting
   * a reassembly that can never end. Bounded; the oldest are forgotten first.
   */
  private readonly refused = new Map<string, MsrpError>();

  constructor(
    limits?: Partial<MsrpLimits>,
    /** Shared by every reassembler of a process: what all of them may hold together. */
    private readonly budget?: ReassemblyBudget,
  ) {
    this.limits = resolveMsrpLimits(limits);
  }

  /** Bytes of chunks held, waiting for the rest of their messages. */
  get heldBytes(): number {
    let held = 0;
    for (const entry of this.pending.values()) held += entry.charged;
    return held;
  }

  /**
   * Drops every message being reassembled and gives their bytes back to the budget: for a
   * connection that has closed, whose messages can never complete.
   */
  clear(): void {
    for (const messageId of [...this.pending.keys()]) this.drop(messageId);
    this.refused.clear();
  }

  /** Messages still waiting for chunks. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** Adds one SEND chunk. */
  add(request: MsrpRequest): ReassemblyResult {
    const tid = request.transactionId;
    const messageId = headerValue(request, 'Message-ID')?.trim();
    if (!messageId) {
      return error(new MsrpError('evfw.msrp.missing-header', `SEND transaction ${tid} has no Message-ID`, 'every SEND names its message with Message-ID (RFC 4975 section 7.1.1)', 400, tid));
    }
    if (request.continuation === '#') {
      this.drop(messageId);
      return { type: 'aborted', messageId };
    }
    const earlier = this.refused.get(messageId);
    if (earlier) {
      return error(new MsrpError(earlier.code, `message ${messageId} was refused earlier (${earlier.code}); this chunk is refused too`, earlier.hint, earlier.status, tid));
    }
    const result = this.place(request, messageId);
    if (result.type === 'error') {
      this.drop(messageId);
      this.refused.set(messageId, result.error);
      if (this.refused.size > 4 * this.limits.maxPendingMessages) this.refused.delete(this.refused.keys().next().value!);
    }
    return result;
  }

  private place(request: MsrpRequest, messageId: string): ReassemblyResult {
    const tid = request.transactionId;
    const byteRangeText = headerValue(request, 'Byte-Range');
    let range;
    try {
      // A SEND without Byte-Range carries the whole message in one chunk (RFC 4975 section 7.1.1).
      range = byteRangeText === undefined ? { start: 1, end: '*' as const, total: '*' as const } : parseByteRange(byteRangeText, tid);
    } catch (e) {
      return error(e as MsrpError);
    }
    const data = request.body ?? new Uint8Array(0);
    const offset = range.start - 1;
    const last = request.continuation === '$';
    const max = this.limits.maxMessageSize;
    if ((range.total !== '*' && range.total > max) || offset + data.length > max) {
      return error(new MsrpError('evfw.msrp.message-too-large', `message ${messageId} would be larger than ${max} bytes (Byte-Range ${byteRangeText ?? 'absent'})`, 'answer 413 to stop the sender; raise limits.maxMessageSize if the peer is trusted', 413, tid));
    }
    if (range.end !== '*') {
      const declared = range.end - range.start + 1;
      // Only the last chunk must be complete: `+` may end a chunk early (section 7.1).
      if (data.length > declared || (last && data.length !== declared)) {
        return error(new MsrpError('evfw.msrp.byte-range', `transaction ${tid} carries ${data.length} bytes where Byte-Range ${byteRangeText} declares ${declared}`, 'the range must match the body of the chunk', 400, tid));
      }
    }
    if (range.total !== '*' && offset + data.length > range.total) {
      return error(new MsrpError('evfw.msrp.byte-range', `transaction ${tid} carries data past the total ${range.total} of message ${messageId}`, 'a chunk must end at or before the total of Byte-Range', 400, tid));
    }
    if (last && range.total !== '*' && offset + data.length !== range.total) {
      return error(new MsrpError('evfw.msrp.byte-range', `the last chunk of message ${messageId} ends at byte ${offset + data.length}, not at the total ${range.total}`, 'the chunk with "$" must end at the total of Byte-Range', 400, tid));
    }

    let entry = this.pending.get(messageId);
    if (!entry) {
      // A whole message in one chunk, the common case: no bookkeeping.
      if (last && offset === 0) return { type: 'message', message: makeMessage(messageId, request.headers, [tid], data) };
      if (this.pending.size >= this.limits.maxPendingMessages) {
        return error(new MsrpError('evfw.msrp.too-many-messages', `${this.pending.size} messages are already being reassembled; message ${messageId} is refused`, 'answer 413 to stop it; raise limits.maxPendingMessages if the peer is trusted', 413, tid));
      }
      entry = { headers: request.headers, pieces: [], transactionIds: [], stored: 0, charged: 0, total: undefined, sawLast: false };
      this.pending.set(messageId, entry);
    }
    // Overlapping chunks count twice here: a peer resending the same range forever still ends.
    entry.stored += data.length;
    if (entry.stored > max) {
      return error(new MsrpError('evfw.msrp.message-too-large', `message ${messageId} has sent more than ${max} bytes of chunks`, 'answer 413 to stop the sender', 413, tid));
    }
    if (entry.pieces.length >= this.limits.maxChunksPerMessage) {
      return error(new MsrpError('evfw.msrp.message-too-large', `message ${messageId} has sent more than ${this.limits.maxChunksPerMessage} chunks`, 'answer 413 to stop the sender; raise limits.maxChunksPerMessage if the peer is trusted', 413, tid));
    }
    // Last of the checks, since it is the only one that charges: the process-wide cap.
    if (this.budget !== undefined && !this.budget.take(data.length)) {
      return error(new MsrpError('evfw.msrp.reassembly-budget', `the chunks held for reassembly by every connection would pass ${this.budget.maxBytes} bytes; message ${messageId} is refused`, 'answer 413 to stop the sender; the limit is the process\'s, raise it if the peers are trusted', 413, tid));
    }
    entry.charged += data.length;
    insertSorted(entry.pieces, { offset, data });
    entry.transactionIds.push(tid);
    if (range.total !== '*') entry.total = range.total;
    if (last) {
      entry.sawLast = true;
      entry.total ??= offset + data.length;
    }
    // Fewer bytes than the total cannot cover it: no need to look at the pieces.
    if (!entry.sawLast || entry.total === undefined || entry.stored < entry.total) return { type: 'partial', messageId };
    const body = assemble(entry.pieces, entry.total);
    if (!body) return { type: 'partial', messageId };
    this.drop(messageId);
    return { type: 'message', message: makeMessage(messageId, entry.headers, entry.transactionIds, body) };
  }

  /** Forgets a message being reassembled, giving its bytes back to the budget. */
  private drop(messageId: string): void {
    const entry = this.pending.get(messageId);
    if (entry === undefined) return;
    this.pending.delete(messageId);
    this.budget?.give(entry.charged);
  }
}

function error(e: MsrpError): ReassemblyResult {
  return { type: 'error', error: e };
}

interface Piece {
  readonly offset: number;
  readonly data: Uint8Array;
}

/**
 * Keeps pieces ordered by offset, equal offsets in arrival order. Chunks come in order on one
 * connection, so this is nearly always an append.
 */
function insertSorted(pieces: Piece[], piece: Piece): void {
  let lo = 0;
  let hi = pieces.length;
  if (hi === 0 || pieces[hi - 1]!.offset <= piece.offset) {
    pieces.push(piece);
    return;
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pieces[mid]!.offset <= piece.offset) lo = mid + 1;
    else hi = mid;
  }
  pieces.splice(lo, 0, piece);
}

/**
 * The body when the pieces cover bytes 1 to total. Where they overlap, the piece with the
 * higher offset, or the later of two at one offset, wins: a resent range replaces the old.
 */
function assemble(pieces: readonly Piece[], total: number): Uint8Array | undefined {
  let covered = 0;
  for (const p of pieces) {
    if (p.offset > covered) return undefined;
    covered = Math.max(covered, p.offset + p.data.length);
  }
  if (covered < total) return undefined;
  const body = new Uint8Array(total);
  for (const p of pieces) if (p.offset < total) body.set(p.data.subarray(0, Math.max(0, Math.min(p.data.length, total - p.offset))), p.offset);
  return body;
}

function makeMessage(messageId: string, headers: readonly MsrpHeader[], transactionIds: readonly string[], body: Uint8Array): MsrpMessage {
  const contentType = headerValue({ headers }, 'Content-Type')?.trim();
  return {
    messageId,
    ...(contentType ? { contentType } : {}),
    headers,
    toPath: pathUris(headerValue({ headers }, 'To-Path')),
    fromPath: pathUris(headerValue({ headers }, 'From-Path')),
    body,
    transactionIds,
  };
}
