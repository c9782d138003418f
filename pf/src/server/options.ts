/**
 * What the Participating Function's SIP server is configured with, and the bounds that keep a
 * hostile or broken peer from costing more than a little memory and time. Every bound is an
 * option with a default; none is taken from what the peer declares.
 */
import type { CpmEvfw } from '@evfw/model/cpm-evfw';
import type { SipLimits } from '@evfw/protocol';
import type { CompatOption } from '../compat.js';
import type { MessageStore, MessageStoreOptions, ObjectOutcome } from '../message-store.js';
import type { MsrpEndpointOptions } from '../msrp/index.js';
import type { NextHop } from './next-hop.js';

export type SipTransport = 'udp' | 'tcp';

export type LogLevel = 'info' | 'warn' | 'error';
/** One line of the server's log: what happened to a request, without the body. */
export type ServerLog = (level: LogLevel, message: string) => void;

/**
 * The multi-device fan-out of 6.7.2.3 (FFS in the text): called once a report has been applied,
 * with the served user, the events and each object's outcome. Off unless given. Its result is not
 * awaited by the answer to the client, and its errors are logged, never answered.
 */
export type FanOutPolicy = (user: string, events: CpmEvfw, outcomes: readonly ObjectOutcome[]) => void | Promise<void>;

export interface ServerLimits {
  /** Passed to parseSipMessage: message, header section, header count, line length. */
  readonly sip: Partial<SipLimits>;
  /** TCP connections open at once; more are closed on accept. Default 64. */
  readonly maxConnections: number;
  /** A TCP connection silent for this long is closed, in ms. Default 30 s. */
  readonly idleTimeoutMs: number;
  /** Requests being handled at once, all transports; more are answered 503. Default 32. */
  readonly maxConcurrentRequests: number;
  /** Time for the whole handling of one request (store included) before a 500/504, in ms. Default 20 s. */
  readonly requestTimeoutMs: number;
  /** UDP transactions remembered to absorb retransmissions (RFC 3261 17.2.2). Default 1,024. */
  readonly maxTransactions: number;
  /** How long a UDP transaction is remembered, in ms (Timer J, 64*T1). Default 32 s. */
  readonly transactionTtlMs: number;
  /** Time to wait for the next hop's final response, in ms. Default 8 s. */
  readonly nextHopTimeoutMs: number;
  /**
   * INVITE dialogs (event sessions) open at once; an INVITE beyond is answered 486 with
   * Retry-After, and no open dialog is ended for it. Default 1,024.
   */
  readonly maxDialogs: number;
  /** Time for the ACK of a 200 to INVITE, in ms (64*T1, RFC 3261 13.3.1.4). Default 32 s. */
  readonly ackTimeoutMs: number;
  /**
   * How long a dialog outlives its MSRP connection, in ms, for the BYE of a client that closes
   * MSRP first (the client helpers do); then it ends, and a BYE gets 481. The connection's
   * buffers are freed at once all the same. Default 4 s: a BYE and two UDP retransmissions.
   */
  readonly dialogGraceMs: number;
}

export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  sip: {},
  maxConnections: 64,
  idleTimeoutMs: 30_000,
  maxConcurrentRequests: 32,
  requestTimeoutMs: 20_000,
  maxTransactions: 1_024,
  transactionTtlMs: 32_000,
  nextHopTimeoutMs: 8_000,
  maxDialogs: 1_024,
  ackTimeoutMs: 32_000,
  dialogGraceMs: 4_000,
};

export interface SipServerOptions {
  /** Address to listen on. Default 127.0.0.1: loopback unless asked. */
  readonly host?: string;
  /** Port for every transport; 0 (the default) picks a free one, reported by `addresses`. */
  readonly port?: number;
  /** Default both. UDP and TCP share the port number when it is given. */
  readonly transports?: readonly SipTransport[];
  /**
   * The CPM Message Store: IMAP settings (one connection per request), or a function that opens
   * a session (the server closes it after the request).
   */
  readonly messageStore: MessageStoreOptions | (() => Promise<MessageStore>);
  /** Where requests that carry an IARI go (6.7.1). None by default: they are answered 480. */
  readonly nextHop?: NextHop;
  /** The Participating Function's own SIP URI: the Contact of its answers. */
  readonly ownAddress?: string;
  /**
   * The INVITE mechanism (6.7.3.2): the MSRP endpoint its sessions use, listening on `host`
   * (default the SIP host) and `port` (default any free one). On unless `false`; the store is
   * the same as for MESSAGE.
   */
  readonly msrp?: false | Omit<MsrpEndpointOptions, 'openStore'>;
  readonly fanOut?: FanOutPolicy;
  /**
   * Known deviations accepted in event reports, MESSAGE and MSRP alike, each read as meant and
   * logged once per report (D-44): `flag-attribute` reads `flag="..."` on <operation> as `flags`.
   * None by default: such a report is refused (400 evfw.attribute.flag-deviation).
   */
  readonly compat?: readonly CompatOption[];
  readonly log?: ServerLog;
  readonly limits?: Partial<Omit<ServerLimits, 'sip'>> & { readonly sip?: Partial<SipLimits> };
}

export function resolveLimits(limits: SipServerOptions['limits']): ServerLimits {
  return { ...DEFAULT_SERVER_LIMITS, ...limits, sip: { ...DEFAULT_SERVER_LIMITS.sip, ...limits?.sip } };
}
