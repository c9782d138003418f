import { readFileSync } from 'node:fs';
import { registry } from '/work/main/generated/src/registry.js';
import { parseDocument, formatDiagnostic } from '/work/main/runtime/src/index.js';
for (const f of process.argv.slice(2)) {
  const r = parseDocument<any>(registry, undefined, new Uint8Array(readFileSync(f)), {});
  console.log(`== ${f} ok=${r.ok}`);
  console.log(r.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
}
