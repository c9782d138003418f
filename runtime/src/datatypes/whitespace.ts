/**
 * The whiteSpace facet (XSD 1.0 Part 2, 4.3.6): what a value looks like before its lexical form
 * is checked. Only the four XML whitespace characters count; a no-break space is content.
 */
import type { WhiteSpace } from './types.js';

export function normalizeWhiteSpace(text: string, mode: WhiteSpace): string {
  if (mode === 'preserve') return text;
  const replaced = text.replace(/[\t\n\r]/g, ' ');
  if (mode === 'replace') return replaced;
  return replaced.replace(/ {2,}/g, ' ').replace(/^ | $/g, '');
}

/** The items of a list type's value, after collapsing. */
export function splitListItems(collapsed: string): string[] {
  return collapsed === '' ? [] : collapsed.split(' ');
}
