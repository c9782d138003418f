/**
 * Server transactions over UDP, just enough to absorb retransmissions (RFC 3261 17.2.2): a
 * client resends a MESSAGE every T1 (500 ms, doubling) until it hears a final response. A repeat
 * that arrives while the first is being handled is dropped; one that arrives afterwards gets the
 * same response again, so a report is applied once. Bounded in count and in time.
 */
import { getHeader, getHeaders, parseCSeq, parseNameAddr, parseParams, type SipRequest } from '@evfw/protocol';

interface Entry {
  response?: Uint8Array;
  readonly expires: number;
}

export class TransactionCache {
  readonly #entries = new Map<string, Entry>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
  ) {}

  /**
   * Registers `request`: `new` when it starts a transaction, `pending` when that transaction is
   * still being handled, or the response bytes to send again.
   */
  begin(request: SipRequest, now = Date.now()): { kind: 'new' } | { kind: 'pending' } | { kind: 'repeat'; response: Uint8Array } {
    this.#sweep(now);
    const key = transactionKey(request);
    const entry = this.#entries.get(key);
    if (entry !== undefined) return entry.response === undefined ? { kind: 'pending' } : { kind: 'repeat', response: entry.response };
    if (this.#entries.size >= this.maxEntries) {
      // The oldest goes first (Map keeps insertion order): at worst a late retransmission is handled twice.
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(key, { expires: now + this.ttlMs });
    return { kind: 'new' };
  }

  complete(request: SipRequest, response: Uint8Array): void {
    const entry = this.#entries.get(transactionKey(request));
    if (entry !== undefined) entry.response = response;
  }

  /** Forgets a transaction that got no response (so a retransmission is handled afresh). */
  abandon(request: SipRequest): void {
    this.#entries.delete(transactionKey(request));
  }

  get size(): number {
    return this.#entries.size;
  }

  #sweep(now: number): void {
    for (const [key, entry] of this.#entries) {
      if (entry.expires > now) break;
      this.#entries.delete(key);
    }
  }
}

/**
 * RFC 3261 17.2.3: the top Via's branch (with the magic cookie) plus sent-by plus method; for
 * older clients, the RFC 2543 tuple of Call-ID, CSeq, From tag and top Via.
 */
export function transactionKey(request: SipRequest): string {
  const [via = ''] = getHeaders(request, 'Via');
  const { value: sentBy, params } = parseParams(via);
  const branch = params.get('branch');
  const method = request.method === 'ACK' ? 'INVITE' : request.method;
  if (branch?.startsWith('z9hG4bK')) return `3261 ${branch} ${sentBy} ${method}`;
  const cseq = parseCSeq(getHeader(request, 'CSeq') ?? '');
  const fromTag = parseNameAddr(getHeader(request, 'From') ?? '')?.params.get('tag') ?? '';
  return `2543 ${getHeader(request, 'Call-ID') ?? ''} ${cseq === undefined ? '' : cseq.sequence} ${method} ${fromTag} ${via}`;
}
