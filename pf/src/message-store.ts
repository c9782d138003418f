/**
 * The CPM Message Store as the Participating Function sees it: an IMAP session (imapflow) on
 * which each `<operation>` of an `<event-cpm-imap>` (6.7.5.1) is applied to its objects, one
 * outcome per object, so that the caller can answer each `<message-id>` with a positive or negative
 * IMDN delivery report.
 *
 *   const store = await connectMessageStore({ host: '127.0.0.1', port: 143, user, password });
 *   try {
 *     for (const operation of event.operations) outcomes.push(...(await store.applyOperation(operation)));
 *   } finally {
 *     await store.close();
 *   }
 *
 * Only connect() throws (MessageStoreError: unreachable store, refused credentials). Within an
 * operation every object gets an outcome: an object that cannot be found, a refused STORE, even a
 * connection lost half-way (the objects not done yet are then negative, `evfw.store.unavailable`)
 * are negative outcomes, which the client recovers from at its next IMAP sync (6.7.5.1).
 *
 * "add" adds the flag with UID STORE +FLAGS.SILENT and nothing else: \Deleted marks a message for
 * deletion, and expunging it stays the store's (or a client's) decision, as in IMAP itself.
 */
import { ImapFlow } from 'imapflow';
import type { ObjectType, Operation } from '@evfw/model/cpm-evfw';
import { connectError, describeCommandError, isConnectionLost, MessageStoreError } from './store/errors.js';
import { listMailboxes, locateObject, objectMessageId, type MailboxDirectory } from './store/locate-object.js';
import { failure, type ObjectFailure, type ObjectOutcome } from './store/outcome.js';

export { MessageStoreError, type MessageStoreErrorCode } from './store/errors.js';
export { CPM_STORE_HEADERS } from './store/locate-object.js';
export { folderPathToMailbox, parseUid } from './store/folder-path.js';
export type { FoundBy, ObjectFailure, ObjectFailureCode, ObjectNotUpdated, ObjectOutcome, ObjectUpdated, StoredMessage } from './store/outcome.js';

export interface MessageStoreOptions {
  host: string;
  port: number;
  user: string;
  password: string;
  /**
   * TLS from the first byte (IMAPS, usually port 993). Default false: the reference Participating
   * Function talks to a store on loopback or a private network.
   */
  secure?: boolean;
  /** Upgrade a cleartext connection with STARTTLS when offered. Default: imapflow's (when offered). */
  startTls?: boolean;
  /** Limit for the TCP connection and the server's greeting, each, in milliseconds. Default 10 s. */
  connectTimeoutMs?: number;
  /** Limit for silence on the socket once connected, in milliseconds. Default 60 s. */
  socketTimeoutMs?: number;
}

export interface MessageStore {
  /**
   * Applies one flags operation to each of its objects, in order. Resolves with one outcome per
   * object (`outcomes[i].index === i`); never rejects for an object (see the module comment).
   */
  applyOperation(operation: Operation): Promise<ObjectOutcome[]>;
  /** Logs out (or drops the connection when it is already broken). Safe to call twice. */
  close(): Promise<void>;
}

/** Opens an authenticated IMAP session with the store. Throws MessageStoreError when it cannot. */
export async function connectMessageStore(options: MessageStoreOptions): Promise<MessageStore> {
  const timeout = options.connectTimeoutMs ?? 10_000;
  const client = new ImapFlow({
    host: options.host,
    port: options.port,
    secure: options.secure ?? false,
    ...(options.startTls === undefined ? {} : { doSTARTTLS: options.startTls }),
    auth: { user: options.user, pass: options.password },
    // The Participating Function reports through its own log; imapflow's would print every command.
    logger: false,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: options.socketTimeoutMs ?? 60_000,
    // IDLE between operations would only add traffic: events arrive when the client sends them.
    disableAutoIdle: true,
  });
  // imapflow emits 'error' on socket failures after connect; without a listener Node would throw.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    client.close();
    throw connectError(error, `${options.host}:${options.port}`, options.user);
  }
  return new ImapMessageStore(client);
}

