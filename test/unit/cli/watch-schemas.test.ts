/**
 * The schema folder watcher of `evfw generate --watch`, with fs.watch and with polling: a burst
 * of writes is one change, an atomic save (a temporary file renamed over the schema) is seen, new
 * and deleted schemas are seen, other files are not, and nothing is reported after close().
 */
import { mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { isSchemaInput } from '../../../cli/src/watch/watch-generate.js';
import { type SchemaWatcher, schemasSnapshot, watchSchemaFolders } from '../../../cli/src/watch/watch-schemas.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'evfw-watch-schemas-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const DEBOUNCE_MS = 150;
/** Long enough for a change to be seen and its burst to end, in either mode, on a slow machine. */
const WAIT_MS = 3_000;

let watcher: SchemaWatcher | undefined;
afterEach(() => watcher?.close());

/** Starts watching `folder` and returns a function that waits for the next reported burst. */
function watchFolder(folder: string, poll: boolean): { next: () => Promise<readonly string[]>; seen: (readonly string[])[] } {
  const seen: (readonly string[])[] = [];
  watcher = watchSchemaFolders([folder], {
    relevant: isSchemaInput,
    onChange: (files) => seen.push(files.map((f) => path.relative(folder, f))),
    onFallback: (_folder, reason) => {
      throw new Error(`unexpected fallback to polling: ${reason}`);
    },
    debounceMs: DEBOUNCE_MS,
    poll,
    pollMs: 40,
  });
  let taken = 0;
  const next = async () => {
    const deadline = Date.now() + WAIT_MS;
    while (seen.length <= taken) {
      if (Date.now() > deadline) throw new Error(`no change reported within ${WAIT_MS} ms (reported so far: ${JSON.stringify(seen)})`);
      await sleep(10);
    }
    return seen[taken++]!;
  };
  return { next, seen };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each([
  ['fs.watch', false],
  ['polling', true],
])('watchSchemaFolders with %s', (_mode, poll) => {
  it('reports a burst of writes once, an atomic save, new and deleted schemas; ignores other files', async () => {
    const folder = mkdtempSync(path.join(scratch, 'folder-'));
    const schema = path.join(folder, 'x.xsd');
    writeFileSync(schema, '<a/>');
    const { next, seen } = watchFolder(folder, poll);
    // Polling compares with a first look at the folder; fs.watch needs a moment to start.
    await sleep(100);

    // An editor writing in steps: one report.
    for (const text of ['<', '<x', '<xs:schema/>']) {
      writeFileSync(schema, text);
      await sleep(5);
    }
    expect(await next()).toEqual(['x.xsd']);

    // An atomic save: the temporary file's name is not a schema's; the rename is.
    writeFileSync(path.join(folder, 'x.xsd.tmp~'), '<xs:schema a="1"/>');
    renameSync(path.join(folder, 'x.xsd.tmp~'), schema);
    expect(await next()).toEqual(['x.xsd']);

    writeFileSync(path.join(folder, 'x.rules.json'), '{}');
    expect(await next()).toEqual(['x.rules.json']);

    unlinkSync(path.join(folder, 'x.rules.json'));
    expect(await next()).toEqual(['x.rules.json']);

    writeFileSync(path.join(folder, 'notes.txt'), 'not a schema');
    writeFileSync(path.join(folder, 'y.XSD'), '<xs:schema/>');
    expect(await next()).toEqual(['y.XSD']);

    watcher!.close();
    writeFileSync(schema, '<xs:schema b="2"/>');
    await sleep(DEBOUNCE_MS + 200);
    expect(seen).toHaveLength(5);
  });
});

describe('watchSchemaFolders when the folder goes away', () => {
  it('falls back to polling, reports the loss, and sees the schemas once the folder is back', async () => {
    const folder = mkdtempSync(path.join(scratch, 'moved-'));
    writeFileSync(path.join(folder, 'x.xsd'), '<a/>');
    const seen: (readonly string[])[] = [];
    const fallbacks: string[] = [];
    watcher = watchSchemaFolders([folder], { relevant: isSchemaInput, onChange: (files) => seen.push(files), onFallback: (_f, reason) => fallbacks.push(reason), debounceMs: DEBOUNCE_MS, pollMs: 40 });
    await sleep(100);
    renameSync(folder, `${folder}-away`);
    await until(() => seen.length === 1, 'the loss of the folder');
    expect(fallbacks).toEqual(['the folder was removed']);
    renameSync(`${folder}-away`, folder);
    await until(() => seen.length === 2, 'the folder coming back');
    expect(seen[1]).toEqual([path.join(folder, 'x.xsd')]);
  });
});

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what}: not seen within ${WAIT_MS} ms`);
    await sleep(10);
  }
}

describe('schemasSnapshot', () => {
  it('is equal while no schema changes, and differs after a write, a new file or a deletion', () => {
    const folder = mkdtempSync(path.join(scratch, 'snapshot-'));
    writeFileSync(path.join(folder, 'a.xsd'), '<a/>');
    const first = schemasSnapshot([folder], isSchemaInput);
    writeFileSync(path.join(folder, 'other.txt'), 'x');
    expect(schemasSnapshot([folder], isSchemaInput)).toBe(first);
    writeFileSync(path.join(folder, 'a.xsd'), '<a>changed</a>');
    const second = schemasSnapshot([folder], isSchemaInput);
    expect(second).not.toBe(first);
    writeFileSync(path.join(folder, 'a.rules.json'), '{}');
    expect(schemasSnapshot([folder], isSchemaInput)).not.toBe(second);
    rmSync(folder, { recursive: true });
    expect(schemasSnapshot([folder], isSchemaInput)).toBe('');
  });
});
