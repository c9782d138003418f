/**
 * Reading the inside of header values: comma-separated lists, `;name=value` parameters and
 * name-addr (RFC 3261 section 25.1 and 20). Quote-aware, because a quoted string may hold commas
 * and semicolons: the ICSI list of a `+g.3gpp.icsi-ref="a,b"` feature tag is exactly that.
 * These readers never throw; malformed text gives the best reading they can and `undefined`
 * only where there is nothing to read.
 */

/**
 * Splits `text` at each `separator` outside quoted strings and `<...>`, trimming each part.
 * Quoted-pair escapes (`\"`) are honoured inside quotes.
 */
export function splitOutsideQuotes(text: string, separator: ',' | ';'): string[] {
  const parts: string[] = [];
  let current = '';
  let inQuotes = false;
  let inAngle = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      current += ch;
      if (ch === '\\' && i + 1 < text.length) current += text[++i]!;
      else if (ch === '"') inQuotes = false;
    } else if (ch === '"') {
      inQuotes = true;
      current += ch;
    } else if (ch === '<' && !inAngle) {
      inAngle = true;
      current += ch;
    } else if (ch === '>' && inAngle) {
      inAngle = false;
      current += ch;
    } else if (ch === separator && !inAngle) {
      parts.push(current.trim());
      current = '';
    } else current += ch;
  }
  parts.push(current.trim());
  return parts;
}

/** The values of a comma-list header (Via, Contact, Accept-Contact...), empty ones dropped. */
export function splitHeaderList(value: string): string[] {
  return splitOutsideQuotes(value, ',').filter((part) => part !== '');
}

export interface ParamValue {
  /** The text before the first `;` outside quotes and angle brackets. */
  readonly value: string;
  /** Parameter names lower-cased (RFC 3261 section 7.3.1); `null` for a flag such as `;lr`. */
  readonly params: ReadonlyMap<string, string | null>;
}

/** Reads `value;a=1;b="x;y";flag`; quoted parameter values keep their quotes off. */
export function parseParams(text: string): ParamValue {
  const [value = '', ...rest] = splitOutsideQuotes(text, ';');
  const params = new Map<string, string | null>();
  for (const part of rest) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq < 0) {
      params.set(part.toLowerCase(), null);
      continue;
    }
    const name = part.slice(0, eq).trim().toLowerCase();
    if (!params.has(name)) params.set(name, unquote(part.slice(eq + 1).trim()));
  }
  return { value, params };
}

/** Removes surrounding double quotes and undoes quoted-pairs; other text is returned as is. */
export function unquote(text: string): string {
  if (text.length < 2 || !text.startsWith('"') || !text.endsWith('"')) return text;
  return text.slice(1, -1).replace(/\\(.)/g, '$1');
}

/** A quoted-string of RFC 3261 section 25.1, escaping `"` and `\`. */
export function quote(text: string): string {
  return `"${text.replace(/["\\]/g, (ch) => `\\${ch}`)}"`;
}

export interface NameAddr {
  readonly displayName?: string;
  readonly uri: string;
  /** Header parameters after the address (`tag`...), names lower-cased. */
  readonly params: ReadonlyMap<string, string | null>;
}

/**
 * Reads a From, To or Contact value: `"Alice" <sip:alice@example.com>;tag=1928301774` or the bare
 * `sip:alice@example.com;tag=1` form, where (section 20.10) every parameter after the URI is a
 * header parameter.
 */
export function parseNameAddr(text: string): NameAddr | undefined {
  const { value, params } = parseParams(text);
  const open = value.indexOf('<');
  if (open < 0) {
    const uri = value.trim();
    return uri === '' ? undefined : { uri, params };
  }
  const close = value.indexOf('>', open);
  if (close < 0) return undefined;
  const uri = value.slice(open + 1, close).trim();
  const display = unquote(value.slice(0, open).trim());
  if (uri === '') return undefined;
  return display === '' ? { uri, params } : { displayName: display, uri, params };
}

/** Writes a name-addr, always in angle brackets so URI parameters never read as header ones. */
export function formatNameAddr(uri: string, options: { displayName?: string; tag?: string } = {}): string {
  const display = options.displayName === undefined ? '' : `${quote(options.displayName)} `;
  const tag = options.tag === undefined ? '' : `;tag=${options.tag}`;
  return `${display}<${uri}>${tag}`;
}
