/**
 * A SIP MESSAGE carrying an event report (6.7.3.1), checked in the order that tells the client
 * the most useful thing first:
 *   1. service identification (6.7.1): not the systemmsg ICSI -> 403;
 *   2. an IARI -> the configured next hop, whose answer is returned (none configured -> 480);
 *   3. Content-Type application/vnd.oma.cpm-eventfw+xml, no Content-Encoding -> else 415;
 *   4. the body against the `spec` profile -> else 400 naming the first error;
 *   5. each <event-cpm-imap> operation applied to the CPM Message Store -> 200.
 * The MESSAGE mechanism returns no per-object result (6.7.3.1): outcomes go to the log, and a
 * negative one is repaired by the client at its next IMAP sync (6.7.5.1).
 */
import type { Diagnostic } from '@evfw/model';
import { parseCpmEvfw, type CpmEvfw } from '@evfw/model/cpm-evfw';
import { CPM_EVFW_CONTENT_TYPE, getHeader, parseNameAddr, type SipRequest, type SipResponse } from '@evfw/protocol';
import { describeCompat, isCompatWarning } from '../compat.js';
import { connectMessageStore, MessageStoreError, type MessageStore, type ObjectOutcome } from '../message-store.js';
import { callId, type MessageContext } from './context.js';
import type { SipServerOptions } from './options.js';
import { answer, refuse } from './responses.js';
import { checkService } from './service-check.js';

export async function handleMessage(request: SipRequest, context: MessageContext): Promise<SipResponse> {
  const gate = await checkService(request, context);
  if (gate !== undefined) return gate;

  const contentType = mediaType(getHeader(request, 'Content-Type'));
  if (contentType !== CPM_EVFW_CONTENT_TYPE) {
    return refuse(request, {
      status: 415,
      reason: 'Unsupported Media Type',
      warning: contentType === undefined
        ? `the request has no Content-Type; an event report is ${CPM_EVFW_CONTENT_TYPE} (OMA CPM 6.7.4)`
        : `Content-Type ${contentType} is not ${CPM_EVFW_CONTENT_TYPE}; event data travels without a CPIM wrapper (OMA CPM 6.7.4)`,
      headers: [{ name: 'Accept', value: CPM_EVFW_CONTENT_TYPE }],
    });
  }
  const encoding = getHeader(request, 'Content-Encoding')?.trim().toLowerCase();
  if (encoding !== undefined && encoding !== '' && encoding !== 'identity') {
    return refuse(request, {
      status: 415,
      reason: 'Unsupported Content-Encoding',
      warning: `Content-Encoding ${encoding} is not supported; send the event XML as is`,
      headers: [{ name: 'Accept-Encoding', value: 'identity' }],
    });
  }

  const compat = context.options.compat ?? [];
  const parsed = parseCpmEvfw(request.body, { profile: 'spec', compat });
  const first = parsed.diagnostics.find((d) => d.severity === 'error');
  if (!parsed.ok || first !== undefined) return refuseBody(request, parsed.diagnostics, first);
  // A deviation the operator chose to accept is said once per request, not as a warning each time.
  const accepted = describeCompat(compat, parsed.diagnostics);
  if (accepted !== undefined) context.log('info', `${callId(request)}: ${accepted}`);
  for (const d of parsed.diagnostics) {
    if (!isCompatWarning(compat, d)) context.log('warn', `${callId(request)}: event report warning ${describe(d)}`);
  }

  return applyEvents(request, parsed.value, context);
}

function refuseBody(request: SipRequest, diagnostics: readonly Diagnostic[], first: Diagnostic | undefined): SipResponse {
  const shown = first ?? diagnostics[0];
  const where = shown === undefined ? '' : ` at ${shown.line}:${shown.column}`;
  const errors = diagnostics.filter((d) => d.severity === 'error');
  return refuse(request, {
    status: 400,
    reason: shown === undefined ? 'Invalid Event Report' : `Invalid Event Report: ${shown.code}${where}`,
    warning: shown === undefined ? 'the body is not a valid event report' : describe(shown),
    // Every error, one a line, for whoever reads the whole response; the Warning names the first.
    body: `${errors.slice(0, 20).map(describe).join('\n')}${errors.length > 20 ? `\n... and ${errors.length - 20} more` : ''}\n`,
  });
}

/** `evfw.xml.tag-mismatch 4:7: ... (at /cpm-evfw/...)`: code, line:column, message. */
export function describe(d: Diagnostic): string {
  return `${d.code} ${d.line}:${d.column}: ${d.message}${d.path ? ` (at ${d.path})` : ''}`;
}

async function applyEvents(request: SipRequest, events: CpmEvfw, context: MessageContext): Promise<SipResponse> {
  const id = callId(request);
  let store: MessageStore;
  try {
    store = await openStore(context.options.messageStore);
  } catch (error) {
    const why = error instanceof MessageStoreError ? error.message : `evfw.store.connect-failed: ${(error as Error).message}`;
    context.log('error', `${id}: ${why}`);
    return refuse(request, { status: 503, reason: 'Message Store Unavailable', warning: why });
  }
  const outcomes: ObjectOutcome[] = [];
  try {
    for (const event of events.events) {
      if (event.$case !== 'eventCpmImap') {
        context.log('info', `${id}: event ${event.extension.name} is not handled here; ignored`);
        continue;
      }
      for (const operation of event.eventCpmImap.operations) {
        const applied = await store.applyOperation(operation);
        outcomes.push(...applied);
        for (const o of applied) context.log(o.ok ? 'info' : 'warn', `${id}: event ${event.eventCpmImap.index} ${describeOutcome(o)}`);
      }
    }
  } finally {
    await store.close().catch(() => {});
  }
  const user = servedUser(request);
  const fanOut = context.options.fanOut;
  if (fanOut !== undefined && user !== undefined) {
    // Not awaited: the policy is the operator's, and its delays or errors are not the client's.
    Promise.resolve()
      .then(() => fanOut(user, events, outcomes))
      .catch((error: unknown) => context.log('error', `${id}: fan-out policy failed: ${(error as Error)?.message ?? String(error)}`));
  }
  const updated = outcomes.filter((o) => o.ok).length;
  context.log('info', `${id}: report applied: ${updated} of ${outcomes.length} objects updated`);
  return answer(request, 200);
}

/** `\Seen object 0 (msg-id): set on UID 7 in "Default/c/k" (found by uid)`, or why not. */
export function describeOutcome(o: ObjectOutcome): string {
  const object = `${o.flag} object ${o.index}${o.messageId === undefined ? '' : ` (${o.messageId})`}`;
  return o.ok ? `${object}: set on UID ${o.found.uid} in "${o.found.mailbox}" (found by ${o.by})` : `${object}: not updated, ${o.reason.code}: ${o.reason.message}`;
}

export async function openStore(store: SipServerOptions['messageStore']): Promise<MessageStore> {
  return typeof store === 'function' ? store() : connectMessageStore(store);
}

/** The served user: the network-asserted identity when present, else From. */
export function servedUser(request: SipRequest): string | undefined {
  const asserted = getHeader(request, 'P-Asserted-Identity');
  const text = asserted ?? getHeader(request, 'From');
  return text === undefined ? undefined : parseNameAddr(text)?.uri;
}

/** `type/subtype` lower-cased, parameters dropped; undefined when there is no header. */
export function mediaType(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return value.split(';')[0]!.trim().toLowerCase();
}
