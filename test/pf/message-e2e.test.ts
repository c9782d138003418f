/**
 * The acceptance test of the SIP MESSAGE mechanism (issue 10): a real SIP peer (sipp, Debian's
 * sip-tester) sends event reports to the Participating Function started with its one command
 * (`tsx pf/src/main.ts`), which applies them to a real CPM Message Store (Dovecot). The flags are
 * then read back over IMAP, as another CPM Client would see them at its next sync (6.7.5.1).
 *
 * The scenarios are test/pf/sipp/*.xml; the seeded UIDs reach them through sipp's -inf file.
 */
import { describe, expect, it } from 'vitest';
import { flagsOf, type SeededMessage } from '../support/dovecot.js';
import { receivedResponse, runSipp, stagePfOnDovecot, unavailable } from '../support/pf-process.js';
import { skipUnlessCi } from '../support/requirements.js';

describe.skipIf(skipUnlessCi(unavailable))(`SIP MESSAGE end to end: sipp -> Participating Function -> Dovecot${skipUnlessCi(unavailable) ? `: skipped, ${unavailable}` : ''}`, { timeout: 40_000 }, () => {
  const group = { conversationId: 'thisConversationID1234', contributionId: 'thisContributionID5678' };
  const oneToOne = { conversationId: 'ruhfdui134t9187698t1rgf', contributionId: 'uhfdui134t9187698t1rgfr' };
  const stage = stagePfOnDovecot([
    { folder: 'Default/thisConversationID1234/thisContributionID5678', ...group, imdnMessageId: '7QsgkAl8QZvr9XPFtiiCtLj3sls0oPof' },
    { folder: 'UserFolder1/thisConversationID1234/thisContributionID5678', ...group, imdnMessageId: '7QsgkAl8QZvr9XPFtiiCtLj3sls0765' },
    { folder: 'Default/ruhfdui134t9187698t1rgf/uhfdui134t9187698t1rgfr', ...oneToOne, imdnMessageId: '7QsgkAl8QZvr9XPFtiiCtLj3sls0oNok' },
    // Untouched by the report: must stay unseen.
    { folder: 'Default/ruhfdui134t9187698t1rgf/uhfdui134t9187698t1rgfr', ...oneToOne, imdnMessageId: 'not-reported' },
  ]);

  it('sets \\Seen on two messages by uid and one by the conversation-id/contribution-id/message-id triple, answering 200', async () => {
    const [first, second, third, untouched] = stage.seeded as [SeededMessage, SeededMessage, SeededMessage, SeededMessage];
    const fields = [
      String(first.uid), `${first.folder}/`, first.imdnMessageId,
      String(second.uid), `${second.folder}/`, second.imdnMessageId,
      third.conversationId, third.contributionId, third.imdnMessageId,
    ];
    const run = await runSipp('message-seen.xml', stage.pf.port, stage.dir, fields.join(';'));
    expect(run.code, `sipp failed:\n${run.errors}\n${run.messages}\n${stage.pf.output()}`).toBe(0);
    expect(receivedResponse(run.messages)).toMatch(/^SIP\/2\.0 200 OK\r?\n/);
    for (const message of [first, second, third]) {
      expect(await flagsOf(stage.dovecot, message.folder, message.uid)).toContain('\\Seen');
    }
    expect(await flagsOf(stage.dovecot, untouched.folder, untouched.uid)).not.toContain('\\Seen');
    expect(stage.pf.output()).toContain('report applied: 3 of 3 objects updated');
  });

  for (const transport of ['udp', 'tcp'] as const) {
    it(`answers a malformed body with 400 naming the first diagnostic: code, line:column, message (${transport.toUpperCase()})`, async () => {
      const run = await runSipp('message-malformed.xml', stage.pf.port, stage.dir, undefined, transport);
      expect(run.code, `sipp failed:\n${run.errors}\n${run.messages}\n${stage.pf.output()}`).toBe(0);
      const response = receivedResponse(run.messages);
      expect(response).toMatch(/^SIP\/2\.0 400 Invalid Event Report: evfw\.xml\.tag-mismatch at 6:1\r?\n/);
      expect(response).toMatch(/^Warning: 399 evfw-pf "evfw\.xml\.tag-mismatch 6:1: the end tag <\/operation> closes nothing/m);
      expect(response).toMatch(new RegExp(`^Via: SIP/2\\.0/${transport.toUpperCase()} `, 'm'));
    });
  }

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => stage.pf.child.once('exit', (code) => resolve(code)));
    stage.pf.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stage.pf.output()).toContain('pf: SIGTERM, stopping');
  });
});
