/**
 * The client's side of results (OMA CPM 6.7.3.2 item 3, 6.7.5.1): the IMDNs received for an
 * event report, mapped back to its objects by `<message-id>`. A positive delivery means the
 * store is updated (synced); a negative one means the client sets the flag itself at its next
 * IMAP sync (retry); no result yet is pending. An IMDN that maps to no object is returned, not
 * dropped: it points at a bug on one side or the other.
 */
import type { CpmEvfw } from '@evfw/model/cpm-evfw';
import type { DeliveryStatusDeliveryDisposition, Imdn } from '@evfw/model/imdn';
import { reportedObjects, type ReportedObject } from './reported-objects.js';

export type ObjectSyncState = 'synced' | 'retry' | 'pending';

export interface ObjectResult extends ReportedObject {
  readonly state: ObjectSyncState;
  /** The delivery status received, when one was. */
  readonly status?: DeliveryStatusDeliveryDisposition['$case'];
  readonly imdn?: Imdn;
}

export interface UnmatchedImdn {
  readonly imdn: Imdn;
  /**
   * `unknown-message-id`: no object of the event has its `<message-id>`.
   * `not-a-delivery-notification`: a display or processing notification, or none at all; the
   * results of an event report are delivery reports (6.7.3.2 item 3).
   */
  readonly reason: 'unknown-message-id' | 'not-a-delivery-notification';
}

export interface SyncResults {
  /** Every object of the event's `<event-cpm-imap>` elements, in document order. */
  readonly objects: readonly ObjectResult[];
  readonly unmatched: readonly UnmatchedImdn[];
}

export interface MatchOptions {
  /**
   * The session is over and no more results will come: objects still pending become `retry`,
   * since nothing says the store was updated (6.7.5.1: the client updates the flags at its
   * next sync when the network did not). Objects without a `<message-id>` can never get a
   * result, so they end up here too.
   */
  readonly final?: boolean;
}

/**
 * Maps IMDNs to the objects of `event`. An IMDN applies to every object carrying its
 * `<message-id>`; when several IMDNs name the same message-id, the last received wins.
 */
export function matchResults(event: CpmEvfw, imdns: readonly Imdn[], options: MatchOptions = {}): SyncResults {
  const objects = reportedObjects(event);
  const known = new Set(objects.flatMap((o) => (o.messageId ? [o.messageId] : [])));
  const latest = new Map<string, { imdn: Imdn; status: DeliveryStatusDeliveryDisposition['$case'] }>();
  const unmatched: UnmatchedImdn[] = [];
  for (const imdn of imdns) {
    const id = imdn.messageId.trim();
    if (!known.has(id)) {
      unmatched.push({ imdn, reason: 'unknown-message-id' });
      continue;
    }
    if (imdn.notification?.$case !== 'deliveryNotification') {
      unmatched.push({ imdn, reason: 'not-a-delivery-notification' });
      continue;
    }
    latest.set(id, { imdn, status: imdn.notification.deliveryNotification.status.deliveryDisposition.$case });
  }
  const results = objects.map((o): ObjectResult => {
    const got = o.messageId === undefined ? undefined : latest.get(o.messageId);
    if (!got) return { ...o, state: options.final ? 'retry' : 'pending' };
    // failed, forbidden and error all mean the store was not updated.
    return { ...o, state: got.status === 'delivered' ? 'synced' : 'retry', status: got.status, imdn: got.imdn };
  });
  return { objects: results, unmatched };
}
