/**
 * Errors of reading and writing results: CPIM envelopes (RFC 3862) and the IMDNs inside them
 * (RFC 5438). A stable code, a sentence, and a hint when the fix is known.
 */
import type { Diagnostic } from '@evfw/model';
import { CodedError } from '../coded-error.js';

export const RESULT_ERROR_CODES = {
  'evfw.cpim.syntax': 'The CPIM message has no blank line after its headers, or a header line is not "Name: value".',
  'evfw.cpim.too-large': 'The CPIM message, or its header block, is larger than the limit.',
  'evfw.cpim.missing-header': 'A header the message needs is absent: To, when writing one.',
  'evfw.cpim.content-length': 'The Content-Length of the encapsulated part is not a number, or more than the bytes present.',
  'evfw.cpim.invalid-value': 'A value given to the CPIM writer would break the message (a line break, an empty URI).',
  'evfw.imdn.content-type': 'The CPIM message does not carry message/imdn+xml.',
  'evfw.imdn.invalid': 'The IMDN document is not valid against imdn.xsd; its diagnostics say why.',
} as const;

export type ResultErrorCode = keyof typeof RESULT_ERROR_CODES;

export class ResultError extends CodedError<ResultErrorCode> {
  override readonly name = 'ResultError';

  constructor(
    code: ResultErrorCode,
    message: string,
    hint?: string,
    /** The IMDN document's own diagnostics, for evfw.imdn.invalid. */
    readonly diagnostics: readonly Diagnostic[] = [],
  ) {
    super(code, message, hint);
  }
}
