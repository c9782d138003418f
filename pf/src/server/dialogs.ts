/**
 * The INVITE dialogs of the Participating Function (RFC 3261 section 12), one per event
 * reporting session of 6.7.3.2, each holding the MSRP session its SDP answer offered. A dialog
 * is found by Call-ID and our To tag, checked against the client's From tag; it ends with a BYE,
 * when no ACK confirms it in time (64*T1, section 13.3.1.4), or when the table is full and it is
 * the oldest. Ending a dialog ends its MSRP session.
 */
import type { MsrpSessionHandle } from '../msrp/index.js';

export interface Dialog {
  readonly callId: string;
  /** Our To tag, made for the 200. */
  readonly localTag: string;
  /** The client's From tag. */
  readonly remoteTag: string;
  readonly session: MsrpSessionHandle;
  confirmed: boolean;
  timer?: NodeJS.Timeout;
}

export interface DialogLimits {
  /** Dialogs open at once; the oldest is ended to make room. Default 1,024. */
  readonly maxDialogs: number;
  /** Time for the ACK to arrive, in ms (64*T1 = 32 s). */
  readonly ackTimeoutMs: number;
}

export type DialogEnd = 'bye' | 'no-ack' | 'evicted' | 'shutdown';

export class DialogTable {
  readonly #dialogs = new Map<string, Dialog>();

  constructor(
    private readonly limits: DialogLimits,
    private readonly onEnd: (dialog: Dialog, why: DialogEnd) => void = () => {},
  ) {}

  get size(): number {
    return this.#dialogs.size;
  }

  /** Records a dialog answered 200, waiting for its ACK. */
  open(dialog: Omit<Dialog, 'confirmed' | 'timer'>): Dialog {
    if (this.#dialogs.size >= this.limits.maxDialogs) {
      const oldest = this.#dialogs.values().next().value;
      if (oldest !== undefined) this.end(oldest, 'evicted');
    }
    const record: Dialog = { ...dialog, confirmed: false };
    record.timer = setTimeout(() => {
      if (!record.confirmed) this.end(record, 'no-ack');
    }, this.limits.ackTimeoutMs);
    record.timer.unref();
    this.#dialogs.set(key(dialog.callId, dialog.localTag), record);
    return record;
  }

  /** The dialog of an in-dialog request, when its Call-ID and both tags match one. */
  find(callId: string, localTag: string | undefined, remoteTag: string | undefined): Dialog | undefined {
    if (localTag === undefined) return undefined;
    const dialog = this.#dialogs.get(key(callId, localTag));
    return dialog !== undefined && dialog.remoteTag === remoteTag ? dialog : undefined;
  }

  /** An ACK arrived: the dialog is confirmed and lives until BYE. */
  confirm(dialog: Dialog): void {
    dialog.confirmed = true;
    clearTimeout(dialog.timer);
  }

  end(dialog: Dialog, why: DialogEnd): void {
    if (!this.#dialogs.delete(key(dialog.callId, dialog.localTag))) return;
    clearTimeout(dialog.timer);
    dialog.session.close();
    this.onEnd(dialog, why);
  }

  endAll(): void {
    for (const dialog of [...this.#dialogs.values()]) this.end(dialog, 'shutdown');
  }

  /** Whether any dialog has this Call-ID (a CANCEL names no To tag). */
  hasCall(callId: string): boolean {
    for (const dialog of this.#dialogs.values()) if (dialog.callId === callId) return true;
    return false;
  }
}

function key(callId: string, localTag: string): string {
  return `${callId}\u0000${localTag}`;
}
