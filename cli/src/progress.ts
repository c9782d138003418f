/** The progress bar of a large batch, on stderr, cleared when the batch is done. */
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

const NONE: Progress = { update: () => undefined, stop: () => undefined };

export function progressBar(enabled: boolean, total: number): Progress {
  if (!enabled) return NONE;
  const bar = new cliProgress.SingleBar(
    { format: 'validating {bar} {value}/{total} files, {eta_formatted} left', stream: process.stderr, clearOnComplete: true, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    update: (done) => bar.update(done),
    stop: () => bar.stop(),
  };
}
