/**
 * The semver step a list of changes asks for. Producers and the generated API are what a
 * release can break, so either makes it major; a consumer merely affected (the schema widened)
 * or anything added is minor; documentation alone is a patch.
 */
import type { SchemaChange, SemverSuggestion } from './schema-change.js';

export function suggestSemver(changes: readonly SchemaChange[]): SemverSuggestion {
  if (changes.length === 0) return 'none';
  if (changes.some((c) => c.producers === 'breaking' || c.apiBreaking)) return 'major';
  if (changes.some((c) => c.consumers === 'affected' || c.kind.endsWith('-added'))) return 'minor';
  return 'patch';
}

/** What fails a build: a major step (`evfw diff` exits 1 unless --allow-breaking). */
export function isBreaking(changes: readonly SchemaChange[]): boolean {
  return suggestSemver(changes) === 'major';
}
