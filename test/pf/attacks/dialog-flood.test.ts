/**
 * Issue 22, item 5: dialog eviction. 1,023 INVITE+ACK in 1.4 s filled the dialog table, and the
 * next INVITE ended the oldest dialog to make room: a bound session in use lost its MSRP
 * connection. Now a full table refuses the new INVITE (486 Busy Here, Retry-After and an evfw.*
 * code in the Warning) and every open session goes on working.
 *
 * The PF runs as its one command with a small dialog cap (--max-dialogs) on a real Dovecot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CpmEvfw } from '@evfw/model/cpm-evfw';
import { getHeader, sendEventMessage } from '@evfw/protocol';
import { openEventSession } from '../../../protocol/src/session/index.js';
import { dovecotUnavailable, flagsOf, seedMessages, startDovecot, type DovecotServer, type SeededMessage } from '../../support/dovecot.js';
import { skipUnlessCi } from '../../support/requirements.js';
import { UdpPeer, warning } from '../../support/sip-peer.js';
import { imapEnv, startPfCommand, stopPfCommand, type PfCommand } from '../../support/pf-command.js';
import { bye, inviteAndAck, USER, type Dialog } from './session-peer.js';

const unavailable = dovecotUnavailable();
const CAP = 16;
/** --msrp-bind-timeout: the flood's dialogs, never bound, end after this many seconds. */
const BIND_TIMEOUT_S = 3;

describe.skipIf(skipUnlessCi(unavailable))(`dialog flood (issue 22, item 5)${skipUnlessCi(unavailable) ? `: skipped, ${unavailable}` : ''}`, { timeout: 60_000 }, () => {
  let dovecot: DovecotServer;
  let seeded: SeededMessage[];
  let pf: PfCommand;
  let flooder: UdpPeer;
  const flood: Dialog[] = [];

  beforeAll(async () => {
    dovecot = await startDovecot();
    const ids = { conversationId: 'conv-flood', contributionId: 'contrib-flood' };
    seeded = await seedMessages(dovecot, [
      { folder: 'Default/conv-flood/contrib-flood', ...ids, imdnMessageId: 'flood-before' },
      { folder: 'Default/conv-flood/contrib-flood', ...ids, imdnMessageId: 'flood-after' },
      { folder: 'Default/conv-flood/contrib-flood', ...ids, imdnMessageId: 'flood-message' },
    ]);
    pf = await startPfCommand({ args: ['--max-dialogs', String(CAP), '--msrp-bind-timeout', String(BIND_TIMEOUT_S)], env: imapEnv(dovecot, true) });
  }, 40_000);
  afterAll(async () => {
    await stopPfCommand(pf);
    await dovecot?.stop();
  });

  it(`a full table (${CAP} dialogs) refuses the next INVITE, and the bound session keeps working`, async () => {
    const [before, after, byMessage] = seeded as [SeededMessage, SeededMessage, SeededMessage];
    const client = await UdpPeer.open(pf.port);
    flooder = await UdpPeer.open(pf.port);
    try {
      // The legitimate session: set up first, so it is the oldest dialog, bound and in use.
      const { dialog } = await inviteAndAck(client);
      expect(dialog, pf.output()).toBeDefined();
      const session = await openEventSession({ pfUri: dialog!.pfUri, ownPath: dialog!.ownUri, ownAddress: USER, resultTimeoutMs: 5_000 });
      try {
        expect((await session.send(seen(before))).objects.map((o) => o.status)).toEqual(['delivered']);

        // The flood fills the table with dialogs that are ACKed and never use MSRP.
        for (let i = 1; i < CAP; i++) {
          const { response, dialog: flooding } = await inviteAndAck(flooder);
          expect(response?.status, `INVITE ${i} of the flood`).toBe(200);
          flood.push(flooding!);
        }
        const { response: refused } = await inviteAndAck(flooder);
        expect(refused?.status, 'the INVITE past the cap').toBe(486);
        expect(getHeader(refused!, 'Retry-After')).toMatch(/^\d+$/);
        expect(warning(refused)).toMatch(/^399 evfw-pf "evfw\.sip\.invite\.dialogs-full: /);

        // The oldest dialog was not evicted: its session still applies reports.
        const results = await session.send(seen(after));
        expect(results.outcome).toBe('complete');
        expect(results.objects.map((o) => o.status)).toEqual(['delivered']);
        expect(await flagsOf(dovecot, after.folder, after.uid)).toContain('\\Seen');
      } finally {
        await session.close();
      }

      // And a MESSAGE is served within the issue's bound while the table is full.
      const began = Date.now();
      const ok = await sendEventMessage({ pf: { host: '127.0.0.1', port: pf.port, transport: 'udp' }, context: { ownAddress: USER } }, seen(byMessage));
      expect(ok.status).toBe(200);
      const latency = Date.now() - began;
      console.log(`dialog flood: MESSAGE answered in ${latency} ms with the table full`);
      expect(latency).toBeLessThan(2_000);
      expect(await flagsOf(dovecot, byMessage.folder, byMessage.uid)).toContain('\\Seen');
      expect(pf.output()).not.toMatch(/dialog table is full and this was the oldest/);
    } finally {
      client.close();
    }
  });

  it(`the flood's dialogs, never bound, end after --msrp-bind-timeout (${BIND_TIMEOUT_S} s): room again, and their BYE gets 481`, async () => {
    try {
      const ended = () => pf.output().match(/ended: nobody connected to its MSRP session in time/g)?.length ?? 0;
      const deadline = Date.now() + (BIND_TIMEOUT_S + 3) * 1_000;
      while (ended() < flood.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(ended(), 'dialogs ended for want of an MSRP connection').toBe(flood.length);
      expect((await bye(flooder, flood[0]!))?.status).toBe(481);
      expect((await inviteAndAck(flooder)).response?.status, 'an INVITE once they have ended').toBe(200);
    } finally {
      flooder.close();
    }
  });
});

function seen(message: SeededMessage): CpmEvfw {
  const object = { uid: String(message.uid), folderPath: `${message.folder}/`, messageIdOrOtherParty: { $case: 'messageId' as const, messageId: message.imdnMessageId }, extensions: [] };
  return { events: [{ $case: 'eventCpmImap', eventCpmImap: { type: 'flags', index: 'e1', operations: [{ name: 'add', flags: '\\Seen', objects: [object] }], extensions: [] } }] };
}
