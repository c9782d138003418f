/** The table `npm run conformance` prints: per test set, how often evfw (and xmllint) agree with the suite. */
import { agrees, type TestResult } from './run-evfw.js';

interface Tally {
  schema: number;
  schemaAgree: number;
  instance: number;
  instanceAgree: number;
  unsupported: number;
  crashes: number;
  otherSchemaAgree: number;
  otherInstanceAgree: number;
}

const TALLY_KEYS: readonly (keyof Tally)[] = ['schema', 'schemaAgree', 'instance', 'instanceAgree', 'unsupported', 'crashes', 'otherSchemaAgree', 'otherInstanceAgree'];

const setOf = (id: string) => id.slice(0, id.indexOf('/'));
const percent = (part: number, whole: number) => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`);

/** `other`: the same tests run through another validator (xmllint), when there is one. */
export function conformanceTable(results: readonly TestResult[], other?: { readonly name: string; readonly results: readonly TestResult[] }): string {
  const tallies = new Map<string, Tally>();
  const tally = (id: string) => {
    const set = setOf(id);
    let t = tallies.get(set);
    if (!t) tallies.set(set, (t = { schema: 0, schemaAgree: 0, instance: 0, instanceAgree: 0, unsupported: 0, crashes: 0, otherSchemaAgree: 0, otherInstanceAgree: 0 }));
    return t;
  };
  for (const r of results) {
    const t = tally(r.id);
    if (r.kind === 'schema') {
      t.schema++;
      if (agrees(r)) t.schemaAgree++;
    } else {
      t.instance++;
      if (agrees(r)) t.instanceAgree++;
    }
    if (r.outcome === 'unsupported') t.unsupported++;
    if (r.outcome === 'crash') t.crashes++;
  }
  for (const r of other?.results ?? []) {
    if (!agrees(r)) continue;
    const t = tally(r.id);
    if (r.kind === 'schema') t.otherSchemaAgree++;
    else t.otherInstanceAgree++;
  }
  const total: Tally = { schema: 0, schemaAgree: 0, instance: 0, instanceAgree: 0, unsupported: 0, crashes: 0, otherSchemaAgree: 0, otherInstanceAgree: 0 };
  for (const t of tallies.values()) for (const key of TALLY_KEYS) total[key] += t[key];
  const name = other?.name ?? 'xmllint';
  const row = (label: string, t: Tally) =>
    `| ${label} | ${t.schema} | ${percent(t.schemaAgree, t.schema)} | ${other ? percent(t.otherSchemaAgree, t.schema) : '-'} | ${t.instance} | ${percent(t.instanceAgree, t.instance)} | ${other ? percent(t.otherInstanceAgree, t.instance) : '-'} | ${t.unsupported} | ${t.crashes} |`;
  return [
    `| test set | schema tests | evfw agrees | ${name} agrees | instance tests | evfw agrees | ${name} agrees | unsupported | crashes |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...[...tallies.keys()].sort().map((set) => row(set, tallies.get(set)!)),
    row('**all**', total),
  ].join('\n');
}
