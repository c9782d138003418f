/**
 * A minimal SIP client transport to one peer, the Participating Function (RFC 3261 sections 17.1
 * and 18): send a request, get back its final response. A response belongs to the request whose
 * top Via branch and CSeq method it carries (17.1.3); provisional responses are not handed on.
 *
 *   const transport = await openSipTransport({ host, port: 5060, transport: 'udp' });
 *   const response = await transport.request(request, { timeoutMs: 5_000 });
 *   await transport.close();
 *
 * Over UDP a request is sent again until an answer comes (Timer A of 17.1.1.2 for INVITE, doubling
 * from T1 = 500 ms, stopped by a provisional response; Timer E of 17.1.2.2 otherwise, doubling up
 * to T2 = 4 s, every T2 once a provisional came). Over TCP it is sent once.
 *
 * Requests from the peer (a BYE from the PF, an OPTIONS) go to `onRequest`; without one, or when
 * it returns nothing, they are answered 501 Not Implemented. ACK is never answered. Responses that
 * match no waiting request go to `onStrayResponse` (a 2xx to INVITE sent again because the ACK was
 * lost) or are dropped.
 */
import { buildSipResponse } from '../sip/build-response.js';
import { parseCSeq } from '../sip/check-mandatory-headers.js';
import { parseParams, splitHeaderList } from '../sip/header-values.js';
import { cryptoRandom, type RandomSource } from '../sip/random-source.js';
import { encodeSipMessage } from '../sip/serialize-sip-message.js';
import { resolveSipLimits, type SipLimits } from '../sip/sip-limits.js';
import { getHeader, type SipMessage, type SipRequest, type SipResponse } from '../sip/sip-message.js';
import { ClientError } from './client-error.js';
import { describePeer, openSipLink, type LocalAddress, type SipLink, type SipPeer } from './sip-link.js';

export type { LocalAddress, SipPeer } from './sip-link.js';

export interface SipTransportOptions {
  /** Bounds for parsing what the peer sends. */
  readonly limits?: Partial<SipLimits>;
  /** TCP only: how long to wait for the connection, milliseconds. Default 5 s. */
  readonly connectTimeoutMs?: number;
  /** RFC 3261 T1, milliseconds. Default 500. */
  readonly t1Ms?: number;
  /** RFC 3261 T2, milliseconds. Default 4,000. */
  readonly t2Ms?: number;
  /** Answers a request from the peer; undefined (or no handler) answers 501. */
  readonly onRequest?: (request: SipRequest) => SipResponse | undefined;
  /** Told about final and provisional responses that match no waiting request. */
  readonly onStrayResponse?: (response: SipResponse) => void;
  /** For the To tag of the 501s. Default cryptoRandom. */
  readonly random?: RandomSource;
}

export interface SipRequestOptions {
  /** How long to wait for the final response, milliseconds. Default 64 * T1 (Timer B and F). */
  readonly timeoutMs?: number;
}

export interface SipTransport {
  readonly peer: SipPeer;
  readonly localAddress: LocalAddress;
  /** Sends `request` and resolves with its final response; rejects with ClientError. */
  request(request: SipRequest, options?: SipRequestOptions): Promise<SipResponse>;
  /** Sends once, waiting for nothing: an ACK, a response. */
  send(message: SipMessage): void;
  readonly isClosed: boolean;
  /** Closes the socket; requests still waiting reject with `evfw.client.transport`. */
  close(): Promise<void>;
}

interface Pending {
  readonly method: string;
  readonly bytes: Uint8Array;
  readonly resolve: (response: SipResponse) => void;
  readonly reject: (error: ClientError) => void;
  copies: number;
  provisional: boolean;
  retransmit?: NodeJS.Timeout;
  timeout?: NodeJS.Timeout;
}

