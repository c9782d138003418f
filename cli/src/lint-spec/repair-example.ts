/**
 * Lints one XML example of a specification and repairs it, in two stages:
 *
 *   well-formedness: readXml's findings (the defect scanner's, one per defect), each with the
 *   smallest repair that keeps what the author meant -> a well-formed example ->
 *   schema and prose: the validator in the chosen profile; an element the schema does not allow
 *   is unwrapped (its content kept) so that what it hid is checked too, `flag` becomes `flags`
 *   (D-1, D-44), until nothing more can be repaired -> the fully repaired example.
 *
 * Every finding keeps the line and column the author wrote, whatever was repaired around it.
 */
import { parseDocument, readXml, type Diagnostic, type Profile, type SchemaRegistry } from '@evfw/runtime';
import { EditableText } from './text-edits.js';

export type LintStage = 'well-formedness' | 'schema' | 'prose';

export interface LintFinding extends Diagnostic {
  readonly stage: LintStage;
}

export interface ExampleRepair {
  /** Findings at their positions in the example as written (1-based lines of the example). */
  readonly findings: readonly LintFinding[];
  /** The example with the well-formedness repairs only; undefined when they were not enough. */
  readonly wellFormed: string | undefined;
  /** The example with every repair; undefined when it could not be made well-formed. */
  readonly repaired: string | undefined;
  /** What the validator still reports on `repaired` in the profile: empty when it is valid. */
  readonly remaining: readonly Diagnostic[];
}

const MAX_ROUNDS = 10;

