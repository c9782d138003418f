/**
 * Schema text in docs/reference.html, a polyglot page: read as HTML by browsers and as XML by
 * tests and tools. Text must not open an element (a `<script>` in `xs:documentation` must stay
 * text), must not end an attribute value, and must hold only characters XML 1.0 allows, or the
 * page is not well-formed and XML readers refuse it whole.
 */
import { isXmlChar, mapUnits, REPLACEMENT } from './characters.js';

const ENTITIES: Readonly<Record<number, string>> = { 0x26: '&amp;', 0x3c: '&lt;', 0x3e: '&gt;', 0x22: '&quot;', 0x0d: '&#13;' };

/**
 * Text content and double-quoted attribute values alike (the page quotes every attribute with
 * `"`). The markup characters become references (`<` so no tag opens; `&` so no reference; `>`
 * so `]]>`, which XML forbids in text, cannot occur; `"` so no attribute value ends); CR becomes `&#13;`, which XML would
 * otherwise turn into LF. Characters XML 1.0 cannot hold, escaped or not (NUL and the other C0
 * controls, lone surrogates, U+FFFE, U+FFFF), become U+FFFD, the replacement character.
 */
export function htmlText(value: string): string {
  return mapUnits(value, (code, _i, loneSurrogate) => ENTITIES[code] ?? (isXmlChar(code, loneSurrogate) ? undefined : REPLACEMENT));
}
