/**
 * The sessions an MSRP endpoint has offered (in SDP answers) and not yet closed. A session is
 * carried by one connection at most: a second one is refused 506 (RFC 4975 section 10). It
 * ends when its connection closes, when the signalling closes it (a BYE), or when nobody
 * connects to it in time.
 */
import { newIdent, parseMsrpUri, pathUris, sameMsrpUri } from '@evfw/protocol';
import type { MsrpConnection, SessionBinder } from './msrp-connection.js';

export interface NewSessionOptions {
  /**
   * The client's MSRP path from its SDP offer (`a=path`), when known: the first request's
   * From-Path must then end with it (RFC 4975 section 7.3).
   */
  readonly clientPath?: string | readonly string[];
  /** The Participating Function's own address, the CPIM From of the IMDNs (6.7.3.2 item 3 a). */
  readonly ownAddress: string;
  /** The reporting user's address, the CPIM To of the IMDNs. */
  readonly clientAddress: string;
  /**
   * Whether the session carries results back (6.7.3.2 item 1 b ii and iii): the offer accepts
   * CPIM-wrapped IMDN and its direction lets the PF send. Default true. When false, reports are
   * still applied, and nothing is sent back but MSRP responses.
   */
  readonly returnResults?: boolean;
  /**
   * Told once when the session ends by itself, not by `close`: nobody connected in time
   * (`unbound`), its connection closed (`disconnected`) or fell silent (`idle`). The SIP
   * dialog that offered it ends then too.
   */
  readonly onEnd?: (why: SessionEnd) => void;
}

export type SessionEnd = 'unbound' | 'disconnected' | 'idle';

export interface SessionRecord {
  readonly id: string;
  /** This endpoint's MSRP URI for the session, for the SDP answer's `a=path`. */
  readonly uri: string;
  readonly ownAddress: string;
  readonly clientAddress: string;
  readonly returnResults: boolean;
  readonly clientPath?: readonly string[];
  readonly onEnd?: (why: SessionEnd) => void;
  /** The From-Path of the first request: where error responses without a request go. */
  peerPath?: string;
  connection?: MsrpConnection;
  timer?: NodeJS.Timeout;
}

export class SessionDirectory implements SessionBinder {
  private readonly sessions = new Map<string, SessionRecord>();

  constructor(
    private readonly limits: { readonly maxSessions: number; readonly bindTimeoutMs: number },
    private readonly endpointUri: (sessionId: string) => string,
  ) {}

  get size(): number {
    return this.sessions.size;
  }

  open(options: NewSessionOptions): SessionRecord | undefined {
    if (this.sessions.size >= this.limits.maxSessions) return undefined;
    const id = newIdent();
    const clientPath = options.clientPath === undefined ? undefined : typeof options.clientPath === 'string' ? pathUris(options.clientPath) : [...options.clientPath];
    const record: SessionRecord = {
      id,
      uri: this.endpointUri(id),
      ownAddress: options.ownAddress,
      clientAddress: options.clientAddress,
      returnResults: options.returnResults ?? true,
      ...(clientPath ? { clientPath } : {}),
      ...(options.onEnd ? { onEnd: options.onEnd } : {}),
    };
    record.timer = setTimeout(() => {
      if (!record.connection && this.sessions.delete(id)) record.onEnd?.('unbound');
    }, this.limits.bindTimeoutMs);
    record.timer.unref();
    this.sessions.set(id, record);
    return record;
  }

  /** Ends a session, closing its connection if it has one. */
  close(id: string): boolean {
    const record = this.sessions.get(id);
    if (!record) return false;
    this.sessions.delete(id);
    clearTimeout(record.timer);
    record.connection?.close();
    return true;
  }

  closeAll(): void {
    for (const id of [...this.sessions.keys()]) this.close(id);
  }

  bind(toPath: string, fromPath: readonly string[], connection: MsrpConnection): SessionRecord | 400 | 481 | 506 {
    const uri = parseMsrpUri(toPath);
    const record = uri ? this.sessions.get(uri.sessionId) : undefined;
    if (!record || !sameMsrpUri(record.uri, toPath)) return 481;
    const sender = fromPath.at(-1);
    // The IMDNs go back along the From-Path: it must be one this endpoint can write.
    if (sender === undefined || !fromPath.every((u) => parseMsrpUri(u))) return 400;
    if (record.clientPath && !sameMsrpUri(record.clientPath.at(-1) ?? '', sender)) return 481;
    if (record.connection) return 506;
    record.connection = connection;
    record.peerPath = fromPath[0];
    clearTimeout(record.timer);
    return record;
  }

  release(session: SessionRecord, connection: MsrpConnection, why: SessionEnd): void {
    if (session.connection !== connection) return;
    // Whoever holds the record (a dialog's handle) must not keep the connection's memory.
    session.connection = undefined;
    // A session closed by `close` (a BYE) is already gone: nobody needs telling.
    if (this.sessions.get(session.id) === session) {
      this.sessions.delete(session.id);
      session.onEnd?.(why);
    }
  }
}