export async function openSipTransport(peer: SipPeer, options: SipTransportOptions = {}): Promise<SipTransport> {
  const t1 = positive(options.t1Ms ?? 500, 't1Ms');
  const t2 = positive(options.t2Ms ?? 4_000, 't2Ms');
  const connectTimeoutMs = positive(options.connectTimeoutMs ?? 5_000, 'connectTimeoutMs');
  const random = options.random ?? cryptoRandom;
  // Keyed by top Via branch; each entry also checks the CSeq method (17.1.3).
  const pending = new Map<string, Pending>();
  let closed = false;

  const finish = (branch: string, outcome: SipResponse | ClientError): void => {
    const entry = pending.get(branch);
    if (entry === undefined) return;
    pending.delete(branch);
    clearTimeout(entry.retransmit);
    clearTimeout(entry.timeout);
    if (outcome instanceof ClientError) entry.reject(outcome);
    else entry.resolve(outcome);
  };
  const failAll = (error: ClientError): void => {
    closed = true;
    for (const branch of [...pending.keys()]) finish(branch, error);
  };

  const onResponse = (response: SipResponse): void => {
    const branch = topBranch(response);
    const entry = branch === undefined ? undefined : pending.get(branch);
    if (branch === undefined || entry === undefined || parseCSeq(getHeader(response, 'CSeq') ?? '')?.method !== entry.method) {
      options.onStrayResponse?.(response);
      return;
    }
    if (response.status >= 200) return finish(branch, response);
    entry.provisional = true;
    // Timer A stops once the INVITE is known to have arrived (17.1.1.2).
    if (entry.method === 'INVITE') clearTimeout(entry.retransmit);
  };

  const onRequest = (request: SipRequest): void => {
    if (request.method === 'ACK') return;
    try {
      transport.send(options.onRequest?.(request) ?? buildSipResponse(request, 501, { random, reason: 'Not Implemented' }));
    } catch {
      // A request whose Via or To cannot be copied into a response: nothing to answer with.
    }
  };

  const link: SipLink = await openSipLink(peer, resolveSipLimits(options.limits), connectTimeoutMs, {
    message: (message) => (message.kind === 'response' ? onResponse(message) : onRequest(message)),
    failed: failAll,
  });

  const retransmit = (entry: Pending, interval: number): void => {
    entry.retransmit = setTimeout(() => {
      link.write(entry.bytes);
      entry.copies++;
      const next = entry.method === 'INVITE' ? interval * 2 : entry.provisional ? t2 : Math.min(interval * 2, t2);
      retransmit(entry, next);
    }, interval);
  };

  const transport: SipTransport = {
    peer,
    localAddress: link.localAddress,
    get isClosed() {
      return closed;
    },
    request(request, requestOptions = {}) {
      return new Promise((resolve, reject) => {
        const timeoutMs = requestOptions.timeoutMs ?? 64 * t1;
        if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
          return reject(new ClientError('evfw.client.invalid-option', `timeoutMs ${timeoutMs} is not a positive number of milliseconds`));
        }
        if (closed) return reject(new ClientError('evfw.client.transport', `${describePeer(peer)}: the transport is closed`, 'open a new transport'));
        const branch = topBranch(request);
        if (branch === undefined || pending.has(branch)) {
          return reject(new ClientError('evfw.client.invalid-option', `the ${request.method} has ${branch === undefined ? 'no Via branch' : `the branch ${branch} of a request still waiting`}`, 'give each request a top Via with a new branch (newBranch)'));
        }
        const entry: Pending = { method: request.method, bytes: encodeSipMessage(request), resolve, reject, copies: 1, provisional: false };
        pending.set(branch, entry);
        entry.timeout = setTimeout(() => {
          const copies = link.reliable ? '' : ` (${entry.copies} copies sent)`;
          finish(branch, new ClientError('evfw.client.timeout', `no final response to ${request.method} from ${describePeer(peer)} within ${timeoutMs} ms${copies}`, 'check that the Participating Function runs and can reach this address'));
        }, timeoutMs);
        link.write(entry.bytes);
        if (!link.reliable) retransmit(entry, t1);
      });
    },
    send(message) {
      if (!closed) link.write(encodeSipMessage(message));
    },
    async close() {
      failAll(new ClientError('evfw.client.transport', `${describePeer(peer)}: the transport was closed while waiting for a response`));
      await link.close();
    },
  };
  return transport;
}

/** The branch parameter of the top Via, the transaction key of RFC 3261 17.1.3. */
function topBranch(message: SipMessage): string | undefined {
  const via = getHeader(message, 'Via');
  // The first value of a comma-joined Via line is the top one.
  const top = via === undefined ? undefined : splitHeaderList(via)[0];
  const branch = top === undefined ? undefined : parseParams(top).params.get('branch');
  return branch === null || branch === '' ? undefined : branch;
}

function positive(value: number, name: string): number {
  if (!(Number.isFinite(value) && value > 0)) throw new ClientError('evfw.client.invalid-option', `${name} ${value} is not a positive number of milliseconds`);
  return value;
}
