/**
 * Every diagnostic code the runtime can report is in DIAGNOSTIC_CODES (and so in the generated
 * DIAGNOSTICS.md, which the drift test keeps current), and every code in the table is reported
 * somewhere: a table entry nobody emits is a promise the validator does not keep.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../../runtime/src/diagnostics.js';
import { GENERATED_DIR, REPO_ROOT } from '../../support/paths.js';
import { registry } from '../../../generated/src/registry.js';
import { ruleMeaning } from '../../../generator/src/emit/package/emit-package.js';

const RUNTIME = path.join(REPO_ROOT, 'runtime/src');
const sources = readdirSync(RUNTIME, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => {
    const text = readFileSync(path.join(RUNTIME, f), 'utf8');
    // The table itself does not count as a use.
    return f === 'diagnostics.ts' ? text.slice(text.indexOf('} as const;')) : text;
  })
  .join('\n');
const used = new Set(sources.match(/'evfw\.[a-z-]+(?:\.[a-z-]+)?'/g)?.map((q) => q.slice(1, -1)));

describe('diagnostic codes', () => {
  it('are all declared in DIAGNOSTIC_CODES', () => {
    expect([...used].filter((code) => !Object.hasOwn(DIAGNOSTIC_CODES, code))).toEqual([]);
  });

  it('are all reported by some part of the runtime', () => {
    expect(Object.keys(DIAGNOSTIC_CODES).filter((code) => !used.has(code))).toEqual([]);
  });

  it('include one evfw.rule.<id> per prose rule: in the table with its section, and nothing else under evfw.rule', () => {
    // Rule codes come from the rules files (D-59); each is reported by its sample in test/unit/rules.
    const table = readFileSync(path.join(GENERATED_DIR, 'DIAGNOSTICS.md'), 'utf8');
    const rules = registry.ruleSets().flatMap((set) => set.rules);
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(table).toContain(`| \`evfw.rule.${rule.id}\` | ${ruleMeaning(rule).replace(/\|/g, '\\|')} |`);
    const rows = table.match(/^\| `evfw\.rule\.[^`]+` \|/gm)?.map((row) => row.slice(3, -3)) ?? [];
    expect(rows).toEqual(rules.map((r) => `evfw.rule.${r.id}`));
    expect(Object.keys(DIAGNOSTIC_CODES).filter((code) => code.startsWith('evfw.rule.'))).toEqual([]);
  });

  it('are all in the generated reference table, with their meaning', () => {
    const table = readFileSync(path.join(GENERATED_DIR, 'DIAGNOSTICS.md'), 'utf8');
    for (const [code, meaning] of Object.entries(DIAGNOSTIC_CODES)) expect(table).toContain(`| \`${code}\` | ${meaning.replace(/\|/g, '\\|')} |`);
  });
});
