/**
 * The Participating Function's Message Store adapter against a real Dovecot (issue 10): flags set
 * through pf/src/message-store.ts are read back over a second IMAP connection, as another CPM
 * Client would see them at its next sync (6.7.5.1).
 */
import { createConnection, createServer, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCpmEvfw, type ImapFlag, type ObjectType, type Operation } from '@evfw/model/cpm-evfw';
import { connectMessageStore, CPM_STORE_HEADERS, MessageStoreError, type MessageStore } from '../../pf/src/message-store.js';
import {
  CPM_HEADERS,
  dovecotUnavailable,
  flagsOf,
  seedMessages,
  startDovecot,
  type DovecotServer,
  type SeededMessage,
} from '../support/dovecot.js';
import { skipUnlessCi } from '../support/requirements.js';

const unavailable = dovecotUnavailable();

function object(fields: Partial<Omit<ObjectType, 'extensions' | 'messageIdOrOtherParty'>> & { messageId?: string }): ObjectType {
  const { messageId, ...rest } = fields;
  return {
    ...rest,
    ...(messageId === undefined ? {} : { messageIdOrOtherParty: { $case: 'messageId' as const, messageId } }),
    extensions: [],
  };
}

function operation(flags: ImapFlag, objects: ObjectType[]): Operation {
  return { name: 'add', flags, objects };
}

/** The object a client that has synchronised would send: uid and folder-path, Appendix M style. */
function byUid(message: SeededMessage): ObjectType {
  return object({ uid: String(message.uid), folderPath: `${message.folder}/`, messageId: message.imdnMessageId });
}

/** The object a client that has not synchronised yet would send: the header triple only. */
function byTriple(message: SeededMessage): ObjectType {
  return object({ conversationId: message.conversationId, contributionId: message.contributionId, messageId: message.imdnMessageId });
}

it('seeds the test store with the header names the adapter searches', () => {
  expect(CPM_HEADERS.conversationId).toBe(CPM_STORE_HEADERS.conversationId);
  expect(CPM_HEADERS.contributionId).toBe(CPM_STORE_HEADERS.contributionId);
  expect(CPM_HEADERS.imdnMessageId).toBe(CPM_STORE_HEADERS.messageId);
});

