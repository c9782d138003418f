/**
 * The spec sections a piece of xs:documentation cites, for the "Spec section" column: OMA
 * section numbers with their item path ("6.7.4.1 item 1 a ii"), appendices ("Appendix M") and
 * RFC sections ("RFC 5438 6.3"). The schemas cite them in prose, in several spellings, so the
 * column is only as good as this extraction; test/unit/emit/docs-section-numbers.test.ts pins
 * every spelling our schemas and the corpus use.
 *
 * What is not a citation: decision numbers (D-6), version numbers ("XML 1.0": a bare number
 * needs three components, or two right after a bracket), and addresses and OIDs (a component of three digits, or six or more
 * components: 192.168.0.1, 1.3.6.1.4.1).
 */

/**
 * One alternative per spelling, tried left to right at each position:
 *  1. `RFC 5438 section 6.3`, `[RFC5438] sections 6.3 and 11.1`, `RFC 5438 6.3`, `RFC 5438`;
 *  2. `section 6.3 of RFC 5438`, `section 6.3 of [RFC5438]`;
 *  3. `Appendix M`;
 *  4. `section(s) 11.1 (and 11.2)` with no RFC named: the RFC cited last in the same text, if any;
 *  5. a bare OMA number of three or more components, with its item path: `6.7.4.1 item 1 a ii`,
 *     or of two right after an opening bracket: `(5.2)`, `(6.3; ...)`.
 */
const NUMBER = String.raw`\d+(?:\.\d+)*`;
const NUMBERS = String.raw`${NUMBER}(?:(?:,\s*|,?\s+and\s+)${NUMBER})*`;
const RFC = String.raw`\[?RFC\s?(\d{3,5})\]?`;
const ITEM = String.raw`(?:\s+item\s+\d+(?:\s+[a-z](?:\s+[ivx]+)?(?![\w.-]))?)?`;

export const SECTION_PATTERN = new RegExp(
  [
    String.raw`${RFC}(?:,?\s+(?:sections?\s+)?(${NUMBERS})(?![\w.]))?`,
    String.raw`\bsections?\s+(${NUMBER})\s+of\s+${RFC}`,
    String.raw`\b(Appendix\s+[A-Z])\b`,
    String.raw`\bsections?\s+(${NUMBERS})(?![\w.])`,
    String.raw`(?<![\w.-])(\d+(?:\.\d+){2,}${ITEM}|(?<=\()\d+\.\d+${ITEM})(?![\w.]|-\d)`,
  ].join('|'),
  'g',
);

/** Every section cited in `text`, in order of first mention, each once. */
export function sectionNumbers(text: string | undefined): string[] {
  if (!text) return [];
  const normalized = text.replace(/\s+/g, ' ');
  const found: string[] = [];
  const add = (citation: string) => {
    if (!found.includes(citation)) found.push(citation);
  };
  let lastRfc: string | undefined;
  for (const match of normalized.matchAll(SECTION_PATTERN)) {
    const [, rfc, rfcSections, ofSection, ofRfc, appendix, bareSections, omaNumber] = match;
    if (rfc !== undefined) {
      lastRfc = rfc;
      const numbers = splitNumbers(rfcSections);
      if (numbers.length === 0) add(`RFC ${rfc}`);
      for (const n of numbers) add(`RFC ${rfc} ${n}`);
    } else if (ofRfc !== undefined) {
      lastRfc = ofRfc;
      add(`RFC ${ofRfc} ${ofSection}`);
    } else if (appendix !== undefined) {
      add(appendix.replace(/\s+/, ' '));
    } else if (bareSections !== undefined) {
      for (const n of splitNumbers(bareSections)) add(lastRfc ? `RFC ${lastRfc} ${n}` : n);
    } else if (omaNumber !== undefined && looksLikeSection(omaNumber)) {
      add(omaNumber.replace(/\s+/g, ' '));
    }
  }
  return found;
}

function splitNumbers(list: string | undefined): string[] {
  return list === undefined ? [] : list.split(/,\s*|,?\s+and\s+/).filter((n) => n !== '');
}

function looksLikeSection(citation: string): boolean {
  const components = citation.split(/\s/)[0]!.split('.');
  return components.length < 6 && components.every((c) => c.length <= 2);
}
