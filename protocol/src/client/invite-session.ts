/**
 * The INVITE mechanism of OMA CPM 6.7.3.2, client side, end to end: send the INVITE with the SDP
 * offer, ACK the answer, connect to the MSRP URI of the SDP answer and hand back the event
 * session; `close()` ends both the MSRP session and the SIP dialog (BYE).
 *
 *   const call = await inviteEventSession({ pf: { host, port: 5060, transport: 'udp' }, context: { ownAddress } });
 *   const results = await call.session.send(events);
 *   await call.close();
 *
 * The client is the active MSRP endpoint (RFC 4975 5.4, RFC 6135 `a=setup:active`): it never
 * listens, so its offer names its own address and the discard port 9. A BYE from the PF ends
 * the dialog: it is answered 200, the MSRP session closed, and `close()` then sends no BYE.
 */
import type { SessionRequirements } from '../mechanism.js';
import { CPM_EVFW_CONTENT_TYPE } from '../content-types.js';
import { acceptsType, parseSdp, readMsrpMedia } from '../sdp/parse-sdp.js';
import { openEventSession, type EventSession, type EventSessionOptions } from '../session/event-session.js';
import { buildEventInvite } from '../sip/build-requests.js';
import { buildSipResponse } from '../sip/build-response.js';
import { unquote } from '../sip/header-values.js';
import { cryptoRandom } from '../sip/random-source.js';
import { getHeader, getHeaders, type SipRequest, type SipResponse } from '../sip/sip-message.js';
import { ClientError } from './client-error.js';
import { contextOnTransport, viaOf, type ClientIdentity } from './client-context.js';
import { buildDialogRequest, buildNon2xxAck, inviteSequence, readDialog, type Dialog } from './dialog-requests.js';
import { openSipTransport, type SipPeer, type SipTransport, type SipTransportOptions } from './sip-transport.js';

export interface InviteEventSessionOptions {
  /** Where the Participating Function's SIP server is. */
  readonly pf: SipPeer;
  /** Who reports; Via and Contact come from the transport. */
  readonly context: ClientIdentity;
  /** From `chooseMechanism(...).session`. Default `{ direction: 'sendrecv', acceptImdn: true }`. */
  readonly session?: SessionRequirements;
  /** How long to wait for the INVITE's final response, milliseconds. Default 32 s (Timer B). */
  readonly inviteTimeoutMs?: number;
  /** How long close() waits for the BYE's final response, milliseconds. Default 32 s (Timer F). */
  readonly byeTimeoutMs?: number;
  readonly transport?: Omit<SipTransportOptions, 'onRequest' | 'onStrayResponse'>;
  /** Passed on to openEventSession (timeouts, limits, chunk size). */
  readonly eventSession?: Omit<EventSessionOptions, 'pfUri' | 'ownPath' | 'ownAddress'>;
}

/** How the dialog ended: the BYE's final response, or why there is none. */
export interface DialogClosed {
  readonly response?: SipResponse;
  /** Set when there is no response: the BYE timed out or failed, or the PF sent BYE first. */
  readonly reason?: string;
}

export interface InviteEventSession {
  readonly session: EventSession;
  /** The 2xx to the INVITE. */
  readonly response: SipResponse;
  readonly dialog: Dialog;
  /** Whether the Participating Function ended the dialog with a BYE of its own. */
  readonly endedByPeer: boolean;
  /** Closes the MSRP session, sends BYE and closes the transport. Never rejects; safe to call twice. */
  close(): Promise<DialogClosed>;
}

const DEFAULT_SESSION: SessionRequirements = { direction: 'sendrecv', acceptImdn: true };

/**
 * Rejects with ClientError (`evfw.client.invite-refused` with `status`, `evfw.client.timeout`,
 * `evfw.client.transport`, `evfw.client.bad-answer`), SessionError when the MSRP connection
 * fails, or SipError when the context cannot make a valid INVITE.
 */
export async function inviteEventSession(options: InviteEventSessionOptions): Promise<InviteEventSession> {
  let call: Call | undefined;
  const transport = await openSipTransport(options.pf, {
    ...options.transport,
    onRequest: (request) => call?.answer(request),
    onStrayResponse: (response) => call?.ackAgain(response),
  });
  try {
    const context = contextOnTransport(options.context, transport);
    const built = buildEventInvite(context, {
      msrp: { host: transport.localAddress.host, port: 9 },
      session: options.session ?? DEFAULT_SESSION,
      setup: 'active',
    });
    const response = await transport.request(built.request, withTimeout(options.inviteTimeoutMs));
    if (response.status >= 300) {
      transport.send(buildNon2xxAck(built.request, response));
      throw refused(response);
    }
    call = new Call(transport, built.request, response, options);
    transport.send(call.ack);
    const answer = readAnswer(response);
    if (!answer.ok) {
      await call.bye();
      throw new ClientError('evfw.client.bad-answer', `the SDP answer of the ${response.status} cannot be used: ${answer.why}`, 'the dialog was ended with BYE; check the Participating Function\'s SDP answer (OMA CPM 6.7.3.2, RFC 4975 section 8)');
    }
    try {
      call.session = await openEventSession({ ...options.eventSession, pfUri: answer.pfUri, ownPath: built.msrpUri, ownAddress: options.context.ownAddress });
    } catch (error) {
      await call.bye();
      throw error;
    }
    return call.handle();
  } catch (error) {
    await transport.close();
    throw error;
  }
}