// Each step talks to a server on loopback: seconds at most, so a hang fails fast.
describe.skipIf(skipUnlessCi(unavailable))(`CPM Message Store over IMAP (Dovecot)${skipUnlessCi(unavailable) ? `: skipped, ${unavailable}` : ''}`, { timeout: 15_000 }, () => {
  let server: DovecotServer | undefined;
  let store: MessageStore | undefined;
  let seeded: SeededMessage[] = [];
  const seededById = (id: string): SeededMessage => {
    const found = seeded.find((m) => m.imdnMessageId === id);
    if (!found) throw new Error(`no seeded message ${id}`);
    return found;
  };

  beforeAll(async () => {
    server = await startDovecot();
    const group = { conversationId: 'thisConversationID1234', contributionId: 'thisContributionID5678' };
    const oneToOne = { conversationId: 'ruhfdui134t9187698t1rgf', contributionId: 'uhfdui134t9187698t1rgfr' };
    seeded = await seedMessages(server, [
      { folder: 'Default/thisConversationID1234/thisContributionID5678', ...group, imdnMessageId: '7QsgkAl8QZvr9XPFtiiCtLj3sls0oPof' },
      { folder: 'Default/thisConversationID1234/thisContributionID5678', ...group, imdnMessageId: '7QsgkAl8QZvr9XPFtiiCtLj3sls0oPog' },
      // The triple's message, and a decoy whose IMDN-Message-ID contains it (SEARCH matches substrings).
      { folder: 'Default/ruhfdui134t9187698t1rgf/uhfdui134t9187698t1rgfr', ...oneToOne, imdnMessageId: '7QsgkAl8QZvr9XPFtiiCtLj3sls0oNok0' },
      { folder: 'Default/ruhfdui134t9187698t1rgf/uhfdui134t9187698t1rgfr', ...oneToOne, imdnMessageId: '7QsgkAl8QZvr9XPFtiiCtLj3sls0oNok' },
      { folder: 'UserFolder1/thisConversationID1234/thisContributionID5678', ...group, imdnMessageId: '7QsgkAl8QZvr9XPFtiiCtLj3sls0765' },
      { folder: 'UserFolder1/thisConversationID1234/thisContributionID5678', ...group, imdnMessageId: 'deleted-by-triple' },
      // The same triple stored twice: the triple does not identify one object.
      { folder: 'Default/dup/dup', conversationId: 'dup', contributionId: 'dup', imdnMessageId: 'twice' },
      { folder: 'UserFolder1/dup/dup', conversationId: 'dup', contributionId: 'dup', imdnMessageId: 'twice' },
    ]);
    store = await connectMessageStore({ host: server.host, port: server.port, user: server.user, password: server.password, connectTimeoutMs: 5_000 });
  }, 30_000);

  afterAll(async () => {
    await store?.close();
    await server?.stop();
  }, 20_000);

  it('sets \\Seen on two messages by uid and one by the conversation-id/contribution-id/message-id triple', async () => {
    const first = seededById('7QsgkAl8QZvr9XPFtiiCtLj3sls0oPof');
    const second = seededById('7QsgkAl8QZvr9XPFtiiCtLj3sls0oPog');
    const third = seededById('7QsgkAl8QZvr9XPFtiiCtLj3sls0oNok');
    const decoy = seededById('7QsgkAl8QZvr9XPFtiiCtLj3sls0oNok0');

    const outcomes = await store!.applyOperation(operation('\\Seen', [byUid(first), byUid(second), byTriple(third)]));

    expect(outcomes).toEqual([
      { index: 0, flag: '\\Seen', ok: true, by: 'uid', found: { mailbox: first.folder, uid: first.uid }, messageId: first.imdnMessageId },
      { index: 1, flag: '\\Seen', ok: true, by: 'uid', found: { mailbox: second.folder, uid: second.uid }, messageId: second.imdnMessageId },
      { index: 2, flag: '\\Seen', ok: true, by: 'headers', found: { mailbox: third.folder, uid: third.uid }, messageId: third.imdnMessageId },
    ]);
    for (const message of [first, second, third]) {
      expect(await flagsOf(server!, message.folder, message.uid)).toContain('\\Seen');
    }
    expect(await flagsOf(server!, decoy.folder, decoy.uid)).not.toContain('\\Seen');
  });

  it('sets \\Deleted without expunging, by uid and by the triple within folder-path', async () => {
    const byUidMessage = seededById('7QsgkAl8QZvr9XPFtiiCtLj3sls0765');
    const byTripleMessage = seededById('deleted-by-triple');
    const outcomes = await store!.applyOperation(
      operation('\\Deleted', [byUid(byUidMessage), { ...byTriple(byTripleMessage), folderPath: byTripleMessage.folder }]),
    );
    expect(outcomes.map((o) => [o.ok, o.ok && o.by])).toEqual([
      [true, 'uid'],
      [true, 'headers'],
    ]);
    for (const message of [byUidMessage, byTripleMessage]) {
      const flags = await flagsOf(server!, message.folder, message.uid);
      expect(flags).toContain('\\Deleted');
      expect(flags).not.toContain('\\Seen');
    }
  });

  it('answers an object that does not exist with a negative outcome, and still updates the others', async () => {
    const present = seededById('7QsgkAl8QZvr9XPFtiiCtLj3sls0oPog');
    const outcomes = await store!.applyOperation(
      operation('\\Seen', [
        object({ uid: '4000', folderPath: `${present.folder}/`, messageId: 'missing-by-uid' }),
        object({ conversationId: 'nope', contributionId: 'nope', messageId: 'missing-by-triple' }),
        object({ uid: '1', folderPath: 'NoSuchFolder/', messageId: 'missing-folder' }),
        byUid(present),
      ]),
    );
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.reason.code))).toEqual([
      'evfw.store.object-not-found',
      'evfw.store.object-not-found',
      'evfw.store.folder-not-found',
      'ok',
    ]);
    expect(outcomes.map((o) => o.messageId)).toEqual(['missing-by-uid', 'missing-by-triple', 'missing-folder', present.imdnMessageId]);
    const [missing] = outcomes;
    expect(missing?.ok === false && missing.reason.message).toBe(`no message with UID 4000 in mailbox "${present.folder}"`);
  });

  it('answers negatively, without touching the store, for objects it cannot identify or find uniquely', async () => {
    const stale = seededById('7QsgkAl8QZvr9XPFtiiCtLj3sls0oPof');
    const outcomes = await store!.applyOperation(
      operation('\\Deleted', [
        object({ messageId: 'only-a-message-id' }),
        object({ uid: 'abc', folderPath: stale.folder, messageId: 'bad-uid' }),
        // A stale UID: the message there has another IMDN-Message-ID.
        object({ uid: String(stale.uid), folderPath: stale.folder, messageId: 'not-the-stored-one' }),
        object({ conversationId: 'dup', contributionId: 'dup', messageId: 'twice' }),
      ]),
    );
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.reason.code))).toEqual([
      'evfw.store.object-unidentifiable',
      'evfw.store.uid-invalid',
      'evfw.store.uid-mismatch',
      'evfw.store.object-ambiguous',
    ]);
    expect(await flagsOf(server!, stale.folder, stale.uid)).not.toContain('\\Deleted');
    for (const message of seeded.filter((m) => m.imdnMessageId === 'twice')) {
      expect(await flagsOf(server!, message.folder, message.uid)).not.toContain('\\Deleted');
    }
  });

  it('applies the operations of a parsed <cpm-evfw> document (the typed value of @evfw/model)', async () => {
    const target = seededById('7QsgkAl8QZvr9XPFtiiCtLj3sls0oNok0');
    const xml = `<cpm-evfw xmlns="urn:oma:xml:cpm:evfw">
  <event-cpm-imap type="flags" index="e1">
    <operation name="add" flags="\\Deleted">
      <object><conversation-id>${target.conversationId}</conversation-id><contribution-id>${target.contributionId}</contribution-id><message-id>${target.imdnMessageId}</message-id></object>
    </operation>
  </event-cpm-imap>
</cpm-evfw>`;
    const parsed = parseCpmEvfw(xml, { profile: 'spec' });
    expect(parsed.diagnostics).toEqual([]);
    if (!parsed.ok) throw new Error('not parsed');
    const [event] = parsed.value.events;
    if (event?.$case !== 'eventCpmImap') throw new Error('no event-cpm-imap');
    const outcomes = await Promise.all(event.eventCpmImap.operations.map((op) => store!.applyOperation(op)));
    expect(outcomes.flat().map((o) => o.ok)).toEqual([true]);
    expect(await flagsOf(server!, target.folder, target.uid)).toContain('\\Deleted');
  });

  it('refuses a wrong password with a clear error', async () => {
    const attempt = connectMessageStore({ host: server!.host, port: server!.port, user: server!.user, password: 'wrong', connectTimeoutMs: 5_000 });
    await expect(attempt).rejects.toBeInstanceOf(MessageStoreError);
    await expect(attempt).rejects.toMatchObject({
      code: 'evfw.store.auth-failed',
      message: expect.stringMatching(/^evfw\.store\.auth-failed: the CPM Message Store at 127\.0\.0\.1:\d+ refused the credentials of user "evfw"/),
    });
  });

  it('says so when nothing listens on the port', async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    await expect(connectMessageStore({ host: '127.0.0.1', port, user: 'evfw', password: 'x', connectTimeoutMs: 2_000 })).rejects.toMatchObject({
      code: 'evfw.store.connect-failed',
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });

  it('answers every object negatively when the connection is lost before the operation', async () => {
    // A relay between the adapter and Dovecot, so the test can cut the connection at will.
    const sockets: Socket[] = [];
    const relay = createServer((inbound) => {
      const outbound = createConnection({ host: server!.host, port: server!.port });
      sockets.push(inbound, outbound);
      inbound.pipe(outbound).pipe(inbound);
      inbound.on('error', () => outbound.destroy());
      outbound.on('error', () => inbound.destroy());
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    const port = (relay.address() as AddressInfo).port;
    const message = seededById('7QsgkAl8QZvr9XPFtiiCtLj3sls0oPog');
    const cut = await connectMessageStore({ host: '127.0.0.1', port, user: server!.user, password: server!.password });
    try {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => setTimeout(resolve, 50));
      const outcomes = await cut.applyOperation(operation('\\Deleted', [byUid(message), byTriple(message)]));
      expect(outcomes.map((o) => [o.index, o.ok || o.reason.code, o.messageId])).toEqual([
        [0, 'evfw.store.unavailable', message.imdnMessageId],
        [1, 'evfw.store.unavailable', message.imdnMessageId],
      ]);
      expect(await flagsOf(server!, message.folder, message.uid)).not.toContain('\\Deleted');
    } finally {
      await cut.close();
      await new Promise((resolve) => relay.close(resolve));
    }
  });

  it('refuses to work after close()', async () => {
    const other = await connectMessageStore({ host: server!.host, port: server!.port, user: server!.user, password: server!.password });
    await other.close();
    await other.close();
    await expect(other.applyOperation(operation('\\Seen', []))).rejects.toMatchObject({ code: 'evfw.store.closed' });
  });
});
