/**
 * Which SIP request carries an event report (OMA CPM 6.7.3): SIP MESSAGE for a one-time report
 * that fits the configured size limit (6.7.3.1), a new SIP INVITE session otherwise (6.7.3.2).
 * The answer is data, with the rule that decided it, so a client can log why and a test can
 * check the rule rather than the outcome alone. For INVITE it also says what the SDP offer must
 * carry (6.7.3.2 item 1 b).
 */
import { SipError } from './sip/sip-error.js';

export interface MechanismInput {
  /** The event data: its UTF-8 size is what the limit is about ("the size of the event data"). */
  readonly body: string | Uint8Array;
  /** The configured limit for a SIP MESSAGE, in bytes of event data. Fitting means `size <= limit`. */
  readonly messageSizeLimit: number;
  /**
   * The client expects additional information or instructions from the Participating Function
   * (6.7.3.2 item 2 a).
   */
  readonly expectsInformation?: boolean;
  /**
   * The events request an action whose result the client expects back, such as IMAP flags set in
   * the CPM Message Store (6.7.3.2 item 2 b and item 1 b ii).
   */
  readonly expectsResults?: boolean;
}

export type MechanismRule =
  | '6.7.3.1'
  | '6.7.3.2 item 1'
  | '6.7.3.2 item 2 a'
  | '6.7.3.2 item 2 b';

export interface MechanismReason {
  readonly rule: MechanismRule;
  /** Stable: `mechanism.fits-message`, `mechanism.too-large`, `mechanism.expects-information`, `mechanism.expects-results`. */
  readonly code: string;
  readonly message: string;
}

export interface SessionRequirements {
  /** 6.7.3.2 item 1 b iii: `sendrecv` when the PF must answer, else `sendonly`. */
  readonly direction: 'sendrecv' | 'sendonly';
  /** 6.7.3.2 item 1 b ii: offer `a=accept-wrapped-types:message/imdn+xml`. */
  readonly acceptImdn: boolean;
}

export type MechanismChoice =
  | { readonly mechanism: 'MESSAGE'; readonly bodyBytes: number; readonly reasons: readonly MechanismReason[] }
  | {
      readonly mechanism: 'INVITE';
      readonly bodyBytes: number;
      readonly reasons: readonly MechanismReason[];
      readonly session: SessionRequirements;
    };

export function chooseMechanism(input: MechanismInput): MechanismChoice {
  if (!Number.isSafeInteger(input.messageSizeLimit) || input.messageSizeLimit < 0) {
    throw new SipError({
      code: 'mechanism.limit.invalid',
      message: `messageSizeLimit ${input.messageSizeLimit} is not a whole number of bytes`,
      hint: 'pass the configured SIP MESSAGE limit in bytes',
    });
  }
  const bodyBytes = typeof input.body === 'string' ? new TextEncoder().encode(input.body).length : input.body.length;
  const reasons: MechanismReason[] = [];
  if (bodyBytes > input.messageSizeLimit) {
    reasons.push({
      rule: '6.7.3.2 item 1',
      code: 'mechanism.too-large',
      message: `the event data is ${bodyBytes} bytes, more than the SIP MESSAGE limit of ${input.messageSizeLimit}`,
    });
  }
  if (input.expectsInformation === true) {
    reasons.push({
      rule: '6.7.3.2 item 2 a',
      code: 'mechanism.expects-information',
      message: 'the client expects additional information or instructions from the Participating Function',
    });
  }
  if (input.expectsResults === true) {
    reasons.push({
      rule: '6.7.3.2 item 2 b',
      code: 'mechanism.expects-results',
      message: 'the client expects the result of the actions its events request',
    });
  }
  if (reasons.length === 0) {
    return {
      mechanism: 'MESSAGE',
      bodyBytes,
      reasons: [
        {
          rule: '6.7.3.1',
          code: 'mechanism.fits-message',
          message: `a one-time report of ${bodyBytes} bytes fits the SIP MESSAGE limit of ${input.messageSizeLimit}`,
        },
      ],
    };
  }
  const answered = input.expectsInformation === true || input.expectsResults === true;
  return {
    mechanism: 'INVITE',
    bodyBytes,
    reasons,
    session: { direction: answered ? 'sendrecv' : 'sendonly', acceptImdn: input.expectsResults === true },
  };
}
