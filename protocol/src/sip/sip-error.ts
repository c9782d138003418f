/**
 * One error shape for everything SIP and SDP here: a stable code to branch on, a sentence a
 * person can act on, and a hint when the fix is known. Parsers return it (they never throw on
 * input); builders and serializers throw it as `SipError` because a bad value there is a bug in
 * the caller, not hostile input.
 */

import { CodedError } from '../coded-error.js';

export interface ProtocolProblem {
  /** Stable, dotted, machine-first: `evfw.sip.header.control-character`, `evfw.sdp.offer.no-msrp`. */
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
  /** Byte offset into the input where the problem was found, when there is one. */
  readonly offset?: number;
}

export type ParseOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: ProtocolProblem };

export class SipError extends CodedError {
  override readonly name = 'SipError';

  constructor(problem: ProtocolProblem) {
    super(problem.code, problem.message, problem.hint);
  }
}

export function problem(code: string, message: string, hint?: string, offset?: number): ProtocolProblem {
  const p: { code: string; message: string; hint?: string; offset?: number } = { code, message };
  if (hint !== undefined) p.hint = hint;
  if (offset !== undefined) p.offset = offset;
  return p;
}

export function fail(code: string, message: string, hint?: string, offset?: number): { readonly ok: false; readonly error: ProtocolProblem } {
  return { ok: false, error: problem(code, message, hint, offset) };
}
