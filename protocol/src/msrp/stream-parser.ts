/**
 * Cuts a TCP byte stream into MSRP requests and responses (RFC 4975 sections 7.1 and 9). Bytes
 * may arrive split anywhere; a frame is returned once its end-line has arrived.
 *
 * How the end of a body is found is the point of section 7.1: the body has no length, it ends
 * at the first CRLF followed by `-------`, this transaction's id, a flag and CRLF. The end-line
 * of any other transaction inside the body is data. Senders pick ids absent from their bodies.
 */
import { MsrpError, printable } from './msrp-error.js';
import { headerValue, type ContinuationFlag, type MsrpFrame, type MsrpHeader } from './msrp-frame.js';
import { resolveMsrpLimits, type MsrpLimits } from './msrp-limits.js';

export type MsrpStreamEvent =
  | { readonly type: 'frame'; readonly frame: MsrpFrame }
  /** `fatal`: the stream cannot be cut any further (no transaction id to look for); close it. */
  | { readonly type: 'error'; readonly error: MsrpError; readonly fatal: boolean };

const REQUEST_LINE = /^MSRP ([A-Za-z0-9][A-Za-z0-9.\-+%=]{3,31}) ([A-Z]+)$/;
const RESPONSE_LINE = /^MSRP ([A-Za-z0-9][A-Za-z0-9.\-+%=]{3,31}) (\d{3})(?: (.*))?$/;
// hname is a token (RFC 4975 section 9: ALPHA *(ALPHA / DIGIT / "-" / "_" ...)); kept loose.
const HEADER_LINE = /^([!-9;-~]+):[ \t]*(.*)$/;

interface StartLine {
  readonly transactionId: string;
  readonly method?: string;
  readonly status?: number;
  readonly comment?: string;
}

const decoder = new TextDecoder();

export class MsrpStreamParser {
  private readonly limits: MsrpLimits;
  private buf = Buffer.alloc(4096);
  /** Bytes of buf in use: [0, len). Consumed bytes before `at` are dropped on the next append. */
  private len = 0;
  /** Start of the next unread header line, or of the body. */
  private at = 0;
  /** Where the head began, for the header size limit. */
  private frameStart = 0;
  private phase: 'head' | 'body' | 'failed' = 'head';
  private start: StartLine | undefined;
  private headers: MsrpHeader[] = [];
  private headerError: MsrpError | undefined;
  private endPattern = Buffer.alloc(0);
  /** The CRLF search of the current header line resumes here, so a long line is scanned once. */
  private lineScanFrom = 0;
  /** Body search resumes here: every earlier position has been ruled out. */
  private searchFrom = 0;
  /** The body passed maxChunkSize: its bytes are dropped until its end-line. */
  private skipping = false;

  constructor(limits?: Partial<MsrpLimits>) {
    this.limits = resolveMsrpLimits(limits);
  }

  /** True after a fatal error: the connection should be closed. */
  get failed(): boolean {
    return this.phase === 'failed';
  }

  /** Feeds bytes; returns the frames and errors they complete, in stream order. */
  push(bytes: Uint8Array): MsrpStreamEvent[] {
    if (this.phase === 'failed') return [];
    this.append(bytes);
    const events: MsrpStreamEvent[] = [];
    for (;;) {
      const progressed = this.phase === 'head' ? this.readHead(events) : this.phase === 'body' ? this.readBody(events) : false;
      if (!progressed) break;
    }
    return events;
  }

  /** The stream has ended: anything unfinished is an error (RFC 4975 section 7.1: no end-line). */
  end(): MsrpStreamEvent[] {
    if (this.phase === 'failed') return [];
    const pending = this.phase === 'body' || this.start !== undefined || this.len > this.frameStart;
    const tid = this.start?.transactionId;
    this.phase = 'failed';
    if (!pending) return [];
    return [
      {
        type: 'error',
        fatal: true,
        error: new MsrpError('evfw.msrp.truncated', `the stream ended before the end-line${tid ? ` of transaction ${tid}` : ''}`, 'a request ends with -------<transaction-id> and $, + or #, then CRLF; the peer closed the connection mid-request', 400, tid),
      },
    ];
  }

