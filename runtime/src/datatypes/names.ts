/**
 * The name-like built-ins: Name, NCName, NMTOKEN, language, QName and their relatives.
 *
 * XSD 1.0 defines these through the XML 1.0 (Second Edition) productions, but libxml2 checks
 * them with the Fifth Edition's much simpler character ranges (it accepts "⁰" and U+10000 as
 * names), and a name libxml2 accepts must not be refused here, so we use the Fifth Edition too.
 * Regular expressions' \i and \c are a different matter: see regex/xml-ed4-chars.ts.
 */

const START = ':A-Z_a-z\\u{C0}-\\u{D6}\\u{D8}-\\u{F6}\\u{F8}-\\u{2FF}\\u{370}-\\u{37D}\\u{37F}-\\u{1FFF}' +
  '\\u{200C}-\\u{200D}\\u{2070}-\\u{218F}\\u{2C00}-\\u{2FEF}\\u{3001}-\\u{D7FF}\\u{F900}-\\u{FDCF}' +
  '\\u{FDF0}-\\u{FFFD}\\u{10000}-\\u{EFFFF}';
const CHAR = `${START}\\-.0-9\\u{B7}\\u{300}-\\u{36F}\\u{203F}-\\u{2040}`;
const NC_START = START.slice(1);
const NC_CHAR = CHAR.slice(1);

const NAME = new RegExp(`^[${START}][${CHAR}]*$`, 'u');
const NCNAME = new RegExp(`^[${NC_START}][${NC_CHAR}]*$`, 'u');
const NMTOKEN = new RegExp(`^[${CHAR}]+$`, 'u');
// RFC 3066 as XSD 1.0 writes it; libxml2 checks the same pattern.
const LANGUAGE = /^[a-zA-Z]{1,8}(?:-[a-zA-Z0-9]{1,8})*$/;

export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

export function isName(value: string): boolean {
  return NAME.test(value);
}

export function isNCName(value: string): boolean {
  return NCNAME.test(value);
}

export function isNmtoken(value: string): boolean {
  return NMTOKEN.test(value);
}

export function isLanguage(value: string): boolean {
  return LANGUAGE.test(value);
}

export interface QNameParts {
  readonly prefix: string;
  readonly local: string;
}

export function splitQName(value: string): QNameParts | undefined {
  const colon = value.indexOf(':');
  const prefix = colon < 0 ? '' : value.slice(0, colon);
  const local = colon < 0 ? value : value.slice(colon + 1);
  if ((colon >= 0 && !isNCName(prefix)) || !isNCName(local)) return undefined;
  return { prefix, local };
}
