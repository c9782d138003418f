/**
 * The requests the client sends after its INVITE is answered (RFC 3261): the ACK of a non-2xx
 * final response, part of the INVITE transaction (17.1.1.3); and, in the dialog a 2xx creates
 * (12.1.2), the ACK of the 2xx (13.2.2.4) and the BYE that ends it (15.1.1).
 *
 * The route set is the 2xx's Record-Route in reverse, sent as Route header fields; loose routing
 * (`;lr`, RFC 3261 16.12) is assumed, as every proxy of an IMS core does.
 */
import { parseNameAddr, splitHeaderList } from '../sip/header-values.js';
import { parseCSeq } from '../sip/check-mandatory-headers.js';
import { newBranch, type RandomSource } from '../sip/random-source.js';
import { getHeader, getHeaders, type SipHeader, type SipRequest, type SipResponse } from '../sip/sip-message.js';

/** The dialog of the event session, as the client (the UAC) sees it. */
export interface Dialog {
  readonly callId: string;
  /** The From tag of the INVITE. */
  readonly localTag: string;
  /** The To tag of the 2xx; undefined when the Participating Function sent none. */
  readonly remoteTag: string | undefined;
  /** The Contact URI of the 2xx, the Request-URI of every request in the dialog (12.1.2). */
  readonly remoteTarget: string;
}

/** The dialog a 2xx creates. A 2xx without Contact (RFC 3261 requires one) falls back to the INVITE's Request-URI. */
export function readDialog(invite: SipRequest, response: SipResponse): Dialog {
  const contact = getHeader(response, 'Contact');
  const target = contact === undefined ? undefined : parseNameAddr(splitHeaderList(contact)[0] ?? '')?.uri;
  return {
    callId: getHeader(invite, 'Call-ID') ?? '',
    localTag: parseNameAddr(getHeader(invite, 'From') ?? '')?.params.get('tag') ?? '',
    remoteTag: parseNameAddr(getHeader(response, 'To') ?? '')?.params.get('tag') ?? undefined,
    remoteTarget: target ?? invite.uri,
  };
}

/** The CSeq number of the INVITE, which the ACK repeats and the BYE follows. */
export function inviteSequence(invite: SipRequest): number {
  return parseCSeq(getHeader(invite, 'CSeq') ?? '')?.sequence ?? 1;
}

/**
 * ACK or BYE in the dialog: Request-URI the remote target, From of the INVITE, To of the 2xx,
 * the same Call-ID, a new branch. `via` is `SIP/2.0/UDP host:port`.
 */
export function buildDialogRequest(method: 'ACK' | 'BYE', invite: SipRequest, response: SipResponse, sequence: number, via: string, random: RandomSource): SipRequest {
  const dialog = readDialog(invite, response);
  const routeSet = getHeaders(response, 'Record-Route').flatMap(splitHeaderList).reverse();
  const headers: SipHeader[] = [
    { name: 'Via', value: `${via};branch=${newBranch(random)}` },
    { name: 'Max-Forwards', value: '70' },
    ...routeSet.map((value) => ({ name: 'Route', value })),
    { name: 'From', value: getHeader(invite, 'From') ?? '' },
    { name: 'To', value: getHeader(response, 'To') ?? '' },
    { name: 'Call-ID', value: dialog.callId },
    { name: 'CSeq', value: `${sequence} ${method}` },
  ];
  return { kind: 'request', method, uri: dialog.remoteTarget, headers, body: '' };
}

/**
 * The ACK of a 3xx-6xx (17.1.1.3): the INVITE's Request-URI, top Via (same branch), From,
 * Call-ID and Route, the response's To, and the INVITE's CSeq number. Without it a UDP server
 * transaction sends its response again until Timer H.
 */
export function buildNon2xxAck(invite: SipRequest, response: SipResponse): SipRequest {
  const copy = (name: string, from: SipRequest | SipResponse = invite): SipHeader[] => {
    const value = getHeader(from, name);
    return value === undefined ? [] : [{ name, value }];
  };
  const headers: SipHeader[] = [
    ...copy('Via'),
    { name: 'Max-Forwards', value: '70' },
    ...getHeaders(invite, 'Route').map((value) => ({ name: 'Route', value })),
    ...copy('From'),
    ...copy('To', response),
    ...copy('Call-ID'),
    { name: 'CSeq', value: `${inviteSequence(invite)} ACK` },
  ];
  return { kind: 'request', method: 'ACK', uri: invite.uri, headers, body: '' };
}
