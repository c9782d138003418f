/**
 * Writes a SIP message as RFC 3261 section 7 text: start line, header fields, empty line, body,
 * every line ending in CRLF. Content-Length is always written from the body's UTF-8 size, in
 * place of any the message holds, because a wrong one desynchronises a stream for every message
 * after it. A value that would inject a line (CR, LF) or a control character throws `SipError`:
 * that is a bug in the caller, and writing it would let data become headers.
 */
import { compactHeaderName, isToken } from './header-names.js';
import { SipError } from './sip-error.js';
import { SIP_VERSION, type SipMessage } from './sip-message.js';

export interface SipSerializeOptions {
  /** Write one-letter header names where they exist (section 7.3.3), as UDP senders near the MTU do. */
  readonly compact?: boolean;
}

const encoder = new TextEncoder();

export function serializeSipMessage(message: SipMessage, options: SipSerializeOptions = {}): string {
  const lines: string[] = [startLine(message)];
  const length = String(encoder.encode(message.body).length);
  let wroteLength = false;
  for (const header of message.headers) {
    if (!isToken(header.name)) invalid('evfw.sip.serialize.header-name', `header name "${header.name}" is not a token`);
    checkText(header.value, `the value of ${header.name}`);
    const isLength = header.name.toLowerCase() === 'content-length' || header.name.toLowerCase() === 'l';
    if (isLength && wroteLength) continue;
    const name = options.compact === true ? (compactHeaderName(header.name) ?? header.name) : header.name;
    lines.push(`${name}: ${isLength ? length : header.value}`);
    if (isLength) wroteLength = true;
  }
  if (!wroteLength) lines.push(`${options.compact === true ? 'l' : 'Content-Length'}: ${length}`);
  return `${lines.join('\r\n')}\r\n\r\n${message.body}`;
}

/** The message as bytes, ready for a socket. */
export function encodeSipMessage(message: SipMessage, options: SipSerializeOptions = {}): Uint8Array {
  return encoder.encode(serializeSipMessage(message, options));
}

function startLine(message: SipMessage): string {
  if (message.kind === 'request') {
    if (!isToken(message.method)) invalid('evfw.sip.serialize.method', `method "${message.method}" is not a token`);
    if (message.uri === '' || /[\s\x00-\x1f\x7f]/.test(message.uri)) invalid('evfw.sip.serialize.uri', `request URI "${message.uri}" is empty or holds whitespace`);
    return `${message.method} ${message.uri} ${SIP_VERSION}`;
  }
  if (!Number.isInteger(message.status) || message.status < 100 || message.status > 699) {
    invalid('evfw.sip.serialize.status', `status ${message.status} is not an integer from 100 to 699`);
  }
  checkText(message.reason, 'the reason phrase');
  return `${SIP_VERSION} ${message.status} ${message.reason}`;
}

function checkText(text: string, what: string): void {
  // HTAB is allowed in values (it is LWS); every other control character is not (section 25.1).
  if (/[\x00-\x08\x0a-\x1f\x7f]/.test(text)) {
    invalid('evfw.sip.serialize.control-character', `${what} holds a line break or control character`, 'remove CR, LF and control characters; a value cannot span lines');
  }
}

function invalid(code: string, message: string, hint?: string): never {
  throw new SipError(hint === undefined ? { code, message } : { code, message, hint });
}
