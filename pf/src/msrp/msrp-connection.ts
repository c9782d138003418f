/**
 * One TCP connection to the MSRP endpoint. The client is the active side (RFC 4975 section
 * 5.4, RFC 6135): it connects and speaks first, and the To-Path of its first request binds the
 * connection to a session; an unknown session is answered 481 and the connection closed
 * (section 7.3). Then each SEND chunk is answered, and each complete event report is judged,
 * applied and answered with IMDNs in order, on this same connection.
 */
import type { Socket } from 'node:net';
import { buildImdnSend, buildResponse, headerValue, isIdent, MsrpReader, pathUris, responseWanted, sameMsrpUri, type MsrpMessage, type MsrpReadEvent, type MsrpRequest, type ReassemblyBudget, type ResultImdn } from '@evfw/protocol';
import type { ResolvedEndpointOptions } from './endpoint-options.js';
import { applyReport, judgeReport, rejectReport, type ReportVerdict } from './event-report.js';
import type { SessionEnd, SessionRecord } from './session-directory.js';
import { responseComment, statusResponse } from './status-response.js';

export interface SessionBinder {
  /** The session a first request's paths name, or the status to refuse it with (400, 481, 506). */
  bind(toPath: string, fromPath: readonly string[], connection: MsrpConnection): SessionRecord | 400 | 481 | 506;
  /** The connection closed: its session ends, `why` says how. */
  release(session: SessionRecord, connection: MsrpConnection, why: SessionEnd): void;
}

export class MsrpConnection {
  private readonly reader: MsrpReader;
  private session: SessionRecord | undefined;
  private closed = false;
  private queued = 0;
  private tail: Promise<void> = Promise.resolve();
  /**
   * Events read but not handled yet: handling stops while maxQueuedReports reports wait for
   * the store, and the socket is not read meanwhile, so a fast client cannot pile up work.
   */
  private backlog: MsrpReadEvent[] = [];

  constructor(
    private readonly socket: Socket,
    private readonly binder: SessionBinder,
    private readonly options: ResolvedEndpointOptions,
    budget?: ReassemblyBudget,
  ) {
    this.reader = new MsrpReader(options.limits, budget === undefined ? {} : { budget });
    socket.setTimeout(options.idleTimeoutMs, () => this.close(false, 'idle'));
    socket.on('data', (bytes: Buffer) => this.receive(bytes));
    socket.on('end', () => this.close());
    socket.on('error', () => this.close());
    socket.on('close', () => this.close());
  }

  /**
   * Closes the connection; the session it carried ends with it, and the chunks of unfinished
   * messages are dropped at once (the budget they count against is the whole process's).
   * `graceful`: what was written is flushed first, and a peer that keeps its side open is cut
   * after a second.
   */
  close(graceful = false, why: SessionEnd = 'disconnected'): void {
    if (this.closed) return;
    this.closed = true;
    this.backlog = [];
    this.reader.dispose();
    if (this.session) this.binder.release(this.session, this, why);
    if (!graceful) {
      this.socket.destroy();
      return;
    }
    this.socket.end();
    setTimeout(() => this.socket.destroy(), 1_000).unref();
  }

  private receive(bytes: Buffer): void {
    if (this.closed) return;
    try {
      this.backlog.push(...this.reader.push(bytes));
      this.drain();
    } catch (error) {
      // Neither the reader nor the handling is meant to throw; if they do, this connection is
      // done, not the PF.
      this.options.onError?.(error);
      this.close();
    }
  }

  private drain(): void {
    while (this.backlog.length > 0 && !this.closed && this.queued < this.options.maxQueuedReports) {
      const event = this.backlog.shift()!;
      if (event.type === 'request') {
        const next = this.backlog[0];
        // The chunk that completes a message is answered after its body is judged.
        const completes = next?.type === 'message' && next.message.transactionIds.at(-1) === event.request.transactionId;
        if (completes) this.backlog.shift();
        this.request(event.request, completes ? next.message : undefined);
      } else if (event.type === 'error') {
        const { error, fatal } = event;
        const session = this.session;
        if (!session) {
          // Nothing readable before the binding: not an MSRP peer of ours.
          this.close();
          return;
        }
        const tid = error.transactionId;
        if (tid !== undefined && isIdent(tid) && session.peerPath) {
          this.write(statusResponse(tid, error.status, session.peerPath, session.uri));
        }
        if (fatal) {
          this.close(true);
          return;
        }
      } else if (!this.session) {
        // A response or a message before any request.
        this.close();
        return;
      }
      // Responses (to the IMDN SENDs) and aborted messages need nothing.
    }
  }

