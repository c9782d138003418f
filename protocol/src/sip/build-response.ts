/**
 * A response to a request (RFC 3261 section 8.2.6): the Via fields in order, From, To with a tag,
 * Call-ID and CSeq copied, so the response matches its transaction. Used by the Participating
 * Function to answer event reports (200, or 4xx naming the first diagnostic).
 */
import { getHeader, getHeaders, type SipHeader, type SipRequest, type SipResponse } from './sip-message.js';
import { parseParams } from './header-values.js';
import { newTag, type RandomSource } from './random-source.js';
import { SipError } from './sip-error.js';

const REASONS: ReadonlyMap<number, string> = new Map([
  [100, 'Trying'],
  [180, 'Ringing'],
  [200, 'OK'],
  [202, 'Accepted'],
  [400, 'Bad Request'],
  [403, 'Forbidden'],
  [404, 'Not Found'],
  [413, 'Request Entity Too Large'],
  [415, 'Unsupported Media Type'],
  [480, 'Temporarily Unavailable'],
  [486, 'Busy Here'],
  [488, 'Not Acceptable Here'],
  [500, 'Server Internal Error'],
  [503, 'Service Unavailable'],
]);

export function reasonPhrase(status: number): string {
  return REASONS.get(status) ?? (status < 200 ? 'Provisional' : status < 300 ? 'OK' : 'Error');
}

export interface SipResponseOptions {
  readonly reason?: string;
  /** The To tag; from `random` when the request's To has none and the status is above 100. */
  readonly toTag?: string;
  readonly random?: RandomSource;
  readonly headers?: readonly SipHeader[];
  readonly body?: string;
  readonly contentType?: string;
}

export function buildSipResponse(request: SipRequest, status: number, options: SipResponseOptions = {}): SipResponse {
  const headers: SipHeader[] = getHeaders(request, 'Via').map((value) => ({ name: 'Via', value }));
  const copy = (name: string): void => {
    const value = getHeader(request, name);
    if (value !== undefined) headers.push({ name, value });
  };
  copy('From');
  const to = getHeader(request, 'To');
  if (to !== undefined) {
    // Section 8.2.6.2: a tag is added unless the request already had one (a mid-dialog request).
    const hasTag = parseParams(to).params.has('tag');
    let tag: string | undefined;
    if (!hasTag && status !== 100) {
      if (options.toTag === undefined && options.random === undefined) {
        throw new SipError({ code: 'evfw.sip.build.to-tag', message: `a ${status} response needs a To tag`, hint: 'pass toTag (the dialog\'s) or random (RFC 3261 section 8.2.6.2)' });
      }
      tag = options.toTag ?? newTag(options.random!);
    }
    headers.push({ name: 'To', value: tag === undefined ? to : `${to};tag=${tag}` });
  }
  copy('Call-ID');
  copy('CSeq');
  headers.push(...(options.headers ?? []));
  const body = options.body ?? '';
  if (body !== '') headers.push({ name: 'Content-Type', value: options.contentType ?? 'text/plain;charset=utf-8' });
  return { kind: 'response', status, reason: options.reason ?? reasonPhrase(status), headers, body };
}