  private append(bytes: Uint8Array): void {
    // Drop what is consumed before growing, so a long session never accumulates its past.
    const keepFrom = Math.min(this.frameStart, this.at);
    if (keepFrom > 0 && this.len + bytes.length > this.buf.length) {
      this.buf.copy(this.buf, 0, keepFrom, this.len);
      this.len -= keepFrom;
      this.at -= keepFrom;
      this.frameStart -= keepFrom;
      this.searchFrom = Math.max(0, this.searchFrom - keepFrom);
      this.lineScanFrom = Math.max(0, this.lineScanFrom - keepFrom);
    }
    if (this.len + bytes.length > this.buf.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.len + bytes.length, this.buf.length * 2));
      this.buf.copy(grown, 0, 0, this.len);
      this.buf = grown;
    }
    this.buf.set(bytes, this.len);
    this.len += bytes.length;
  }

  private fail(events: MsrpStreamEvent[], error: MsrpError): false {
    events.push({ type: 'error', error, fatal: true });
    this.phase = 'failed';
    this.buf = Buffer.alloc(0);
    this.len = this.at = this.frameStart = 0;
    return false;
  }

  /** Reads one header line; false when more bytes are needed. */
  private readHead(events: MsrpStreamEvent[]): boolean {
    const view = this.buf.subarray(0, this.len);
    const crlf = view.indexOf('\r\n', Math.max(this.at, this.lineScanFrom), 'latin1');
    if (crlf < 0) {
      // The CR of a CRLF may be the last byte so far: look again from there.
      this.lineScanFrom = Math.max(this.at, this.len - 1);
      if (this.len - this.frameStart > this.limits.maxHeaderBytes) return this.fail(events, this.tooLarge());
      return false;
    }
    if (crlf + 2 - this.frameStart > this.limits.maxHeaderBytes) return this.fail(events, this.tooLarge());
    const line = decoder.decode(view.subarray(this.at, crlf));
    this.at = crlf + 2;

    if (this.start === undefined) {
      // Tolerate blank lines between frames: some peers send CRLF keep-alives.
      if (line === '') {
        this.frameStart = this.at;
        return true;
      }
      const start = parseStartLine(line);
      if (!start) {
        return this.fail(events, new MsrpError('evfw.msrp.start-line', `"${printable(line)}" is not an MSRP start line`, 'a frame starts with "MSRP <transaction-id> <METHOD>" or "MSRP <transaction-id> <status>"; the stream is out of step and should be closed'));
      }
      this.start = start;
      this.endPattern = Buffer.from(`\r\n-------${start.transactionId}`, 'latin1');
      return true;
    }

    const tid = this.start.transactionId;
    if (line.length === 8 + tid.length && line.startsWith('-------') && line.slice(7, -1) === tid && isFlag(line.at(-1))) {
      this.finish(events, line.at(-1) as ContinuationFlag, undefined);
      return true;
    }
    if (line === '') {
      this.phase = 'body';
      // From the blank line's own CRLF: a sender that writes no CRLF between an empty body
      // and the end-line is read as sending an empty body, which is what it meant.
      this.searchFrom = this.at - 2;
      // The head is read; only the body (and that CRLF) is kept from here on.
      this.frameStart = this.searchFrom;
      return true;
    }
    if (this.headers.length >= this.limits.maxHeaderCount) {
      return this.fail(events, new MsrpError('evfw.msrp.too-many-headers', `transaction ${tid} has more than ${this.limits.maxHeaderCount} header lines`, 'raise limits.maxHeaderCount if the peer is trusted', 400, tid));
    }
    const m = HEADER_LINE.exec(line);
    if (m) this.headers.push({ name: m[1]!, value: m[2]!.trimEnd() });
    else this.headerError ??= new MsrpError('evfw.msrp.header-syntax', `header line "${printable(line)}" of transaction ${tid} is not "Name: value"`, undefined, 400, tid);
    return true;
  }

  /** Looks for this transaction's end-line in the body; false when more bytes are needed. */
  private readBody(events: MsrpStreamEvent[]): boolean {
    const view = this.buf.subarray(0, this.len);
    const pattern = this.endPattern;
    for (;;) {
      const hit = view.indexOf(pattern, this.searchFrom);
      if (hit < 0) {
        // A match may still begin in the last pattern.length - 1 bytes.
        this.searchFrom = Math.max(this.searchFrom, this.len - pattern.length + 1);
        return this.checkBodySize(events);
      }
      const flagAt = hit + pattern.length;
      if (flagAt + 3 > this.len) {
        this.searchFrom = hit;
        return this.checkBodySize(events);
      }
      const flag = String.fromCharCode(view[flagAt]!);
      if (isFlag(flag) && view[flagAt + 1] === 0x0d && view[flagAt + 2] === 0x0a) {
        const body = this.skipping || hit <= this.at ? new Uint8Array(0) : new Uint8Array(view.subarray(this.at, hit));
        this.at = flagAt + 3;
        this.finish(events, flag as ContinuationFlag, body);
        return true;
      }
      // `-------<id>` followed by something else: the id was a prefix of a longer one. Data.
      this.searchFrom = hit + 1;
    }
  }

  private checkBodySize(events: MsrpStreamEvent[]): false {
    const bodySoFar = this.searchFrom - this.at;
    // (searchFrom - at) is body for certain: no end-line starts before searchFrom.
    if (bodySoFar > this.limits.maxChunkSize) {
      if (!this.skipping) {
        const tid = this.start!.transactionId;
        this.skipping = true;
        events.push({
          type: 'error',
          fatal: false,
          error: new MsrpError('evfw.msrp.body-too-large', `the body of transaction ${tid} is longer than ${this.limits.maxChunkSize} bytes`, 'answer 413 to stop the message; the reader skips the rest of this chunk up to its end-line', 413, tid),
        });
      }
      // Keep only what may still hold the end-line, so a body without one costs no memory.
      this.at = this.frameStart = Math.max(this.at, this.searchFrom);
    }
    return false;
  }

  private finish(events: MsrpStreamEvent[], continuation: ContinuationFlag, body: Uint8Array | undefined): void {
    const start = this.start!;
    const headers = this.headers;
    const skipped = this.skipping;
    const headerError = this.headerError;
    this.start = undefined;
    this.headers = [];
    this.headerError = undefined;
    this.skipping = false;
    this.phase = 'head';
    this.frameStart = this.at;
    if (skipped) return; // already reported when the limit was passed
    if (headerError) {
      events.push({ type: 'error', error: headerError, fatal: false });
      return;
    }
    const tid = start.transactionId;
    if (headerValue({ headers }, 'To-Path') === undefined || headerValue({ headers }, 'From-Path') === undefined) {
      events.push({
        type: 'error',
        fatal: false,
        error: new MsrpError('evfw.msrp.missing-header', `transaction ${tid} has no ${headerValue({ headers }, 'To-Path') === undefined ? 'To-Path' : 'From-Path'}`, 'every request and response starts its headers with To-Path and From-Path (RFC 4975 section 7.1)', 400, tid),
      });
      return;
    }
    if (start.method !== undefined) {
      events.push({ type: 'frame', frame: { kind: 'request', transactionId: tid, method: start.method, headers, continuation, ...(body ? { body } : {}) } });
    } else {
      // A response has no body (RFC 4975 section 7.2); one sent anyway is ignored.
      events.push({ type: 'frame', frame: { kind: 'response', transactionId: tid, status: start.status!, headers, continuation, ...(start.comment !== undefined ? { comment: start.comment } : {}) } });
    }
  }

  private tooLarge(): MsrpError {
    const tid = this.start?.transactionId;
    return new MsrpError('evfw.msrp.header-too-large', `the start line and headers${tid ? ` of transaction ${tid}` : ''} are longer than ${this.limits.maxHeaderBytes} bytes`, 'raise limits.maxHeaderBytes if the peer is trusted; the stream is out of step and should be closed', 400, tid);
  }
}

function isFlag(c: string | undefined): boolean {
  return c === '$' || c === '+' || c === '#';
}

function parseStartLine(line: string): StartLine | undefined {
  const request = REQUEST_LINE.exec(line);
  if (request) return { transactionId: request[1]!, method: request[2]! };
  const response = RESPONSE_LINE.exec(line);
  if (response) return { transactionId: response[1]!, status: Number(response[2]), ...(response[3] !== undefined ? { comment: response[3] } : {}) };
  return undefined;
}
