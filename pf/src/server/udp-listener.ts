/**
 * SIP over UDP (RFC 3261 18.2): one message per datagram. Responses go back to the datagram's
 * source address and port, as RFC 3581 (rport) has them, which is where every client on a
 * loopback or behind a NAT listens. Retransmitted requests are absorbed (transactions.ts).
 */
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { isIPv6 } from 'node:net';
import { encodeSipMessage, parseSipMessage, stampTopVia, type SipMessage, type SipRequest } from '@evfw/protocol';
import { handleParseFailure, handleRequest, type Handled, type RequestContext } from './handle-request.js';
import { AckWait } from './ack-wait.js';
import { TransactionCache } from './transactions.js';

export interface UdpListener {
  readonly port: number;
  close(): Promise<void>;
}

export async function listenUdp(host: string, port: number, context: RequestContext): Promise<UdpListener> {
  const socket = createSocket({ type: isIPv6(host) ? 'udp6' : 'udp4' });
  const transactions = new TransactionCache(context.limits.maxTransactions, context.limits.transactionTtlMs);
  const acks = new AckWait(context.limits.maxDialogs, context.limits.ackTimeoutMs);
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, host, () => {
      socket.off('error', reject);
      resolve();
    });
  });
  // After binding, a send error (an unreachable peer) is logged, never fatal.
  socket.on('error', (error) => context.log('warn', `udp: ${error.message}`));
  socket.on('message', (datagram, from) => {
    void onDatagram(socket, datagram, from, { transactions, acks }, context).catch((error: unknown) =>
      context.log('error', `udp: ${(error as Error)?.stack ?? String(error)}`),
    );
  });
  const bound = socket.address().port;
  return {
    port: bound,
    close: () => {
      acks.stopAll();
      return new Promise<void>((resolve) => socket.close(() => resolve()));
    },
  };
}

interface UdpState {
  readonly transactions: TransactionCache;
  readonly acks: AckWait;
}

async function onDatagram(socket: Socket, datagram: Buffer, from: RemoteInfo, { transactions, acks }: UdpState, context: RequestContext): Promise<void> {
  const peer = `${from.address}:${from.port}`;
  // A bare CRLF keep-alive (RFC 5626 4.4.2 uses STUN on UDP, but CRLFs are seen): nothing to do.
  if (datagram.every((b) => b === 0x0d || b === 0x0a)) return;
  const parsed = parseSipMessage(datagram, { transport: 'datagram', limits: context.limits.sip });
  const source = { address: from.address, port: from.port };
  let handled: Handled;
  let request: SipRequest | undefined;
  if (!parsed.ok) {
    handled = handleParseFailure(datagram, parsed.error, context, source);
  } else {
    // RFC 3261 18.2.1 and RFC 3581: received and rport in the top Via, so every response has them.
    const message: SipMessage = parsed.value.kind === 'request' ? stampTopVia(parsed.value, source) : parsed.value;
    if (message.kind === 'request' && message.method === 'ACK') acks.acknowledged(message);
    if (message.kind === 'request' && message.method !== 'ACK') {
      request = message;
      const seen = transactions.begin(request);
      if (seen.kind === 'pending') return;
      if (seen.kind === 'repeat') {
        send(socket, seen.response, from, context);
        return;
      }
      context.log('info', `udp ${peer}: ${request.method} ${request.uri}`);
    }
    handled = await handleRequest(message, context);
  }
  if (handled.kind === 'ignore') {
    if (request !== undefined) transactions.abandon(request);
    context.log('info', `udp ${peer}: ignored ${handled.why}`);
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = encodeSipMessage(handled.response);
  } catch (error) {
    if (request !== undefined) transactions.abandon(request);
    context.log('error', `udp ${peer}: cannot write the response: ${(error as Error).message}`);
    return;
  }
  if (request !== undefined) transactions.complete(request, bytes);
  context.log('info', `udp ${peer}: ${handled.response.status} ${handled.response.reason}`);
  send(socket, bytes, from, context);
  if (handled.request.method === 'INVITE' && handled.response.status >= 200 && handled.response.status < 300) {
    acks.start(handled.request, () => send(socket, bytes, from, context));
  }
}

function send(socket: Socket, bytes: Uint8Array, to: RemoteInfo, context: RequestContext): void {
  const failed = (error: Error | null): void => {
    if (error) context.log('warn', `udp: cannot answer ${to.address}:${to.port}: ${error.message}`);
  };
  try {
    socket.send(bytes, to.port, to.address, failed);
  } catch (error) {
    // The socket was closed while the request was handled (the server is stopping).
    failed(error as Error);
  }
}
