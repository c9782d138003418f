/**
 * From bytes to an answer, whatever the transport: parse, dispatch by method, bound the work.
 * Nothing here throws: a parse error becomes a 400 (413 for a size limit) when the request can
 * still be answered (its Via, From, To, Call-ID and CSeq are readable from the head of the bytes),
 * else it is logged and dropped; a malformed From or To is a 400; a bug in a handler becomes a
 * 500 that says so. The listeners stamp the top Via (rport, received) before anything here.
 */
import {
  checkAddressHeaders,
  CPM_EVFW_CONTENT_TYPE,
  readDialogHeaders,
  stampTopVia,
  type ProtocolProblem,
  type TransportSource,
  type SipMessage,
  type SipRequest,
  type SipResponse,
} from '@evfw/protocol';
import { callId, type MessageContext, type RequestContext } from './context.js';
import { confirmDialog, handleBye, handleCancel, handleInvite, INVITE_METHODS } from './handle-invite.js';
import { handleMessage } from './handle-message.js';
import { answer, refuse } from './responses.js';

/** Methods of a server without the INVITE mechanism (INVITE_METHODS with it). */
export const MESSAGE_ONLY_METHODS = ['MESSAGE', 'OPTIONS'] as const;

export type { RequestContext } from './context.js';

/**
 * What to do with one parsed message or parse failure: `respond` with a response, or `ignore`
 * (responses, ACK, input that cannot be answered), with the reason for the log.
 */
export type Handled = { readonly kind: 'respond'; readonly request: SipRequest; readonly response: SipResponse } | { readonly kind: 'ignore'; readonly why: string };

/**
 * Answers one parsed message (its top Via already stamped by the listener); input that did not
 * parse goes to handleParseFailure instead.
 */
export async function handleRequest(message: SipMessage, context: RequestContext): Promise<Handled> {
  if (message.kind === 'response') return { kind: 'ignore', why: `a ${message.status} response outside any transaction of ours` };
  const request = message;
  // ACK is never answered (RFC 3261 17.2.1); one for our 200 confirms its dialog.
  if (request.method === 'ACK') {
    const confirmed = context.invite !== undefined && confirmDialog(request, context.invite);
    return { kind: 'ignore', why: confirmed ? 'ACK (it confirmed its dialog)' : 'ACK (of a refusal, or for no dialog of ours)' };
  }
  // From and To that do not read as addresses: 400 naming the header, before anything is applied
  // for a user no one can name (RFC 3261 21.4.1).
  const address = checkAddressHeaders(request);
  if (address !== undefined) {
    return respond(request, refuse(request, { status: 400, reason: `Bad Request: ${address.code}`, warning: `${address.code}: ${address.message}` }));
  }
  if (context.inFlight >= context.limits.maxConcurrentRequests) {
    return respond(request, refuse(request, {
      status: 503,
      reason: 'Busy',
      warning: `${context.inFlight} requests are being handled, the limit is ${context.limits.maxConcurrentRequests}; try again shortly`,
      headers: [{ name: 'Retry-After', value: '1' }],
    }));
  }
  context.inFlight++;
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<SipResponse>((resolve) => {
      timer = setTimeout(() => resolve(refuse(request, {
        status: 500,
        reason: 'Request Timed Out',
        warning: `the request was not handled within ${context.limits.requestTimeoutMs} ms (a slow CPM Message Store?)`,
      })), context.limits.requestTimeoutMs);
    });
    return respond(request, await Promise.race([dispatch(request, context), timeout]));
  } catch (error) {
    context.log('error', `${callId(request)}: ${request.method} failed: ${(error as Error)?.stack ?? String(error)}`);
    return respond(request, refuse(request, { status: 500, reason: 'Server Internal Error', warning: `an internal error: ${(error as Error)?.message ?? String(error)}` }));
  } finally {
    clearTimeout(timer);
    context.inFlight--;
  }
}

async function dispatch(request: SipRequest, context: RequestContext): Promise<SipResponse> {
  const invite = context.invite;
  const allowed = allowedMethods(context);
  switch (request.method) {
    case 'MESSAGE':
      return handleMessage(request, context);
    case 'OPTIONS':
      return answer(request, 200, [
        { name: 'Allow', value: allowed },
        { name: 'Accept', value: invite === undefined ? CPM_EVFW_CONTENT_TYPE : `${CPM_EVFW_CONTENT_TYPE}, application/sdp` },
        ...(context.options.ownAddress === undefined ? [] : [{ name: 'Contact', value: `<${context.options.ownAddress}>` }]),
      ]);
    case 'INVITE':
    case 'BYE':
    case 'CANCEL':
      if (invite !== undefined) {
        if (request.method === 'INVITE') return handleInvite(request, context, invite);
        return request.method === 'BYE' ? handleBye(request, context, invite) : handleCancel(request, invite);
      }
    // falls through: without the INVITE mechanism these are not served
    default:
      return refuse(request, {
        status: 501,
        reason: 'Not Implemented',
        warning: request.method === 'INVITE'
          ? 'this Participating Function was started without the INVITE mechanism (OMA CPM 6.7.3.2); send the report in a MESSAGE (6.7.3.1)'
          : `method ${request.method} is not served here; event reports come in MESSAGE (6.7.3.1)${invite === undefined ? '' : ' or INVITE (6.7.3.2)'}`,
        headers: [{ name: 'Allow', value: allowed }],
      });
  }
}

function allowedMethods(context: RequestContext): string {
  return (context.invite === undefined ? MESSAGE_ONLY_METHODS : INVITE_METHODS).join(', ');
}

/**
 * The answer to bytes that did not parse: 413 for a size limit (D-81: the header section, a line,
 * the header count or the whole message too large), else 400, the Warning naming the problem.
 * Section 8.2.6 needs the request's Via, From, To, Call-ID and CSeq to be copied; they are read
 * leniently from the head of the bytes (readDialogHeaders), since the line that broke the rule
 * usually comes after them. Without them, or for an ACK (never answered), nothing is sent.
 * `source` stamps the top Via as for any request (rport, received).
 */
export function handleParseFailure(bytes: Uint8Array, problem: ProtocolProblem, context: MessageContext, source: TransportSource): Handled {
  const status = problem.code.startsWith('evfw.sip.limit.') ? 413 : 400;
  const head = readDialogHeaders(bytes, context.limits.sip);
  if (head !== undefined && head.method !== 'ACK') {
    const request = stampTopVia(head, source);
    try {
      return respond(request, refuse(request, { status, reason: status === 413 ? 'Request Entity Too Large' : 'Bad Request', warning: `${problem.code}: ${problem.message}` }));
    } catch {
      // A Via or To the response builder cannot copy: nothing to answer with.
    }
  }
  return { kind: 'ignore', why: `unparseable input (${problem.code}: ${problem.message})` };
}

function respond(request: SipRequest, response: SipResponse): Handled {
  return { kind: 'respond', request, response };
}
