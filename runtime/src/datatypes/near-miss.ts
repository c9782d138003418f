/**
 * "did you mean "\Seen"?": the allowed values nearest to a value an enumeration refused, for the
 * hint of evfw.attribute.enum and evfw.value.enum (and validateObject's enumeration errors).
 *
 * A value is near an allowed one when it differs only in case (`\seen`), by a missing or extra
 * leading backslash (`Seen`, the IMAP flags' usual slip), or by one or two typed characters
 * (`\Sen`, `\Seeen`, `\Sene`: insertions, deletions, substitutions, swaps of neighbours). The
 * nearest kind wins; when more than MAX_NAMED allowed values are equally near, the guess is
 * too weak to help and no value is named.
 *
 * Schemas and documents are untrusted, so the work is bounded: values longer than MAX_COMPARED
 * are not compared, enumerations are read up to MAX_OPTIONS values, and the edit distance is
 * computed only near the diagonal of its table (at most two edits), in time linear in the value.
 */
import { quote } from './messages.js';

const MAX_COMPARED = 64;
const MAX_OPTIONS = 256;
const MAX_NAMED = 3;
const MAX_EDITS = 2;

/** The hint for `value`, refused by an enumeration of `allowed`; undefined when nothing is near. */
export function nearMissHint(value: string, allowed: readonly string[]): string | undefined {
  const nearest = nearestValues(value, allowed);
  if (nearest.length === 0) return undefined;
  const shown = nearest.map(quote);
  const names = shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]!}`;
  return `did you mean ${names}?`;
}

/** The allowed values nearest to `value` (at most MAX_NAMED, in the enumeration's order), or none. */
export function nearestValues(value: string, allowed: readonly string[]): string[] {
  if (value.length > MAX_COMPARED) return [];
  const lower = value.toLowerCase();
  let best = Infinity;
  let nearest: string[] = [];
  for (const option of allowed.slice(0, MAX_OPTIONS)) {
    if (option === value || option.length > MAX_COMPARED) continue;
    const d = distance(lower, option.toLowerCase());
    if (d === undefined || d > best) continue;
    if (d < best) {
      best = d;
      nearest = [];
    }
    if (!nearest.includes(option)) nearest.push(option);
  }
  return nearest.length <= MAX_NAMED ? nearest : [];
}

/**
 * How far a value is from an allowed one, both in lower case, smaller is nearer: 0 when only the
 * case differs, 1 when a leading backslash is missing or extra, 1 + the edit distance of the two
 * without it when that is small for their length; undefined when they are not near.
 */
function distance(a: string, b: string): number | undefined {
  if (a === b) return 0;
  const bareA = a.startsWith('\\') ? a.slice(1) : a;
  const bareB = b.startsWith('\\') ? b.slice(1) : b;
  if (bareA === bareB) return 1;
  // Two edits turn "ab" into anything of two letters: short values get fewer.
  const allowed = Math.min(MAX_EDITS, Math.floor((Math.max(bareA.length, bareB.length) - 1) / 2));
  if (allowed < 1 || Math.abs(bareA.length - bareB.length) > allowed) return undefined;
  const edits = editDistance(bareA, bareB, allowed);
  return edits <= allowed ? 1 + edits : undefined;
}

/**
 * Insertions, deletions, substitutions and swaps of two neighbours needed to turn `a` into `b`
 * (the optimal string alignment distance), or `limit + 1` when more than `limit` are needed.
 * The textbook table, computed only within `limit` cells of its diagonal, since no path that
 * leaves that band costs `limit` or less: O(|a| · limit) time.
 */
export function editDistance(a: string, b: string, limit = Math.max(a.length, b.length)): number {
  const far = limit + 1;
  if (Math.abs(a.length - b.length) > limit) return far;
  // Three rows of the table (the one before the previous is needed for swaps), reused.
  let before = new Array<number>(b.length + 1).fill(far);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => (j <= limit ? j : far));
  let current = new Array<number>(b.length + 1).fill(far);
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - limit);
    const hi = Math.min(b.length, i + limit);
    // The cells just outside the band are read by the next cells: first column, or too far.
    current[lo - 1] = lo === 1 && i <= limit ? i : far;
    if (hi < b.length) current[hi + 1] = far;
    for (let j = lo; j <= hi; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current[j] = Math.min(d, far);
    }
    const reused = before;
    before = previous;
    previous = current;
    current = reused;
  }
  return Math.min(previous[b.length]!, far);
}
