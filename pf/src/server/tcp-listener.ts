/**
 * SIP over TCP (RFC 3261 18.3): messages back to back on a connection, framed by Content-Length,
 * arriving in reads of any size. Each connection is handled one message at a time (reading pauses
 * while a request is handled), so a connection holds at most one message and a partial one in
 * memory. Connections are bounded in number and closed after a silence; a framing error, after
 * which the stream cannot be split into messages, is answered 400 if possible and closes it.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { DEFAULT_SIP_LIMITS, encodeSipMessage, parseSipMessage, stampTopVia, type TransportSource } from '@evfw/protocol';
import { handleParseFailure, handleRequest, type Handled, type RequestContext } from './handle-request.js';

export interface TcpListener {
  readonly port: number;
  close(): Promise<void>;
}

export async function listenTcp(host: string, port: number, context: RequestContext): Promise<TcpListener> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    if (sockets.size >= context.limits.maxConnections) {
      context.log('warn', `tcp ${socket.remoteAddress}:${socket.remotePort}: refused, ${sockets.size} connections open (limit ${context.limits.maxConnections})`);
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    serveConnection(socket, context);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => context.log('error', `tcp: ${error.message}`));
  const address = server.address();
  return {
    port: typeof address === 'object' && address !== null ? address.port : port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function serveConnection(socket: Socket, context: RequestContext): void {
  const peer = `${socket.remoteAddress}:${socket.remotePort}`;
  // The connection's far end: stamped into each request's top Via (received, rport) as over UDP.
  // RFC 3581 does not limit rport to UDP, and a client learns the same thing from it on TCP.
  const source: TransportSource = { address: socket.remoteAddress ?? '', port: socket.remotePort ?? 0 };
  const maxBuffered = context.limits.sip.maxMessageBytes ?? DEFAULT_SIP_LIMITS.maxMessageBytes;
  let buffer: Buffer = Buffer.alloc(0);
  let busy = false;
  socket.setTimeout(context.limits.idleTimeoutMs, () => {
    context.log('info', `tcp ${peer}: closed after ${context.limits.idleTimeoutMs} ms of silence`);
    socket.destroy();
  });
  socket.on('error', (error) => context.log('info', `tcp ${peer}: ${error.message}`));
  socket.on('data', (chunk) => {
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
    // A single message is bounded by the parser; this bounds what piles up behind it.
    if (buffer.length > 2 * maxBuffered + 65_536) {
      context.log('warn', `tcp ${peer}: closed, ${buffer.length} bytes unread`);
      socket.destroy();
      return;
    }
    if (!busy) void drain();
  });

  const drain = async (): Promise<void> => {
    busy = true;
    socket.pause();
    try {
      while (!socket.destroyed && buffer.length > 0) {
        const parsed = parseSipMessage(buffer, { transport: 'stream', limits: context.limits.sip });
        if (!parsed.ok) {
          const { code, offset } = parsed.error;
          if (code === 'evfw.sip.message.incomplete') break;
          if (code === 'evfw.sip.message.keepalive') {
            // RFC 5626 4.4.1: a CRLF CRLF ping is answered with one CRLF pong.
            const dropped = offset ?? buffer.length;
            if (dropped >= 4) write(socket, Buffer.from('\r\n'));
            buffer = buffer.subarray(dropped);
            continue;
          }
          // The stream cannot be split into messages any more: answer if possible, then close.
          const handled = handleParseFailure(buffer, parsed.error, context, source);
          if (handled.kind === 'respond') reply(socket, handled, peer, context);
          else context.log('info', `tcp ${peer}: ${handled.why}`);
          socket.end();
          buffer = Buffer.alloc(0);
          break;
        }
        buffer = buffer.subarray(parsed.length);
        const message = parsed.value.kind === 'request' ? stampTopVia(parsed.value, source) : parsed.value;
        if (message.kind === 'request') context.log('info', `tcp ${peer}: ${message.method} ${message.uri}`);
        const handled = await handleRequest(message, context);
        if (handled.kind === 'respond') reply(socket, handled, peer, context);
        else context.log('info', `tcp ${peer}: ignored ${handled.why}`);
      }
    } catch (error) {
      context.log('error', `tcp ${peer}: ${(error as Error)?.stack ?? String(error)}`);
      socket.destroy();
    } finally {
      busy = false;
      if (!socket.destroyed) socket.resume();
    }
  };
}

function reply(socket: Socket, handled: Extract<Handled, { kind: 'respond' }>, peer: string, context: RequestContext): void {
  try {
    write(socket, encodeSipMessage(handled.response));
    context.log('info', `tcp ${peer}: ${handled.response.status} ${handled.response.reason}`);
  } catch (error) {
    context.log('error', `tcp ${peer}: cannot write the response: ${(error as Error).message}`);
  }
}

function write(socket: Socket, bytes: Uint8Array): void {
  if (!socket.destroyed && socket.writable) socket.write(bytes);
}
