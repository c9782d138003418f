/**
 * The whiteSpace facet (XSD 1.0 Part 2, 4.3.6): what a value looks like before its lexical form
 * is checked. Only the four XML whitespace characters count; a no-break space is content.
 */
import type { WhiteSpace } from './types.js';

export function normalizeWhiteSpace(text: string, mode: WhiteSpace): string {
  if (mode === 'preserve' || isNormal(text, mode)) return text;
  const replaced = text.replace(/[\t\n\r]/g, ' ');
  if (mode === 'replace') return replaced;
  return replaced.replace(/ {2,}/g, ' ').replace(/^ | $/g, '');
}

/** Whether normalizing would change nothing: most values, checked without a regex. */
function isNormal(text: string, mode: WhiteSpace): boolean {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0x09 || unit === 0x0a || unit === 0x0d) return false;
    if (unit === 0x20 && mode === 'collapse' && (i === 0 || i === last || text.charCodeAt(i + 1) === 0x20)) return false;
  }
  return true;
}

/** The items of a list type's value, after collapsing. */
export function splitListItems(collapsed: string): string[] {
  return collapsed === '' ? [] : collapsed.split(' ');
}
