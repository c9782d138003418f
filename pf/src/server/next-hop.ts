/**
 * Requests that carry an IARI go on to a configured next hop (6.7.1: the application's own
 * function handles its events). This is a small relay, not a full proxy: the request is sent with
 * a Via of ours on top and Max-Forwards decremented, the first final response is taken back,
 * our Via removed, and handed to the caller to send to the client. One socket per forwarded
 * request, so responses never need to be matched across requests.
 */
import { createSocket } from 'node:dgram';
import { createConnection } from 'node:net';
import {
  cryptoRandom,
  encodeSipMessage,
  getHeader,
  getHeaders,
  newBranch,
  parseParams,
  parseSipMessage,
  withHeader,
  type SipLimits,
  type SipRequest,
  type SipResponse,
} from '@evfw/protocol';

export interface NextHop {
  readonly host: string;
  readonly port: number;
  readonly transport: 'udp' | 'tcp';
}

/**
 * Reads `sip:host[:port][;transport=tcp]` or `host[:port]` (port 5060, UDP by default). Undefined
 * when the text names no host or a bad port.
 */
export function parseNextHop(text: string): NextHop | undefined {
  const { value, params } = parseParams(text.trim().replace(/^sips?:/i, ''));
  const transport = (params.get('transport') ?? 'udp')?.toLowerCase();
  if (transport !== 'udp' && transport !== 'tcp') return undefined;
  const m = /^(?:\[([0-9A-Fa-f:.]+)\]|([^:[\]@\s]+))(?::(\d{1,5}))?$/.exec(value.replace(/^[^@]*@/, ''));
  if (m === null) return undefined;
  const port = m[3] === undefined ? 5060 : Number(m[3]);
  if (port < 1 || port > 65_535) return undefined;
  return { host: (m[1] ?? m[2])!, port, transport };
}

export function formatNextHop(hop: NextHop): string {
  const host = hop.host.includes(':') ? `[${hop.host}]` : hop.host;
  return `sip:${host}:${hop.port};transport=${hop.transport}`;
}

export type ForwardResult =
  | { readonly ok: true; readonly response: SipResponse }
  | { readonly ok: false; readonly status: 483 | 502 | 504; readonly why: string };

/** Sends `request` to `hop` and resolves with its final response, our Via removed. Never rejects. */
export async function forwardRequest(request: SipRequest, hop: NextHop, timeoutMs: number, limits: Partial<SipLimits>): Promise<ForwardResult> {
  const maxForwards = Number(getHeader(request, 'Max-Forwards') ?? '70');
  if (!Number.isInteger(maxForwards) || maxForwards <= 0) {
    return { ok: false, status: 483, why: 'Max-Forwards is 0: the request cannot be forwarded to the next hop' };
  }
  const branch = newBranch(cryptoRandom);
  const prepare = (sentBy: string): Uint8Array => {
    const via = `SIP/2.0/${hop.transport.toUpperCase()} ${sentBy};branch=${branch};rport`;
    const forwarded: SipRequest = withHeader(
      { ...request, headers: [{ name: 'Via', value: via }, ...request.headers] },
      'Max-Forwards',
      String(maxForwards - 1),
    );
    return encodeSipMessage(forwarded);
  };
  const accept = (response: SipResponse): SipResponse | undefined => {
    const [top] = getHeaders(response, 'Via');
    if (top === undefined || parseParams(top).params.get('branch') !== branch) return undefined;
    return { ...response, headers: dropFirstVia(response) };
  };
  try {
    return hop.transport === 'udp' ? await overUdp(hop, prepare, accept, timeoutMs, limits) : await overTcp(hop, prepare, accept, timeoutMs, limits);
  } catch (error) {
    return { ok: false, status: 502, why: `the next hop ${formatNextHop(hop)} could not be reached: ${(error as Error).message}` };
  }
}

function dropFirstVia(response: SipResponse): SipResponse['headers'] {
  let dropped = false;
  return response.headers.filter((h) => {
    if (dropped || h.name !== 'Via') return true;
    dropped = true;
    return false;
  });
}

type Prepare = (sentBy: string) => Uint8Array;
type Accept = (response: SipResponse) => SipResponse | undefined;

function hostPort(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

function timedOut(hop: NextHop, timeoutMs: number): ForwardResult {
  return { ok: false, status: 504, why: `the next hop ${formatNextHop(hop)} sent no final response within ${timeoutMs} ms` };
}

function overUdp(hop: NextHop, prepare: Prepare, accept: Accept, timeoutMs: number, limits: Partial<SipLimits>): Promise<ForwardResult> {
  return new Promise((resolve, reject) => {
    const socket = createSocket(hop.host.includes(':') ? 'udp6' : 'udp4');
    const timers: NodeJS.Timeout[] = [];
    let done = false;
    const finish = (result: ForwardResult | Error): void => {
      if (done) return;
      done = true;
      for (const t of timers) clearTimeout(t);
      socket.close();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    socket.on('error', (error) => finish(error));
    socket.on('message', (datagram) => {
      const parsed = parseSipMessage(datagram, { transport: 'datagram', limits });
      if (!parsed.ok || parsed.value.kind !== 'response' || parsed.value.status < 200) return;
      const response = accept(parsed.value);
      if (response !== undefined) finish({ ok: true, response });
    });
    // A connected socket has a real local address for the Via, and hears only from the next hop.
    socket.connect(hop.port, hop.host, () => {
      const local = socket.address();
      const bytes = prepare(hostPort(local.address, local.port));
      // Retransmit as a UDP client transaction does (RFC 3261 17.1.2.2, T1 = 500 ms, doubling).
      const send = (): void => socket.send(bytes);
      send();
      for (let at = 500, step = 500; at < timeoutMs; step = Math.min(step * 2, 4_000), at += step) timers.push(setTimeout(send, at));
      timers.push(setTimeout(() => finish(timedOut(hop, timeoutMs)), timeoutMs));
    });
  });
}

function overTcp(hop: NextHop, prepare: Prepare, accept: Accept, timeoutMs: number, limits: Partial<SipLimits>): Promise<ForwardResult> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: hop.host, port: hop.port });
    let buffer = Buffer.alloc(0);
    const timer = setTimeout(() => finish(timedOut(hop, timeoutMs)), timeoutMs);
    let done = false;
    const finish = (result: ForwardResult | Error): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    socket.on('error', (error) => finish(error));
    socket.on('connect', () => socket.write(prepare(hostPort(socket.localAddress ?? '127.0.0.1', socket.localPort ?? 0))));
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (done) return;
        const parsed = parseSipMessage(buffer, { transport: 'stream', limits });
        if (!parsed.ok) {
          if (parsed.error.code === 'evfw.sip.message.incomplete') return;
          if (parsed.error.code === 'evfw.sip.message.keepalive') {
            buffer = buffer.subarray(parsed.error.offset ?? buffer.length);
            continue;
          }
          finish(new Error(`its answer is not SIP (${parsed.error.code}: ${parsed.error.message})`));
          return;
        }
        buffer = buffer.subarray(parsed.length);
        if (parsed.value.kind === 'response' && parsed.value.status >= 200) {
          const response = accept(parsed.value);
          if (response !== undefined) return finish({ ok: true, response });
        }
      }
    });
    socket.on('close', () => finish(new Error('it closed the connection before answering')));
  });
}
