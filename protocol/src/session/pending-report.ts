/**
 * One event report sent in the session, waiting for its results: the IMDNs that name its
 * objects' message-ids (6.7.3.2 item 3), until each object has one, the PF refuses the SEND,
 * the time is up or the session ends. Whatever ends the wait, the objects without a result
 * become `retry` (6.7.5.1: the client sets the flags at its next sync).
 */
import type { CpmEvfw } from '@evfw/model/cpm-evfw';
import type { Imdn } from '@evfw/model/imdn';
import { reportedObjects } from '../results/reported-objects.js';
import { matchResults, type SyncResults } from '../results/sync-results.js';

export interface EventResults extends SyncResults {
  /** The MSRP Message-ID of the SEND that carried the report. */
  readonly messageId: string;
  /**
   * `complete`: every object has a result; `timeout`: some had none in time; `refused`: the PF
   * answered the SEND with an error status (no IMDN will come); `closed`: the session ended first.
   */
  readonly outcome: 'complete' | 'timeout' | 'refused' | 'closed';
  /** The PF's error response, for `refused`. */
  readonly refusal?: { readonly status: number; readonly comment?: string };
}

export class PendingReport {
  readonly messageIds: ReadonlySet<string>;
  readonly done: Promise<EventResults>;
  private readonly imdns: Imdn[] = [];
  private settle!: (results: EventResults) => void;
  private settled = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly event: CpmEvfw,
    readonly messageId: string,
    readonly transactionIds: ReadonlySet<string>,
    timeoutMs: number,
  ) {
    this.messageIds = new Set(reportedObjects(event).flatMap((o) => (o.messageId ? [o.messageId] : [])));
    this.done = new Promise((resolve) => (this.settle = resolve));
    this.timer = setTimeout(() => this.finish('timeout'), timeoutMs);
    this.timer.unref();
  }

  get isSettled(): boolean {
    return this.settled;
  }

  /** Takes an IMDN for one of this report's message-ids; settles once no object is pending. */
  add(imdn: Imdn): void {
    if (this.settled) return;
    this.imdns.push(imdn);
    const results = matchResults(this.event, this.imdns);
    if (results.objects.every((o) => o.state !== 'pending')) this.finish('complete');
  }

  finish(outcome: EventResults['outcome'], refusal?: EventResults['refusal']): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    const results = matchResults(this.event, this.imdns, { final: true });
    this.settle({ ...results, messageId: this.messageId, outcome, ...(refusal ? { refusal } : {}) });
  }
}
