/**
 * The MSRP endpoint of the Participating Function for event reports sent with SIP INVITE
 * (OMA CPM 6.7.3.2): a TCP listener, passive as the answerer of RFC 6135 (`a=setup:passive`),
 * that hands each session a URI for the SDP answer and serves the client's connection to it.
 *
 *   const endpoint = await startMsrpEndpoint({ openStore: () => connectMessageStore(store) });
 *   const session = endpoint.newSession({ clientPath, ownAddress, clientAddress });
 *   // ... answer the INVITE with session.uri in a=path; on BYE: session.close()
 *   await endpoint.close();
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { CodedError, formatMsrpUri, ReassemblyBudget } from '@evfw/protocol';
import { resolveEndpointOptions, type MsrpEndpointOptions } from './endpoint-options.js';
import { MsrpConnection } from './msrp-connection.js';
import { SessionDirectory, type NewSessionOptions } from './session-directory.js';

export interface MsrpSessionHandle {
  readonly id: string;
  /** `msrp://host:port/<id>;tcp`: the `a=path` of the SDP answer. */
  readonly uri: string;
  /** Ends the session (a BYE, say) and closes its connection. Safe to call twice. */
  close(): void;
}

export interface MsrpEndpoint {
  readonly host: string;
  readonly port: number;
  /** Offers a new session; throws MsrpEndpointError when the session limit is reached. */
  newSession(options: NewSessionOptions): MsrpSessionHandle;
  /** Sessions offered and not ended. */
  readonly sessionCount: number;
  /** Stops listening and closes every session and connection. */
  close(): Promise<void>;
}

export type MsrpEndpointErrorCode = 'evfw.msrp-endpoint.too-many-sessions' | 'evfw.msrp-endpoint.invalid-option' | 'evfw.msrp-endpoint.closed';

export class MsrpEndpointError extends CodedError<MsrpEndpointErrorCode> {
  override readonly name = 'MsrpEndpointError';
}

/** Starts listening; resolves once the port is bound. */
export async function startMsrpEndpoint(options: MsrpEndpointOptions): Promise<MsrpEndpoint> {
  const resolved = resolveEndpointOptions(options);
  for (const name of ['maxConnections', 'maxSessions', 'idleTimeoutMs', 'bindTimeoutMs', 'maxQueuedReports', 'maxBufferedBytes'] as const) {
    if (!Number.isInteger(resolved[name]) || resolved[name] < 1) {
      throw new MsrpEndpointError('evfw.msrp-endpoint.invalid-option', `${name} ${resolved[name]} is not a positive whole number`);
    }
  }
  const connections = new Set<Socket>();
  // One for every connection: what they hold together is the process's to bound.
  const budget = new ReassemblyBudget(resolved.maxBufferedBytes);
  let port = 0;
  const directory = new SessionDirectory(resolved, (id) => formatMsrpUri({ scheme: 'msrp', host: resolved.host, port, sessionId: id, transport: 'tcp' }));
  const server: Server = createServer((socket) => {
    connections.add(socket);
    socket.on('close', () => connections.delete(socket));
    // Never let a socket error reach the process; the connection handles its own closing.
    socket.on('error', () => {});
    new MsrpConnection(socket, directory, resolved, budget);
  });
  server.maxConnections = resolved.maxConnections;
  server.on('error', (error) => resolved.onError?.(error));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, resolved.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  let closed = false;

  return {
    host: resolved.host,
    port,
    get sessionCount() {
      return directory.size;
    },
    newSession(sessionOptions) {
      if (closed) throw new MsrpEndpointError('evfw.msrp-endpoint.closed', 'newSession() was called after close()');
      const record = directory.open(sessionOptions);
      if (!record) {
        throw new MsrpEndpointError('evfw.msrp-endpoint.too-many-sessions', `${resolved.maxSessions} sessions are open`, 'answer the INVITE 486 Busy Here, or raise maxSessions');
      }
      return { id: record.id, uri: record.uri, close: () => void directory.close(record.id) };
    },
    async close() {
      if (closed) return;
      closed = true;
      directory.closeAll();
      for (const socket of connections) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
