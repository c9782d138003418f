/**
 * The INVITE mechanism of OMA CPM 6.7.3.2: a client opens an MSRP session to its Participating
 * Function, sends event reports in it, and gets one IMDN per object back. Here, the signalling:
 *
 *   INVITE  service identification (6.7.1, as MESSAGE: 403, or the IARI's next hop), an SDP offer
 *           (415 if it is not SDP, 488 naming the problem if it has no usable MSRP media line),
 *           then a session from the MSRP endpoint and 200 with the SDP answer (486 when the
 *           dialog table or the endpoint is full: no session in use is ended to make room);
 *   ACK     confirms the dialog (a 200 that gets none ends it after 64*T1); the dialog then
 *           lasts until BYE or until its MSRP session ends (never bound, closed, idle);
 *   BYE     ends the dialog and its MSRP session: 200, or 481 for a dialog we do not know;
 *   CANCEL  the INVITE was answered at once, so a CANCEL has nothing left to cancel (RFC 3261 9.2).
 *
 * Re-INVITEs are refused 488: the session's media never change.
 */
import {
  acceptsType,
  answerDirection,
  buildSdpAnswer,
  buildSipResponse,
  CPIM_CONTENT_TYPE,
  cryptoRandom,
  getHeader,
  IMDN_CONTENT_TYPE,
  newTag,
  parseNameAddr,
  parseSdp,
  readMsrpMedia,
  type MsrpMedia,
  type ProtocolProblem,
  type SipRequest,
  type SipResponse,
} from '@evfw/protocol';
import { MsrpEndpointError, type MsrpSessionHandle } from '../msrp/index.js';
import { callId, type InviteContext, type RequestContext } from './context.js';
import type { Dialog } from './dialogs.js';
import { mediaType, servedUser } from './handle-message.js';
import { answer, refuse } from './responses.js';
import { checkService } from './service-check.js';

export const SDP_CONTENT_TYPE = 'application/sdp';

export async function handleInvite(request: SipRequest, context: RequestContext, invite: InviteContext): Promise<SipResponse> {
  const tags = dialogTags(request);
  if (tags.local !== undefined) {
    const known = invite.dialogs.find(callId(request), tags.local, tags.remote) !== undefined;
    return known
      ? refuse(request, { status: 488, reason: 'Not Acceptable Here', warning: 'this Participating Function does not change a session once set up; end it with BYE and send a new INVITE' })
      : noSuchDialog(request);
  }
  const gate = await checkService(request, context);
  if (gate !== undefined) return gate;

  const contentType = mediaType(getHeader(request, 'Content-Type'));
  if (contentType !== SDP_CONTENT_TYPE) {
    return refuse(request, {
      status: 415,
      reason: 'Unsupported Media Type',
      warning: `${contentType === undefined ? 'the INVITE has no body type' : `the INVITE's body is ${contentType}`}; an event reporting session is offered in ${SDP_CONTENT_TYPE} (OMA CPM 6.7.3.2 item 1 b)`,
      headers: [{ name: 'Accept', value: SDP_CONTENT_TYPE }],
    });
  }
  const offer = readOffer(request.body);
  if (!offer.ok) return refuseOffer(request, offer.error);

  const direction = answerDirection(offer.value.direction);
  if (direction === 'sendonly' || direction === 'inactive') {
    return refuseOffer(request, {
      code: 'evfw.sdp.offer.direction',
      message: `the offer's media direction is ${offer.value.direction}, so the client would send no events`,
      hint: 'offer a=sendrecv, or a=sendonly when no answer is expected (OMA CPM 6.7.3.2 item 1 b iii)',
    });
  }
  // A full table refuses: ending a dialog in use to make room would let anyone end anyone's
  // session with a burst of INVITEs (issue 22).
  if (invite.dialogs.full) {
    return busy(request, `evfw.sip.invite.dialogs-full: ${invite.dialogs.maxDialogs} event sessions are open here, the most this Participating Function takes; try again later`);
  }
  const clientAddress = servedUser(request) ?? request.uri;
  let session: MsrpSessionHandle;
  // Set once the dialog is open; the session cannot end before (nothing can connect to it yet).
  let dialog: Dialog | undefined;
  try {
    session = invite.endpoint.newSession({
      clientPath: offer.value.path,
      ownAddress: invite.ownAddress,
      clientAddress,
      returnResults: direction === 'sendrecv' && offersResults(offer.value),
      // Unbound in time, disconnected or idle: the dialog has nothing left to carry. A client
      // that closed its connection may send BYE next: that BYE still gets its 200.
      onEnd: (why) => {
        if (dialog === undefined) return;
        if (why === 'unbound') invite.dialogs.end(dialog, why);
        else invite.dialogs.endAfter(dialog, why, context.limits.dialogGraceMs);
      },
    });
  } catch (error) {
    if (!(error instanceof MsrpEndpointError)) throw error;
    return busy(request, `${error.code}: ${error.message}`);
  }
  const built = buildSdpAnswer(offer.value, { endpoint: { host: invite.endpoint.host, port: invite.endpoint.port, sessionId: session.id }, random: cryptoRandom });
  if (!built.ok) {
    session.close();
    return refuseOffer(request, built.error);
  }
  const localTag = newTag(cryptoRandom);
  const response = buildSipResponse(request, 200, {
    toTag: localTag,
    headers: [
      { name: 'Contact', value: `<${invite.contact(viaTransport(request))}>` },
      { name: 'Allow', value: INVITE_METHODS.join(', ') },
    ],
    body: built.value.sdp,
    contentType: SDP_CONTENT_TYPE,
  });
  dialog = invite.dialogs.open({ callId: callId(request), localTag, remoteTag: tags.remote ?? '', session });
  if (dialog === undefined) {
    // Checked above, and nothing awaited since: kept for the day something is.
    session.close();
    return busy(request, `evfw.sip.invite.dialogs-full: ${invite.dialogs.maxDialogs} event sessions are open here; try again later`);
  }
  context.log('info', `${callId(request)}: event session for ${clientAddress} at ${session.uri}${built.value.mayReturnResults ? '' : ' (no results asked for)'}`);
  return response;
}

