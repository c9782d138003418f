/**
 * Watching schema folders for saves: one call of `onChange` per burst of changes, with the files
 * the burst touched.
 *
 * A folder is watched, never a file: an editor's atomic save writes a temporary file and renames
 * it over the schema, which ends a watch on the file itself, and new schema files must be seen
 * too. Editors also write a file in several steps, so changes are collected until the folder has
 * been quiet for `debounceMs`.
 *
 * Node's fs.watch (inotify on Linux, FSEvents on macOS) is used where it works; where it cannot
 * start (a network file system, no inotify watches left) or fails later (the folder was removed
 * and made again), the folder is polled instead: its relevant files' sizes and modification
 * times compared every `pollMs`.
 */
import { existsSync, type FSWatcher, readdirSync, statSync, watch } from 'node:fs';
import path from 'node:path';

export interface SchemaWatcher {
  /** Stops every watch and timer; no `onChange` after this. */
  close(): void;
}

export interface WatchSchemasOptions {
  /** Which file names in the folders matter. */
  readonly relevant: (name: string) => boolean;
  /** Called once per burst, with the paths (folder joined with the name) that changed. */
  readonly onChange: (files: readonly string[]) => void;
  /** Told once per folder that falls back to polling, and why. */
  readonly onFallback?: (folder: string, reason: string) => void;
  /** Quiet time that ends a burst. */
  readonly debounceMs?: number;
  /** Poll from the start instead of trying fs.watch (tests exercise both). */
  readonly poll?: boolean;
  readonly pollMs?: number;
}

/** Editors finish a save within a few milliseconds; a person does not notice 150. */
export const DEFAULT_DEBOUNCE_MS = 150;
export const DEFAULT_POLL_MS = 400;

export function watchSchemaFolders(folders: readonly string[], options: WatchSchemasOptions): SchemaWatcher {
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const pending = new Set<string>();
  const closers: (() => void)[] = [];
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const changed = (file: string) => {
    if (closed) return;
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...pending].sort();
      pending.clear();
      if (!closed) options.onChange(files);
    }, debounceMs);
  };

  const poll = (folder: string) => {
    let last = folderSnapshot(folder, options.relevant);
    const interval = setInterval(() => {
      const now = folderSnapshot(folder, options.relevant);
      for (const name of new Set([...last.keys(), ...now.keys()])) if (last.get(name) !== now.get(name)) changed(path.join(folder, name));
      last = now;
    }, pollMs);
    closers.push(() => clearInterval(interval));
  };

  const fallBack = (folder: string, reason: string) => {
    options.onFallback?.(folder, reason);
    poll(folder);
  };

  for (const folder of new Set(folders)) {
    if (options.poll) {
      poll(folder);
      continue;
    }
    let watcher: FSWatcher | undefined;
    // A watch on a folder that is removed (or renamed) goes quiet, on Linux without an error.
    const lost = (reason: string) => {
      watcher?.close();
      watcher = undefined;
      if (closed) return;
      fallBack(folder, reason);
      changed(folder);
    };
    try {
      watcher = watch(folder, { persistent: true }, (_event, name) => {
        if (!watcher) return;
        if (!existsSync(folder)) return lost('the folder was removed');
        // Some platforms do not say which file; then any file may have changed.
        if (name === null || options.relevant(name.toString())) changed(path.join(folder, name?.toString() ?? ''));
      });
    } catch (error) {
      fallBack(folder, reasonOf(error));
      continue;
    }
    watcher.on('error', (error) => lost(reasonOf(error)));
    closers.push(() => watcher?.close());
  }

  return {
    close() {
      closed = true;
      clearTimeout(timer);
      for (const close of closers) close();
    },
  };
}

/**
 * The relevant files of the folders, with size and modification time: equal snapshots mean no
 * file changed in between. Also used to tell whether a save was still under way during a run.
 */
export function schemasSnapshot(folders: readonly string[], relevant: (name: string) => boolean): string {
  return [...new Set(folders)].map((folder) => [...folderSnapshot(folder, relevant)].map(([name, stamp]) => `${path.join(folder, name)} ${stamp}`).join('\n')).join('\n');
}

function folderSnapshot(folder: string, relevant: (name: string) => boolean): Map<string, string> {
  const snapshot = new Map<string, string>();
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    // A folder that is gone has no files; when it comes back, they all change.
    return snapshot;
  }
  for (const name of names.filter(relevant).sort()) {
    const stats = statSync(path.join(folder, name), { throwIfNoEntry: false });
    if (stats) snapshot.set(name, `${stats.mtimeMs} ${stats.size}`);
  }
  return snapshot;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
