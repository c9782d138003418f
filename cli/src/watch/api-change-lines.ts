/**
 * The API changes of a regeneration (the generator's apiChanges), one line each, as
 * `evfw generate --watch` prints them after a save:
 *
 *   cpm-evfw: + type ObjectExtension
 *   cpm-evfw: + function parseExtra, validateExtra, serializeExtra
 *   cpm-evfw: ~ interface Operation (property flags: now required)
 *   cpm-evfw: - type Foo
 */
import type { ApiChange } from '@evfw/generator/diff';

/** How many declarations the changes name (a module that came or went counts as one). */
export function declarationCount(changes: readonly ApiChange[]): number {
  return changes.reduce((sum, c) => sum + c.names.length, 0);
}

/** At most this many details on one line; the rest are counted. */
const DETAILS_SHOWN = 3;

/** One line per change: `cpm-evfw: ~ interface Operation (property flags: now required; + property uid?)`; many names go on one line, as many details as fit. */
export function formatApiChange(change: ApiChange): string {
  const shown = change.details.slice(0, DETAILS_SHOWN);
  const more = change.details.length - shown.length;
  const details = shown.length === 0 ? '' : ` (${shown.join('; ')}${more > 0 ? `; ${more} more` : ''})`;
  const what = change.kind === 'module' ? (change.sign === '+' ? 'new module' : 'module removed') : `${change.sign} ${change.kind} ${change.names.join(', ')}`;
  return `${change.module}: ${what}${details}`;
}
