/**
 * The failures that stop the Message Store adapter as a whole, as opposed to the per-object
 * negative outcomes of outcome.ts: the store cannot be reached, refuses the credentials, or is used
 * after close(). They are thrown, because no object can be updated and the caller must know why
 * (and answer every object negatively, or the request with a 5xx).
 */

import { CodedError } from '@evfw/protocol';

export type MessageStoreErrorCode = 'evfw.store.connect-failed' | 'evfw.store.auth-failed' | 'evfw.store.closed';

export class MessageStoreError extends CodedError<MessageStoreErrorCode> {
  override readonly name = 'MessageStoreError';
}

/** imapflow's error fields this adapter reads (it sets them on plain Error objects). */
interface ImapFlowErrorFields {
  code?: string;
  authenticationFailed?: boolean;
  serverResponseCode?: string;
  responseText?: string;
}

function fields(error: unknown): ImapFlowErrorFields {
  return typeof error === 'object' && error !== null ? (error as ImapFlowErrorFields) : {};
}

/** The thrown error for a failed connect(): authentication, or anything else on the way. */
export function connectError(error: unknown, where: string, user: string): MessageStoreError {
  const f = fields(error);
  if (f.authenticationFailed || f.serverResponseCode === 'AUTHENTICATIONFAILED') {
    return new MessageStoreError(
      'evfw.store.auth-failed',
      `the CPM Message Store at ${where} refused the credentials of user "${user}"${f.responseText ? ` (${f.responseText})` : ''}`,
      'check the user name and password the Participating Function is configured with',
      { cause: error },
    );
  }
  const reason = f.code ? `${f.code}: ${(error as Error).message}` : error instanceof Error ? error.message : String(error);
  return new MessageStoreError(
    'evfw.store.connect-failed',
    `cannot open an IMAP session with the CPM Message Store at ${where} (${reason})`,
    'check that the store is running and that host, port and the secure (TLS) setting match it',
    { cause: error },
  );
}

// imapflow's codes for a connection that is gone or stuck (ImapFlowErrorCode), and Node's socket codes.
const CONNECTION_LOST = new Set([
  'NoConnection',
  'EConnectionClosed',
  'StateLogout',
  'ETIMEOUT',
  'ECONNRESET',
  'EPIPE',
  'ECONNREFUSED',
]);

/** True when an error in the middle of an operation means the session is gone. */
export function isConnectionLost(error: unknown): boolean {
  const code = fields(error).code;
  return code !== undefined && CONNECTION_LOST.has(code);
}

/** The server's own words for a failed command, for a negative outcome's message. */
export function describeCommandError(error: unknown): string {
  const f = fields(error);
  return f.responseText || (error instanceof Error ? error.message : String(error));
}
