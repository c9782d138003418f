/**
 * The acceptance test of the INVITE mechanism (issue 10, OMA CPM 6.7.3.2): the Participating
 * Function started with its one command (`tsx pf/src/main.ts`) on a real CPM Message Store
 * (Dovecot). The client helpers of @evfw/protocol send the INVITE over SIP, connect to the MSRP
 * session of the answer, send a \Deleted event for three objects, one of which does not exist,
 * and get one IMDN per object back: positive, positive, negative. The flags are then read over
 * IMAP. sipp (Debian's sip-tester) runs the signalling alone, over UDP and TCP: sipp speaks no MSRP.
 */
import { describe, expect, it } from 'vitest';
import type { CpmEvfw, ImapFlag, ObjectType } from '@evfw/model/cpm-evfw';
import { ClientError, inviteEventSession, sendEventMessage } from '@evfw/protocol';
import { flagsOf, type SeededMessage } from '../support/dovecot.js';
import { receivedResponse, runSipp, stagePfOnDovecot, unavailable } from '../support/pf-process.js';
import { skipUnlessCi } from '../support/requirements.js';

describe.skipIf(skipUnlessCi(unavailable))(`INVITE + MSRP end to end: client helpers and sipp -> Participating Function -> Dovecot${skipUnlessCi(unavailable) ? `: skipped, ${unavailable}` : ''}`, { timeout: 40_000 }, () => {
  const ids = { conversationId: 'conv-invite-1', contributionId: 'contrib-invite-1' };
  const stage = stagePfOnDovecot([
    { folder: 'Default/conv-invite-1/contrib-invite-1', ...ids, imdnMessageId: 'invite-deleted-1' },
    { folder: 'Default/conv-invite-1/contrib-invite-1', ...ids, imdnMessageId: 'invite-deleted-2' },
    { folder: 'Default/conv-invite-1/contrib-invite-1', ...ids, imdnMessageId: 'invite-untouched' },
  ]);

  for (const transport of ['udp', 'tcp'] as const) {
    it(`sipp over ${transport.toUpperCase()}: INVITE with an event-session offer gets 200 with an MSRP answer; ACK; BYE gets 200`, async () => {
      const run = await runSipp('invite-session.xml', stage.pf.port, stage.dir, undefined, transport);
      expect(run.code, `sipp failed:\n${run.errors}\n${run.messages}\n${stage.pf.output()}`).toBe(0);
      expect(receivedResponse(run.messages)).toMatch(/^SIP\/2\.0 200 OK\r?\n[\s\S]*CSeq: 2 BYE/);
      expect(run.messages).toMatch(new RegExp(`a=path:msrp://127\\.0\\.0\\.1:${stage.pf.msrpPort}/[A-Za-z0-9]+;tcp`));
      expect(stage.pf.output()).toMatch(/BYE: event session msrp:\/\/127\.0\.0\.1:\d+\/[A-Za-z0-9]+;tcp ended/);
    });
  }

  it('sipp: an offer without the event content type gets 488 naming evfw.sdp.offer.accept-types', async () => {
    const run = await runSipp('invite-bad-offer.xml', stage.pf.port, stage.dir);
    expect(run.code, `sipp failed:\n${run.errors}\n${run.messages}\n${stage.pf.output()}`).toBe(0);
    const response = receivedResponse(run.messages);
    expect(response).toMatch(/^SIP\/2\.0 488 Not Acceptable Here: evfw\.sdp\.offer\.accept-types\r?\n/);
    expect(response).toMatch(/^Warning: 399 evfw-pf "evfw\.sdp\.offer\.accept-types: the offer's a=accept-types \(text\/plain\) does not include application\/vnd\.oma\.cpm-eventfw\+xml/m);
  });

  it('keeps the seeded messages for the client helpers untouched by sipp', async () => {
    for (const message of stage.seeded) expect(await flagsOf(stage.dovecot, message.folder, message.uid)).not.toContain('\\Deleted');
  });

  it('client helpers: a \\Deleted event for three objects over INVITE + MSRP gets one IMDN each, negative for the one that does not exist', async () => {
    const [one, two, untouched] = stage.seeded as [SeededMessage, SeededMessage, SeededMessage];
    const call = await inviteEventSession({ pf: { host: '127.0.0.1', port: stage.pf.port, transport: 'udp' }, context: { ownAddress: USER } });
    try {
      expect(call.response.status).toBe(200);
      expect(call.session.pfUri).toMatch(new RegExp(`^msrp://127\\.0\\.0\\.1:${stage.pf.msrpPort}/`));
      const results = await call.session.send(deleted([object(one), object(two), { uid: '999999', folderPath: `${one.folder}/`, messageIdOrOtherParty: { $case: 'messageId', messageId: 'not-in-the-store' }, extensions: [] }]));
      expect(results.outcome).toBe('complete');
      expect(results.objects.map((o) => [o.messageId, o.status, o.state])).toEqual([
        [one.imdnMessageId, 'delivered', 'synced'],
        [two.imdnMessageId, 'delivered', 'synced'],
        ['not-in-the-store', 'failed', 'retry'],
      ]);
    } finally {
      const closed = await call.close();
      expect(closed.response?.status).toBe(200);
    }
    expect(await flagsOf(stage.dovecot, one.folder, one.uid)).toContain('\\Deleted');
    expect(await flagsOf(stage.dovecot, two.folder, two.uid)).toContain('\\Deleted');
    expect(await flagsOf(stage.dovecot, untouched.folder, untouched.uid)).not.toContain('\\Deleted');
    expect(stage.pf.output()).toMatch(/report \S+ applied: 2 of 3 objects updated, 3 IMDNs sent \(2 positive\)/);
    expect(stage.pf.output()).toMatch(/msrp \S+: \\Deleted object 2 \(not-in-the-store\): not updated, evfw\.store\.[a-z-]+: /);
  });

  it('client helpers over TCP: a MESSAGE (6.7.3.1) and an INVITE the PF refuses, each answer read back', async () => {
    const [, , untouched] = stage.seeded as [SeededMessage, SeededMessage, SeededMessage];
    const pfPeer = { host: '127.0.0.1', port: stage.pf.port, transport: 'tcp' } as const;
    const ok = await sendEventMessage({ pf: pfPeer, context: { ownAddress: USER } }, seen([object(untouched)]));
    expect(ok.status).toBe(200);
    expect(await flagsOf(stage.dovecot, untouched.folder, untouched.uid)).toContain('\\Seen');
    const refused = await inviteEventSession({ pf: pfPeer, context: { ownAddress: USER, iari: 'urn:urn-7:3gpp-application.ims.iari.example' } }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ClientError);
    expect((refused as ClientError).code).toBe('evfw.client.invite-refused');
    expect((refused as ClientError).status).toBe(480);
    expect((refused as ClientError).message).toContain('urn:urn-7:3gpp-application.ims.iari.example');
  });
});

const USER = 'sip:+15145551234@example.com';

function object(message: SeededMessage): ObjectType {
  return { uid: String(message.uid), folderPath: `${message.folder}/`, messageIdOrOtherParty: { $case: 'messageId', messageId: message.imdnMessageId }, extensions: [] };
}

function flagsEvent(flags: ImapFlag, objects: ObjectType[]): CpmEvfw {
  return { events: [{ $case: 'eventCpmImap', eventCpmImap: { type: 'flags', index: 'e1', operations: [{ name: 'add', flags, objects }], extensions: [] } }] };
}

const deleted = (objects: ObjectType[]): CpmEvfw => flagsEvent('\\Deleted', objects);
const seen = (objects: ObjectType[]): CpmEvfw => flagsEvent('\\Seen', objects);
