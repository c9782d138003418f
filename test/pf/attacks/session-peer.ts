/**
 * What the attack tests on event sessions share: the PF's resident memory as the kernel counts
 * it, a store nobody listens on (for tests whose reports never complete), and a client that opens
 * an event session step by step (INVITE, ACK, an MSRP connection bound by a bodiless SEND) so that
 * a test can then abandon it half-way. The PF itself is started by test/support/pf-command.ts.
 */
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { buildEventInvite, buildSend, cryptoRandom, getHeader, MsrpReader, parseSdp, readMsrpMedia, type MsrpReadEvent, type SipRequest, type SipResponse } from '@evfw/protocol';
import { inDialog, UdpPeer } from '../../support/sip-peer.js';

export const USER = 'sip:+15145551234@example.com';

/** IMAP settings of a store nobody listens on: the MSRP tests never complete a report, so it is never opened. */
export const NO_STORE: Readonly<Record<string, string>> = { EVFW_IMAP_HOST: '127.0.0.1', EVFW_IMAP_PORT: '9', EVFW_IMAP_USER: 'nobody', EVFW_IMAP_PASSWORD: 'unused' };

/** The resident set of a process in bytes, from /proc/<pid>/status (VmRSS). */
export function residentBytes(pid: number): number {
  const line = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!line) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(line[1]) * 1024;
}

function via(peer: UdpPeer): string {
  return `SIP/2.0/UDP 127.0.0.1:${peer.localPort};branch=z9hG4bK${Buffer.from(cryptoRandom(8)).toString('hex')}`;
}

const finalTo = (request: SipRequest) => (r: SipResponse) => r.status >= 200 && getHeader(r, 'Call-ID') === getHeader(request, 'Call-ID') && getHeader(r, 'CSeq')?.endsWith(request.method) === true;

/** An INVITE with an event-session offer, as the client helpers build it. */
export function eventInvite(peer: UdpPeer): { request: SipRequest; msrpUri: string } {
  return buildEventInvite(
    { ownAddress: USER, contact: `sip:127.0.0.1:${peer.localPort};transport=udp`, via: { transport: 'UDP', host: '127.0.0.1', port: peer.localPort }, random: cryptoRandom },
    { msrp: { host: '127.0.0.1', port: 9 }, session: { direction: 'sendrecv', acceptImdn: true }, setup: 'active' },
  );
}

export interface Dialog {
  readonly invite: SipRequest;
  readonly ok: SipResponse;
  /** The PF's MSRP URI from the SDP answer. */
  readonly pfUri: string;
  /** Ours, from the offer: the From-Path the PF expects. */
  readonly ownUri: string;
}

/** INVITE, its final answer (undefined when it is not 200, with the response), then ACK. */
export async function inviteAndAck(peer: UdpPeer): Promise<{ dialog?: Dialog; response?: SipResponse }> {
  const built = eventInvite(peer);
  const from = peer.responses.length;
  peer.send(built.request);
  const response = await peer.next(finalTo(built.request), from);
  if (response?.status !== 200) return response === undefined ? {} : { response };
  peer.send(inDialog('ACK', built.request, response, 1, via(peer)));
  const sdp = parseSdp(response.body);
  if (!sdp.ok) throw new Error(`the 200 carries no SDP: ${sdp.error.code}`);
  const media = readMsrpMedia(sdp.value);
  if (!media.ok) throw new Error(`the 200 has no MSRP media: ${media.error.code}`);
  return { response, dialog: { invite: built.request, ok: response, pfUri: media.value.path[0]!, ownUri: built.msrpUri } };
}

/** BYE in the dialog; resolves with the final response, if any came within 3 s. */
export async function bye(peer: UdpPeer, dialog: Dialog): Promise<SipResponse | undefined> {
  const request = inDialog('BYE', dialog.invite, dialog.ok, 2, via(peer));
  const from = peer.responses.length;
  peer.send(request);
  return peer.next(finalTo(request), from);
}

/** An MSRP connection of the client side: writes, and reads what the PF answers. */
export class MsrpPeer {
  readonly events: MsrpReadEvent[] = [];
  readonly closed: Promise<void>;
  private readonly reader = new MsrpReader();

  private constructor(
    private readonly socket: Socket,
    readonly dialog: Dialog,
  ) {
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => {});
    socket.on('data', (bytes: Buffer) => {
      for (const e of this.reader.push(bytes)) this.events.push(e);
    });
  }

  /** Connects to the session of `dialog` and binds it with a bodiless SEND (RFC 4975 5.4). */
  static async bind(msrpPort: number, dialog: Dialog): Promise<MsrpPeer> {
    const socket = connect({ host: '127.0.0.1', port: msrpPort });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const peer = new MsrpPeer(socket, dialog);
    peer.write(buildSend(new Uint8Array(0), 'application/vnd.oma.cpm-eventfw+xml', { toPath: [dialog.pfUri], fromPath: [dialog.ownUri] }).chunks[0]!.bytes);
    await peer.waitFor(() => peer.responses().length >= 1);
    return peer;
  }

  write(bytes: Uint8Array | string): void {
    if (this.socket.writable) this.socket.write(bytes);
  }

  /** The transaction responses read so far, by status. */
  responses(): number[] {
    return this.events.flatMap((e) => (e.type === 'response' ? [e.response.status] : []));
  }

  /** A chunk of message `messageId`: `data` at byte `start` (1-based) of a total not yet known, `+` (more to come). */
  chunk(messageId: string, start: number, data: Uint8Array): Uint8Array {
    const tid = Buffer.from(cryptoRandom(8)).toString('hex');
    const head = [
      `MSRP ${tid} SEND`,
      `To-Path: ${this.dialog.pfUri}`,
      `From-Path: ${this.dialog.ownUri}`,
      `Message-ID: ${messageId}`,
      `Byte-Range: ${start}-${start + data.length - 1}/*`,
      'Content-Type: application/vnd.oma.cpm-eventfw+xml',
      '',
      '',
    ].join('\r\n');
    return Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n-------${tid}+\r\n`)]);
  }

  /** Polls `condition` every 20 ms for up to `ms`. */
  async waitFor(condition: () => boolean, ms = 5_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`waited ${ms} ms; read ${JSON.stringify(this.events.map((e) => (e.type === 'response' ? e.response.status : e.type)))}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Cuts the TCP connection: no BYE, no MSRP goodbye. */
  destroy(): void {
    this.socket.destroy();
  }
}
