/**
 * Header field names: case-insensitive (RFC 3261 section 7.3.1), some with a one-letter compact
 * form (section 7.3.3 and the IANA registry). The parser turns every name into its canonical long
 * spelling so code compares one form; the serializer writes the compact form only when asked.
 */

/**
 * Compact forms: RFC 3261 section 7.3.3 (c, e, f, i, k, l, m, s, t, v), RFC 3841 (a, j, d),
 * RFC 3892 (b), RFC 3515 (r), RFC 6665 (o, u), RFC 4028 (x).
 */
const COMPACT_TO_LONG: ReadonlyMap<string, string> = new Map([
  ['a', 'Accept-Contact'],
  ['b', 'Referred-By'],
  ['c', 'Content-Type'],
  ['d', 'Request-Disposition'],
  ['e', 'Content-Encoding'],
  ['f', 'From'],
  ['i', 'Call-ID'],
  ['j', 'Reject-Contact'],
  ['k', 'Supported'],
  ['l', 'Content-Length'],
  ['m', 'Contact'],
  ['o', 'Event'],
  ['r', 'Refer-To'],
  ['s', 'Subject'],
  ['t', 'To'],
  ['u', 'Allow-Events'],
  ['v', 'Via'],
  ['x', 'Session-Expires'],
]);

const LONG_TO_COMPACT: ReadonlyMap<string, string> = new Map(
  [...COMPACT_TO_LONG].map(([compact, long]) => [long.toLowerCase(), compact]),
);

/** Spellings that title-casing would get wrong. */
const CANONICAL: ReadonlyMap<string, string> = new Map(
  [
    'Call-ID',
    'CSeq',
    'WWW-Authenticate',
    'MIME-Version',
    'P-Asserted-Identity',
    'P-Preferred-Identity',
    'P-Asserted-Service',
    'P-Preferred-Service',
    'RSeq',
    'RAck',
    'Conversation-ID',
    'Contribution-ID',
    'InReplyTo-Contribution-ID',
    'Session-ID',
    'SIP-ETag',
    'SIP-If-Match',
  ].map((name) => [name.toLowerCase(), name]),
);

/** token of RFC 3261 section 25.1: the characters a header name or method may use. */
const TOKEN = /^[A-Za-z0-9\-.!%*_+`'~]+$/;

export function isToken(text: string): boolean {
  return TOKEN.test(text);
}

/**
 * The canonical spelling of a header name: compact forms expanded, known names in their RFC
 * spelling, others title-cased by dash-separated word (`x-foo-bar` -> `X-Foo-Bar`), so that two
 * spellings of one name always compare equal.
 */
export function canonicalHeaderName(name: string): string {
  const lower = name.toLowerCase();
  const expanded = COMPACT_TO_LONG.get(lower);
  if (expanded !== undefined) return expanded;
  const known = CANONICAL.get(lower);
  if (known !== undefined) return known;
  return lower.replace(/(^|-)([a-z])/g, (_m, dash: string, letter: string) => dash + letter.toUpperCase());
}

/** The one-letter form of a header name, or undefined when it has none. */
export function compactHeaderName(name: string): string | undefined {
  return LONG_TO_COMPACT.get(canonicalHeaderName(name).toLowerCase());
}

export function sameHeaderName(a: string, b: string): boolean {
  return canonicalHeaderName(a) === canonicalHeaderName(b);
}
