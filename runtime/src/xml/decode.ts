/**
 * Bytes to text, as XML 1.0 section 4.3.3 and Appendix F allow and no further: UTF-8 with or
 * without a byte order mark, UTF-16 (either byte order) only with one. An encoding declaration
 * must name one of those two and agree with the byte order mark. The decoded text must hold
 * only XML Chars (production [2]), so the parser never sees a NUL or a lone surrogate.
 *
 * A string is taken as already decoded: its leading U+FEFF is dropped, and its declaration and
 * characters are checked like those of bytes, so the same document gives the same answer either
 * way.
 */
import { quote } from '../datatypes/messages.js';
import type { Diagnostic } from '../diagnostics.js';
import { describeChar } from './characters.js';
import { PointCursor } from './point-cursor.js';

export type DecodeResult = { readonly text: string } | { readonly error: Diagnostic };

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** What the first bytes say: the encoding, and how many bytes of byte order mark to skip. */
interface Sniffed {
  readonly encoding: Encoding;
  readonly bomLength: number;
}

export function decodeXml(input: string | Uint8Array): DecodeResult {
  if (typeof input === 'string') {
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    return checkDeclaration(text, undefined) ?? checkChars(text);
  }
  const sniffed = sniff(input);
  if ('error' in sniffed) return sniffed;
  const body = input.subarray(sniffed.bomLength);
  let text: string;
  try {
    text = decoder(sniffed.encoding, true).decode(body);
  } catch {
    // A wrong declaration is said first. It is ASCII, so its first kilobyte decodes even when
    // later bytes are bad.
    const head = input.subarray(sniffed.bomLength, sniffed.bomLength + 1024);
    return checkDeclaration(decoder(sniffed.encoding, false).decode(head), sniffed) ?? { error: malformedBytes(body, sniffed) };
  }
  // A lone surrogate cannot survive a fatal decoder, but NUL and other controls can.
  return checkDeclaration(text, sniffed) ?? checkChars(text);
}

/** Decoders are made once: without streaming, decode() keeps no state between calls. */
const DECODERS = new Map<string, InstanceType<typeof TextDecoder>>();

function decoder(encoding: Encoding, fatal: boolean): InstanceType<typeof TextDecoder> {
  const key = `${encoding}/${fatal}`;
  let found = DECODERS.get(key);
  if (!found) DECODERS.set(key, (found = new TextDecoder(encoding, { fatal, ignoreBOM: true })));
  return found;
}

function sniff(bytes: Uint8Array): Sniffed | { readonly error: Diagnostic } {
  const [b0, b1, b2, b3] = bytes;
  const utf32 = (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) || (b0 === 0xff && b1 === 0xfe && !b2 && !b3);
  if (utf32 && bytes.length >= 4) {
    const message = 'the byte order mark says UTF-32; only UTF-8 and UTF-16 are accepted';
    return { error: encodingError(message, 'save the document as UTF-8') };
  }
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  // "<" or a space with a zero byte beside it, twice: UTF-16 text that lacks its byte order mark.
  const looksUtf16 =
    bytes.length >= 4 && ((b0 !== 0 && b1 === 0 && b2 !== 0 && b3 === 0) || (b0 === 0 && b1 !== 0 && b2 === 0 && b3 !== 0));
  if (looksUtf16) {
    return {
      error: encodingError(
        'the document looks like UTF-16 without a byte order mark; UTF-16 is accepted only with one (XML 1.0 section 4.3.3)',
        'save it as UTF-8, or as UTF-16 with a byte order mark',
      ),
    };
  }
  return { encoding: 'utf-8', bomLength: 0 };
}

const S = '[ \\t\\r\\n]';
const DECLARATION = new RegExp(`^${S}*<\\?xml${S}+version${S}*=${S}*(["'])[^"']*\\1${S}+encoding${S}*=${S}*(["'])([^"']*)\\2`, 'd');

