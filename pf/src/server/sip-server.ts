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
import { startMsrpEndpoint, type MsrpEndpoint } from '../msrp/index.js';
import type { InviteContext, RequestContext } from './context.js';
import { DialogTable } from './dialogs.js';
import { describeOutcome, openStore } from './handle-message.js';
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
  /** The MSRP endpoint of the INVITE mechanism; absent when started with `msrp: false`. */
  readonly msrp?: { readonly host: string; readonly port: number };
  /** Stops listening and closes open connections. Safe to call twice. */
  close(): Promise<void>;
}

export async function startSipServer(options: SipServerOptions): Promise<SipServer> {
  const host = options.host ?? '127.0.0.1';
  const transports: SipTransport[] = [...new Set<SipTransport>(options.transports ?? ['udp', 'tcp'])];
  if (transports.length === 0) throw new Error('startSipServer: no transport to listen on');
  const context: RequestContext = { options, limits: resolveLimits(options.limits), log: options.log ?? (() => {}), inFlight: 0 };
  const endpoint = options.msrp === false ? undefined : await startMsrp(host, options, context);
  for (let attempt = 1; ; attempt++) {
    const opened: { transport: SipTransport; port: number; close(): Promise<void> }[] = [];
    try {
      let port = options.port ?? 0;
      for (const transport of transports) {
        const listener = transport === 'udp' ? await listenUdp(host, port, context) : await listenTcp(host, port, context);
        opened.push({ transport, ...listener, close: listener.close });
        port = listener.port;
      }
      if (endpoint !== undefined) context.invite = inviteContext(endpoint, host, port, options, context);
      let closed: Promise<void> | undefined;
      const closeAll = async (): Promise<void> => {
        await Promise.all(opened.map((l) => l.close()));
        context.invite?.dialogs.endAll();
        await endpoint?.close();
      };
      return {
        addresses: opened.map((l) => ({ transport: l.transport, host, port: l.port })),
        port,
        ...(endpoint === undefined ? {} : { msrp: { host: endpoint.host, port: endpoint.port } }),
        close: () => (closed ??= closeAll()),
      };
    } catch (error) {
      await Promise.all(opened.map((l) => l.close()));
      const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
      // Only a port we picked ourselves is worth another try: a given one is the operator's choice.
      if (!inUse || (options.port ?? 0) !== 0 || attempt >= 5) {
        await endpoint?.close();
        throw error;
      }
    }
  }
}

function startMsrp(host: string, options: SipServerOptions, context: RequestContext): Promise<MsrpEndpoint> {
  const msrp = options.msrp === false ? {} : options.msrp ?? {};
  return startMsrpEndpoint({
    host,
    ...msrp,
    ...(options.compat === undefined ? {} : { compat: options.compat }),
    openStore: () => openStore(options.messageStore),
    onReport: (report) => {
      if (report.compat !== undefined) context.log('info', `msrp ${report.sessionUri}: report ${report.messageId} ${report.compat}`);
      for (const o of report.outcomes) context.log(o.ok ? 'info' : 'warn', `msrp ${report.sessionUri}: ${describeOutcome(o)}`);
      const updated = report.outcomes.filter((o) => o.ok).length;
      const sent = report.results.filter((r) => r.succeeded).length;
      context.log(report.verdict === 'applied' ? 'info' : 'warn', `msrp ${report.sessionUri}: report ${report.messageId} ${report.verdict}${report.reason === undefined ? '' : ` (${report.reason})`}: ${updated} of ${report.outcomes.length} objects updated, ${report.results.length} IMDNs sent (${sent} positive)`);
      const fanOut = options.fanOut;
      if (fanOut !== undefined && report.events !== undefined) {
        // As for MESSAGE: not awaited, its errors logged (6.7.2.3 is FFS; the hook is the operator's).
        Promise.resolve()
          .then(() => fanOut(report.clientAddress, report.events!, report.outcomes))
          .catch((error: unknown) => context.log('error', `msrp ${report.sessionUri}: fan-out policy failed: ${(error as Error)?.message ?? String(error)}`));
      }
      msrp.onReport?.(report);
    },
    onError: (error) => {
      context.log('error', `msrp: ${(error as Error)?.message ?? String(error)}`);
      msrp.onError?.(error);
    },
  });
}

function inviteContext(endpoint: MsrpEndpoint, host: string, port: number, options: SipServerOptions, context: RequestContext): InviteContext {
  const hostPart = host.includes(':') ? `[${host}]` : host;
  const dialogs = new DialogTable(
    { maxDialogs: context.limits.maxDialogs, ackTimeoutMs: context.limits.ackTimeoutMs },
    (dialog, why) => {
      if (why !== 'bye') context.log(why === 'shutdown' ? 'info' : 'warn', `${dialog.callId}: event session ${dialog.session.uri} ended: ${DIALOG_ENDS[why]}`);
    },
  );
  return {
    endpoint,
    dialogs,
    ownAddress: options.ownAddress ?? `sip:${hostPart}:${port}`,
    contact: (transport) => `sip:${hostPart}:${port};transport=${transport}`,
  };
}

const DIALOG_ENDS = {
  bye: 'BYE',
  'no-ack': 'no ACK came for the 200 (RFC 3261 13.3.1.4)',
  unbound: 'nobody connected to its MSRP session in time',
  disconnected: 'its MSRP connection closed',
  idle: 'its MSRP connection was silent past the idle timeout',
  shutdown: 'the server is stopping',
} as const;
