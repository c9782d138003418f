/**
 * `--compat flag-attribute` (issue 22 item 5, D-44): the Android RCS stack (rcsjta) writes
 * `flag="\Seen"` on <operation> where the prose of 6.7.5.1 names the attribute `flags`. A PF
 * started with the option applies such a report, by MESSAGE and by INVITE + MSRP, and logs once
 * per report that the deviation was accepted; a PF started without it refuses the MESSAGE with
 * 400 evfw.attribute.flag-deviation, as before. The flags are read back from a real Dovecot.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildEventInvite,
  buildEventSend,
  buildResponse,
  cpimBodyText,
  cryptoRandom,
  getHeader,
  MsrpReader,
  parseCpim,
  parseSdp,
  readImdn,
  readMsrpMedia,
  type MsrpReadEvent,
  type SipResponse,
} from '@evfw/protocol';
import { dovecotUnavailable, flagsOf, seedMessages, startDovecot, type DovecotServer, type SeededMessage } from '../support/dovecot.js';
import { imapEnv, startPfCommand, stopPfCommand, type PfCommand } from '../support/pf-command.js';
import { skipUnlessCi } from '../support/requirements.js';
import { inDialog, messageText, udpExchange, UdpPeer, warning } from '../support/sip-peer.js';

const unavailable = dovecotUnavailable();
const USER = 'sip:+15145551234@example.com';
const FOLDER = 'Default/rcsjta-conv/rcsjta-contrib';

/** An event report as rcsjta writes it: `flag`, not `flags`, on <operation>. */
function rcsjtaReport(message: SeededMessage): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<cpm-evfw xmlns="urn:oma:xml:cpm:evfw">
  <event-cpm-imap type="flags" index="1">
    <operation name="add" flag="\\Seen">
      <object uid="${message.uid}" folder-path="${message.folder}/"><message-id>${message.imdnMessageId}</message-id></object>
    </operation>
  </event-cpm-imap>