  private request(request: MsrpRequest, message: MsrpMessage | undefined): void {
    const toPath = pathUris(headerValue(request, 'To-Path'))[0] ?? '';
    if (!this.session) {
      const bound = this.binder.bind(toPath, pathUris(headerValue(request, 'From-Path')), this);
      if (typeof bound === 'number') {
        this.answer(request, bound);
        this.close(true);
        return;
      }
      this.session = bound;
    }
    const session = this.session;
    if (!sameMsrpUri(toPath, session.uri)) {
      this.answer(request, 481);
      return;
    }
    // REPORT requests are never answered (RFC 4975 section 7.1.2); Success-Reports are not asked for.
    if (request.method === 'REPORT') return;
    if (request.method !== 'SEND') {
      this.answer(request, 501);
      return;
    }
    if (!message) {
      this.answer(request, 200);
      return;
    }
    const verdict = judgeReport(message, this.options.compat);
    if (verdict.kind === 'empty') {
      this.answer(request, 200);
      return;
    }
    this.answer(request, verdict.kind === 'refuse' ? verdict.status : 200, verdict.kind === 'refuse' ? responseComment(verdict.reason) : undefined);
    this.enqueue(session, message, verdict);
  }

  private enqueue(session: SessionRecord, message: MsrpMessage, verdict: Exclude<ReportVerdict, { kind: 'empty' }>): void {
    this.queued++;
    if (this.queued >= this.options.maxQueuedReports) this.socket.pause();
    this.tail = this.tail
      .then(() => this.report(session, message, verdict))
      .catch((error: unknown) => this.options.onError?.(error))
      .finally(() => {
        this.queued--;
        if (this.closed) return;
        try {
          this.drain();
        } catch (error) {
          this.options.onError?.(error);
          this.close();
          return;
        }
        if (this.queued < this.options.maxQueuedReports && this.backlog.length === 0) this.socket.resume();
      });
  }

  private async report(session: SessionRecord, message: MsrpMessage, verdict: Exclude<ReportVerdict, { kind: 'empty' }>): Promise<void> {
    const addresses = { pfAddress: session.ownAddress, clientAddress: session.clientAddress };
    let imdns: readonly ResultImdn[] = [];
    let outcomes: Awaited<ReturnType<typeof applyReport>>['outcomes'] = [];
    if (verdict.kind === 'apply') {
      ({ imdns, outcomes } = await applyReport(verdict.event, this.options.openStore, addresses, this.options.onError));
    } else if (verdict.kind === 'reject') {
      imdns = rejectReport(verdict.messageIds, addresses);
    }
    // A session that did not ask for results (a sendonly offer, no IMDN) gets none.
    if (!session.returnResults) imdns = [];
    for (const imdn of imdns) {
      if (this.closed) break;
      const send = buildImdnSend(imdn.cpim, { toPath: message.fromPath, fromPath: [session.uri], ...(this.options.chunkSize ? { chunkSize: this.options.chunkSize } : {}) });
      for (const chunk of send.chunks) this.write(chunk.bytes);
    }
    this.options.onReport?.({
      sessionUri: session.uri,
      clientAddress: session.clientAddress,
      messageId: message.messageId,
      verdict: verdict.kind === 'apply' ? 'applied' : verdict.kind === 'reject' ? 'rejected' : 'refused',
      status: verdict.kind === 'refuse' ? verdict.status : 200,
      ...(verdict.kind === 'apply' ? { events: verdict.event, ...(verdict.compat === undefined ? {} : { compat: verdict.compat }) } : { reason: verdict.reason }),
      outcomes,
      results: imdns.map((r) => ({ messageId: r.messageId, succeeded: r.succeeded })),
    });
  }

  private answer(request: MsrpRequest, status: number, comment?: string): void {
    if (!responseWanted(request, status)) return;
    try {
      this.write(buildResponse(request, status, comment === undefined ? {} : { comment }));
    } catch (error) {
      // A request without paths to answer along: the reader refuses those, so this is a bug.
      this.options.onError?.(error);
    }
  }

  private write(bytes: Uint8Array): void {
    if (this.socket.writable) this.socket.write(bytes);
  }
}
