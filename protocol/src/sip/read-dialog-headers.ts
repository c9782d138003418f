/**
 * What is needed to answer a request the parser refused: its request line and the Via, From, To,
 * Call-ID and CSeq fields a response copies (RFC 3261 section 8.2.6.2). A server answers 400 or
 * 413 to a request that breaks a rule or a limit, and the rule broken is often a later line (the
 * 257th header field, a 9 KB header value, a wrong Content-Length), so these fields are read
 * leniently from the head of the bytes: lines that break a limit or hold a control character are
 * skipped, not fatal, and everything else is ignored. The reading stays bounded: at most
 * `limits.maxHeaderSectionBytes` bytes are looked at, and only the kept lines are decoded.
 */
import { compactHeaderName, isToken } from './header-names.js';
import { resolveSipLimits, type SipLimits } from './sip-limits.js';
import type { SipHeader, SipRequest } from './sip-message.js';

const CR = 0x0d;
const LF = 0x0a;
const HTAB = 0x09;
const SP = 0x20;
const COLON = 0x3a;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The header fields a response copies; the only ones kept. */
const DIALOG_HEADERS: ReadonlySet<string> = new Set(['Via', 'From', 'To', 'Call-ID', 'CSeq']);
/** Their spellings lower-cased, compact forms included (RFC 3261 section 7.3.3), to the canonical one. */
const DIALOG_NAMES: ReadonlyMap<string, string> = new Map(
  [...DIALOG_HEADERS].flatMap((name) => [name.toLowerCase(), compactHeaderName(name)].filter((n) => n !== undefined).map((n): [string, string] => [n, name])),
);

/**
 * The request line and the dialog header fields of `bytes`, as a request without a body, or
 * undefined when the bytes do not start with a request line or lack one of those fields.
 */
export function readDialogHeaders(bytes: Uint8Array, limits?: Partial<SipLimits>): SipRequest | undefined {
  const { maxHeaderSectionBytes, maxLineBytes } = resolveSipLimits(limits);
  // The head only: a request's dialog fields come first in practice, and the cost of reading
  // junk stays that of the parser's own limit.
  const stop = Math.min(bytes.length, maxHeaderSectionBytes);
  let at = 0;
  // Section 7.5: CRLFs before the start line are ignored.
  while (at + 1 < stop && bytes[at] === CR && bytes[at + 1] === LF) at += 2;

  let requestLine: { method: string; uri: string } | undefined;
  const headers: { name: string; parts: string[] }[] = [];
  // Whether the last header line read was kept, so its continuation lines (folding) are too.
  let keepingLast = false;
  while (at < stop) {
    const from = at;
    const end = lineEnd(bytes, from, stop);
    const length = end - from;
    at = end + 2;
    if (length === 0) break; // the empty line that ends the header section
    // A line is decoded only when kept; an over-long line never is.
    const tooLong = length > maxLineBytes;
    if (requestLine === undefined) {
      const first = tooLong ? undefined : decodeLine(bytes, from, end);
      requestLine = first === undefined ? undefined : readRequestLine(first);
      if (requestLine === undefined) return undefined;
      continue;
    }
    if (bytes[from] === SP || bytes[from] === HTAB) {
      const part = keepingLast && !tooLong ? decodeLine(bytes, from, end) : undefined;
      if (part !== undefined) headers[headers.length - 1]!.parts.push(part.trim());
      continue;
    }
    // The name is looked at first, so the lines of other fields are never decoded.
    const name = headerName(bytes, from, end);
    const text = name === undefined || tooLong ? undefined : decodeLine(bytes, from, end);
    keepingLast = name !== undefined && text !== undefined;
    if (name !== undefined && text !== undefined) headers.push({ name, parts: [text.slice(text.indexOf(':') + 1).trim()] });
  }
  if (requestLine === undefined) return undefined;
  const fields: SipHeader[] = headers
    .map((h) => ({ name: h.name, value: h.parts.filter((p) => p !== '').join(' ') }))
    .filter((h) => h.value !== '');
  for (const name of DIALOG_HEADERS) if (!fields.some((h) => h.name === name)) return undefined;
  // One of each but Via, which a response copies in full and in order.
  const once = fields.filter((h, i) => h.name === 'Via' || fields.findIndex((g) => g.name === h.name) === i);
  return { kind: 'request', method: requestLine.method, uri: requestLine.uri, headers: once, body: '' };
}

/**
 * The canonical name of the header field on the line, if it is one of the dialog header fields
 * (long or compact spelling, any case), else undefined. The longest is "Call-ID": a colon further
 * in means another field, found without decoding the line.
 */
function headerName(bytes: Uint8Array, from: number, to: number): string | undefined {
  const scanTo = Math.min(to, from + 16);
  let name = '';
  for (let i = from; i < scanTo; i++) {
    const b = bytes[i]!;
    if (b === COLON) return DIALOG_NAMES.get(name.replace(/[ \t]+$/, '').toLowerCase());
    name += String.fromCharCode(b);
  }
  return undefined;
}

/** The offset of the CRLF that ends the line starting at `from`, or `stop` when there is none. */
function lineEnd(bytes: Uint8Array, from: number, stop: number): number {
  // indexOf is native: a 64 KB datagram of short lines is scanned in well under a millisecond.
  for (let i = bytes.indexOf(CR, from); i >= 0 && i + 1 < stop; i = bytes.indexOf(CR, i + 1)) {
    if (bytes[i + 1] === LF) return i;
  }
  return stop;
}

/** The line as text, or undefined if it holds a control character or is not UTF-8. */
function decodeLine(bytes: Uint8Array, from: number, to: number): string | undefined {
  for (let i = from; i < to; i++) {
    const b = bytes[i]!;
    if ((b < 0x20 && b !== HTAB) || b === 0x7f) return undefined;
  }
  try {
    return utf8.decode(bytes.subarray(from, to));
  } catch {
    return undefined;
  }
}

function readRequestLine(line: string): { method: string; uri: string } | undefined {
  const m = /^(\S+) (\S+) SIP\/2\.0$/i.exec(line);
  return m === null || !isToken(m[1]!) ? undefined : { method: m[1]!, uri: m[2]! };
}
