/**
 * Reads one SIP message (RFC 3261 sections 7 and 25) from bytes or text. Built for input from
 * the network: every size is bounded (sip-limits.ts), every problem is a `ProtocolProblem` with a
 * stable code, and nothing here throws.
 *
 * Two framings (section 18.3): a datagram holds one message, and bytes after Content-Length are
 * ignored; a stream holds messages back to back, so Content-Length is required and a short read
 * is `evfw.sip.message.incomplete` (read more and try again) rather than an error in the message.
 */
import { canonicalHeaderName, isToken } from './header-names.js';
import { fail, problem, type ProtocolProblem } from './sip-error.js';
import { resolveSipLimits, type SipLimits } from './sip-limits.js';
import { getHeaders, type SipHeader, type SipMessage } from './sip-message.js';
import { checkMandatoryHeaders } from './check-mandatory-headers.js';

export interface SipParseOptions {
  /** `datagram` (UDP, the default) or `stream` (TCP, TLS). */
  readonly transport?: 'datagram' | 'stream';
  readonly limits?: Partial<SipLimits>;
  /** Check the header fields every request and response must have (section 8.1.1). Default true. */
  readonly requireMandatoryHeaders?: boolean;
}

export type SipParseResult =
  | { readonly ok: true; readonly value: SipMessage; /** Bytes consumed from the input. */ readonly length: number }
  | { readonly ok: false; readonly error: ProtocolProblem };

const CR = 0x0d;
const LF = 0x0a;
const HTAB = 0x09;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

export function parseSipMessage(input: string | Uint8Array, options: SipParseOptions = {}): SipParseResult {
  const bytes = typeof input === 'string' ? encoder.encode(input) : input;
  const limits = resolveSipLimits(options.limits);
  const stream = options.transport === 'stream';
  if (!stream && bytes.length > limits.maxMessageBytes) {
    return fail('evfw.sip.limit.message-size', `the message is ${bytes.length} bytes, more than the limit of ${limits.maxMessageBytes}`, 'raise limits.maxMessageBytes if such messages are expected');
  }
  // Section 7.5: CRLFs before the start line are ignored (they are also stream keep-alives).
  let start = 0;
  while (start + 1 < bytes.length && bytes[start] === CR && bytes[start + 1] === LF) start += 2;
  if (start >= bytes.length) {
    // On a stream, CRLFs alone are keep-alives (RFC 5626 section 4.4.1): the offset says how many
    // bytes to drop, so a peer pinging forever cannot grow the caller's buffer.
    return stream && start > 0
      ? fail('evfw.sip.message.keepalive', `${start} bytes of CRLF keep-alive and no message yet`, 'drop `offset` bytes; answer a CRLF CRLF ping with one CRLF', start)
      : stream
        ? fail('evfw.sip.message.incomplete', 'no start line yet', 'read more bytes from the stream', start)
        : fail('evfw.sip.message.empty', 'the input holds no SIP message', undefined, 0);
  }

  const scanned = scanHeaderSection(bytes, start, limits, stream);
  if ('error' in scanned) return { ok: false, error: scanned.error };
  let text: string;
  try {
    text = utf8.decode(bytes.subarray(start, scanned.end));
  } catch {
    return fail('evfw.sip.header.encoding', 'the header section is not valid UTF-8', 'header fields are UTF-8 text (RFC 3261 section 25.1)', start);
  }
  const lines = text.split('\r\n');
  const startLine = readStartLine(lines[0] ?? '', start);
  if ('error' in startLine) return { ok: false, error: startLine.error };
  const headers = readHeaders(lines.slice(1), limits, start);
  if ('error' in headers) return { ok: false, error: headers.error };

  const bodyStart = scanned.end + 4;
  const framed = frameBody(bytes, bodyStart, headers.value, limits, stream);
  if ('error' in framed) return { ok: false, error: framed.error };
  let body: string;
  try {
    body = utf8.decode(bytes.subarray(bodyStart, bodyStart + framed.length));
  } catch {
    return fail('evfw.sip.body.encoding', 'the body is not valid UTF-8', 'evfw reads text bodies only (event XML, SDP)', bodyStart);
  }

  const message: SipMessage =
    startLine.kind === 'request'
      ? { kind: 'request', method: startLine.method, uri: startLine.uri, headers: headers.value, body }
      : { kind: 'response', status: startLine.status, reason: startLine.reason, headers: headers.value, body };
  if (options.requireMandatoryHeaders !== false) {
    const missing = checkMandatoryHeaders(message);
    if (missing !== undefined) return { ok: false, error: missing };
  }
  return { ok: true, value: message, length: bodyStart + framed.length };
}

