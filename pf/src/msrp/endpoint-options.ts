/**
 * What an MSRP endpoint of the Participating Function may be told, and the bounds it keeps by
 * default. Every resource a peer can make it hold is bounded here or by the MSRP reader's
 * limits (D-77): connections, sessions, messages waiting for the store, silence.
 */
import type { CpmEvfw } from '@evfw/model/cpm-evfw';
import { DEFAULT_MSRP_LIMITS, type MsrpLimits } from '@evfw/protocol';
import type { CompatOption } from '../compat.js';
import type { MessageStore, ObjectOutcome } from '../message-store.js';

export interface MsrpEndpointOptions {
  /** The address to listen on. Default 127.0.0.1. */
  readonly host?: string;
  /** The TCP port; 0 (the default) takes any free one. */
  readonly port?: number;
  /**
   * Opens the CPM Message Store for one event report, closed again once the report is applied:
   * `() => connectMessageStore(options)`. A rejection makes every object's result negative.
   */
  readonly openStore: () => Promise<MessageStore>;
  /**
   * Bounds of the MSRP reader of each connection (D-77), over PF_MSRP_LIMITS: an event report
   * of 1 MiB, 4 of them in reassembly at once.
   */
  readonly limits?: Partial<MsrpLimits>;
  /**
   * Bytes of unfinished chunked messages that every connection together may hold; a chunk past
   * it is answered 413 and its message refused. Default 64 MiB.
   */
  readonly maxBufferedBytes?: number;
  /** Connections open at once; more are refused by the listener. Default 64. */
  readonly maxConnections?: number;
  /** Sessions offered and not yet closed. Default 1024. */
  readonly maxSessions?: number;
  /**
   * A connection silent this long is closed, milliseconds, and its session (with its SIP dialog)
   * ends. Default 60 s.
   */
  readonly idleTimeoutMs?: number;
  /**
   * A session nobody connects to within this time ends (with its SIP dialog), milliseconds.
   * Default 30 s.
   */
  readonly bindTimeoutMs?: number;
  /**
   * Event reports of one connection waiting for the store; at this many the connection is not
   * read until one is done (TCP pushes back on the client). Default 4.
   */
  readonly maxQueuedReports?: number;
  /** Largest body of one chunk of the IMDN SENDs, in bytes. Default that of buildSend. */
  readonly chunkSize?: number;
  /** Known deviations accepted in event reports (D-44; SipServerOptions.compat). None by default. */
  readonly compat?: readonly CompatOption[];
  /** Told about each event report handled: for the log, and for tests. */
  readonly onReport?: (report: EventReportRecord) => void;
  /** Told about failures that are not the peer's: a store that cannot be opened, say. */
  readonly onError?: (error: unknown) => void;
}

/** One event report and what became of it. */
export interface EventReportRecord {
  readonly sessionUri: string;
  /** The reporting user (the session's), the CPIM To of the IMDNs. */
  readonly clientAddress: string;
  /** The MSRP Message-ID of the SEND that carried it. */
  readonly messageId: string;
  /**
   * `applied`: valid in the invite profile and applied to the store; `rejected`: invalid, the
   * objects with a message-id got negative IMDNs; `refused`: nothing readable, the last chunk
   * was answered `status`.
   */
  readonly verdict: 'applied' | 'rejected' | 'refused';
  readonly status: number;
  /** The report as read, when it was applied. */
  readonly events?: CpmEvfw;
  /** What a compat option accepted in it (pf/src/compat.ts describeCompat), when one applied. */
  readonly compat?: string;
  /** `code: message` of the first diagnostic, when the body was not valid. */
  readonly reason?: string;
  /** The store's outcome per object (applied reports only). */
  readonly outcomes: readonly ObjectOutcome[];
  /** The IMDNs sent back: message-id and whether positive. */
  readonly results: readonly { readonly messageId: string; readonly succeeded: boolean }[];
}

/**
 * The reader bounds of the PF's connections. An event report is a small XML document; the
 * protocol's defaults (8 MiB a message, 16 at once) are for any MSRP peer, and let 64
 * connections hold 8 GiB.
 */
export const PF_MSRP_LIMITS: MsrpLimits = Object.freeze({ ...DEFAULT_MSRP_LIMITS, maxMessageSize: 1024 * 1024, maxPendingMessages: 4 });

export interface ResolvedEndpointOptions extends Required<Omit<MsrpEndpointOptions, 'limits' | 'chunkSize' | 'onReport' | 'onError'>> {
  readonly limits: MsrpLimits;
  readonly chunkSize?: number;
  readonly onReport?: (report: EventReportRecord) => void;
  readonly onError?: (error: unknown) => void;
}

export function resolveEndpointOptions(options: MsrpEndpointOptions): ResolvedEndpointOptions {
  return {
    host: '127.0.0.1',
    port: 0,
    maxConnections: 64,
    maxSessions: 1024,
    idleTimeoutMs: 60_000,
    bindTimeoutMs: 30_000,
    maxQueuedReports: 4,
    compat: [],
    maxBufferedBytes: 64 * 1024 * 1024,
    ...stripUndefined(options),
    limits: { ...PF_MSRP_LIMITS, ...stripUndefined(options.limits ?? {}) },
    openStore: options.openStore,
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
