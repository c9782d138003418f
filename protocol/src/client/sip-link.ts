/**
 * The socket under the client transport: one UDP socket connected to the peer, or one TCP
 * connection (RFC 3261 section 18). It turns bytes from the peer into parsed SIP messages and
 * nothing more; matching them to requests is sip-transport.ts's job.
 *
 * What the peer sends is untrusted. A datagram that does not parse is dropped. On TCP a message
 * that parses but lacks a mandatory header field is dropped too (its length is known, so the
 * stream stays in step); bytes that cannot be framed at all (no start line, a bad
 * Content-Length, more than the limits allow) leave no way to find the next message, so the
 * link fails with `evfw.client.transport` and the connection is closed.
 */
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createConnection, type Socket as TcpSocket } from 'node:net';
import { checkMandatoryHeaders } from '../sip/check-mandatory-headers.js';
import { parseSipMessage } from '../sip/parse-sip-message.js';
import type { SipLimits } from '../sip/sip-limits.js';
import type { SipMessage } from '../sip/sip-message.js';
import { ClientError } from './client-error.js';

export interface SipPeer {
  readonly host: string;
  readonly port: number;
  readonly transport: 'udp' | 'tcp';
}

/** This side's address, for the Via sent-by and the Contact. */
export interface LocalAddress {
  readonly host: string;
  readonly port: number;
}

export interface SipLink {
  readonly localAddress: LocalAddress;
  /** TCP: requests are not retransmitted (RFC 3261 17.1.1.2, 17.1.2.2). */
  readonly reliable: boolean;
  write(bytes: Uint8Array): void;
  close(): Promise<void>;
}

export interface LinkEvents {
  message(message: SipMessage): void;
  /** Called once; the link is closed by then. */
  failed(error: ClientError): void;
}

export function openSipLink(peer: SipPeer, limits: SipLimits, connectTimeoutMs: number, events: LinkEvents): Promise<SipLink> {
  return peer.transport === 'udp' ? openUdpLink(peer, limits, events) : openTcpLink(peer, limits, connectTimeoutMs, events);
}

export function describePeer(peer: SipPeer): string {
  return `${peer.host.includes(':') ? `[${peer.host}]` : peer.host}:${peer.port} over ${peer.transport.toUpperCase()}`;
}

function transportError(peer: SipPeer, why: string): ClientError {
  return new ClientError('evfw.client.transport', `${describePeer(peer)}: ${why}`, 'check that the Participating Function runs at that address and transport');
}

function openUdpLink(peer: SipPeer, limits: SipLimits, events: LinkEvents): Promise<SipLink> {
  return new Promise((resolve, reject) => {
    const socket: UdpSocket = createSocket(peer.host.includes(':') ? 'udp6' : 'udp4');
    let open = false;
    let closed = false;
    const close = (): Promise<void> =>
      new Promise((done) => {
        if (closed) return done();
        closed = true;
        socket.close(() => done());
      });
    socket.on('error', (error) => {
      if (!open) {
        void close();
        return reject(transportError(peer, error.message));
      }
      // An ICMP port unreachable shows here as ECONNREFUSED on a connected socket.
      void close().then(() => events.failed(transportError(peer, error.message)));
    });
    socket.on('message', (datagram) => {
      const parsed = parseSipMessage(datagram, { transport: 'datagram', limits });
      if (parsed.ok) events.message(parsed.value);
    });
    // A connected socket has a real local address for the Via and hears only from the peer.
    // Node hands a failed lookup to the callback, not to 'error' (its typings omit the argument).
    const connected = (error?: Error): void => {
      if (error) {
        void close();
        return reject(transportError(peer, error.message));
      }
      open = true;
      const local = socket.address();
      resolve({
        localAddress: { host: local.address, port: local.port },
        reliable: false,
        write: (bytes) => {
          if (!closed) socket.send(bytes);
        },
        close,
      });
    };
    socket.connect(peer.port, peer.host, connected as () => void);
  });
}

function openTcpLink(peer: SipPeer, limits: SipLimits, connectTimeoutMs: number, events: LinkEvents): Promise<SipLink> {
  return new Promise((resolve, reject) => {
    const socket: TcpSocket = createConnection({ host: peer.host, port: peer.port });
    let buffer: Buffer = Buffer.alloc(0);
    let open = false;
    let failed = false;
    const timer = setTimeout(() => {
      socket.destroy();
      reject(transportError(peer, `no connection within ${connectTimeoutMs} ms`));
    }, connectTimeoutMs);
    const fail = (why: string): void => {
      if (failed) return;
      failed = true;
      socket.destroy();
      if (open) events.failed(transportError(peer, why));
      else {
        clearTimeout(timer);
        reject(transportError(peer, why));
      }
    };
    socket.on('error', (error) => fail(error.message));
    socket.on('close', () => fail('the connection closed'));
    socket.on('data', (chunk: Buffer) => {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      const why = drain();
      if (why !== undefined) fail(why);
    });
    socket.on('connect', () => {
      clearTimeout(timer);
      open = true;
      resolve({
        localAddress: { host: socket.localAddress ?? '127.0.0.1', port: socket.localPort ?? 0 },
        reliable: true,
        write: (bytes) => {
          if (!failed) socket.write(bytes);
        },
        close: () =>
          new Promise((done) => {
            failed = true;
            if (socket.destroyed) return done();
            socket.once('close', () => done());
            socket.destroy();
          }),
      });
    });

    /** Hands on every whole message in the buffer; returns why the stream is lost, if it is. */
    function drain(): string | undefined {
      while (!failed && buffer.length > 0) {
        const parsed = parseSipMessage(buffer, { transport: 'stream', limits, requireMandatoryHeaders: false });
        if (!parsed.ok) {
          const { code, message, offset } = parsed.error;
          if (code === 'evfw.sip.message.keepalive') {
            buffer = buffer.subarray(offset ?? buffer.length);
            continue;
          }
          if (code !== 'evfw.sip.message.incomplete') return `the peer sent bytes that are not SIP (${code}: ${message})`;
          // Whole messages are at most maxMessageBytes; more waiting is CRLF padding or abuse.
          if (buffer.length > limits.maxMessageBytes) return `more than ${limits.maxMessageBytes} bytes without a whole message`;
          return undefined;
        }
        buffer = buffer.subarray(parsed.length);
        if (checkMandatoryHeaders(parsed.value) === undefined) events.message(parsed.value);
      }
      return undefined;
    }
  });
}