/**
 * Finds the CRLF CRLF that ends the header section, refusing bare CR or LF, control characters
 * (NUL included) and over-long lines on the way. `end` is the offset of that CRLF CRLF.
 */
function scanHeaderSection(bytes: Uint8Array, start: number, limits: SipLimits, stream: boolean): { end: number } | { error: ProtocolProblem } {
  const stop = Math.min(bytes.length, start + limits.maxHeaderSectionBytes);
  let lineStart = start;
  for (let i = start; i < stop; i++) {
    const b = bytes[i]!;
    if (b === CR) {
      if (i + 1 >= bytes.length) break;
      if (bytes[i + 1] !== LF) return err('evfw.sip.line.bare-cr', 'a CR not followed by LF in the header section', 'end every line with CRLF (RFC 3261 section 7)', i);
      if (i - lineStart > limits.maxLineBytes) return lineTooLong(limits, lineStart);
      if (i === lineStart && i > start) return { end: i - 2 };
      i++;
      lineStart = i + 1;
    } else if (b === LF) {
      return err('evfw.sip.line.bare-lf', 'a line ends with LF alone', 'end every line with CRLF (RFC 3261 section 7)', i);
    } else if ((b < 0x20 && b !== HTAB) || b === 0x7f) {
      const name = b === 0 ? 'NUL' : `0x${b.toString(16).padStart(2, '0')}`;
      return err('evfw.sip.header.control-character', `control character ${name} in the header section`, 'header fields are text without control characters (RFC 3261 section 25.1)', i);
    }
  }
  if (stop - lineStart > limits.maxLineBytes) return lineTooLong(limits, lineStart);
  if (stop - start >= limits.maxHeaderSectionBytes) {
    return err('evfw.sip.limit.header-section', `no end of the header section within ${limits.maxHeaderSectionBytes} bytes`, 'raise limits.maxHeaderSectionBytes if such headers are expected', start);
  }
  if (stream) return err('evfw.sip.message.incomplete', 'the header section has not ended yet', 'read more bytes from the stream', bytes.length);
  return err('evfw.sip.headers.unterminated', 'the header section does not end with an empty line', 'end the header fields with CRLF CRLF, even when there is no body (RFC 3261 section 7)', bytes.length);
}

function lineTooLong(limits: SipLimits, offset: number): { error: ProtocolProblem } {
  return err('evfw.sip.limit.line-length', `a header line is longer than ${limits.maxLineBytes} bytes`, 'raise limits.maxLineBytes if such lines are expected', offset);
}

type StartLine =
  | { kind: 'request'; method: string; uri: string }
  | { kind: 'response'; status: number; reason: string };

/** Section 7.1 and 7.2: single spaces, no other whitespace; the version is case-insensitive. */
function readStartLine(line: string, offset: number): StartLine | { error: ProtocolProblem } {
  if (/^SIP\//i.test(line)) {
    const m = /^(SIP\/\d+\.\d+) (\d{3})(?: (.*))?$/i.exec(line);
    if (m === null) return err('evfw.sip.start-line.malformed', `"${excerpt(line)}" is not a status line`, 'write "SIP/2.0 200 OK"', offset);
    if (m[1]!.toUpperCase() !== 'SIP/2.0') return err('evfw.sip.start-line.version', `version ${m[1]} is not SIP/2.0`, undefined, offset);
    const status = Number(m[2]);
    if (status < 100 || status > 699) return err('evfw.sip.status.invalid', `status code ${m[2]} is outside 100 to 699`, undefined, offset);
    return { kind: 'response', status, reason: m[3] ?? '' };
  }
  const m = /^(\S+) (\S+) (\S+)$/.exec(line);
  if (m === null) return err('evfw.sip.start-line.malformed', `"${excerpt(line)}" is neither a request line nor a status line`, 'write "METHOD request-uri SIP/2.0" with single spaces', offset);
  if (!isToken(m[1]!)) return err('evfw.sip.start-line.method', `method "${excerpt(m[1]!)}" is not a token`, undefined, offset);
  if (!/^[A-Za-z][A-Za-z0-9+\-.]*:/.test(m[2]!)) return err('evfw.sip.start-line.uri', `request URI "${excerpt(m[2]!)}" has no scheme`, 'write an absolute URI such as sip:user@example.com', offset);
  if (m[3]!.toUpperCase() !== 'SIP/2.0') return err('evfw.sip.start-line.version', `version "${excerpt(m[3]!)}" is not SIP/2.0`, undefined, offset);
  return { kind: 'request', method: m[1]!, uri: m[2]! };
}

