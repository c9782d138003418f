/**
 * The client's side of an event-reporting session (OMA CPM 6.7.3.2): once the INVITE is
 * answered, the client, the active endpoint (RFC 4975 section 5.4, RFC 6135), connects to the
 * MSRP URI of the SDP answer, sends event reports as SENDs, and collects the IMDN delivery
 * reports the Participating Function returns, one per object, mapped back by `<message-id>`.
 *
 *   const session = await openEventSession({ pfUri, ownPath: offer.path, ownAddress });
 *   const results = await session.send(events); // per object: synced, retry (or pending)
 *   await session.close();
 */
import { connect, type Socket } from 'node:net';
import { serializeCpmEvfw, validateCpmEvfw, type CpmEvfw } from '@evfw/model/cpm-evfw';
import type { Imdn } from '@evfw/model/imdn';
import { CPIM_CONTENT_TYPE, CPM_EVFW_CONTENT_TYPE } from '../content-types.js';
import { newIdent, type MsrpRequest } from '../msrp/msrp-frame.js';
import type { MsrpLimits } from '../msrp/msrp-limits.js';
import { MsrpReader, type MsrpReadEvent } from '../msrp/msrp-reader.js';
import { formatMsrpUri, parseMsrpUri } from '../msrp/msrp-uri.js';
import { buildResponse, responseWanted } from '../msrp/response.js';
import { buildEventSend, buildSend } from '../msrp/send-request.js';
import { readImdn } from '../results/imdn-results.js';
import type { ResultError } from '../results/result-error.js';
import { PendingReport, type EventResults } from './pending-report.js';
import { SessionError } from './session-error.js';

export interface EventSessionOptions {
  /** The Participating Function's MSRP URI: the `a=path` of the SDP answer. */
  readonly pfUri: string;
  /**
   * This client's MSRP URI, the `a=path` of its SDP offer. Default: one made from the local
   * address and port of the connection, with a random session-id.
   */
  readonly ownPath?: string;
  /** The user's own address (the INVITE's From and To, 6.7.3.2 item 1 a): the IMDNs' CPIM To. */
  readonly ownAddress: string;
  /** Limit for the TCP connection, milliseconds. Default 5 s. */
  readonly connectTimeoutMs?: number;
  /** How long send() waits for the results of one report, milliseconds. Default 30 s. */
  readonly resultTimeoutMs?: number;
  /** Bounds of the MSRP reader (D-77). */
  readonly limits?: Partial<MsrpLimits>;
  /** Largest body of one SEND chunk, in bytes. Default that of buildSend (2048). */
  readonly chunkSize?: number;
}

export interface SendEventOptions {
  /** Overrides the session's resultTimeoutMs for this report. */
  readonly timeoutMs?: number;
}

export interface EventSession {
  readonly pfUri: string;
  readonly ownPath: string;
  readonly ownAddress: string;
  /**
   * Sends one event report and resolves with the result of each object when every object has
   * one, or when the PF refuses the SEND, the time is up or the session ends (never rejects
   * then). Throws SessionError for events that break the invite profile, or a closed session.
   */
  send(events: CpmEvfw, options?: SendEventOptions): Promise<EventResults>;
  /** IMDNs that named no object of a report waiting for results. */
  readonly unmatched: readonly Imdn[];
  /** Bodies received that were not readable IMDNs, with why. */
  readonly unreadable: readonly ResultError[];
  readonly isClosed: boolean;
  /** Closes the connection; reports still waiting resolve with outcome `closed`. */
  close(): Promise<void>;
}

