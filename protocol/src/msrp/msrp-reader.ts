/**
 * One MSRP connection's reading side: the stream parser and the reassembler together. Every
 * request is returned (each needs its own response, RFC 4975 section 7.2), and a SEND message
 * once its last chunk is in.
 */
import type { MsrpError } from './msrp-error.js';
import type { MsrpRequest, MsrpResponse } from './msrp-frame.js';
import type { MsrpLimits } from './msrp-limits.js';
import { MsrpReassembler, type MsrpMessage } from './reassembler.js';
import type { ReassemblyBudget } from './reassembly-budget.js';
import { MsrpStreamParser } from './stream-parser.js';

export type MsrpReadEvent =
  /** Any request, SEND chunks included: answer it (see response.ts). */
  | { readonly type: 'request'; readonly request: MsrpRequest }
  | { readonly type: 'response'; readonly response: MsrpResponse }
  /** A complete SEND message, after the request event of its last chunk. */
  | { readonly type: 'message'; readonly message: MsrpMessage }
  | { readonly type: 'aborted'; readonly messageId: string }
  /**
   * Answer `error.status` to `error.transactionId` when there is one. `fatal`: the stream is
   * out of step and the connection should be closed.
   */
  | { readonly type: 'error'; readonly error: MsrpError; readonly fatal: boolean };

export interface MsrpReaderOptions {
  /** What every reader of the process may hold in reassembly together (a server's, shared). */
  readonly budget?: ReassemblyBudget;
}

export class MsrpReader {
  private parser: MsrpStreamParser;
  private readonly reassembler: MsrpReassembler;
  private disposed = false;

  constructor(
    private readonly limits?: Partial<MsrpLimits>,
    options: MsrpReaderOptions = {},
  ) {
    this.parser = new MsrpStreamParser(limits);
    this.reassembler = new MsrpReassembler(limits, options.budget);
  }

  /**
   * The connection is gone: drops the partial messages (their bytes go back to the budget) and
   * the parser's buffer at once, rather than when the reader itself is collected. Reads nothing
   * afterwards.
   */
  dispose(): void {
    this.disposed = true;
    this.reassembler.clear();
    this.parser = new MsrpStreamParser(this.limits);
  }

  /** Bytes of unfinished chunked messages held. */
  get heldBytes(): number {
    return this.reassembler.heldBytes;
  }

  get failed(): boolean {
    return this.parser.failed;
  }

  push(bytes: Uint8Array): MsrpReadEvent[] {
    if (this.disposed) return [];
    return this.expand(this.parser.push(bytes));
  }

  end(): MsrpReadEvent[] {
    if (this.disposed) return [];
    return this.expand(this.parser.end());
  }

  private expand(events: ReturnType<MsrpStreamParser['push']>): MsrpReadEvent[] {
    const out: MsrpReadEvent[] = [];
    for (const e of events) {
      if (e.type === 'error') {
        out.push(e);
        continue;
      }
      const frame = e.frame;
      if (frame.kind === 'response') {
        out.push({ type: 'response', response: frame });
        continue;
      }
      if (frame.method !== 'SEND') {
        out.push({ type: 'request', request: frame });
        continue;
      }
      // The error of a chunk replaces its request event: answer the error, not 200.
      const result = this.reassembler.add(frame);
      if (result.type === 'error') {
        out.push({ type: 'error', error: result.error, fatal: false });
        continue;
      }
      out.push({ type: 'request', request: frame });
      if (result.type === 'message') out.push({ type: 'message', message: result.message });
      else if (result.type === 'aborted') out.push({ type: 'aborted', messageId: result.messageId });
    }
    return out;
  }
}
