/**
 * The "Spec section" column: every spelling of a citation our schemas, their rules and the corpus
 * use, and the numbers that are not citations (decisions, versions, addresses).
 */
import { describe, expect, it } from 'vitest';
import { sectionNumbers } from '../../../generator/src/emit/docs/section-numbers.js';

describe('sectionNumbers', () => {
  it.each([
    ['(6.7.5.1)', ['6.7.5.1']],
    ['The top element (6.7.4.1 item 1). Other events (6.7.4.1 item 1 a ii).', ['6.7.4.1 item 1', '6.7.4.1 item 1 a ii']],
    ['of any other namespace (6.7.4.1 item 1 a\n        ii, 6.7.4.2)', ['6.7.4.1 item 1 a ii', '6.7.4.2']],
    ['Update of IMAP flags (6.7.5.1 item 1).', ['6.7.5.1 item 1']],
    ['after the operations (Appendix M "extension-elements-here"; D-4).', ['Appendix M']],
    ['6.7.5.1; RFC 5438 6.3', ['6.7.5.1', 'RFC 5438 6.3']],
    ['(6.7.5.1; RFC 3501 section 2.3.2)', ['6.7.5.1', 'RFC 3501 2.3.2']],
    ['has the syntax defined in [RFC5438] section 6.3', ['RFC 5438 6.3']],
    ['(RFC 5438 sections 6.3 and 11.1; "data type=token" in section 11.2)', ['RFC 5438 6.3', 'RFC 5438 11.1', 'RFC 5438 11.2']],
    ['see section 4.2 of RFC 4745, and RFC 3863.', ['RFC 4745 4.2', 'RFC 3863']],
    ['One order (5.2).', ['5.2']],
    ['The index is unique (6.7.5.1, D-6); twice (6.7.5.1).', ['6.7.5.1']],
  ])('%j cites %j', (text, expected) => {
    expect(sectionNumbers(text)).toEqual(expected);
  });

  it.each([
    ['decision numbers', 'as decided (D-6, D-44)'],
    ['versions', 'XML 1.0 and schema version 2.1-cr'],
    ['addresses and OIDs', 'host 192.168.0.1, OID 1.3.6.1.4.1'],
    ['nothing at all', undefined],
  ])('finds no citation in %s', (_, text) => {
    expect(sectionNumbers(text)).toEqual([]);
  });
});