/** Section 7.3.1: folding (CRLF then whitespace) is one space; HCOLON allows whitespace before ":". */
function readHeaders(lines: string[], limits: SipLimits, offset: number): { value: SipHeader[] } | { error: ProtocolProblem } {
  // Parts are joined once at the end: appending to a string per continuation line would be
  // quadratic in a header section made of thousands of folded lines.
  const headers: { name: string; parts: string[] }[] = [];
  for (const line of lines) {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      const last = headers[headers.length - 1];
      if (last === undefined) return err('evfw.sip.header.folding', 'a continuation line comes before any header field', 'start the line with the header name, or remove its leading whitespace', offset);
      const part = line.trim();
      if (part !== '') last.parts.push(part);
      continue;
    }
    const colon = line.indexOf(':');
    const name = colon < 0 ? '' : line.slice(0, colon).replace(/[ \t]+$/, '');
    if (colon < 0 || !isToken(name)) {
      return err('evfw.sip.header.malformed', `"${excerpt(line)}" is not a header field`, 'write "Name: value"; the name is a token (RFC 3261 section 7.3)', offset);
    }
    if (headers.length >= limits.maxHeaderCount) {
      return err('evfw.sip.limit.header-count', `more than ${limits.maxHeaderCount} header fields`, 'raise limits.maxHeaderCount if such messages are expected', offset);
    }
    const first = line.slice(colon + 1).trim();
    headers.push({ name: canonicalHeaderName(name), parts: first === '' ? [] : [first] });
  }
  return { value: headers.map((h) => ({ name: h.name, value: h.parts.join(' ') })) };
}

function frameBody(bytes: Uint8Array, bodyStart: number, headers: SipHeader[], limits: SipLimits, stream: boolean): { length: number } | { error: ProtocolProblem } {
  const available = bytes.length - bodyStart;
  const values = getHeaders({ headers }, 'Content-Length');
  if (values.length === 0) {
    if (stream) return err('evfw.sip.content-length.missing', 'a message on a stream has no Content-Length', 'send Content-Length on TCP and TLS, Content-Length: 0 for no body (RFC 3261 section 18.3)', bodyStart);
    return { length: available };
  }
  if (!values.every((v) => /^\d{1,10}$/.test(v)) || new Set(values.map(Number)).size > 1) {
    return err('evfw.sip.content-length.invalid', `Content-Length "${excerpt(values.join(', '))}" is not one decimal number`, 'send a single Content-Length with the body size in bytes', bodyStart);
  }
  const declared = Number(values[0]);
  if (bodyStart + declared > limits.maxMessageBytes) {
    return err('evfw.sip.limit.message-size', `Content-Length ${declared} makes the message larger than the limit of ${limits.maxMessageBytes} bytes`, 'raise limits.maxMessageBytes if such messages are expected', bodyStart);
  }
  if (declared > available) {
    if (stream) return err('evfw.sip.message.incomplete', `the body has ${available} of ${declared} bytes so far`, 'read more bytes from the stream', bytes.length);
    return err('evfw.sip.content-length.exceeds-body', `Content-Length is ${declared} but the datagram holds ${available} body bytes`, 'a datagram whose body is shorter than Content-Length is discarded, or answered 400 if it is a request (RFC 3261 section 18.3)', bodyStart);
  }
  return { length: declared };
}

function err(code: string, message: string, hint: string | undefined, offset: number): { error: ProtocolProblem } {
  return { error: problem(code, message, hint, offset) };
}

/** Quoted input is cut short so an error about a 10 MB line stays a line. */
function excerpt(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
