/**
 * The parts of the fast reader (fast-reader.ts) that look at a piece of text without the reader's
 * state: character classes, references, namespace declarations, the attributes of a tag, names
 * kept across documents, and forward search. Each gives up (giveUp()) where the reader would.
 */
import { giveUp } from './give-up.js';
import type { NamespaceScope } from './namespace-scope.js';
import type { NamespaceDeclaration } from './source-tree.js';

/** ASCII name characters: 1 may continue a name, 3 may also start one. */
export const NAME_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_:]/.test(ch)) NAME_CHAR[c] = 3;
  else if (/[0-9.-]/.test(ch)) NAME_CHAR[c] = 1;
}

export const isSpace = (unit: number) => unit === 0x20 || unit === 0x0a || unit === 0x09 || unit === 0x0d;

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

/** A SourceAttribute while its tag is read: the namespace is set once the scope is known. */
export interface Attribute {
  namespace: string;
  readonly name: string;
  readonly prefix: string;
  readonly value: string;
  line: number;
  readonly column: number;
}

/** Prefixed attribute names resolved; two with one expanded name make us give up. */
export function resolveAttributes(attributes: Attribute[], scope: NamespaceScope): void {
  for (let i = 0; i < attributes.length; i++) {
    const attribute = attributes[i]!;
    if (attribute.prefix === '') continue;
    const bound = scope.lookup(attribute.prefix);
    if (bound === undefined) giveUp();
    attribute.namespace = bound;
  }
  // Keyed as {namespace}local: a local name holds no "}", so no two pairs share a key.
  if (hasDuplicate(attributes, (a) => `{${a.namespace}}${a.name}`)) giveUp();
}

/**
 * Whether two items have the same key: pairwise for the few a tag usually has, through a Set
 * beyond that, so that a tag with 100,000 attributes costs linear time, not quadratic.
 */
export function hasDuplicate<T>(items: readonly T[], key: (item: T) => string): boolean {
  if (items.length <= 8) {
    for (let i = 1; i < items.length; i++) {
      const k = key(items[i]!);
      for (let j = 0; j < i; j++) if (key(items[j]!) === k) return true;
    }
    return false;
  }
  const seen = new Set<string>();
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) return true;
    seen.add(k);
  }
  return false;
}

/**
 * Names, kept across documents: a document repeats a few names many times, so each is made
 * once instead of sliced out of the text at every tag. Keyed by length and first and last
 * characters (ASCII, so they fit) and checked against the text; the cache stops growing at a
 * fixed size, and a name whose key is taken is sliced as usual.
 */
const NAMES = new Map<number, string>();
const MAX_NAMES = 4096;

export function internedName(text: string, start: number, end: number): string {
  const key = (end - start) * 16384 + text.charCodeAt(start) * 128 + text.charCodeAt(end - 1);
  const known = NAMES.get(key);
  if (known !== undefined && known.length === end - start && text.startsWith(known, start)) return known;
  const name = text.slice(start, end);
  if (known === undefined && NAMES.size < MAX_NAMES) NAMES.set(key, name);
  return name;
}

export function isAllSpace(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Where a string next occurs at or after an offset (the end of the text when it does not),
 * searched for again only once the offsets asked about pass it: they only move forward, so each
 * string costs one pass over the text in all.
 */
export class Occurrences {
  private next = -1;

  constructor(
    private readonly text: string,
    private readonly what: string,
  ) {}

  from(offset: number): number {
    if (this.next < offset) {
      const found = this.text.indexOf(this.what, offset);
      this.next = found < 0 ? this.text.length : found;
    }
    return this.next;
  }
}

export const XML_DECLARATION =
  /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(?:"1\.0"|'1\.0')(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(?:"[A-Za-z][A-Za-z0-9._-]*"|'[A-Za-z][A-Za-z0-9._-]*'))?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(?:"(?:yes|no)"|'(?:yes|no)'))?[ \t\r\n]*\?>/;

export const LINE_END = /\r\n?/g;
export const LINE_END_OR_SPACE = /\r\n|[\t\n\r]/g;

/** A namespace declaration we can take as written; anything reserved or unusual gives up. */
export function declaration(name: string, uri: string): NamespaceDeclaration {
  const prefix = name.length === 5 ? '' : name.slice(6);
  if (prefix === 'xml' || prefix === 'xmlns' || uri === XML_NAMESPACE || uri === XMLNS_NAMESPACE) giveUp();
  if (prefix !== '' && uri === '') giveUp();
  if (uri !== uri.trim()) giveUp();
  return { prefix, uri };
}

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

/** Resolves the five predefined entities and character references; gives up on anything else. */
export function resolveReferences(raw: string): string {
  let out = '';
  let from = 0;
  for (let amp = raw.indexOf('&'); amp >= 0; amp = raw.indexOf('&', from)) {
    const semi = raw.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp > 12) giveUp();
    out += raw.slice(from, amp) + referenced(raw.slice(amp + 1, semi));
    from = semi + 1;
  }
  return out + raw.slice(from);
}

function referenced(name: string): string {
  if (name.charCodeAt(0) !== 0x23) {
    const entity = Object.hasOwn(PREDEFINED, name) ? PREDEFINED[name] : undefined;
    return entity ?? giveUp();
  }
  const hex = name.charCodeAt(1) === 0x78;
  const digits = name.slice(hex ? 2 : 1);
  if (!(hex ? /^[0-9A-Fa-f]+$/ : /^[0-9]+$/).test(digits)) giveUp();
  const code = Number.parseInt(digits, hex ? 16 : 10);
  const isChar =
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff);
  if (!isChar) giveUp();
  return String.fromCodePoint(code);
}
