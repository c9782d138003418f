/** Errors of the client's event-reporting session: a stable code, a sentence, a hint. */
import { CodedError } from '../coded-error.js';

export const SESSION_ERROR_CODES = {
  'evfw.session.invalid-option': 'An option cannot be used: an MSRP URI that does not parse, a timeout that is not a positive number.',
  'evfw.session.connect-failed': 'The TCP connection to the Participating Function\'s MSRP URI could not be made in time.',
  'evfw.session.refused': 'The Participating Function refused the connection\'s first SEND (481: it knows no such session) or did not answer it.',
  'evfw.session.invalid-events': 'The events break the invite profile (6.7.3.2, 6.7.5.1): the Participating Function would refuse them.',
  'evfw.session.closed': 'send() was called on a session that is closed.',
} as const;

export type SessionErrorCode = keyof typeof SESSION_ERROR_CODES;

export class SessionError extends CodedError<SessionErrorCode> {
  override readonly name = 'SessionError';
}
