/**
 * The bytes every MSRP reassembler of a process may hold together. The per-connection limits
 * (msrp-limits.ts) bound one peer; a server with many connections also needs one figure for all
 * of them, else 64 connections of 16 pending messages of 8 MiB each may hold 8 GiB. Chunks are
 * charged when a reassembler keeps them and given back when their message completes, is
 * abandoned or refused, or the connection is closed.
 *
 *   const budget = new ReassemblyBudget(64 * 1024 * 1024);
 *   const reader = new MsrpReader(limits, { budget });   // one per connection, one budget for all
 */
export class ReassemblyBudget {
  #used = 0;

  constructor(readonly maxBytes: number) {
    if (!Number.isInteger(maxBytes) || maxBytes < 1) throw new RangeError(`ReassemblyBudget: ${maxBytes} is not a positive whole number of bytes`);
  }

  /** Bytes held now by every reassembler sharing this budget. */
  get used(): number {
    return this.#used;
  }

  /** Charges `bytes` when they fit; false (and nothing charged) when they do not. */
  take(bytes: number): boolean {
    if (this.#used + bytes > this.maxBytes) return false;
    this.#used += bytes;
    return true;
  }

  give(bytes: number): void {
    this.#used = Math.max(0, this.#used - bytes);
  }
}
