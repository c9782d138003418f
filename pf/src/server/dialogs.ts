/**
 * The INVITE dialogs of the Participating Function (RFC 3261 section 12), one per event
 * reporting session of 6.7.3.2, each holding the MSRP session its SDP answer offered. A dialog
 * is found by Call-ID and our To tag, checked against the client's From tag. It ends with a BYE,
 * when no ACK confirms it in time (64*T1, section 13.3.1.4), or when its MSRP session ends by
 * itself: nobody connected in time, the connection closed, or it fell silent (the MSRP
 * endpoint's bind and idle timeouts). Ending a dialog ends its MSRP session. A full table takes
 * no new dialog: the INVITE is refused, and no session in use is ended to make room.
 */
import type { MsrpSessionHandle, SessionEnd } from '../msrp/index.js';

export interface Dialog {
  readonly callId: string;
  /** Our To tag, made for the 200. */
  readonly localTag: string;
  /** The client's From tag. */
  readonly remoteTag: string;
  readonly session: MsrpSessionHandle;
  confirmed: boolean;
  /** Set once its end is scheduled (endAfter): nothing but a BYE changes that. */
  ending?: DialogEnd;
  timer?: NodeJS.Timeout;
}

export interface DialogLimits {
  /** Dialogs open at once; an INVITE beyond is refused. Default 1,024. */
  readonly maxDialogs: number;
  /** Time for the ACK to arrive, in ms (64*T1 = 32 s). */
  readonly ackTimeoutMs: number;
}

/** Why a dialog ended: a BYE, no ACK, its MSRP session's end (SessionEnd), or the server stopping. */
export type DialogEnd = 'bye' | 'no-ack' | SessionEnd | 'shutdown';

export class DialogTable {
  readonly #dialogs = new Map<string, Dialog>();

  constructor(
    private readonly limits: DialogLimits,
    private readonly onEnd: (dialog: Dialog, why: DialogEnd) => void = () => {},
  ) {}

  get size(): number {
    return this.#dialogs.size;
  }

  /** Whether a new dialog would pass maxDialogs: the INVITE is to be refused. */
  get full(): boolean {
    return this.#dialogs.size >= this.limits.maxDialogs;
  }

  get maxDialogs(): number {
    return this.limits.maxDialogs;
  }

  /** Records a dialog answered 200, waiting for its ACK; undefined when the table is full. */
  open(dialog: Omit<Dialog, 'confirmed' | 'ending' | 'timer'>): Dialog | undefined {
    if (this.full) return undefined;
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

  /** An ACK arrived: the dialog is confirmed and lives until BYE or its session's end. */
  confirm(dialog: Dialog): void {
    dialog.confirmed = true;
    // The ACK's timer is the one to stop, not an end already scheduled.
    if (dialog.ending === undefined) clearTimeout(dialog.timer);
  }

  /**
   * Ends a dialog `ms` from now unless a BYE ends it first: for a session whose connection has
   * gone, when the client's BYE may still be on its way.
   */
  endAfter(dialog: Dialog, why: DialogEnd, ms: number): void {
    if (dialog.ending !== undefined) return;
    dialog.ending = why;
    clearTimeout(dialog.timer);
    dialog.timer = setTimeout(() => this.end(dialog, why), ms);
    dialog.timer.unref();
  }

  /** Ends a dialog and its MSRP session; a dialog already ended is left alone. */
  end(dialog: Dialog, why: DialogEnd): void {
    if (this.#dialogs.get(key(dialog.callId, dialog.localTag)) !== dialog) return;
    this.#dialogs.delete(key(dialog.callId, dialog.localTag));
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
