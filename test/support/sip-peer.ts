/**
 * A SIP client written for the tests of the Participating Function's server: requests as text,
 * one UDP datagram or a TCP connection to send them on, and the responses read back. Also a
 * recording stand-in for the CPM Message Store where the store is not the point.
 */
import { createSocket } from 'node:dgram';
import { createConnection, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { Operation } from '@evfw/model/cpm-evfw';
import { encodeSipMessage, getHeader, parseNameAddr, parseSipMessage, serializeSipMessage, serviceIdentificationHeaders, type SipMessage, type SipRequest, type SipResponse } from '@evfw/protocol';
import type { MessageStore, ObjectOutcome } from '../../pf/src/message-store.js';

export const CRLF = '\r\n';
export const EVENT_TYPE = 'application/vnd.oma.cpm-eventfw+xml';
let sequence = 0;

/** A MESSAGE as a client would send it; `service: false` drops the 6.7.1 headers. */
export function messageText(options: { body: string; contentType?: string | null; service?: boolean; headers?: string[]; method?: string; via?: string } ): string {
  const n = ++sequence;
  const method = options.method ?? 'MESSAGE';
  const service = options.service === false ? [] : serviceIdentificationHeaders().map((h) => `${h.name}: ${h.value}`);
  const lines = [
    `${method} sip:+15145551234@example.com SIP/2.0`,
    options.via ?? `Via: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bK-test-${n}-${Math.random().toString(36).slice(2)}`,
    'Max-Forwards: 70',
    `From: <sip:+15145551234@example.com>;tag=from-${n}`,
    'To: <sip:+15145551234@example.com>',
    `Call-ID: call-${n}@test`,
    `CSeq: 1 ${method}`,
    ...service,
    ...(options.headers ?? []),
    ...(options.contentType === null ? [] : [`Content-Type: ${options.contentType ?? EVENT_TYPE}`]),
    `Content-Length: ${Buffer.byteLength(options.body)}`,
  ];
  return `${lines.join(CRLF)}${CRLF}${CRLF}${options.body}`;
}

export function seenReport(objects: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<cpm-evfw xmlns="urn:oma:xml:cpm:evfw">
  <event-cpm-imap type="flags" index="e1">
    <operation name="add" flags="\\Seen">
      ${objects}
    </operation>
  </event-cpm-imap>
</cpm-evfw>
`;
}

export const GOOD_BODY = seenReport('<object uid="7" folder-path="Default/c/k/"><message-id>m-7</message-id></object>');

/** Sends one datagram and resolves with every response heard within `waitMs` (after the first, 150 ms). */
export async function udpExchange(port: number, payload: string | Uint8Array, waitMs = 3_000, repeat = 1): Promise<SipResponse[]> {
  const socket = createSocket('udp4');
  const responses: SipResponse[] = [];
  socket.on('error', () => {});
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return new Promise((resolve) => {
    let settle: NodeJS.Timeout | undefined;
    const done = () => {
      clearTimeout(overall);
      clearTimeout(settle);
      socket.close();
      resolve(responses);
    };
    const overall = setTimeout(done, waitMs);
    socket.on('message', (datagram) => {
      const parsed = parseSipMessage(datagram);
      if (parsed.ok && parsed.value.kind === 'response') responses.push(parsed.value);
      clearTimeout(settle);
      settle = setTimeout(done, 150);
    });
    for (let i = 0; i < repeat; i++) setTimeout(() => socket.send(typeof payload === 'string' ? Buffer.from(payload) : payload, port, '127.0.0.1'), i * 20);
  });
}

/** Writes `chunks` on one TCP connection (a tick apart) and collects `count` responses. */
export async function tcpExchange(port: number, chunks: readonly (string | Uint8Array)[], count: number, waitMs = 5_000): Promise<{ responses: SipResponse[]; closed: boolean }> {
  const socket = createConnection({ host: '127.0.0.1', port });
  const responses: SipResponse[] = [];
  let buffer = Buffer.alloc(0);
  let closed = false;
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ responses, closed });
    };
    const timer = setTimeout(done, waitMs);
    socket.on('error', () => {});
    socket.on('close', () => {
      closed = true;
      done();
    });
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const parsed = parseSipMessage(buffer, { transport: 'stream' });
        if (!parsed.ok) break;
        buffer = buffer.subarray(parsed.length);
        if (parsed.value.kind === 'response') responses.push(parsed.value);
      }
      if (responses.length >= count) done();
    });
    socket.on('connect', async () => {
      for (const chunk of chunks) {
        socket.write(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
        await new Promise((r) => setTimeout(r, 2));
      }
    });
  });
}

/** A Message Store that records the operations and updates every object. */
export function recordingStore(): { open: () => Promise<MessageStore>; operations: Operation[]; opened: number } {
  const state = {
    operations: [] as Operation[],
    opened: 0,
    open: async (): Promise<MessageStore> => {
      state.opened++;
      return {
        applyOperation: async (operation) => {
          state.operations.push(operation);
          return operation.objects.map((_, index): ObjectOutcome => ({ index, flag: operation.flags, ok: true, by: 'uid', found: { mailbox: 'INBOX', uid: index + 1 } }));
        },
        close: async () => {},
      };
    },
  };
  return state;
}

export function warning(response: SipResponse | undefined): string | undefined {
  return response === undefined ? undefined : getHeader(response, 'Warning');
}

/**
 * One UDP socket kept open for a whole dialog: send requests (text or built), read every
 * response heard since, wait for the next one that matches.
 */
export class UdpPeer {
  readonly responses: SipResponse[] = [];
  readonly #socket = createSocket('udp4');
  #waiters: (() => void)[] = [];

  private constructor(private readonly port: number) {
    this.#socket.on('error', () => {});
    this.#socket.on('message', (datagram) => {
      const parsed = parseSipMessage(datagram);
      if (parsed.ok && parsed.value.kind === 'response') this.responses.push(parsed.value);
      for (const wake of this.#waiters) wake();
    });
  }

  static async open(serverPort: number): Promise<UdpPeer> {
    const peer = new UdpPeer(serverPort);
    await new Promise<void>((resolve) => peer.#socket.bind(0, '127.0.0.1', resolve));
    return peer;
  }

  get localPort(): number {
    return this.#socket.address().port;
  }

  send(message: string | SipMessage): void {
    this.#socket.send(typeof message === 'string' ? Buffer.from(message) : encodeSipMessage(message), this.port, '127.0.0.1');
  }

  /** The first response since `from` (an index into `responses`) that `matches`, or undefined after `ms`. */
  async next(matches: (r: SipResponse) => boolean, from = 0, ms = 3_000): Promise<SipResponse | undefined> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.responses.slice(from).find(matches);
      if (found !== undefined || Date.now() >= deadline) return found;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(100, deadline - Date.now()));
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      this.#waiters = [];
    }
  }

  close(): void {
    this.#socket.close();
  }
}

/**
 * ACK or BYE in the dialog an INVITE and its 2xx set up (RFC 3261 12.2.1.1, 13.2.2.4): to the
 * 2xx's Contact, the INVITE's From and Call-ID, the response's To (with its tag).
 */
export function inDialog(method: 'ACK' | 'BYE' | 'INVITE', invite: SipRequest, ok: SipResponse, sequence: number, via: string): SipRequest {
  const contact = parseNameAddr(getHeader(ok, 'Contact') ?? '')?.uri ?? invite.uri;
  return {
    kind: 'request',
    method,
    uri: contact,
    headers: [
      { name: 'Via', value: via },
      { name: 'Max-Forwards', value: '70' },
      { name: 'From', value: getHeader(invite, 'From')! },
      { name: 'To', value: getHeader(ok, 'To')! },
      { name: 'Call-ID', value: getHeader(invite, 'Call-ID')! },
      { name: 'CSeq', value: `${sequence} ${method}` },
    ],
    body: '',
  };
}

/**
 * A TCP listener on loopback that reads SIP messages off each connection (RFC 3261 18.3 framing)
 * and hands each to `onMessage` with its text, its connection, and a way to answer on it.
 */
export interface TcpArrival {
  readonly text: string;
  readonly socket: Socket;
  reply(message: SipMessage): void;
}

export async function listenSipTcp(onMessage: (message: SipMessage, arrival: TcpArrival) => void) {
  const sockets: Socket[] = [];
  const server: Server = createServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => {});
    const reply = (message: SipMessage): void => void socket.write(serializeSipMessage(message));
    let buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const parsed = parseSipMessage(buffer, { transport: 'stream' });
        if (!parsed.ok) return;
        const text = buffer.subarray(0, parsed.length).toString('utf8');
        buffer = buffer.subarray(parsed.length);
        onMessage(parsed.value, { text, socket, reply });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
