/**
 * CPIM messages (RFC 3862), as far as an IMDN in MSRP needs them (RFC 5438 sections 6 and 9;
 * OMA CPM 6.7.3.2 item 3): message headers (From, To, NS, namespaced ones such as
 * imdn.Message-ID, DateTime), a blank line, then one MIME part with its own headers and body.
 * Event documents themselves never travel in CPIM (6.7.4).
 */
import { ResultError } from './result-error.js';

export interface CpimHeader {
  readonly name: string;
  readonly value: string;
}

/** `Display Name <uri>` (RFC 3862 section 5.1, From and To). */
export interface CpimAddress {
  readonly uri: string;
  readonly displayName?: string;
}

export interface CpimMessage {
  /** The message headers in order, as written. */
  readonly headers: readonly CpimHeader[];
  readonly from?: CpimAddress;
  readonly to: readonly CpimAddress[];
  readonly dateTime?: string;
  /** NS declarations: prefix to namespace URI (RFC 3862 section 5.7). */
  readonly namespaces: ReadonlyMap<string, string>;
  /** The encapsulated MIME part. */
  readonly content: {
    readonly headers: readonly CpimHeader[];
    readonly contentType?: string;
    readonly body: Uint8Array;
  };
}

export interface CpimInput {
  readonly from: CpimAddress;
  readonly to: readonly CpimAddress[];
  /** RFC 3339; written as given. */
  readonly dateTime?: string;
  /** NS declarations, written before the headers that use them. */
  readonly namespaces?: readonly { readonly prefix: string; readonly uri: string }[];
  /** Further message headers, namespaced ones with their prefix (`imdn.Message-ID`). */
  readonly headers?: readonly CpimHeader[];
  readonly contentType: string;
  /** Further MIME headers of the part (Content-Disposition, ...). */
  readonly contentHeaders?: readonly CpimHeader[];
  readonly body: string | Uint8Array;
}

export interface CpimLimits {
  /** The whole message, in bytes. */
  readonly maxSize: number;
  /** Header lines of the message and of its part, together. */
  readonly maxHeaders: number;
}

export const DEFAULT_CPIM_LIMITS: CpimLimits = Object.freeze({ maxSize: 1024 * 1024, maxHeaders: 64 });

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Writes a CPIM message with CRLF line ends and a Content-Length in bytes for the part. */
export function wrapCpim(input: CpimInput): Uint8Array {
  const body = typeof input.body === 'string' ? encoder.encode(input.body) : input.body;
  const lines: string[] = [`From: ${formatAddress(input.from)}`];
  if (input.to.length === 0) throw new ResultError('evfw.cpim.missing-header', 'a CPIM message needs at least one To address', 'pass the recipient, the client\'s own address for results');
  for (const to of input.to) lines.push(`To: ${formatAddress(to)}`);
  for (const ns of input.namespaces ?? []) lines.push(`NS: ${checked(ns.prefix)} <${checked(ns.uri)}>`);
  for (const h of input.headers ?? []) lines.push(`${checkedName(h.name)}: ${checked(h.value)}`);
  if (input.dateTime !== undefined) lines.push(`DateTime: ${checked(input.dateTime)}`);
  const part = [`Content-Type: ${checked(input.contentType)}`];
  for (const h of input.contentHeaders ?? []) part.push(`${checkedName(h.name)}: ${checked(h.value)}`);
  part.push(`Content-Length: ${body.length}`);
  const head = encoder.encode(`${lines.join('\r\n')}\r\n\r\n${part.join('\r\n')}\r\n\r\n`);
  const out = new Uint8Array(head.length + body.length);
  out.set(head, 0);
  out.set(body, head.length);
  return out;
}

export type CpimParseResult = { readonly ok: true; readonly value: CpimMessage } | { readonly ok: false; readonly error: ResultError };

/** Reads a CPIM message. Never throws on bad input. Accepts bare LF line ends as well as CRLF. */
export function parseCpim(input: string | Uint8Array, limits?: Partial<CpimLimits>): CpimParseResult {
  const { maxSize, maxHeaders } = { ...DEFAULT_CPIM_LIMITS, ...limits };
  const bytes = typeof input === 'string' ? encoder.encode(input) : input;
  if (bytes.length > maxSize) {
    return fail('evfw.cpim.too-large', `the CPIM message is ${bytes.length} bytes, more than the limit of ${maxSize}`, 'raise limits.maxSize if the peer is trusted');
  }
  const outer = readHeaderBlock(bytes, 0, maxHeaders);
  if (!outer.ok) return outer;
  const inner = readHeaderBlock(bytes, outer.next, maxHeaders - outer.headers.length);
  if (!inner.ok) return inner;
  let body = bytes.subarray(inner.next);
  const length = findHeader(inner.headers, 'Content-Length');
  if (length !== undefined) {
    const n = /^\d{1,12}$/.test(length.trim()) ? Number(length.trim()) : NaN;
    if (!(n <= body.length)) {
      return fail('evfw.cpim.content-length', `Content-Length "${length}" is not a number of bytes at most the ${body.length} present`, 'leave Content-Length out, or give the body\'s length in bytes');
    }
    // Bytes past Content-Length, such as a trailing CRLF some senders add, are not the body.
    body = body.subarray(0, n);
  }
  const namespaces = new Map<string, string>();
  for (const h of outer.headers) {
    if (h.name.toLowerCase() !== 'ns') continue;
    const m = /^\s*([^\s<]*)\s*<([^>]*)>\s*$/.exec(h.value);
    if (m) namespaces.set(m[1]!, m[2]!);
  }
  const from = findHeader(outer.headers, 'From');
  const dateTime = findHeader(outer.headers, 'DateTime')?.trim();
  const contentType = findHeader(inner.headers, 'Content-Type')?.trim();
  return {
    ok: true,
    value: {
      headers: outer.headers,
      ...(from !== undefined ? { from: parseAddress(from) } : {}),
      to: outer.headers.filter((h) => h.name.toLowerCase() === 'to').map((h) => parseAddress(h.value)),
      ...(dateTime ? { dateTime } : {}),
      namespaces,
      content: { headers: inner.headers, ...(contentType ? { contentType } : {}), body: new Uint8Array(body) },
    },
  };
}

