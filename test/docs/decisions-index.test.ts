/**
 * schemas/DECISIONS.md opens with an index by topic (issue 19): every decision is in it once, with
 * a link to its heading, and a replaced decision says at its start which one replaced it.
 *
 * The format, so that a new decision is easy to add:
 *   a decision:    ### D-98. Its title                         (in the section it belongs to)
 *   its index line: - [D-98](#d-98-its-title) Its title         (under a topic of "## Index")
 *   a replaced one: its first line after the heading starts "**Replaced by D-NN" (or "**Replaced
 *                  in part by D-NN"), and the new one's heading may end "(replaces D-MM)".
 * A number never used is listed under the index's "### Not used".
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths.js';
import { headingAnchor } from './markdown.js';

const TEXT = readFileSync(path.join(REPO_ROOT, 'schemas/DECISIONS.md'), 'utf8');
const LINES = TEXT.split('\n');

interface Decision {
  readonly number: number;
  readonly title: string;
  /** The 0-based line of its heading. */
  readonly line: number;
  /** The first non-empty line after the heading. */
  readonly firstLine: string;
}

function decisions(): Decision[] {
  const found: Decision[] = [];
  for (const [line, text] of LINES.entries()) {
    const match = /^### D-(\d+)\. (.+)$/.exec(text);
    if (match === null) continue;
    const firstLine = LINES.slice(line + 1).find((l) => l.trim() !== '') ?? '';
    found.push({ number: Number(match[1]), title: match[2] ?? '', line, firstLine });
  }
  return found;
}

/** The lines of the "## Index" section, up to the next "## " heading. */
function indexLines(): string[] {
  const start = LINES.indexOf('## Index');
  if (start < 0) return [];
  const end = LINES.findIndex((l, i) => i > start && l.startsWith('## '));
  return LINES.slice(start + 1, end < 0 ? undefined : end);
}

/** The decision numbers of the index's entries, `- [D-N](#anchor) title`, with the whole line. */
function indexEntries(): { number: number; line: string }[] {
  return indexLines().flatMap((line) => {
    const match = /^- \[D-(\d+)\]\(#[^)]*\) /.exec(line);
    return match === null ? [] : [{ number: Number(match[1]), line }];
  });
}

/** Numbers listed under the index's "### Not used": `- D-62, D-63, D-64: ...`. */
function unusedNumbers(): number[] {
  const lines = indexLines();
  const start = lines.indexOf('### Not used');
  if (start < 0) return [];
  const end = lines.findIndex((l, i) => i > start && l.startsWith('### '));
  const section = lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
  return [...section.matchAll(/\bD-(\d+)\b/g)].map((m) => Number(m[1]));
}

function indexLineFor(d: Decision): string {
  return `- [D-${d.number}](#${headingAnchor(`D-${d.number}. ${d.title}`)}) ${d.title}`;
}

describe('schemas/DECISIONS.md', () => {
  it('numbers each decision once', () => {
    const numbers = decisions().map((d) => d.number);
    expect(numbers.filter((n, i) => numbers.indexOf(n) !== i)).toEqual([]);
  });

  it('has an index with every decision once, linked to its heading', () => {
    const entries = indexEntries();
    const problems: string[] = [];
    for (const d of decisions()) {
      const lines = entries.filter((e) => e.number === d.number);
      const wanted = indexLineFor(d);
      if (lines.length === 0) problems.push(`D-${d.number} is not in the index; add under its topic: ${wanted}`);
      else if (lines.length > 1) problems.push(`D-${d.number} is in the index ${lines.length} times`);
      else if (!lines[0]?.line.startsWith(wanted)) problems.push(`the index line of D-${d.number} should start: ${wanted}`);
    }
    const numbers = new Set(decisions().map((d) => d.number));
    for (const e of entries) if (!numbers.has(e.number)) problems.push(`the index lists D-${e.number}, which has no heading`);
    expect(problems).toEqual([]);
  });

  it('accounts for every number up to the last: a decision, or listed as not used', () => {
    const numbers = new Set([...decisions().map((d) => d.number), ...unusedNumbers()]);
    const last = Math.max(...decisions().map((d) => d.number));
    const missing = Array.from({ length: last }, (_, i) => i + 1).filter((n) => !numbers.has(n));
    expect(missing, 'each number either has a decision or is listed under "### Not used" in the index').toEqual([]);
  });

  it('says "Replaced by" only of decisions that exist', () => {
    const numbers = new Set(decisions().map((d) => d.number));
    const dangling = [...TEXT.matchAll(/Replaced (?:in part )?by D-(\d+)/g)].map((m) => Number(m[1])).filter((n) => !numbers.has(n));
    expect(dangling).toEqual([]);
  });

  it('says at the start of each replaced decision which one replaced it', () => {
    const all = decisions();
    const problems: string[] = [];
    for (const newer of all) {
      for (const match of newer.title.matchAll(/\breplaces (?:part of )?D-(\d+)/g)) {
        const older = all.find((d) => d.number === Number(match[1]));
        if (older === undefined) problems.push(`D-${newer.number} replaces D-${match[1]}, which does not exist`);
        else if (!new RegExp(`^\\*\\*Replaced (in part )?by D-${newer.number}\\b`).test(older.firstLine)) {
          problems.push(`D-${older.number} should start with "**Replaced by D-${newer.number}**" (D-${newer.number}'s heading says it replaces it)`);
        }
      }
    }
    // And the other way: a decision whose first line says it was replaced is marked in the index.
    for (const d of all) {
      const replaced = /^\*\*Replaced (?:in part )?by D-(\d+)/.exec(d.firstLine);
      if (replaced === null) continue;
      const entry = indexEntries().find((e) => e.number === d.number);
      if (entry !== undefined && !entry.line.includes(`by D-${replaced[1]}`)) {
        problems.push(`the index line of D-${d.number} should say it was replaced by D-${replaced[1]}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has no heading that calls a resolved issue "in progress"', () => {
    expect(LINES.filter((l) => /^#+ .*\bin progress\b/i.test(l))).toEqual([]);
  });
});