const UTF8_DECLARED = /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])[^"']*\1[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[Uu][Tt][Ff]-8\2/;

/** The declared encoding must be UTF-8 or UTF-16 and agree with the byte order mark, if any. */
function checkDeclaration(prefix: string, sniffed: Sniffed | undefined): { readonly error: Diagnostic } | undefined {
  // The common case, UTF-8 declared and read, costs one short match; a fault is then explained.
  if (sniffed?.encoding === 'utf-8' && UTF8_DECLARED.test(prefix)) return undefined;
  if (!prefix.startsWith('<?xml') && !/^[ \t\r\n]/.test(prefix)) return undefined;
  const match = DECLARATION.exec(prefix);
  const declared = match?.[3];
  const valueStart = match?.indices?.[3]?.[0];
  if (declared === undefined || valueStart === undefined) return undefined;
  const at = new PointCursor(prefix).pointAt(valueStart);
  const name = declared.toUpperCase();
  const shown = quote(declared);
  if (name !== 'UTF-8' && name !== 'UTF-16') {
    return {
      error: encodingError(
        `the XML declaration names the encoding ${shown}; only UTF-8 and UTF-16 are accepted`,
        'convert the document to UTF-8 and declare encoding="UTF-8"',
        at,
      ),
    };
  }
  if (sniffed === undefined) return undefined;
  const bom = sniffed.bomLength === 0 ? undefined : sniffed.encoding === 'utf-8' ? 'UTF-8' : 'UTF-16';
  if (name === 'UTF-16' && bom === undefined) {
    return {
      error: encodingError(
        `the XML declaration names the encoding ${shown}, but the document has no UTF-16 byte order mark and reads as UTF-8`,
        'declare encoding="UTF-8", or save the document as UTF-16 with a byte order mark',
        at,
      ),
    };
  }
  if (bom !== undefined && bom !== name) {
    return {
      error: encodingError(
        `the byte order mark says ${bom} but the XML declaration names the encoding ${shown}`,
        `declare encoding="${bom}"`,
        at,
      ),
    };
  }
  return undefined;
}

/** Anything outside production [2]: C0 controls but tab, CR and LF; U+FFFE, U+FFFF; lone surrogates. */
const NOT_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The same characters, surrogates all counted: almost every document has none of them. */
const MAYBE_NOT_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/;

function checkChars(text: string): DecodeResult {
  if (!MAYBE_NOT_CHAR.test(text)) return { text };
  const found = NOT_CHAR.exec(text);
  if (!found) return { text };
  const at = new PointCursor(text).pointAt(found.index);
  const unit = found[0].charCodeAt(0);
  const what = unit >= 0xd800 && unit <= 0xdfff ? `a lone surrogate (${describeChar(unit)})` : `the character ${describeChar(unit)}`;
  return {
    error: {
      code: 'evfw.xml.invalid-char',
      severity: 'error',
      message: `${what} is not allowed anywhere in an XML 1.0 document`,
      hint: 'remove it; XML 1.0 cannot carry it, not even as a character reference',
      line: at.line,
      column: at.column,
      path: '',
    },
  };
}

function malformedBytes(body: Uint8Array, sniffed: Sniffed): Diagnostic {
  const found = sniffed.encoding === 'utf-8' ? findUtf8Error(body) : findUtf16Error(body, sniffed.encoding);
  // Everything before the bad bytes decodes, so the point is exact in the text the reader shows.
  const before = new TextDecoder(sniffed.encoding, { ignoreBOM: true }).decode(body.subarray(0, found.offset));
  const at = new PointCursor(before).pointAt(before.length);
  const byteOffset = sniffed.bomLength + found.offset;
  const shown = [...body.subarray(found.offset, found.offset + 4)].map((b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`);
  const label = sniffed.encoding === 'utf-8' ? 'UTF-8' : 'UTF-16';
  return encodingError(
    `the bytes are not valid ${label} at byte offset ${byteOffset} (${shown.join(' ')}): ${found.reason}`,
    `save the document as ${label}`,
    at,
  );
}

interface BadBytes {
  readonly offset: number;
  readonly reason: string;
}

/** Lead bytes of multi-byte sequences: how long, the smallest code point, the lead's own bits. */
const UTF8_LEADS = [
  { first: 0xc0, last: 0xdf, length: 2, smallest: 0x80, payload: 0x1f },
  { first: 0xe0, last: 0xef, length: 3, smallest: 0x800, payload: 0x0f },
  { first: 0xf0, last: 0xf7, length: 4, smallest: 0x10000, payload: 0x07 },
] as const;

/** The first ill-formed sequence, by the Unicode "well-formed UTF-8" table (Table 3-7). */
function findUtf8Error(bytes: Uint8Array): BadBytes {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const sequence = UTF8_LEADS.find((s) => lead >= s.first && lead <= s.last);
    if (!sequence) {
      const reason = lead <= 0xbf ? 'a continuation byte without a lead byte' : 'a byte that never appears in UTF-8';
      return { offset: i, reason };
    }
    const { length, smallest } = sequence;
    let codePoint = lead & sequence.payload;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined) return { offset: i, reason: 'a multi-byte sequence cut short by the end of the document' };
      if ((next & 0xc0) !== 0x80) return { offset: i, reason: 'a multi-byte sequence cut short' };
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (codePoint < smallest) return { offset: i, reason: 'an overlong encoding' };
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) return { offset: i, reason: 'an encoded surrogate, which is not a character' };
    if (codePoint > 0x10ffff) return { offset: i, reason: 'a code point above U+10FFFF' };
    i += length;
  }
  return { offset: bytes.length, reason: 'an ill-formed sequence' };
}

function findUtf16Error(bytes: Uint8Array, encoding: Encoding): BadBytes {
  const unitAt = (i: number) => (encoding === 'utf-16le' ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
  let i = 0;
  for (; i + 1 < bytes.length; i += 2) {
    const unit = unitAt(i);
    if (unit >= 0xdc00 && unit <= 0xdfff) return { offset: i, reason: 'a lone low surrogate' };
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = i + 3 < bytes.length ? unitAt(i + 2) : -1;
      if (!(next >= 0xdc00 && next <= 0xdfff)) return { offset: i, reason: 'a lone high surrogate' };
      i += 2;
    }
  }
  return { offset: i, reason: 'an odd number of bytes' };
}

function encodingError(message: string, hint: string, at = { line: 1, column: 1 }): Diagnostic {
  return { code: 'evfw.xml.encoding', severity: 'error', message, hint, line: at.line, column: at.column, path: '' };
}
