/**
 * A unified diff of an example and its repair, with the line numbers of the text file it is in.
 * Repairs never add or remove lines, so the diff pairs lines one to one.
 */

const CONTEXT = 3;

export function unifiedDiff(file: string, firstLine: number, before: string, after: string): string {
  // The final newline ends the last line; it does not start another.
  const a = before.replace(/\n$/, '').split('\n');
  const b = after.replace(/\n$/, '').split('\n');
  const changed = a.map((line, i) => line !== b[i]);
  const hunks: [number, number][] = [];
  for (let i = 0; i < a.length; i++) {
    if (!changed[i]) continue;
    const start = Math.max(0, i - CONTEXT);
    const end = Math.min(a.length - 1, i + CONTEXT);
    const last = hunks.at(-1);
    if (last && start <= last[1] + 1) last[1] = end;
    else hunks.push([start, end]);
  }
  if (hunks.length === 0) return '';
  const out = [`--- a/${file}`, `+++ b/${file}`];
  for (const [start, end] of hunks) {
    const count = end - start + 1;
    out.push(`@@ -${firstLine + start},${count} +${firstLine + start},${count} @@`);
    for (let i = start; i <= end; i++) {
      if (changed[i]) out.push(`-${a[i]}`, `+${b[i]}`);
      else out.push(` ${a[i]}`);
    }
  }
  return `${out.join('\n')}\n`;
}
