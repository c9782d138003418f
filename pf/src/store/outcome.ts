/**
 * What applying an `<event-cpm-imap>` operation did to each of its objects. The Participating
 * Function turns each outcome into one IMDN delivery report for the object's `<message-id>`
 * (6.7.5.1): positive when `ok`, negative otherwise, in which case the client sets the flag again
 * at its next IMAP synchronisation. A negative outcome is a result, never an exception.
 */
import type { ImapFlag } from '@evfw/model/cpm-evfw';

/** A stored message: the mailbox as the server names it, and its UID there. */
export interface StoredMessage {
  readonly mailbox: string;
  readonly uid: number;
}

/** How the object was found: by `uid` in `folder-path`, or by searching its header triple. */
export type FoundBy = 'uid' | 'headers';

/**
 * Why an object was not updated. Codes are stable; the message names the object's identifiers.
 * - `evfw.store.object-unidentifiable`: neither `uid` with `folder-path` nor the full
 *   conversation-id/contribution-id/message-id triple (6.7.5.1 requires one or the other).
 * - `evfw.store.uid-invalid`: `uid` is not an IMAP UID (RFC 3501 2.3.1.1: 1 to 4294967295).
 * - `evfw.store.folder-invalid`: `folder-path` names no mailbox (empty once its slashes are trimmed).
 * - `evfw.store.folder-not-found`: the mailbox does not exist, or cannot be selected.
 * - `evfw.store.object-not-found`: no message with that UID, or none with that header triple.
 * - `evfw.store.uid-mismatch`: the message at that UID has another IMDN-Message-ID (a stale UID).
 * - `evfw.store.object-ambiguous`: the triple matches more than one stored message.
 * - `evfw.store.flag-rejected`: the server refused STORE (a read-only mailbox, say).
 * - `evfw.store.command-failed`: the server refused another command for this object (SELECT,
 *   SEARCH, FETCH), e.g. a mailbox deleted between LIST and SELECT.
 * - `evfw.store.operation-unsupported`: an operation name other than "add".
 * - `evfw.store.unavailable`: the connection to the store was lost before this object was done.
 */
export type ObjectFailureCode =
  | 'evfw.store.object-unidentifiable'
  | 'evfw.store.uid-invalid'
  | 'evfw.store.folder-invalid'
  | 'evfw.store.folder-not-found'
  | 'evfw.store.object-not-found'
  | 'evfw.store.uid-mismatch'
  | 'evfw.store.object-ambiguous'
  | 'evfw.store.flag-rejected'
  | 'evfw.store.command-failed'
  | 'evfw.store.operation-unsupported'
  | 'evfw.store.unavailable';

export interface ObjectFailure {
  readonly code: ObjectFailureCode;
  readonly message: string;
  readonly hint?: string;
}

interface OutcomeBase {
  /** The object's position in `operation.objects`, from 0. */
  readonly index: number;
  /** The object's `<message-id>`, the key of its IMDN; absent when the object has none. */
  readonly messageId?: string;
  /** The flag the operation adds. */
  readonly flag: ImapFlag;
}

export interface ObjectUpdated extends OutcomeBase {
  readonly ok: true;
  readonly found: StoredMessage;
  readonly by: FoundBy;
}

export interface ObjectNotUpdated extends OutcomeBase {
  readonly ok: false;
  readonly reason: ObjectFailure;
  /** Set when the message was found but STORE failed. */
  readonly found?: StoredMessage;
}

export type ObjectOutcome = ObjectUpdated | ObjectNotUpdated;

/** The result of a search for one object: the message, or why there is none. */
export type Located =
  | { readonly ok: true; readonly found: StoredMessage; readonly by: FoundBy }
  | { readonly ok: false; readonly reason: ObjectFailure };

export function failure(code: ObjectFailureCode, message: string, hint?: string): { ok: false; reason: ObjectFailure } {
  return { ok: false, reason: hint === undefined ? { code, message } : { code, message, hint } };
}
