/**
 * The targets of issue 8, judged from the figures of one run: each line says PASS or FAIL with
 * the figures it was judged on, or UNKNOWN when a case it needs is missing or failed.
 */
import type { Input } from './inputs.js';
import type { Outcome, Row } from './result.js';

export interface Verdict {
  readonly target: string;
  readonly verdict: 'PASS' | 'FAIL' | 'UNKNOWN';
  readonly detail: string;
}

export interface Figures {
  readonly inputs: readonly Input[];
  readonly rows: readonly Row[];
  readonly startup: Readonly<Record<string, Outcome>>;
}

const x = (ratio: number) => `${ratio.toFixed(2)}x`;

/** Why a needed figure is not there, thrown while judging a target and caught as UNKNOWN. */
class Unknown extends Error {}

function judge(target: string, decide: () => { pass: boolean; detail: string }): Verdict {
  try {
    const { pass, detail } = decide();
    return { target, verdict: pass ? 'PASS' : 'FAIL', detail };
  } catch (error) {
    if (!(error instanceof Unknown)) throw error;
    return { target, verdict: 'UNKNOWN', detail: error.message };
  }
}

export function judgeTargets({ inputs, rows, startup }: Figures): Verdict[] {
  const outcome = (caseId: string, inputId: string): Extract<Outcome, { status: 'ok' }> => {
    const found = rows.find((r) => r.caseId === caseId && r.inputId === inputId)?.outcome;
    if (!found) throw new Unknown(`${caseId} was not measured on ${inputId}`);
    if (found.status !== 'ok') throw new Unknown(`${caseId} on ${inputId} ${found.status} (${found.reason})`);
    return found;
  };
  const ms = (caseId: string, inputId: string) => outcome(caseId, inputId).timing.msPerRun;
  /** How many times faster `fast` is than `slow` on one input. */
  const speedup = (fast: string, slow: string, inputId: string) => ms(slow, inputId) / ms(fast, inputId);
  const inputIds = inputs.map((i) => i.id);
  const perInput = (ratio: (inputId: string) => number, pass: (r: number) => boolean) => {
    const ratios = inputIds.map((id) => ({ id, r: ratio(id) }));
    return { pass: ratios.every(({ r }) => pass(r)), detail: ratios.map(({ id, r }) => `${id} ${x(r)}`).join(', ') };
  };
  const startupMs = (name: string) => {
    const found = startup[name];
    if (found?.status !== 'ok') throw new Unknown(`${name} ${found ? `${found.status} (${found.reason})` : 'was not measured'}`);
    return found.timing.msPerRun;
  };
  const tenMb = inputs.find((i) => i.id === '10m');

  return [
    judge('validate 10 MB at >= 2x libxmljs2 throughput', () => {
      const r = speedup('evfw-validate', 'libxmljs2', '10m');
      return { pass: r >= 2, detail: `${x(r)} libxmljs2's throughput` };
    }),
    judge('validate 10 MB with peak memory <= 3x input size above baseline', () => {
      const { memory } = outcome('evfw-validate', '10m');
      if (!memory || !tenMb) throw new Unknown('no memory figure');
      const r = (memory.peakRss - memory.baselineRss) / tenMb.bytes;
      return { pass: r <= 3, detail: `${x(r)} the input's ${(tenMb.bytes / 1e6).toFixed(1)} MB` };
    }),
    judge('validate the 10,000-document batch in-process at >= 6x libxmljs2 documents/s', () => {
      const r = speedup('evfw-validate', 'libxmljs2', 'batch');
      return { pass: r >= 6, detail: `${x(r)} libxmljs2's documents/s` };
    }),
    judge('validate 100 KB at >= 1.5x libxmljs2 throughput', () => {
      const r = speedup('evfw-validate', 'libxmljs2', '100k');
      return { pass: r >= 1.5, detail: `${x(r)} libxmljs2's throughput` };
    }),
    judge('parse to typed objects costs <= 1.2x validate alone (time), on every input', () =>
      perInput((id) => ms('evfw-parse', id) / ms('evfw-validate', id), (r) => r <= 1.2),
    ),
    judge('serialize throughput >= 2x our parse throughput, on every input', () =>
      perInput((id) => speedup('evfw-serialize', 'evfw-parse', id), (r) => r >= 2),
    ),
    judge("serialize faster than fast-xml-parser's XMLBuilder, on every input", () =>
      perInput((id) => speedup('evfw-serialize', 'fxp-builder', id), (r) => r > 1),
    ),
    judge('CLI start-up <= node start-up + 30 ms', () => {
      const [evfw, node] = [startupMs('evfw --version'), startupMs('node -e 0')];
      return { pass: evfw <= node + 30, detail: `evfw --version ${evfw.toFixed(0)} ms, node -e 0 ${node.toFixed(0)} ms: +${(evfw - node).toFixed(0)} ms` };
    }),
    judge('installed CLI (from its npm tarball) start-up <= node start-up + 30 ms', () => {
      const [evfw, node] = [startupMs('installed evfw --version'), startupMs('node -e 0')];
      return { pass: evfw <= node + 30, detail: `installed evfw --version ${evfw.toFixed(0)} ms, node -e 0 ${node.toFixed(0)} ms: +${(evfw - node).toFixed(0)} ms` };
    }),
    judge('CLI on 10,000 files at least as fast as xmllint --schema on them', () => {
      const [evfw, xmllint] = [ms('evfw-cli', 'batch'), ms('xmllint-cli', 'batch')];
      return { pass: evfw <= xmllint, detail: `evfw validate ${(evfw / 1000).toFixed(2)} s, xmllint ${(xmllint / 1000).toFixed(2)} s: ${x(xmllint / evfw)} xmllint's speed` };
    }),
  ];
}
