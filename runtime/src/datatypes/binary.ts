/**
 * hexBinary and base64Binary: lexical checks and the octet counts their length facets measure.
 */

const HEX = /^(?:[0-9a-fA-F]{2})*$/;

/** Octets in a hexBinary lexical form, or undefined when it is not one. */
export function hexOctets(lexical: string): number | undefined {
  return HEX.test(lexical) ? lexical.length / 2 : undefined;
}

// XSD 1.0 3.2.16: the last quantum may be padded, and its final character before the padding
// must leave the unused bits zero (B16 before "=", B04 before "==").
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}[AEIMQUYcgkosw048]=|[A-Za-z0-9+/][AQgw]==)?$/;

/**
 * Octets in a base64Binary lexical form, or undefined when it is not one.
 *
 * XSD 1.0 allows only single spaces between characters. libxml2 decodes as RFC 2045 tells
 * decoders to, skipping every character outside the base64 alphabet ("AA==-" and "AA-_AA"
 * pass), and a value it accepts must not be refused here, so we skip them too.
 */
export function base64Octets(lexical: string): number | undefined {
  const compact = base64Compact(lexical);
  if (!BASE64.test(compact)) return undefined;
  const padding = compact.endsWith('==') ? 2 : compact.endsWith('=') ? 1 : 0;
  return (compact.length / 4) * 3 - padding;
}

/** The base64 characters of a value, stray characters dropped: what its octets are decoded from. */
export function base64Compact(lexical: string): string {
  return lexical.replace(/[^A-Za-z0-9+/=]/g, '');
}