/** The dialog once the 2xx is in: its ACK, the PF's requests in it, and its end. */
class Call {
  readonly ack: SipRequest;
  readonly dialog: Dialog;
  session: EventSession | undefined;
  endedByPeer = false;
  private closing: Promise<DialogClosed> | undefined;

  constructor(
    private readonly transport: SipTransport,
    private readonly invite: SipRequest,
    readonly response: SipResponse,
    private readonly options: InviteEventSessionOptions,
  ) {
    this.dialog = readDialog(invite, response);
    this.ack = buildDialogRequest('ACK', invite, response, inviteSequence(invite), viaOf(transport), options.context.random ?? cryptoRandom);
  }

  /** The PF sends its 2xx again until the ACK arrives (13.3.1.4): a lost ACK is sent again. */
  ackAgain(response: SipResponse): void {
    const isOur2xx = response.status >= 200 && response.status < 300 && getHeader(response, 'Call-ID') === this.dialog.callId && /INVITE$/.test(getHeader(response, 'CSeq') ?? '');
    if (isOur2xx) this.transport.send(this.ack);
  }

  /** A BYE in this dialog ends it (15.1.2); a BYE for another is 481; anything else is left to the transport (501). */
  answer(request: SipRequest): SipResponse | undefined {
    if (request.method !== 'BYE') return undefined;
    const random = this.options.context.random ?? cryptoRandom;
    if (getHeader(request, 'Call-ID') !== this.dialog.callId) return buildSipResponse(request, 481, { random, reason: 'Call/Transaction Does Not Exist' });
    this.endedByPeer = true;
    void this.session?.close();
    return buildSipResponse(request, 200, { random });
  }

  /** Sends BYE (CSeq one above the INVITE's) and waits for its final response; never rejects. */
  async bye(): Promise<DialogClosed> {
    const random = this.options.context.random ?? cryptoRandom;
    const bye = buildDialogRequest('BYE', this.invite, this.response, inviteSequence(this.invite) + 1, viaOf(this.transport), random);
    try {
      return { response: await this.transport.request(bye, withTimeout(this.options.byeTimeoutMs)) };
    } catch (error) {
      return { reason: (error as Error).message };
    }
  }

  close(): Promise<DialogClosed> {
    this.closing ??= (async () => {
      await this.session?.close();
      const closed = this.endedByPeer ? { reason: 'the Participating Function ended the dialog with BYE' } : await this.bye();
      await this.transport.close();
      return closed;
    })();
    return this.closing;
  }

  handle(): InviteEventSession {
    const call = this;
    return {
      session: call.session!,
      response: call.response,
      dialog: call.dialog,
      get endedByPeer() {
        return call.endedByPeer;
      },
      close: () => call.close(),
    };
  }
}

function withTimeout(timeoutMs: number | undefined): { timeoutMs?: number } {
  return timeoutMs === undefined ? {} : { timeoutMs };
}

/** `488 Not Acceptable Here: <warning text>`: the PF puts its sentence in `Warning: 399 evfw-pf "..."`. */
function refused(response: SipResponse): ClientError {
  const warnings = getHeaders(response, 'Warning').map(warningText);
  const text = `${response.status} ${response.reason}${warnings.length > 0 ? `: ${warnings.join('; ')}` : ''}`;
  return new ClientError('evfw.client.invite-refused', `the Participating Function refused the INVITE with ${text}`, 'the reason is the PF\'s; fix the request or send the report in a SIP MESSAGE (6.7.3.1)', response);
}

/** The warn-text of `warn-code SP warn-agent SP warn-text` (RFC 3261 20.43), or the whole value. */
function warningText(value: string): string {
  const m = /^\d{3}\s+\S+\s+("(?:[^"\\]|\\.)*")\s*$/.exec(value);
  return m === null ? value : unquote(m[1]!);
}

/**
 * The PF's MSRP URI from the SDP answer. The a=path's last URI is the PF's own (RFC 4975 8.2);
 * a longer path means MSRP relays (RFC 4976), which openEventSession cannot go through.
 */
function readAnswer(response: SipResponse): { ok: true; pfUri: string } | { ok: false; why: string } {
  if (response.body === '') return { ok: false, why: 'it has no body' };
  const sdp = parseSdp(response.body);
  if (!sdp.ok) return { ok: false, why: `${sdp.error.code}: ${sdp.error.message}` };
  const media = readMsrpMedia(sdp.value);
  if (!media.ok) return { ok: false, why: `${media.error.code}: ${media.error.message}` };
  const { path, acceptTypes, setup } = media.value;
  if (path.length !== 1) return { ok: false, why: `its a=path names ${path.length} URIs; MSRP relays (RFC 4976) are not supported` };
  if (!acceptsType(acceptTypes, CPM_EVFW_CONTENT_TYPE)) return { ok: false, why: `its a=accept-types (${acceptTypes.join(' ') || 'none'}) does not include ${CPM_EVFW_CONTENT_TYPE}` };
  if (setup === 'active') return { ok: false, why: 'it says a=setup:active, but this client is active and never listens (RFC 6135)' };
  return { ok: true, pfUri: path[0]! };
}