/**
 * The value of a namespaced header, such as imdn.Message-ID: the prefix is whatever the
 * message's NS header bound to `namespaceUri` (RFC 3862 section 5.7), not a fixed "imdn".
 */
export function cpimHeader(message: CpimMessage, namespaceUri: string, name: string): string | undefined {
  const prefixes = [...message.namespaces].filter(([, uri]) => uri === namespaceUri).map(([prefix]) => prefix);
  const wanted = new Set(prefixes.map((p) => (p === '' ? name : `${p}.${name}`).toLowerCase()));
  return message.headers.find((h) => wanted.has(h.name.toLowerCase()))?.value.trim();
}

/** The part's body as text (UTF-8). */
export function cpimBodyText(message: CpimMessage): string {
  return decoder.decode(message.content.body);
}

function formatAddress(address: CpimAddress): string {
  if (!address.uri || /[\s<>]/.test(address.uri)) {
    throw new ResultError('evfw.cpim.invalid-value', `"${address.uri}" is not a URI a CPIM address can hold`, 'give a sip:, tel: or im: URI without spaces or angle brackets');
  }
  const name = address.displayName?.trim();
  if (!name) return `<${address.uri}>`;
  // A quoted Formal-name may hold any text but a quote or a backslash unescaped (RFC 3862 section 3.3).
  return `"${checked(name).replace(/["\\]/g, (c) => `\\${c}`)}" <${address.uri}>`;
}

function parseAddress(value: string): CpimAddress {
  const m = /^\s*(.*?)\s*<([^<>]*)>\s*$/.exec(value);
  if (!m) return { uri: value.trim() };
  const name = m[1]!.replace(/^"(.*)"$/, '$1').replace(/\\(.)/g, '$1');
  return name ? { uri: m[2]!, displayName: name } : { uri: m[2]! };
}

function findHeader(headers: readonly CpimHeader[], name: string): string | undefined {
  const wanted = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === wanted)?.value;
}

function checked(value: string): string {
  if (/[\r\n]/.test(value)) {
    throw new ResultError('evfw.cpim.invalid-value', `"${value.slice(0, 40)}" holds a line break, which would end the header`, 'give one line of text');
  }
  return value;
}

function checkedName(name: string): string {
  if (!/^[!-9;-~]+$/.test(name)) {
    throw new ResultError('evfw.cpim.invalid-value', `"${name.slice(0, 40)}" is not a header name`, 'use letters, digits and - . _ without spaces or a colon');
  }
  return name;
}

type Block = { ok: true; headers: CpimHeader[]; next: number } | { ok: false; error: ResultError };

/** Header lines from `start` up to and including the blank line. */
function readHeaderBlock(bytes: Uint8Array, start: number, maxHeaders: number): Block {
  const headers: CpimHeader[] = [];
  let at = start;
  for (;;) {
    const lf = bytes.indexOf(0x0a, at);
    if (lf < 0) {
      return fail('evfw.cpim.syntax', start === 0 ? 'the CPIM message headers never end with a blank line' : 'the encapsulated part\'s headers never end with a blank line', 'end each header block with an empty line (CRLF CRLF)');
    }
    const end = lf > at && bytes[lf - 1] === 0x0d ? lf - 1 : lf;
    const line = decoder.decode(bytes.subarray(at, end));
    at = lf + 1;
    if (line === '') return { ok: true, headers, next: at };
    if (headers.length >= maxHeaders) {
      return fail('evfw.cpim.too-large', `the CPIM message has more than ${maxHeaders} header lines`, 'raise limits.maxHeaders if the peer is trusted');
    }
    const m = /^([!-9;-~]+):[ \t]*(.*)$/.exec(line);
    if (!m) return fail('evfw.cpim.syntax', `"${line.slice(0, 40)}" is not a "Name: value" header line`);
    headers.push({ name: m[1]!, value: m[2]!.trimEnd() });
  }
}

function fail(code: ResultError['code'], message: string, hint?: string): { ok: false; error: ResultError } {
  return { ok: false, error: new ResultError(code, message, hint) };
}
