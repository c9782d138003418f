/**
 * How long validating a cpm-evfw report takes, against libxml2 in the same run, and how it
 * grows with the number of events (it should grow linearly). Run with `npm run bench`.
 *
 * Each figure is the median of several runs after a warm-up; the ratios are what to read, the
 * milliseconds depend on the machine.
 */
import { registry } from '../generated/src/registry.js';
import { parseDocument } from '../runtime/src/index.js';
import { Libxml2Oracle } from '../scripts/libxml2-oracle.js';

function report(events: number): string {
  const parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<cpm-evfw xmlns="urn:oma:xml:cpm:evfw">\n'];
  for (let i = 0; i < events; i++) {
    parts.push(
      `  <event-cpm-imap type="flags" index="e${i}">\n`,
      `    <operation name="add" flags="\\Seen">\n`,
      `      <object uid="${58175 + i}" folder-path="Default/conv${i % 97}/"><message-id>m${i}-7QsgkAl8QZvr9XPFtiiCtLj3</message-id></object>\n`,
      '    </operation>\n',
      '  </event-cpm-imap>\n',
    );
  }
  parts.push('</cpm-evfw>\n');
  return parts.join('');
}

function median(run: () => void, times: number): number {
  run();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = process.hrtime.bigint();
    run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples.sort((a, b) => a - b)[Math.floor(times / 2)]!;
}

const oracle = new Libxml2Oracle();
const rows: string[] = [];
let base: { events: number; ms: number } | undefined;
for (const events of [1_000, 5_000, 20_000]) {
  const text = report(events);
  const ours = median(() => {
    const result = parseDocument(registry, '{urn:oma:xml:cpm:evfw}cpm-evfw', text);
    if (!result.ok) throw new Error(`the benchmark document is invalid: ${result.diagnostics[0]?.message}`);
  }, 7);
  const theirs = median(() => {
    if (oracle.verdict(text) !== undefined) throw new Error('libxml2 finds the benchmark document invalid');
  }, 7);
  base ??= { events, ms: ours };
  const growth = ours / base.ms / (events / base.events);
  rows.push(
    `${String(events).padStart(6)} events, ${(text.length / 1024).toFixed(0).padStart(5)} KiB: evfw parse+validate+bind ${ours.toFixed(1).padStart(7)} ms, ` +
      `libxml2 parse+validate ${theirs.toFixed(1).padStart(7)} ms, evfw/libxml2 ${(ours / theirs).toFixed(2)}x, ` +
      `time per event relative to 1,000 events ${growth.toFixed(2)}x`,
  );
}
oracle.dispose();
console.log(rows.join('\n'));