class ImapMessageStore implements MessageStore {
  #closed = false;

  constructor(private readonly client: ImapFlow) {}

  async applyOperation(operation: Operation): Promise<ObjectOutcome[]> {
    if (this.#closed) {
      throw new MessageStoreError('evfw.store.closed', 'applyOperation() was called after close()', 'connect again');
    }
    const { flags: flag, objects } = operation;
    const negative = (index: number, object: ObjectType, reason: ObjectFailure): ObjectOutcome =>
      withMessageId({ index, flag, ok: false, reason }, object);

    if (operation.name !== 'add') {
      const reason = failure('evfw.store.operation-unsupported', `operation "${String(operation.name)}" is not supported`, '6.7.5.1 defines "add" only').reason;
      return objects.map((object, index) => negative(index, object, reason));
    }

    const outcomes: ObjectOutcome[] = [];
    let directory: MailboxDirectory | undefined;
    let lost: string | undefined;
    for (const [index, object] of objects.entries()) {
      if (lost !== undefined || !this.client.usable) {
        lost ??= 'the IMAP connection closed';
        outcomes.push(negative(index, object, unavailable(lost)));
        continue;
      }
      try {
        // Listed once per operation: a mailbox created meanwhile is found by the next event.
        directory ??= await listMailboxes(this.client);
        const located = await locateObject(this.client, directory, object);
        if (!located.ok) {
          outcomes.push(negative(index, object, located.reason));
          continue;
        }
        const stored = await this.addFlag(located.found.mailbox, located.found.uid, flag);
        outcomes.push(
          withMessageId(
            stored === true
              ? { index, flag, ok: true, found: located.found, by: located.by }
              : { index, flag, ok: false, found: located.found, reason: stored },
            object,
          ),
        );
      } catch (error) {
        if (isConnectionLost(error) || !this.client.usable) {
          lost = describeCommandError(error);
          outcomes.push(negative(index, object, unavailable(lost)));
        } else {
          // A command the server refused (a mailbox deleted between LIST and SELECT, say).
          outcomes.push(negative(index, object, failure('evfw.store.command-failed', `the store refused a command: ${describeCommandError(error)}`).reason));
        }
      }
    }
    return outcomes;
  }

  private async addFlag(mailbox: string, uid: number, flag: string): Promise<true | ObjectFailure> {
    const lock = await this.client.getMailboxLock(mailbox);
    try {
      if (this.client.mailbox && this.client.mailbox.readOnly) {
        return failure('evfw.store.flag-rejected', `mailbox "${mailbox}" is read-only for this user`).reason;
      }
      let done: boolean;
      try {
        done = await this.client.messageFlagsAdd(String(uid), [flag], { uid: true, silent: true });
      } catch (error) {
        if (isConnectionLost(error)) throw error;
        return failure('evfw.store.flag-rejected', `STORE ${flag} on UID ${uid} in "${mailbox}" failed: ${describeCommandError(error)}`).reason;
      }
      return done ? true : failure('evfw.store.flag-rejected', `the server did not store ${flag} on UID ${uid} in "${mailbox}"`).reason;
    } finally {
      lock.release();
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (!this.client.usable) {
      this.client.close();
      return;
    }
    try {
      await this.client.logout();
    } catch {
      this.client.close();
    }
  }
}

function unavailable(why: string): ObjectFailure {
  return failure('evfw.store.unavailable', `the CPM Message Store connection was lost: ${why}`, 'the client sets the flag again at its next IMAP sync (6.7.5.1)').reason;
}

function withMessageId<T extends ObjectOutcome>(outcome: T, object: ObjectType): T {
  const messageId = objectMessageId(object);
  return messageId === undefined ? outcome : { ...outcome, messageId };
}