/** Connects to the PF's MSRP URI. Throws SessionError when the URI or the connection fails. */
export async function openEventSession(options: EventSessionOptions): Promise<EventSession> {
  const pf = parseMsrpUri(options.pfUri);
  if (!pf) throw new SessionError('evfw.session.invalid-option', `"${options.pfUri}" is not an MSRP URI with a host and port`, 'pass the a=path of the SDP answer: msrp://host:port/session-id;tcp');
  if (pf.scheme !== 'msrp' || pf.transport !== 'tcp') throw new SessionError('evfw.session.invalid-option', `"${options.pfUri}" is not msrp: over tcp`, 'msrps: (TLS) is not supported by this helper');
  if (options.ownPath !== undefined && !parseMsrpUri(options.ownPath)) {
    throw new SessionError('evfw.session.invalid-option', `ownPath "${options.ownPath}" is not an MSRP URI with a host and port`, 'pass the a=path of the SDP offer');
  }
  for (const name of ['connectTimeoutMs', 'resultTimeoutMs'] as const) {
    const value = options[name];
    if (value !== undefined && !(Number.isFinite(value) && value > 0)) throw new SessionError('evfw.session.invalid-option', `${name} ${value} is not a positive number of milliseconds`);
  }
  const timeoutMs = options.connectTimeoutMs ?? 5_000;
  const socket = await connectTo(pf.host, pf.port, timeoutMs);
  const ownPath = options.ownPath ?? formatMsrpUri({ scheme: 'msrp', host: socket.localAddress ?? '127.0.0.1', port: socket.localPort ?? 9, sessionId: newIdent(), transport: 'tcp' });
  const session = new ClientSession(socket, options, ownPath);
  try {
    await session.bind(timeoutMs);
  } catch (error) {
    await session.close();
    throw error;
  }
  return session;
}

function connectTo(host: string, port: number, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const fail = (why: string) => {
      socket.destroy();
      reject(new SessionError('evfw.session.connect-failed', `could not connect to ${host}:${port}: ${why}`, 'check the SDP answer\'s a=path, and that the Participating Function is running'));
    };
    const timer = setTimeout(() => fail(`no connection in ${timeoutMs} ms`), timeoutMs);
    socket.once('error', (error) => {
      clearTimeout(timer);
      fail(error.message);
    });
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socket);
    });
  });
}

class ClientSession implements EventSession {
  readonly pfUri: string;
  readonly ownAddress: string;
  readonly unmatched: Imdn[] = [];
  readonly unreadable: ResultError[] = [];
  private readonly reader: MsrpReader;
  private readonly pending: PendingReport[] = [];
  private closed = false;
  private readonly ended: Promise<void>;
  private binding: { readonly transactionId: string; readonly settle: (status: number | undefined) => void } | undefined;

