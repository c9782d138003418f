/**
 * The Participating Function's SIP server: UDP and TCP listeners on one host and port, sharing
 * one request handler and its bounds.
 *
 *   const server = await startSipServer({ messageStore: { host, port: 143, user, password } });
 *   console.log(server.addresses);   // [{ transport: 'udp', host: '127.0.0.1', port: 40123 }, ...]
 *   await server.close();
 *
 * With port 0 the first transport takes any free port and the others are asked for the same
 * number, so a client reaches every transport at one address (a few tries if it is taken).
 */
import type { RequestContext } from './handle-request.js';
import { resolveLimits, type SipServerOptions, type SipTransport } from './options.js';
import { listenTcp } from './tcp-listener.js';
import { listenUdp } from './udp-listener.js';

export interface ListeningAddress {
  readonly transport: SipTransport;
  readonly host: string;
  readonly port: number;
}

export interface SipServer {
  readonly addresses: readonly ListeningAddress[];
  /** The port every transport listens on. */
  readonly port: number;
  /** Stops listening and closes open connections. Safe to call twice. */
  close(): Promise<void>;
}

export async function startSipServer(options: SipServerOptions): Promise<SipServer> {
  const host = options.host ?? '127.0.0.1';
  const transports: SipTransport[] = [...new Set<SipTransport>(options.transports ?? ['udp', 'tcp'])];
  if (transports.length === 0) throw new Error('startSipServer: no transport to listen on');
  const context: RequestContext = { options, limits: resolveLimits(options.limits), log: options.log ?? (() => {}), inFlight: 0 };
  for (let attempt = 1; ; attempt++) {
    const opened: { transport: SipTransport; port: number; close(): Promise<void> }[] = [];
    try {
      let port = options.port ?? 0;
      for (const transport of transports) {
        const listener = transport === 'udp' ? await listenUdp(host, port, context) : await listenTcp(host, port, context);
        opened.push({ transport, ...listener, close: listener.close });
        port = listener.port;
      }
      let closed: Promise<void> | undefined;
      return {
        addresses: opened.map((l) => ({ transport: l.transport, host, port: l.port })),
        port,
        close: () => (closed ??= Promise.all(opened.map((l) => l.close())).then(() => {})),
      };
    } catch (error) {
      await Promise.all(opened.map((l) => l.close()));
      const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
      // Only a port we picked ourselves is worth another try: a given one is the operator's choice.
      if (!inUse || (options.port ?? 0) !== 0 || attempt >= 5) throw error;
    }
  }
}
