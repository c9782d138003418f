/**
 * xs:anyURI. XSD 1.0 only asks that a value become a URI reference once the characters that
 * RFC 2396 disallows are %-escaped; libxml2 implements that by turning those characters into
 * "_" and parsing the result with its RFC 3986 parser. This is a port of that check, so we
 * refuse exactly what it refuses: a "%" not followed by two hex digits, a second "#", "[" or "]"
 * outside an IP literal or the fragment, a non-numeric or empty port, an unclosed "[", a colon
 * in the first segment of a relative reference (":a"), and a scheme not starting with a letter
 * followed by other characters a relative reference cannot hold.
 */

// What libxml2 replaces before parsing (see xmlSchemaValAtomicType, case XML_SCHEMAS_ANYURI).
const UNWISE = /[\u0000-\u001F\u007F-\u{10FFFF} <>"{}|\\^`']/gu;
const INT_MAX = 2147483647;

class Cursor {
  pos = 0;
  constructor(readonly s: string) {}
  ch(): string {
    return this.s[this.pos] ?? '';
  }
  at(offset: number): string {
    return this.s[this.pos + offset] ?? '';
  }
}

// One character each ('' past the end), compared by code: these run once per character.
const isAlpha = (c: string): boolean => c.length === 1 && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
const isDigit = (c: string): boolean => c.length === 1 && c >= '0' && c <= '9';
const isHex = (c: string): boolean => isDigit(c) || (c.length === 1 && ((c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f')));
const isUnreserved = (c: string): boolean => isAlpha(c) || isDigit(c) || c === '-' || c === '.' || c === '_' || c === '~';
const isSubDelim = (c: string): boolean => c !== '' && "!$&()*+,;='".includes(c);

function isPctEncoded(cur: Cursor): boolean {
  return cur.ch() === '%' && isHex(cur.at(1)) && isHex(cur.at(2));
}

/** Steps over one pchar if there is one; a pct-encoded triple counts as one. */
function takePchar(cur: Cursor, forbid = ''): boolean {
  if (isPctEncoded(cur)) {
    cur.pos += 3;
    return true;
  }
  const c = cur.ch();
  if (c === '' || c === forbid) return false;
  if (isUnreserved(c) || isSubDelim(c) || c === ':' || c === '@') {
    cur.pos++;
    return true;
  }
  return false;
}

function segment(cur: Cursor, forbid: string, allowEmpty: boolean): boolean {
  if (!takePchar(cur, forbid)) return allowEmpty;
  while (takePchar(cur, forbid));
  return true;
}

function moreSegments(cur: Cursor): boolean {
  while (cur.ch() === '/') {
    cur.pos++;
    segment(cur, '', true);
  }
  return true;
}

function authority(cur: Cursor): boolean {
  const start = cur.pos;
  // userinfo "@" is optional: parse it, and rewind when no "@" follows.
  while (isUnreserved(cur.ch()) || isPctEncoded(cur) || isSubDelim(cur.ch()) || cur.ch() === ':') {
    cur.pos += isPctEncoded(cur) ? 3 : 1;
  }
  if (cur.ch() === '@') cur.pos++;
  else cur.pos = start;
  if (cur.ch() === '[') {
    const close = cur.s.indexOf(']', cur.pos);
    if (close < 0) return false;
    cur.pos = close + 1;
  } else {
    while (isUnreserved(cur.ch()) || isPctEncoded(cur) || isSubDelim(cur.ch())) cur.pos += isPctEncoded(cur) ? 3 : 1;
  }
  if (cur.ch() === ':') {
    cur.pos++;
    if (!isDigit(cur.ch())) return false;
    let port = 0;
    while (isDigit(cur.ch())) {
      port = port * 10 + Number(cur.ch());
      if (port > INT_MAX) return false;
      cur.pos++;
    }
  }
  return true;
}

/** Steps over pchars and the extra characters a query or fragment may hold. */
function skipPchars(cur: Cursor, extra: string): void {
  for (;;) {
    if (takePchar(cur)) continue;
    if (cur.ch() !== '' && extra.includes(cur.ch())) {
      cur.pos++;
      continue;
    }
    return;
  }
}

function queryAndFragment(cur: Cursor): boolean {
  if (cur.ch() === '?') {
    cur.pos++;
    skipPchars(cur, '/?');
  }
  if (cur.ch() === '#') {
    cur.pos++;
    // libxml2 lets a fragment hold "[" and "]"; a query may not.
    skipPchars(cur, '/?[]');
  }
  return cur.pos === cur.s.length;
}

/** scheme ":" hier-part [ "?" query ] [ "#" fragment ] */
function absoluteUri(s: string): boolean {
  const cur = new Cursor(s);
  if (!isAlpha(cur.ch())) return false;
  while (isAlpha(cur.ch()) || isDigit(cur.ch()) || (cur.ch() !== '' && '+-.'.includes(cur.ch()))) cur.pos++;
  if (cur.ch() !== ':') return false;
  cur.pos++;
  if (cur.ch() === '/' && cur.at(1) === '/') {
    cur.pos += 2;
    if (!authority(cur)) return false;
    moreSegments(cur);
  } else if (cur.ch() === '/') {
    cur.pos++;
    if (segment(cur, '', false)) moreSegments(cur);
  } else if (segment(cur, '', false)) {
    moreSegments(cur);
  }
  return queryAndFragment(cur);
}

function relativeRef(s: string): boolean {
  const cur = new Cursor(s);
  if (cur.ch() === '/' && cur.at(1) === '/') {
    cur.pos += 2;
    if (!authority(cur)) return false;
    moreSegments(cur);
  } else if (cur.ch() === '/') {
    cur.pos++;
    if (segment(cur, '', false)) moreSegments(cur);
  } else if (cur.ch() !== '' && cur.ch() !== '?' && cur.ch() !== '#') {
    // path-noscheme: the first segment may not hold a colon, or it would read as a scheme.
    if (!segment(cur, ':', false)) return false;
    moreSegments(cur);
  }
  return queryAndFragment(cur);
}

/**
 * Values every URI reference parser accepts, whatever its details: a path of pchars without
 * "%", "?", "#" or brackets, after an optional scheme, and not starting an authority ("//").
 * Most values are like this ("Default/conv1/", "tel:+331234", "sip:a@b"); the rest are parsed.
 */
export const PLAIN_REFERENCE = /^(?:[A-Za-z][A-Za-z0-9+.-]*:(?!\/\/)|(?![^/]*:)(?!\/\/))[A-Za-z0-9\-._~!$&()*+,;=:@/]*$/;

export function isAnyUri(value: string): boolean {
  return PLAIN_REFERENCE.test(value) || parsesAsUriReference(value);
}

/** The full check, libxml2's way; PLAIN_REFERENCE is a shortcut to a subset of what it accepts. */
export function parsesAsUriReference(value: string): boolean {
  const escaped = value.replace(UNWISE, '_');
  return absoluteUri(escaped) || relativeRef(escaped);
}
