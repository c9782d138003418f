/**
 * Transaction responses (RFC 4975 section 7.2): a 200 OK for each chunk received, or an error
 * status, addressed back to the hop the request came from. Responses carry no body.
 */
import { MsrpError } from './msrp-error.js';
import { headerValue, pathUris, type MsrpRequest } from './msrp-frame.js';

/** The comments RFC 4975 section 10 gives its status codes; any comment text is allowed. */
export const STATUS_COMMENTS: Readonly<Record<number, string>> = {
  200: 'OK',
  400: 'Unintelligible',
  403: 'Action-not-allowed',
  408: 'Transaction-did-not-complete',
  413: 'Stop-sending-message',
  415: 'MIME-not-understood',
  423: 'Parameter-out-of-bounds',
  481: 'Session-does-not-exist',
  501: 'Method-not-understood',
  506: 'Session-already-in-use',
};

export interface ResponseOptions {
  /** Defaults to the comment of STATUS_COMMENTS. */
  readonly comment?: string;
  /** This endpoint's URI; defaults to the first URI of the request's To-Path. */
  readonly fromPath?: string;
}

/**
 * Whether a response is due at all (RFC 4975 section 7.2): none for `Failure-Report: no`, and
 * only error responses for `Failure-Report: partial`.
 */
export function responseWanted(request: MsrpRequest, status: number): boolean {
  const failureReport = headerValue(request, 'Failure-Report')?.trim().toLowerCase() ?? 'yes';
  if (failureReport === 'no') return false;
  if (failureReport === 'partial') return status !== 200;
  return true;
}

/**
 * The response to one request: To-Path is the previous hop, the first URI of the request's
 * From-Path; From-Path is this endpoint (section 7.2).
 */
export function buildResponse(request: MsrpRequest, status = 200, options: ResponseOptions = {}): Uint8Array {
  if (!Number.isInteger(status) || status < 100 || status > 999) {
    throw new MsrpError('evfw.msrp.invalid-option', `status ${status} is not a three-digit code`, 'use a code of RFC 4975 section 10, such as 200 or 400');
  }
  const previousHop = pathUris(headerValue(request, 'From-Path'))[0];
  const self = options.fromPath ?? pathUris(headerValue(request, 'To-Path'))[0];
  if (previousHop === undefined || self === undefined) {
    throw new MsrpError('evfw.msrp.missing-header', 'the request has no From-Path or To-Path to answer along', 'answer only requests the reader returned without an evfw.msrp.missing-header error', 400, request.transactionId);
  }
  const comment = options.comment ?? STATUS_COMMENTS[status];
  if (comment !== undefined && /[\r\n]/.test(comment)) {
    throw new MsrpError('evfw.msrp.invalid-option', 'the response comment holds a line break', 'give one line of text');
  }
  const start = `MSRP ${request.transactionId} ${status}${comment ? ` ${comment}` : ''}`;
  return new TextEncoder().encode(`${start}\r\nTo-Path: ${previousHop}\r\nFrom-Path: ${self}\r\n-------${request.transactionId}$\r\n`);
}
