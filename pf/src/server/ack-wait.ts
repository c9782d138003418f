/**
 * Over UDP a 200 to INVITE is the server's own to deliver (RFC 3261 13.3.1.4): it is sent again
 * at T1, 2*T1, ... (capped at T2) until the ACK comes or 64*T1 have passed. Keyed by Call-ID and
 * CSeq number, which the ACK repeats. Bounded: at most `max` 200s are being resent at once.
 */
import { getHeader, parseCSeq, type SipRequest } from '@evfw/protocol';

const T1 = 500;
const T2 = 4_000;

export class AckWait {
  readonly #waiting = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly max: number,
    private readonly giveUpMs: number,
  ) {}

  /** Resends with `resend` until `acknowledged` is called for the same request, or time is up. */
  start(invite: SipRequest, resend: () => void): void {
    const key = ackKey(invite);
    this.stop(key);
    if (this.#waiting.size >= this.max) {
      const oldest = this.#waiting.keys().next().value;
      if (oldest !== undefined) this.stop(oldest);
    }
    const began = Date.now();
    const schedule = (interval: number): void => {
      const timer = setTimeout(() => {
        if (Date.now() - began + interval > this.giveUpMs) {
          this.#waiting.delete(key);
          return;
        }
        resend();
        schedule(Math.min(interval * 2, T2));
      }, interval);
      timer.unref();
      this.#waiting.set(key, timer);
    };
    schedule(T1);
  }

  /** An ACK came: stops resending the 200 it acknowledges. */
  acknowledged(ack: SipRequest): void {
    this.stop(ackKey(ack));
  }

  stopAll(): void {
    for (const key of [...this.#waiting.keys()]) this.stop(key);
  }

  get size(): number {
    return this.#waiting.size;
  }

  private stop(key: string): void {
    clearTimeout(this.#waiting.get(key));
    this.#waiting.delete(key);
  }
}

function ackKey(request: SipRequest): string {
  return `${getHeader(request, 'Call-ID') ?? ''}\u0000${parseCSeq(getHeader(request, 'CSeq') ?? '')?.sequence ?? ''}`;
}
