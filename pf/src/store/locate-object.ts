/**
 * Finding the stored message an `<object>` stands for (6.7.5.1): by `uid` in `folder-path` when
 * the client knows them, else by the header triple the CPM Message Store keeps on every stored CPM
 * Message (Conversation-ID, Contribution-ID, IMDN-Message-ID).
 *
 * IMAP SEARCH HEADER matches substrings (RFC 3501 6.4.4), so every candidate's headers are fetched
 * and compared exactly: "m1" must not find the message whose IMDN-Message-ID is "m10".
 */
import type { ImapFlow } from 'imapflow';
import type { ObjectType } from '@evfw/model/cpm-evfw';
import { folderPathToMailbox, parseUid } from './folder-path.js';
import { failure, type Located, type StoredMessage } from './outcome.js';

/** The RFC 5322 header fields of a stored CPM Message that carry the object's identifiers. */
export const CPM_STORE_HEADERS = {
  conversationId: 'Conversation-ID',
  contributionId: 'Contribution-ID',
  messageId: 'IMDN-Message-ID',
} as const;

/** What the adapter knows of the store's mailboxes, listed once per operation. */
export interface MailboxDirectory {
  readonly delimiter: string;
  /** Every mailbox that can be selected, in the server's LIST order. */
  readonly selectable: readonly string[];
  has(mailbox: string): boolean;
}

export async function listMailboxes(client: ImapFlow): Promise<MailboxDirectory> {
  const boxes = await client.list();
  const selectable = boxes
    .filter((box) => !box.flags.has('\\Noselect') && !box.flags.has('\\NonExistent'))
    .map((box) => box.path);
  const names = new Set(selectable);
  const delimiter = client.namespace?.delimiter ?? boxes.find((box) => box.delimiter)?.delimiter ?? '/';
  return { delimiter, selectable, has: (mailbox) => names.has(mailbox) };
}

/** The object's identifiers, read once. */
interface Identifiers {
  uid?: string;
  folderPath?: string;
  messageId?: string;
  triple?: { conversationId: string; contributionId: string; messageId: string };
}

function nonBlank(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}

export function objectMessageId(object: ObjectType): string | undefined {
  return nonBlank(object.messageIdOrOtherParty?.messageId);
}

function identifiers(object: ObjectType): Identifiers {
  const conversationId = nonBlank(object.conversationId);
  const contributionId = nonBlank(object.contributionId);
  const messageId = objectMessageId(object);
  return {
    uid: nonBlank(object.uid),
    folderPath: object.folderPath,
    messageId,
    triple: conversationId && contributionId && messageId ? { conversationId, contributionId, messageId } : undefined,
  };
}

/** Header fields from a FETCH BODY[HEADER.FIELDS (...)] answer: unfolded, names lower-cased. */
export function parseHeaderFields(raw: Buffer | string | undefined): Map<string, string[]> {
  const fieldsByName = new Map<string, string[]>();
  if (raw === undefined) return fieldsByName;
  const text = (typeof raw === 'string' ? raw : raw.toString('utf8')).replace(/\r?\n[ \t]+/g, ' ');
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    fieldsByName.set(name, [...(fieldsByName.get(name) ?? []), line.slice(colon + 1).trim()]);
  }
  return fieldsByName;
}

async function headersOf(client: ImapFlow, uids: readonly number[]): Promise<Map<number, Map<string, string[]>>> {
  const result = new Map<number, Map<string, string[]>>();
  if (uids.length === 0) return result;
  const names = Object.values(CPM_STORE_HEADERS);
  for await (const message of client.fetch(uids.join(','), { uid: true, headers: names }, { uid: true })) {
    result.set(message.uid, parseHeaderFields(message.headers));
  }
  return result;
}

async function byUid(client: ImapFlow, directory: MailboxDirectory, ids: Identifiers & { uid: string; folderPath: string }): Promise<Located> {
  const uid = parseUid(ids.uid);
  if (uid === undefined) {
    return failure('evfw.store.uid-invalid', `uid "${ids.uid}" is not an IMAP UID`, 'an IMAP UID is a number from 1 to 4294967295 (RFC 3501 2.3.1.1)');
  }
  const mailbox = folderPathToMailbox(ids.folderPath, directory.delimiter);
  if (mailbox === undefined) return failure('evfw.store.folder-invalid', `folder-path "${ids.folderPath}" names no mailbox`);
  if (!directory.has(mailbox)) {
    return failure('evfw.store.folder-not-found', `the store has no selectable mailbox "${mailbox}" (folder-path "${ids.folderPath}")`);
  }
  const lock = await client.getMailboxLock(mailbox, { readOnly: true });
  try {
    const headers = await headersOf(client, [uid]);
    const fields = headers.get(uid);
    if (!fields) return failure('evfw.store.object-not-found', `no message with UID ${uid} in mailbox "${mailbox}"`);
    // A UID is only meaningful with the mailbox's UIDVALIDITY, which the event does not carry: when
    // the object also names its IMDN Message-ID, a stored message with another one is not it.
    const expected = ids.messageId;
    const stored = fields.get(CPM_STORE_HEADERS.messageId.toLowerCase());
    if (expected !== undefined && stored !== undefined && !stored.includes(expected)) {
      return failure(
        'evfw.store.uid-mismatch',
        `the message with UID ${uid} in "${mailbox}" has IMDN-Message-ID "${stored.join(', ')}", not "${expected}"`,
        'the client\'s UID is stale (the mailbox was rebuilt?); it resynchronises at its next IMAP sync',
      );
    }
    return { ok: true, found: { mailbox, uid }, by: 'uid' };
  } finally {
    lock.release();
  }
}