export function repairExample(example: string, registry: SchemaRegistry, profile: Profile): ExampleRepair {
  const findings: LintFinding[] = [];
  const seen = new Set<string>();
  const add = (d: Diagnostic, stage: LintStage, text: EditableText) => {
    const at = d.line > 0 ? text.original(d.line, d.column) : { line: 0, column: 0 };
    const key = `${d.code} ${at.line}:${at.column}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push({ ...d, ...at, stage });
  };

  const text = new EditableText(example);
  const read = readXml(example);
  for (const d of read.diagnostics) add(d, 'well-formedness', text);
  if (!read.root) {
    // Right to left, bottom to top: each repair leaves the positions of those still to do intact.
    const order = [...read.diagnostics].sort((a, b) => b.line - a.line || b.column - a.column);
    for (const d of order) repairSyntax(text, d);
    const again = readXml(text.text);
    if (!again.root) {
      for (const d of again.diagnostics) add(d, 'well-formedness', text);
      return { findings: sorted(findings), wellFormed: undefined, repaired: undefined, remaining: again.diagnostics };
    }
  }
  const wellFormed = text.text;

  // A finding that a repair of another one made disappear (<event-cpm-imap> "expects
  // <operation>" while <report-data> wraps them) is a consequence, not a defect of its own.
  const full = text.copy();
  let remaining: readonly Diagnostic[] = [];
  let pending: { finding: Diagnostic; key: string }[] = [];
  const keyOf = (d: Diagnostic) => {
    const at = full.original(d.line, d.column);
    return `${d.code} ${at.line}:${at.column}`;
  };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    remaining = parseDocument(registry, undefined, full.text, { profile }).diagnostics;
    const now = new Set(remaining.map(keyOf));
    for (const p of pending) if (now.has(p.key)) addAt(p.finding, p.key);
    pending = [];
    const order = [...remaining].sort((a, b) => b.line - a.line || b.column - a.column);
    const keys = new Map(order.map((d) => [d, keyOf(d)] as const));
    let repairedSome = false;
    for (const d of order) {
      const key = keys.get(d)!;
      if (repairSchema(full, d)) {
        repairedSome = true;
        addAt(d, key);
      } else if (!seen.has(key)) {
        pending.push({ finding: { ...d, ...originalOf(key) }, key });
      }
    }
    if (!repairedSome) break;
  }
  for (const p of pending) addAt(p.finding, p.key);
  return { findings: sorted(findings), wellFormed, repaired: full.text, remaining };

  function addAt(d: Diagnostic, key: string): void {
    if (seen.has(key)) return;
    seen.add(key);
    findings.push({ ...d, ...originalOf(key), stage: stageOf(d) });
  }
}

function stageOf(d: Diagnostic): LintStage {
  return d.code.startsWith('evfw.rule.') ? 'prose' : 'schema';
}

function originalOf(key: string): { line: number; column: number } {
  const [line, column] = key.slice(key.lastIndexOf(' ') + 1).split(':').map(Number);
  return { line: line!, column: column! };
}

function sorted(findings: LintFinding[]): LintFinding[] {
  const rank: Record<LintStage, number> = { 'well-formedness': 0, schema: 1, prose: 1 };
  return findings.sort((a, b) => rank[a.stage] - rank[b.stage] || a.line - b.line || a.column - b.column);
}

// ---- Well-formedness repairs ------------------------------------------------------------------

const CURLY = '\u201c\u201d\u2018\u2019\u201e';

function repairSyntax(text: EditableText, d: Diagnostic): void {
  const line = text.line(d.line);
  switch (d.code) {
    case 'evfw.xml.declaration-not-at-start': {
      for (let n = 1; n <= text.lineCount; n++) {
        const at = text.line(n).indexOf('<?xml');
        if (at < 0) continue;
        // On the first line, drop what precedes it; further down (lines cannot be removed), drop
        // the declaration itself: UTF-8 and version 1.0 are what a document without one has.
        if (n === 1) text.replace(1, 1, at, '');
        else text.replace(n, at + 1, text.line(n).indexOf('?>', at) + 2 - at, '');
        return;
      }
      return;
    }
    case 'evfw.xml.attribute-curly-close':
      if (CURLY.includes(line[d.column - 1] ?? '')) text.replace(d.line, d.column, 1, '"');
      return;
    case 'evfw.xml.attribute-quote': {
      const delimited = new RegExp(`=\\s*[${CURLY}]([^${CURLY}"'<>]*)[${CURLY}]`, 'g');
      const matches = [...line.slice(d.column - 2).matchAll(delimited)].reverse();
      for (const m of matches) text.replace(d.line, d.column - 1 + m.index, m[0].length, `="${m[1]}"`);
      return;
    }
    case 'evfw.xml.attribute-unquoted': {
      const value = /^[^\s>]*?(?=\/>|>|\s|$)/.exec(line.slice(d.column - 1))?.[0] ?? '';
      text.replace(d.line, d.column, value.length, `"${value}"`);
      return;
    }
    case 'evfw.xml.tag-mismatch': {
      const selfClosed = /self-closed on line (\d+)/.exec(d.message);
      const name = /^<\/([^\s>]+)/.exec(line.slice(d.column - 1))?.[1];
      if (selfClosed && name) {
        // <operation .../> followed later by </operation>: what follows was meant to be inside.
        const n = Number(selfClosed[1]);
        const start = text.line(n).lastIndexOf(`<${name}`);
        const close = start < 0 ? -1 : text.line(n).indexOf('/>', start);
        if (close >= 0) text.replace(n, close + 1, 2, '>');
      } else if (name) {
        text.replace(d.line, d.column, line.indexOf('>', d.column - 1) + 2 - d.column, '');
      }
      return;
    }
    case 'evfw.xml.unclosed-element': {
      const name = /^<([^\s/>]+)/.exec(line.slice(d.column - 1))?.[1];
      const before = /<\/([^\s>]+)> on line (\d+)/.exec(d.message);
      if (!name || !before) return;
      const n = Number(before[2]);
      const at = text.line(n).indexOf(`</${before[1]}`);
      if (at >= 0) text.replace(n, at + 1, 0, `</${name}>`);
      return;
    }
    case 'evfw.xml.invalid-name': {
      // A template placeholder such as <event-{xxx}-{yyy}>: keep the name, drop the braces.
      const open = line.lastIndexOf('<', d.column - 1);
      const nameStart = open + (line[open + 1] === '/' ? 2 : 1);
      const name = /^[^\s>/]+/.exec(line.slice(nameStart))?.[0] ?? '';
      text.replace(d.line, nameStart + 1, name.length, name.replace(/[{}]/g, ''));
      return;
    }
    default:
      return;
  }
}

// ---- Schema repairs ---------------------------------------------------------------------------

function repairSchema(text: EditableText, d: Diagnostic): boolean {
  const line = text.line(d.line);
  switch (d.code) {
    case 'evfw.attribute.flag-deviation':
      if (!line.startsWith('flag', d.column - 1)) return false;
      text.replace(d.line, d.column, 'flag'.length, 'flags');
      return true;
    case 'evfw.content.unexpected': {
      // An element the schema does not define (<report-data>, an extension placeholder in the
      // evfw namespace): unwrap it, keeping its content, so that what it held is checked too.
      if (line[d.column - 1] !== '<') return false;
      return unwrap(text, d.line, d.column);
    }
    default:
      return false;
  }
}

function unwrap(text: EditableText, line: number, column: number): boolean {
  const startLine = text.line(line);
  const name = /^<([^\s/>]+)/.exec(startLine.slice(column - 1))?.[1];
  const tagEnd = startLine.indexOf('>', column - 1);
  if (!name || tagEnd < 0) return false;
  const selfClosing = startLine[tagEnd - 1] === '/';
  if (!selfClosing) {
    const end = matchingEnd(text, name, line, tagEnd + 2);
    if (!end) return false;
    text.replace(end.line, end.column, end.length, '');
  }
  text.replace(line, column, tagEnd + 2 - column, '');
  return true;
}

/** The end tag that closes an element named `name` whose start tag ends before (line, column). */
function matchingEnd(text: EditableText, name: string, line: number, column: number): { line: number; column: number; length: number } | undefined {
  const tags = new RegExp(`<(/?)${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[\\s/>])[^>]*?(/?)>`, 'g');
  let depth = 1;
  for (let n = line; n <= text.lineCount; n++) {
    const from = n === line ? column - 1 : 0;
    const content = text.line(n);
    tags.lastIndex = from;
    for (let m = tags.exec(content); m; m = tags.exec(content)) {
      if (m[1] === '/') depth--;
      else if (m[2] !== '/') depth++;
      if (depth === 0) return { line: n, column: m.index + 1, length: m[0].length };
    }
  }
  return undefined;
}
