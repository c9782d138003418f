/**
 * The objects an event report asks the network to act on (OMA CPM 6.7.5.1), flattened, each
 * with the `<message-id>` its result will come back under (6.7.3.2 item 3). Both sides of the
 * results exchange start from this list.
 */
import type { CpmEvfw, ImapFlag, ObjectType } from '@evfw/model/cpm-evfw';

export interface ReportedObject {
  /** The `index` of the object's `<event-cpm-imap>`. */
  readonly eventIndex: string;
  /** The flag its operation adds. */
  readonly flags: ImapFlag;
  readonly object: ObjectType;
  /**
   * The object's `<message-id>`, whitespace trimmed: the IMDN's `<message-id>` is an xs:token,
   * so surrounding whitespace cannot tell two objects apart. Absent when the object has none.
   */
  readonly messageId?: string;
  /** Where the object is in the document: `/cpm-evfw/event-cpm-imap[1]/operation[2]/object[1]`. */
  readonly path: string;
}

export function reportedObjects(event: CpmEvfw): ReportedObject[] {
  const out: ReportedObject[] = [];
  let eventPosition = 0;
  for (const e of event.events) {
    // Extension events carry no objects this framework can report results for (6.7.4.1).
    if (e.$case !== 'eventCpmImap') continue;
    eventPosition++;
    const imap = e.eventCpmImap;
    imap.operations.forEach((operation, o) => {
      operation.objects.forEach((object, i) => {
        const messageId = object.messageIdOrOtherParty?.messageId?.trim();
        out.push({
          eventIndex: imap.index,
          flags: operation.flags,
          object,
          ...(messageId ? { messageId } : {}),
          path: `/cpm-evfw/event-cpm-imap[${eventPosition}]/operation[${o + 1}]/object[${i + 1}]`,
        });
      });
    });
  }
  return out;
}
