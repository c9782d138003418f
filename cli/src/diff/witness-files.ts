/**
 * `--witness-dir`: each witness as a document of its own, named after its change and the side
 * it proves (`03-enumeration-value-removed-producers.xml`), so it can be fed to another
 * validator or kept as a regression sample.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { witnessSide, type SchemaChange, type WitnessOutcome } from '@evfw/generator/diff';

export function writeWitnessFiles(dir: string, changes: readonly SchemaChange[], outcomes: readonly WitnessOutcome[]): string[] {
  const width = String(changes.length).length;
  const written: string[] = [];
  changes.forEach((change, i) => {
    for (const witness of outcomes[i]?.witnesses ?? []) {
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${String(i + 1).padStart(width, '0')}-${change.kind}-${witnessSide(witness)}.xml`);
      writeFileSync(file, witness.document.endsWith('\n') ? witness.document : `${witness.document}\n`);
      written.push(file);
    }
  });
  return written;
}