/** The methods of a server with the INVITE mechanism on. */
export const INVITE_METHODS = ['INVITE', 'ACK', 'BYE', 'CANCEL', 'MESSAGE', 'OPTIONS'] as const;

export function handleBye(request: SipRequest, context: RequestContext, invite: InviteContext): SipResponse {
  const tags = dialogTags(request);
  const dialog = invite.dialogs.find(callId(request), tags.local, tags.remote);
  if (dialog === undefined) return noSuchDialog(request);
  invite.dialogs.end(dialog, 'bye');
  context.log('info', `${callId(request)}: BYE: event session ${dialog.session.uri} ended`);
  return answer(request, 200);
}

/** ACK confirms the dialog its 200 opened; nothing is answered (RFC 3261 17.2.1). */
export function confirmDialog(request: SipRequest, invite: InviteContext): boolean {
  const tags = dialogTags(request);
  const dialog = invite.dialogs.find(callId(request), tags.local, tags.remote);
  if (dialog !== undefined) invite.dialogs.confirm(dialog);
  return dialog !== undefined;
}

/**
 * The INVITE was answered as soon as it came, so a CANCEL finds its transaction complete: 200
 * with no effect when the call is known, else 481 (RFC 3261 section 9.2).
 */
export function handleCancel(request: SipRequest, invite: InviteContext): SipResponse {
  return invite.dialogs.hasCall(callId(request)) ? answer(request, 200) : noSuchDialog(request);
}

/**
 * 486 Busy Here with Retry-After, for a PF with no room for another session: unlike 503 it
 * names this request, not the server (a client or proxy seeing 503 would treat every request
 * to this PF as failing, MESSAGE included, and a proxy turns a 503 into 500, RFC 3261 16.7).
 */
function busy(request: SipRequest, warning: string): SipResponse {
  return refuse(request, { status: 486, reason: 'Busy Here', warning, headers: [{ name: 'Retry-After', value: String(BUSY_RETRY_AFTER_S) }] });
}

/** Seconds a refused client is asked to wait: sessions end by BYE or within the MSRP bind and idle timeouts. */
const BUSY_RETRY_AFTER_S = 5;

function noSuchDialog(request: SipRequest): SipResponse {
  return refuse(request, {
    status: 481,
    reason: 'Call/Transaction Does Not Exist',
    warning: `no event session with Call-ID ${callId(request)} and these tags is open here (ended, never set up, or this PF restarted)`,
  });
}

function readOffer(body: string): { ok: true; value: MsrpMedia } | { ok: false; error: ProtocolProblem } {
  const session = parseSdp(body);
  return session.ok ? readMsrpMedia(session.value) : session;
}

function refuseOffer(request: SipRequest, problem: ProtocolProblem): SipResponse {
  return refuse(request, {
    status: 488,
    reason: `Not Acceptable Here: ${problem.code}`,
    warning: `${problem.code}: ${problem.message}${problem.hint === undefined ? '' : `; ${problem.hint}`}`,
  });
}

/** 6.7.3.2 item 1 b ii: the client accepts IMDN wrapped in CPIM, so results go back. */
function offersResults(offer: MsrpMedia): boolean {
  return acceptsType(offer.acceptWrappedTypes, IMDN_CONTENT_TYPE) && acceptsType(offer.acceptTypes, CPIM_CONTENT_TYPE);
}

/** Our tag (To) and the client's (From) of a request from the client. */
function dialogTags(request: SipRequest): { local?: string; remote?: string } {
  const tag = (name: string): string | undefined => {
    const value = getHeader(request, name);
    const param = value === undefined ? undefined : parseNameAddr(value)?.params.get('tag');
    return typeof param === 'string' && param !== '' ? param : undefined;
  };
  const local = tag('To');
  const remote = tag('From');
  return { ...(local === undefined ? {} : { local }), ...(remote === undefined ? {} : { remote }) };
}

/** The transport of the request's top Via, for the Contact the client reaches us at again. */
function viaTransport(request: SipRequest): 'udp' | 'tcp' {
  return /^SIP\/2\.0\/TCP\b/i.test(getHeader(request, 'Via') ?? '') ? 'tcp' : 'udp';
}
