/**
 * The syntax of the URIs `<other-party>` may hold: TEL URIs (RFC 3966 section 3) and SIP or SIPS
 * URIs (RFC 3261 section 25.1). A faithful reading of the ABNF at the level a receiver needs:
 * scheme, number or userinfo@host[:port], parameters and headers, each with the characters its
 * production allows. Not checked: the meaning of parameter values (phone-context's descriptor
 * is only checked to be present and non-empty), IPv6 address forms beyond their characters.
 */

// RFC 3261 25.1: unreserved = alphanum / mark; escaped = "%" HEXDIG HEXDIG.
const UNRESERVED = "A-Za-z0-9\\-_.!~*'()";
const ESCAPED = '%[0-9A-Fa-f]{2}';
const chars = (set: string): string => `(?:[${set}]|${ESCAPED})`;

// user = 1*( unreserved / escaped / user-unreserved ), user-unreserved = & = + $ , ; ? /
const USER = `${chars(`${UNRESERVED}&=+$,;?/`)}+`;
// password = *( unreserved / escaped / & = + $ , )
const PASSWORD = `${chars(`${UNRESERVED}&=+$,`)}*`;
// hostname = *( domainlabel "." ) toplabel [ "." ]
const DOMAIN_LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
const TOP_LABEL = '[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
const HOSTNAME = `(?:${DOMAIN_LABEL}\\.)*${TOP_LABEL}\\.?`;
const IPV4 = '\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}';
const IPV6_REFERENCE = '\\[[0-9A-Fa-f:.]+\\]';
const HOSTPORT = `(?:${HOSTNAME}|${IPV4}|${IPV6_REFERENCE})(?::\\d+)?`;
// uri-parameter = pname [ "=" pvalue ], pname and pvalue = 1*paramchar
const PARAMCHAR = chars(`\\[\\]/:&+$${UNRESERVED}`);
const URI_PARAMETERS = `(?:;${PARAMCHAR}+(?:=${PARAMCHAR}+)?)*`;
// headers = "?" header *( "&" header ), header = hname "=" hvalue
const HNV = chars(`\\[\\]/?:+$${UNRESERVED}`);
const HEADERS = `(?:\\?${HNV}+=${HNV}*(?:&${HNV}+=${HNV}*)*)?`;
const SIP_URI = new RegExp(`^sips?:(?:${USER}(?::${PASSWORD})?@)?${HOSTPORT}${URI_PARAMETERS}${HEADERS}$`, 'i');

// RFC 3966 3: global-number-digits = "+" *phonedigit DIGIT *phonedigit;
// local-number-digits = *phonedigit-hex (HEXDIG / "*" / "#") *phonedigit-hex.
const VISUAL = '\\-.()';
const GLOBAL_NUMBER = `\\+[0-9${VISUAL}]*[0-9][0-9${VISUAL}]*`;
const LOCAL_NUMBER = `[0-9A-Fa-f*#${VISUAL}]*[0-9A-Fa-f*#][0-9A-Fa-f*#${VISUAL}]*`;
// par = parameter / extension / isdn-subaddress, each ";" name ["=" value] at this level.
const TEL_PARAMCHAR = chars(`\\[\\]/:&+$${UNRESERVED}`);
const TEL_PARAMETERS = `(?:;[A-Za-z0-9-]+(?:=${TEL_PARAMCHAR}+)?)*`;
const TEL_URI = new RegExp(`^tel:(${GLOBAL_NUMBER}|${LOCAL_NUMBER})(${TEL_PARAMETERS})$`, 'i');

export type UriScheme = 'tel' | 'sip' | 'sips';

/** Whether `value` is a URI of one of `schemes`; a local TEL number needs its phone-context. */
export function isUriOf(value: string, schemes: readonly UriScheme[]): boolean {
  const scheme = value.slice(0, value.indexOf(':')).toLowerCase() as UriScheme;
  if (!schemes.includes(scheme)) return false;
  if (scheme === 'sip' || scheme === 'sips') return SIP_URI.test(value) && value.toLowerCase().startsWith(`${scheme}:`);
  const match = TEL_URI.exec(value);
  if (!match) return false;
  const [, number, parameters] = match;
  return number!.startsWith('+') || /;phone-context=[^;]+/i.test(parameters!);
}
