/**
 * What the terminal gets: colour only on a terminal and never when NO_COLOR is set
 * (https://no-color.org), and a progress bar only where a person is watching.
 *
 * picocolors' own detection also turns colour on whenever CI is set and looks only at stdout;
 * evfw decides per stream, so its colours go through createColors with our answer.
 */
import type { WriteStream } from 'node:tty';
import pc from 'picocolors';

export type Colors = ReturnType<typeof pc.createColors>;

export type ColorChoice = boolean | undefined;

/**
 * An explicit --color / --no-color wins; then NO_COLOR (any non-empty value) turns colour off,
 * FORCE_COLOR (other than 0) turns it on, and otherwise the stream must be a terminal.
 */
export function colorEnabled(stream: NodeJS.WriteStream | WriteStream, choice: ColorChoice, env: NodeJS.ProcessEnv = process.env): boolean {
  if (choice !== undefined) return choice;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export function colors(stream: NodeJS.WriteStream, choice: ColorChoice): Colors {
  return pc.createColors(colorEnabled(stream, choice));
}

/** A progress bar is for a person at a terminal: never in CI logs or when stderr is redirected. */
export function progressWanted(files: number, threshold: number, env: NodeJS.ProcessEnv = process.env): boolean {
  return files >= threshold && process.stderr.isTTY === true && !env.CI && env.TERM !== 'dumb';
}