</cpm-evfw>
`;
}

/** The log lines of one request (by Call-ID or MSRP URI) that say a compat option applied. */
function compatLines(output: string, id: string): string[] {
  return output.split('\n').filter((line) => line.includes(` info ${id}`) && line.includes('accepted with --compat flag-attribute'));
}

describe.skipIf(skipUnlessCi(unavailable))(`--compat flag-attribute: rcsjta's flag= against Dovecot${skipUnlessCi(unavailable) ? `: skipped, ${unavailable}` : ''}`, { timeout: 40_000 }, () => {
  let dovecot: DovecotServer | undefined;
  let seeded: SeededMessage[] = [];
  let lenient: PfCommand | undefined;
  let strict: PfCommand | undefined;
  const byId = (id: string): SeededMessage => {
    const found = seeded.find((m) => m.imdnMessageId === id);
    if (!found) throw new Error(`no seeded message ${id}`);
    return found;
  };

  beforeAll(async () => {
    dovecot = await startDovecot();
    const ids = { conversationId: 'rcsjta-conv', contributionId: 'rcsjta-contrib' };
    seeded = await seedMessages(dovecot, [
      { folder: FOLDER, ...ids, imdnMessageId: 'by-message-compat' },
      { folder: FOLDER, ...ids, imdnMessageId: 'by-message-strict' },
      { folder: FOLDER, ...ids, imdnMessageId: 'by-msrp-compat' },
    ]);
    // One after the other, so that afterAll stops the first when the second fails to start.
    strict = await startPfCommand({ args: [], env: imapEnv(dovecot, true) });
    // Both spellings of the option list: repeated and comma-separated.
    lenient = await startPfCommand({ args: ['--compat', 'flag-attribute', '--compat', 'flag-attribute,flag-attribute'], env: imapEnv(dovecot, true) });
  }, 40_000);

  afterAll(async () => {
    await Promise.all([stopPfCommand(lenient), stopPfCommand(strict)]);
    await dovecot?.stop();
  }, 20_000);

  it('MESSAGE: a PF started with --compat flag-attribute answers 200, sets the flag, and logs the deviation once', async () => {
    const target = byId('by-message-compat');
    const request = messageText({ body: rcsjtaReport(target) });
    const [response] = await udpExchange(lenient!.port, request);
    expect(response?.status, `${warning(response)}\n${lenient!.output()}`).toBe(200);
    expect(await flagsOf(dovecot!, target.folder, target.uid)).toContain('\\Seen');
    const id = getHeader(response!, 'Call-ID')!;
    await expect.poll(() => compatLines(lenient!.output(), id).length).toBe(1);
    expect(compatLines(lenient!.output(), id)[0]).toMatch(/accepted with --compat flag-attribute: 1 x evfw\.attribute\.flag-deviation, first at 4:\d+$/);
    expect(lenient!.output()).not.toMatch(new RegExp(`warn ${id.replace(/[.]/g, '\\.')}: event report warning`));
  });

  it('MESSAGE: a PF started without it still answers 400 evfw.attribute.flag-deviation and changes nothing', async () => {
    const target = byId('by-message-strict');
    const [response] = await udpExchange(strict!.port, messageText({ body: rcsjtaReport(target) }));
    expect(response?.status).toBe(400);
    expect(response?.reason).toMatch(/^Invalid Event Report: evfw\.attribute\.flag-deviation at 4:\d+$/);
    expect(warning(response)).toMatch(/^399 evfw-pf "evfw\.attribute\.flag-deviation 4:\d+: attribute \\"flag\\" on <operation>/);
    expect(await flagsOf(dovecot!, target.folder, target.uid)).not.toContain('\\Seen');
  });

  it('INVITE + MSRP: the same report in an event session gets a positive IMDN and the flag is set', async () => {
    const target = byId('by-msrp-compat');
    const peer = await UdpPeer.open(lenient!.port);
    let msrp: Socket | undefined;
    try {
      const via = () => `SIP/2.0/UDP 127.0.0.1:${peer.localPort};branch=z9hG4bK${Buffer.from(cryptoRandom(8)).toString('hex')}`;
      const built = buildEventInvite(
        { ownAddress: USER, contact: `sip:127.0.0.1:${peer.localPort};transport=udp`, via: { transport: 'UDP', host: '127.0.0.1', port: peer.localPort }, random: cryptoRandom },
        { msrp: { host: '127.0.0.1', port: 9 }, session: { direction: 'sendrecv', acceptImdn: true }, setup: 'active' },
      );
      peer.send(built.request);
      const ok = await peer.next((r: SipResponse) => r.status >= 200 && getHeader(r, 'CSeq') === '1 INVITE');
      expect(ok?.status, lenient!.output()).toBe(200);
      peer.send(inDialog('ACK', built.request, ok!, 1, via()));
      const sdp = parseSdp(ok!.body);
      const media = sdp.ok ? readMsrpMedia(sdp.value) : undefined;
      const pfUri = media?.ok ? media.value.path[0] : undefined;
      expect(pfUri).toMatch(/^msrp:\/\/127\.0\.0\.1:\d+\/\w+;tcp$/);

      // A bare MSRP peer: rcsjta's body as it is, which the client helpers would never write.
      const socket = connect({ host: '127.0.0.1', port: lenient!.msrpPort });
      msrp = socket;
      const reader = new MsrpReader();
      const events: MsrpReadEvent[] = [];
      socket.on('error', () => {});
      socket.on('data', (bytes: Buffer) => {
        for (const e of reader.push(bytes)) {
          events.push(e);
          if (e.type === 'request' && e.request.method === 'SEND') socket.write(buildResponse(e.request, 200));
        }
      });
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('error', reject);
      });
      const send = buildEventSend(rcsjtaReport(target), { toPath: [pfUri!], fromPath: [built.msrpUri] });
      for (const chunk of send.chunks) socket.write(chunk.bytes);
      await expect.poll(() => events.some((e) => e.type === 'message'), { timeout: 10_000 }).toBe(true);
      const response = events.find((e) => e.type === 'response');
      expect(response?.type === 'response' && response.response.status).toBe(200);
      const message = events.find((e) => e.type === 'message');
      const imdn = message?.type === 'message' ? readImdn(message.message.body) : undefined;
      expect(imdn?.ok && imdn.imdn.messageId).toBe(target.imdnMessageId);
      expect(imdn?.ok && imdn.imdn.notification?.$case).toBe('deliveryNotification');
      const cpim = message?.type === 'message' ? parseCpim(message.message.body) : undefined;
      expect(cpim?.ok && cpimBodyText(cpim.value)).toContain('<delivered/>');
      expect(await flagsOf(dovecot!, target.folder, target.uid)).toContain('\\Seen');
      const lines = lenient!.output().split('\n').filter((line) => line.includes(`report ${send.messageId} accepted with --compat flag-attribute`));
      expect(lines, lenient!.output()).toHaveLength(1);
      expect(lines[0]).toMatch(/ info msrp msrp:\/\/.*: report \S+ accepted with --compat flag-attribute: 1 x evfw\.attribute\.flag-deviation, first at 4:\d+$/);
    } finally {
      msrp?.destroy();
      peer.close();
    }
  });
});