  constructor(
    private readonly socket: Socket,
    private readonly options: EventSessionOptions,
    readonly ownPath: string,
  ) {
    this.pfUri = options.pfUri;
    this.ownAddress = options.ownAddress;
    this.reader = new MsrpReader(options.limits);
    this.ended = new Promise((resolve) => socket.once('close', () => resolve()));
    socket.on('data', (bytes: Buffer) => this.receive(bytes));
    socket.on('error', () => this.shutdown());
    socket.on('close', () => this.shutdown());
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * RFC 4975 section 5.4: the active endpoint sends a SEND at once, bodiless when it has nothing
   * to say, so that the passive one can bind the connection to the session. Its 200 says the
   * PF knows the session; 481 that it does not.
   */
  async bind(timeoutMs: number): Promise<void> {
    const message = buildSend('', CPM_EVFW_CONTENT_TYPE, { toPath: [this.pfUri], fromPath: [this.ownPath] });
    const chunk = message.chunks[0]!;
    const status = await new Promise<number | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), timeoutMs);
      timer.unref();
      this.binding = {
        transactionId: chunk.transactionId,
        settle: (s) => {
          clearTimeout(timer);
          resolve(s);
        },
      };
      this.socket.write(chunk.bytes);
    });
    this.binding = undefined;
    if (status === 200) return;
    throw new SessionError(
      'evfw.session.refused',
      status === undefined ? `the Participating Function did not answer the first SEND in ${timeoutMs} ms${this.closed ? ' (the connection closed)' : ''}` : `the Participating Function answered the first SEND with ${status}`,
      status === 481 ? 'the session in the SDP answer is unknown or over: send a new INVITE' : 'check the SDP answer\'s a=path',
    );
  }

  async send(events: CpmEvfw, options: SendEventOptions = {}): Promise<EventResults> {
    if (this.closed) throw new SessionError('evfw.session.closed', 'the session is closed', 'open a new session (a new INVITE)');
    // serializeCpmEvfw throws ModelError for a value that does not fit the schema.
    const document = serializeCpmEvfw(events);
    const errors = validateCpmEvfw(document, { profile: 'invite' }).filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      const first = errors[0]!;
      throw new SessionError('evfw.session.invalid-events', `${first.code}: ${first.message}${first.path ? ` (at ${first.path})` : ''}`, first.hint);
    }
    const message = buildEventSend(document, { toPath: [this.pfUri], fromPath: [this.ownPath], ...(this.options.chunkSize ? { chunkSize: this.options.chunkSize } : {}) });
    const timeoutMs = options.timeoutMs ?? this.options.resultTimeoutMs ?? 30_000;
    const report = new PendingReport(events, message.messageId, new Set(message.chunks.map((c) => c.transactionId)), timeoutMs);
    this.pending.push(report);
    for (const chunk of message.chunks) this.socket.write(chunk.bytes);
    const results = await report.done;
    this.pending.splice(this.pending.indexOf(report), 1);
    return results;
  }

  async close(): Promise<void> {
    if (!this.socket.destroyed) {
      this.socket.end();
      // A peer that does not close its side within a second is cut.
      setTimeout(() => this.socket.destroy(), 1_000).unref();
    }
    this.shutdown();
    await this.ended;
  }

  private shutdown(): void {
    if (this.closed) return;
    this.closed = true;
    this.binding?.settle(undefined);
    for (const report of this.pending) report.finish('closed');
  }

  private receive(bytes: Buffer): void {
    let events: MsrpReadEvent[];
    try {
      events = this.reader.push(bytes);
    } catch {
      this.socket.destroy();
      return;
    }
    for (let i = 0; i < events.length; i++) {
      const event = events[i]!;
      switch (event.type) {
        case 'response': {
          if (this.binding?.transactionId === event.response.transactionId) {
            this.binding.settle(event.response.status);
            break;
          }
          if (event.response.status === 200) break;
          const report = this.pending.find((r) => r.transactionIds.has(event.response.transactionId));
          report?.finish('refused', { status: event.response.status, ...(event.response.comment ? { comment: event.response.comment } : {}) });
          break;
        }
        case 'request': {
          const next = events[i + 1];
          const completes = next?.type === 'message' && next.message.transactionIds.at(-1) === event.request.transactionId;
          if (completes) i++;
          this.request(event.request, completes ? next.message.contentType : undefined, completes ? next.message.body : undefined);
          break;
        }
        case 'error':
          if (event.fatal) {
            this.socket.destroy();
            return;
          }
          break;
        default:
          break;
      }
    }
  }

  private request(request: MsrpRequest, contentType: string | undefined, body: Uint8Array | undefined): void {
    if (request.method === 'REPORT') return;
    if (request.method !== 'SEND') return this.answer(request, 501);
    if (body === undefined) return this.answer(request, 200);
    const type = contentType?.split(';')[0]?.trim().toLowerCase();
    // The session offered message/cpim only, for IMDNs (D-76).
    if (type !== CPIM_CONTENT_TYPE) return this.answer(request, 415);
    this.answer(request, 200);
    const read = readImdn(body);
    if (!read.ok) {
      this.unreadable.push(read.error);
      return;
    }
    const id = read.imdn.messageId.trim();
    const report = this.pending.find((r) => !r.isSettled && r.messageIds.has(id));
    if (report) report.add(read.imdn);
    else this.unmatched.push(read.imdn);
  }

  private answer(request: MsrpRequest, status: number): void {
    if (!responseWanted(request, status) || !this.socket.writable) return;
    try {
      this.socket.write(buildResponse(request, status, { fromPath: this.ownPath }));
    } catch {
      // A request without paths: the reader refuses those before they get here.
    }
  }
}

