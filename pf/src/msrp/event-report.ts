/**
 * What the Participating Function does with one event report received in an MSRP session
 * (OMA CPM 6.7.3.2): judge the body with the generated validator in the `invite` profile, apply
 * a valid one to the CPM Message Store, and make one IMDN per object (item 3).
 *
 * A body that is not valid is applied to nothing (D-80): each object that can still be read
 * with a `<message-id>` (the document read against the schemas alone) gets a negative IMDN,
 * and when none can, the SEND's last chunk is answered 400 with the first diagnostic.
 */
import { parseCpmEvfw, type CpmEvfw } from '@evfw/model/cpm-evfw';
import type { Diagnostic } from '@evfw/model';
import { buildResultImdns, CPM_EVFW_CONTENT_TYPE, reportedObjects, type MsrpMessage, type ResultImdn } from '@evfw/protocol';
import { describeCompat, type CompatOption } from '../compat.js';
import type { MessageStore, ObjectOutcome } from '../message-store.js';

export type ReportVerdict =
  /** A bodiless SEND, as the active side sends first to bind the connection (RFC 4975 5.4): 200. */
  | { readonly kind: 'empty' }
  /**
   * Valid: answer 200, apply it, then one IMDN per object. `compat` says which known deviation
   * the operator's compat options accepted in it (describeCompat), for the log.
   */
  | { readonly kind: 'apply'; readonly event: CpmEvfw; readonly compat?: string }
  /** Invalid, with objects to answer: 200, then a negative IMDN for each message-id. */
  | { readonly kind: 'reject'; readonly messageIds: readonly string[]; readonly reason: string }
  /** Nothing to answer with an IMDN: the last chunk gets `status`. */
  | { readonly kind: 'refuse'; readonly status: number; readonly reason: string };

/**
 * Judges a complete message, accepting the known deviations `compat` names (D-44). Never throws:
 * the validator reports, it does not throw.
 */
export function judgeReport(message: MsrpMessage, compat: readonly CompatOption[] = []): ReportVerdict {
  if (message.body.length === 0 && message.contentType === undefined) return { kind: 'empty' };
  const type = message.contentType?.split(';')[0]?.trim().toLowerCase();
  if (type !== CPM_EVFW_CONTENT_TYPE) {
    // RFC 4975 section 7.3.1: 415 for a media type the session did not negotiate.
    return { kind: 'refuse', status: 415, reason: `evfw.session.content-type: ${type ? `"${type}"` : 'no Content-Type'} is not ${CPM_EVFW_CONTENT_TYPE}` };
  }
  const parsed = parseCpmEvfw(message.body, { profile: 'invite', compat });
  if (parsed.ok) {
    const accepted = describeCompat(compat, parsed.diagnostics);
    return accepted === undefined ? { kind: 'apply', event: parsed.value } : { kind: 'apply', event: parsed.value, compat: accepted };
  }
  const reason = describe(parsed.diagnostics);
  // What the schemas alone accept still names its objects: answer them (6.7.3.2 item 3 b).
  const lax = parseCpmEvfw(message.body, { profile: 'xsd', compat });
  const messageIds = lax.ok ? [...new Set(reportedObjects(lax.value).flatMap((o) => (o.messageId ? [o.messageId] : [])))] : [];
  return messageIds.length > 0 ? { kind: 'reject', messageIds, reason } : { kind: 'refuse', status: 400, reason };
}

export interface AppliedReport {
  readonly outcomes: readonly ObjectOutcome[];
  /** One per distinct message-id, positive for an ok outcome (D-78). */
  readonly imdns: readonly ResultImdn[];
}

export interface ResultAddresses {
  readonly pfAddress: string;
  readonly clientAddress: string;
}

/**
 * Applies each `<operation>` of each `<event-cpm-imap>` through a store opened for this report.
 * A store that cannot be opened, or fails outside an object, makes the objects concerned
 * negative: every object still gets its IMDN (D-79).
 */
export async function applyReport(event: CpmEvfw, openStore: () => Promise<MessageStore>, addresses: ResultAddresses, onError?: (error: unknown) => void): Promise<AppliedReport> {
  const results: { messageId: string; succeeded: boolean }[] = [];
  const outcomes: ObjectOutcome[] = [];
  let store: MessageStore | undefined;
  try {
    store = await openStore();
  } catch (error) {
    onError?.(error);
  }
  try {
    for (const e of event.events) {
      if (e.$case !== 'eventCpmImap') continue;
      for (const operation of e.eventCpmImap.operations) {
        let got: readonly ObjectOutcome[] | undefined;
        if (store) {
          try {
            got = await store.applyOperation(operation);
          } catch (error) {
            onError?.(error);
          }
        }
        if (got) outcomes.push(...got);
        operation.objects.forEach((object, i) => {
          const messageId = object.messageIdOrOtherParty?.messageId?.trim();
          if (messageId) results.push({ messageId, succeeded: got?.[i]?.ok === true });
        });
      }
    }
  } finally {
    await store?.close().catch((error: unknown) => onError?.(error));
  }
  return { outcomes, imdns: buildResultImdns(results, addresses) };
}

/** Negative IMDNs for the objects of a body that is not valid. */
export function rejectReport(messageIds: readonly string[], addresses: ResultAddresses): ResultImdn[] {
  return buildResultImdns(messageIds.map((messageId) => ({ messageId, succeeded: false })), addresses);
}

function describe(diagnostics: readonly Diagnostic[]): string {
  const first = diagnostics.find((d) => d.severity === 'error') ?? diagnostics[0];
  if (!first) return 'evfw.session.invalid-body: the body is not a valid event report';
  const at = first.line ? ` (line ${first.line}, column ${first.column})` : '';
  return `${first.code}: ${first.message}${at}`;
}
