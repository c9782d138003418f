/**
 * Runs one hostile case (ours or one peer) in a process of its own, so that a peer that never
 * finishes can be killed and a peak of memory belongs to this case alone:
 *
 *   node --import tsx bench/hostile/hostile-child.ts <module file> <case id> <ours|peer name> <runs>
 *
 * Prepares (untimed), runs once to warm up when asked for more than one run, then times each run
 * and prints one line `HOSTILE-RESULT {...}`: the median and slowest run, the outcome the run
 * returned, and the process's peak resident memory (VmHWM) after the runs.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { HOSTILE_RESULT, type HostileCase, type HostileOutcome, type HostileRun } from './hostile-case.js';

/** How much of a run's outcome the report shows. */
const OUTCOME_CHARS = 100;

function peakRssMb(): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const [moduleFile, caseId, who, runsText] = process.argv.slice(2);
  if (!moduleFile || !caseId || !who) throw new Error('usage: hostile-child <module file> <case id> <ours|peer> [runs]');
  const { CASES } = (await import(pathToFileURL(moduleFile).href)) as { CASES: readonly HostileCase[] };
  const found = CASES.find((c) => c.id === caseId);
  if (!found) throw new Error(`no case ${caseId} in ${moduleFile}`);
  const peer = who === 'ours' ? undefined : found.peers?.find((p) => p.name === who);
  if (who !== 'ours' && !peer) throw new Error(`no peer ${who} in case ${caseId}`);
  const prepared: HostileRun = await (peer ?? found).prepare();
  const runs = Math.max(1, Number(runsText ?? '1'));
  if (runs > 1) await prepared.run();
  const times: number[] = [];
  let outcome = '';
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    outcome = await prepared.run();
    // A peer's message may quote the whole hostile value: the report keeps its start.
    if (outcome.length > OUTCOME_CHARS) outcome = `${outcome.slice(0, OUTCOME_CHARS)}…`;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const result: HostileOutcome = { msMedian: times[Math.floor(times.length / 2)]!, msMax: times[times.length - 1]!, runs, outcome, peakMb: peakRssMb() };
  process.stdout.write(`${HOSTILE_RESULT}${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
