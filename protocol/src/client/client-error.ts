/**
 * Errors of the SIP client (protocol/src/client): the transport to the Participating Function
 * and the INVITE dialog of OMA CPM 6.7.3.2. A stable code, a sentence, a hint; a refused INVITE
 * also carries the status and the response, so a caller can branch on 486 versus 488.
 */
import { CodedError } from '../coded-error.js';
import type { SipResponse } from '../sip/sip-message.js';

export const CLIENT_ERROR_CODES = {
  'evfw.client.invalid-option': 'An option or request cannot be used: a timeout that is not a positive number, a request without a Via branch.',
  'evfw.client.timeout': 'The Participating Function sent no final response in time (RFC 3261 17.1: Timer B or F).',
  'evfw.client.transport': 'The socket failed, the connection closed, or the peer sent bytes that are not SIP on a stream.',
  'evfw.client.invite-refused': 'The Participating Function answered the INVITE with a final response other than 2xx; `status` says which.',
  'evfw.client.bad-answer': 'The 2xx to the INVITE carries no usable SDP answer (no MSRP media, no a=path, a role the client cannot take); the dialog was ended with BYE.',
} as const;

export type ClientErrorCode = keyof typeof CLIENT_ERROR_CODES;

export class ClientError extends CodedError<ClientErrorCode> {
  override readonly name = 'ClientError';
  /** The final response's status, for `evfw.client.invite-refused`. */
  readonly status?: number;
  /** The final response, for `evfw.client.invite-refused`. */
  readonly response?: SipResponse;

  constructor(code: ClientErrorCode, message: string, hint?: string, response?: SipResponse) {
    super(code, message, hint);
    if (response !== undefined) {
      this.status = response.status;
      this.response = response;
    }
  }
}
