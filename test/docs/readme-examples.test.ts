/**
 * Every command a README shows is run, and its output must be the one the README shows
 * (issue 19): the examples cannot drift from what the commands print. The convention, the
 * scratch folder and the normalisation are in scripts/docs-examples.ts; `npm run docs:examples`
 * rewrites the outputs after an intended change.
 *
 * The CLI runs from its build (cli/dist): `npm test` builds before vitest.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_DOCUMENTS, REPO_ROOT, lineDiff, parseExampleBlocks, promptsOutsideExamples, runDocumentExamples } from '../../scripts/docs-examples.js';

function read(document: string): string {
  return readFileSync(path.join(REPO_ROOT, document), 'utf8');
}

describe('the READMEs', () => {
  it('exist, each of them', () => {
    expect(EXAMPLE_DOCUMENTS.filter((d) => !existsSync(path.join(REPO_ROOT, d)))).toEqual([]);
  });

  it('show a command with "$ " only in console blocks, where it is run', () => {
    const stray = EXAMPLE_DOCUMENTS.flatMap((document) =>
      promptsOutsideExamples(read(document)).map((p) => `${document}:${p.line + 1}: ${p.text}`),
    );
    expect(stray, 'commands shown with "$ " outside a ```console block are never run: move them into one, or drop the "$ "').toEqual([]);
  });

  it('show some examples to run', () => {
    const commands = EXAMPLE_DOCUMENTS.flatMap((d) => parseExampleBlocks(d, read(d))).flatMap((b) => b.commands);
    expect(commands.length).toBeGreaterThan(5);
  });
});

describe.each(EXAMPLE_DOCUMENTS)('the examples of %s', (document) => {
  it('print what the README shows', async () => {
    const version = spawnSync(process.execPath, [path.join(REPO_ROOT, 'cli/bin/evfw.js'), '--version'], { encoding: 'utf8' });
    expect(version.status, `evfw does not run from its build: ${version.stderr}`).toBe(0);

    const differences: string[] = [];
    for (const run of await runDocumentExamples(document, read(document))) {
      if ('skipped' in run) {
        // The CR's text and the corpus sit beside the checkout; CI lays them there.
        if (process.env.CI) throw new Error(`${run.skipped}, and CI must run every example`);
        console.warn(run.skipped);
        continue;
      }
      run.block.commands.forEach((command, index) => {
        const actual = run.outputs[index] ?? [];
        if (actual.join('\n') !== command.output.join('\n')) {
          differences.push(`${document}:${command.line + 1}: $ ${command.command}\n${lineDiff(command.output, actual)}`);
        }
      });
    }
    expect(
      differences,
      `an example's output differs from what its command prints (- the README, + the command); after an intended change, run \`npm run docs:examples\``,
    ).toEqual([]);
  }, 120_000);
});
