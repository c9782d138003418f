/**
 * Issue 17, item 3: classic catastrophic-backtracking patterns against 100,000-character values,
 * each refused by the value check within 100 ms. Ours is the runtime's check of a patterned
 * type (the linear-time automaton); the peers are the backtracking RegExp the same pattern
 * translates to (what the runtime ran before; the runner's cap stops it), and libxml2
 * validating a one-element document against an inline schema holding the pattern.
 */
import { checkSimpleValue, translateXsdPattern, type SimpleTypeDescriptor } from '@evfw/runtime';
import type { HostileCase, HostileRun } from './hostile-case.js';
import { libxml2Run } from './libxml2-run.js';

const LENGTH = 100_000;
const BUDGET_MS = 100;

/** [id, pattern, the refused value]: each makes a backtracking engine explode on that value. */
const PATTERNS: readonly (readonly [string, string, () => string])[] = [
  ['pattern-a-or-a-star-b', '(a|a)*b', () => 'a'.repeat(LENGTH)],
  ['pattern-a-plus-plus-c', '(a+)+c', () => 'a'.repeat(LENGTH)],
  ['pattern-a-star-star-b', '(a*)*b', () => 'a'.repeat(LENGTH)],
  ['pattern-a-or-aa-plus-c', '(a|aa)+c', () => 'a'.repeat(LENGTH)],
  ['pattern-dot-star-a-20', '(.*a){20}', () => `${'a'.repeat(LENGTH - 1)}b`],
  ['pattern-words-spaces-dollar', '(\\w+\\s?)+$', () => 'a'.repeat(LENGTH)],
  ['pattern-letters-star-digit', '([a-z]+)*[0-9]', () => 'a'.repeat(LENGTH)],
];

function patterned(pattern: string): SimpleTypeDescriptor {
  return { kind: 'atomic', base: { kind: 'builtin', name: 'string' }, facets: { patterns: [[pattern]] } };
}

const verdict = (valid: boolean) => (valid ? 'valid' : 'invalid');

function ours(pattern: string, value: () => string): HostileRun {
  const type = patterned(pattern);
  const text = value();
  return { run: () => verdict(checkSimpleValue(type, text).ok) };
}

/** The pattern's translation anchored as the runtime once compiled it (translateXsdPattern throws on a bad pattern). */
function nativeRegExp(pattern: string, value: () => string): HostileRun {
  const re = new RegExp(`^(?:${translateXsdPattern(pattern)})$`, 'u');
  const text = value();
  return { run: () => verdict(re.test(text)) };
}

/** XML text for the pattern's attribute and the element's content (the values here are ASCII). */
const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function libxml2(pattern: string, value: () => string): HostileRun {
  return libxml2Run(
    `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t" elementFormDefault="qualified">` +
      `<xs:element name="v"><xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="${xml(pattern)}"/>` +
      `</xs:restriction></xs:simpleType></xs:element></xs:schema>`,
    `<v xmlns="urn:t">${xml(value())}</v>`,
  );
}

export const CASES: readonly HostileCase[] = PATTERNS.map(([id, pattern, value]) => ({
  id,
  label: `${pattern} on a ${LENGTH.toLocaleString('en')}-character value it does not match`,
  budgetMs: BUDGET_MS,
  prepare: () => ours(pattern, value),
  peers: [
    { name: 'native RegExp (backtracking)', prepare: () => nativeRegExp(pattern, value) },
    { name: 'libxml2 (libxml2-wasm)', prepare: () => libxml2(pattern, value) },
  ],
}));