function matches(fields: Map<string, string[]>, triple: NonNullable<Identifiers['triple']>): boolean {
  const has = (name: string, value: string) => (fields.get(name.toLowerCase()) ?? []).includes(value);
  return (
    has(CPM_STORE_HEADERS.conversationId, triple.conversationId) &&
    has(CPM_STORE_HEADERS.contributionId, triple.contributionId) &&
    has(CPM_STORE_HEADERS.messageId, triple.messageId)
  );
}

async function byHeaders(client: ImapFlow, directory: MailboxDirectory, ids: Identifiers & { triple: NonNullable<Identifiers['triple']> }): Promise<Located> {
  let mailboxes: readonly string[] = directory.selectable;
  if (ids.folderPath !== undefined) {
    const mailbox = folderPathToMailbox(ids.folderPath, directory.delimiter);
    if (mailbox === undefined) return failure('evfw.store.folder-invalid', `folder-path "${ids.folderPath}" names no mailbox`);
    if (!directory.has(mailbox)) {
      return failure('evfw.store.folder-not-found', `the store has no selectable mailbox "${mailbox}" (folder-path "${ids.folderPath}")`);
    }
    mailboxes = [mailbox];
  }
  const { conversationId, contributionId, messageId } = ids.triple;
  const found: StoredMessage[] = [];
  for (const mailbox of mailboxes) {
    const lock = await client.getMailboxLock(mailbox, { readOnly: true });
    try {
      const candidates = await client.search(
        {
          header: {
            [CPM_STORE_HEADERS.conversationId]: conversationId,
            [CPM_STORE_HEADERS.contributionId]: contributionId,
            [CPM_STORE_HEADERS.messageId]: messageId,
          },
        },
        { uid: true },
      );
      if (!candidates || candidates.length === 0) continue;
      for (const [uid, fields] of await headersOf(client, candidates)) {
        if (matches(fields, ids.triple)) found.push({ mailbox, uid });
      }
    } finally {
      lock.release();
    }
  }
  const where = mailboxes.length === 1 ? `mailbox "${mailboxes[0]}"` : `any of the ${mailboxes.length} mailboxes`;
  const what = `Conversation-ID "${conversationId}", Contribution-ID "${contributionId}" and IMDN-Message-ID "${messageId}"`;
  const [first, ...others] = found;
  if (!first) return failure('evfw.store.object-not-found', `no message in ${where} has ${what}`);
  if (others.length > 0) {
    const list = found.map((m) => `"${m.mailbox}" UID ${m.uid}`).join(', ');
    return failure('evfw.store.object-ambiguous', `${found.length} messages have ${what}: ${list}`, 'give the object its uid and folder-path');
  }
  return { ok: true, found: first, by: 'headers' };
}

/**
 * Locates one object. uid and folder-path first; when that fails and the object also carries the
 * full triple, the triple is searched (in folder-path's mailbox when given, else in every
 * selectable mailbox), and a failure reports both attempts.
 */
export async function locateObject(client: ImapFlow, directory: MailboxDirectory, object: ObjectType): Promise<Located> {
  const ids = identifiers(object);
  let first: Located | undefined;
  if (ids.uid !== undefined && ids.folderPath !== undefined) {
    first = await byUid(client, directory, { ...ids, uid: ids.uid, folderPath: ids.folderPath });
    if (first.ok || !ids.triple) return first;
  }
  if (ids.triple) {
    const second = await byHeaders(client, directory, { ...ids, triple: ids.triple });
    if (second.ok || !first || first.ok) return second;
    return failure(second.reason.code, `${first.reason.message}; ${second.reason.message}`, second.reason.hint ?? first.reason.hint);
  }
  return failure(
    'evfw.store.object-unidentifiable',
    ids.uid !== undefined
      ? `the object has uid "${ids.uid}" but no folder-path, and not all of conversation-id, contribution-id and message-id`
      : 'the object has neither uid and folder-path nor all of conversation-id, contribution-id and message-id',
    'a UID is unique only within its mailbox: send folder-path with it, or the three identifiers (6.7.5.1)',
  );
}
