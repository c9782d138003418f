/**
 * The budgets of issue 17 (hostile schemas), measured in the same run as the rest of the bench:
 * each case of the modules below, ours and each named peer, in a child process of its own
 * (hostile-child.ts) with a time cap, so that a backtracking peer that would run for hours is
 * reported as not finishing instead of being waited for.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { HOSTILE_RESULT, type HostileCase, type HostileOutcome } from './hostile-case.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CHILD = path.join(HERE, 'hostile-child.ts');

/** The modules of cases, in report order. */
export const HOSTILE_MODULES = ['patterns.ts', 'counts.ts', 'deep-schemas.ts', 'schema-confinement.ts', 'escaping.ts'] as const;

/** A peer gets this long at most: enough to finish any linear run, far too little for a backtracking one. */
const PEER_CAP_MS = 10_000;

export type HostileResult = { readonly status: 'ok'; readonly value: HostileOutcome } | { readonly status: 'failed'; readonly reason: string };

export interface HostileRow {
  readonly module: string;
  readonly id: string;
  readonly label: string;
  readonly budgetMs: number;
  readonly budgetMb: number | undefined;
  readonly ours: HostileResult;
  readonly peers: readonly { readonly name: string; readonly result: HostileResult }[];
}

function runChild(moduleFile: string, caseId: string, who: string, runs: number, capMs: number): HostileResult {
  const child = spawnSync(process.execPath, ['--conditions=@evfw/source', '--import', 'tsx', CHILD, moduleFile, caseId, who, String(runs)], {
    encoding: 'utf8',
    timeout: capMs,
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = child.stdout?.split('\n').find((l) => l.startsWith(HOSTILE_RESULT));
  if (line) return { status: 'ok', value: JSON.parse(line.slice(HOSTILE_RESULT.length)) as HostileOutcome };
  if (child.error && (child.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return { status: 'failed', reason: `did not finish in ${capMs / 1000} s` };
  const said = (child.stderr ?? '').trim().split('\n').filter((l) => l.trim()).slice(-1)[0] ?? '';
  return { status: 'failed', reason: `exited with ${child.status ?? child.signal}${said ? `: ${said.slice(0, 200)}` : ''}` };
}

export async function measureHostile(options: { quick: boolean; progress: (message: string) => void }): Promise<HostileRow[]> {
  const rows: HostileRow[] = [];
  for (const module of HOSTILE_MODULES) {
    const moduleFile = path.join(HERE, module);
    const { CASES } = (await import(pathToFileURL(moduleFile).href)) as { CASES: readonly HostileCase[] };
    for (const c of CASES) {
      // Sub-second budgets are medians of several runs; the long ones (whole generations) one run each.
      const runs = options.quick || c.budgetMs > 1_000 ? 1 : 5;
      const ours = runChild(moduleFile, c.id, 'ours', runs, Math.max(120_000, c.budgetMs * 4));
      options.progress(`hostile ${c.id}: ${describe(ours)}`);
      const peers = (c.peers ?? []).map((p) => {
        const result = runChild(moduleFile, c.id, p.name, 1, PEER_CAP_MS);
        options.progress(`hostile ${c.id} (${p.name}): ${describe(result)}`);
        return { name: p.name, result };
      });
      rows.push({ module, id: c.id, label: c.label, budgetMs: c.budgetMs, budgetMb: c.budgetMb, ours, peers });
    }
  }
  return rows;
}

function describe(result: HostileResult): string {
  return result.status === 'ok' ? `${ms(result.value.msMedian)}, ${result.value.outcome}` : result.reason;
}

function ms(value: number): string {
  return value >= 100 ? `${Math.round(value).toLocaleString('en-US')} ms` : `${value.toFixed(value >= 10 ? 1 : 2)} ms`;
}

/** Within budget: the median under the time budget and, where there is one, the peak under the memory budget. */
export function withinBudget(row: HostileRow): boolean {
  if (row.ours.status !== 'ok') return false;
  const { msMedian, peakMb } = row.ours.value;
  return msMedian <= row.budgetMs && (row.budgetMb === undefined || (peakMb !== undefined && peakMb <= row.budgetMb));
}

function peerCell(row: HostileRow, peer: { name: string; result: HostileResult }): string {
  if (peer.result.status !== 'ok') return `${peer.name}: ${peer.result.reason}`;
  const ratio = row.ours.status === 'ok' ? `, ${(peer.result.value.msMedian / Math.max(row.ours.value.msMedian, 0.001)).toPrecision(2)}x ours' time` : '';
  return `${peer.name}: ${ms(peer.result.value.msMedian)}, ${peer.result.value.outcome}${ratio}`;
}

const HEADER = ['case', 'budget', 'ours (median)', 'peak RSS', 'outcome', 'within budget', 'peers'];

export function hostileLines(rows: readonly HostileRow[]): string[][] {
  return [
    HEADER,
    ...rows.map((row) => [
      row.label,
      `${ms(row.budgetMs)}${row.budgetMb ? `, ${row.budgetMb} MB` : ''}`,
      row.ours.status === 'ok' ? ms(row.ours.value.msMedian) : row.ours.reason,
      row.ours.status === 'ok' && row.ours.value.peakMb !== undefined ? `${Math.round(row.ours.value.peakMb)} MB` : '',
      row.ours.status === 'ok' ? row.ours.value.outcome : '',
      withinBudget(row) ? 'yes' : 'NO',
      row.peers.map((p) => peerCell(row, p)).join('; '),
    ]),
  ];
}

/** The table as aligned plain text (every column left-aligned: the cells are prose). */
export function hostileText(lines: readonly string[][]): string {
  const widths = lines[0]!.map((_, c) => Math.max(...lines.map((l) => (l[c] ?? '').length)));
  return lines.map((line) => line.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd()).join('\n');
}

export function hostileMarkdown(lines: readonly string[][]): string {
  const row = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [row(lines[0]!), row(lines[0]!.map(() => '---')), ...lines.slice(1).map(row)].join('\n');
}
