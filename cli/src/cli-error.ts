/**
 * Failures of the command itself rather than verdicts on documents: a bad option, a missing
 * file, a schema that cannot be read. They end the run with exit status 2 and a reason on
 * stderr, in the same shape as every other error of evfw: a stable code, a sentence a person can
 * act on, and a hint when the fix is known.
 */

export const EXIT = {
  /** Every file has the expected verdict (valid, unless --expect says otherwise). */
  ok: 0,
  /** At least one file has the other verdict; or, for generate --check, files would change. */
  failed: 1,
  /** A usage or I/O error: nothing was decided. */
  usage: 2,
} as const;

export type CliErrorCode =
  | 'evfw.cli.usage'
  | 'evfw.cli.input-missing'
  | 'evfw.cli.input-unreadable'
  | 'evfw.cli.no-match'
  | 'evfw.cli.no-files'
  | 'evfw.cli.schema'
  /** `evfw diff --git`: not a repository, an unknown revision, or git itself missing or failing. */
  | 'evfw.cli.git'
  /** `evfw generate --out` into a folder the generator did not write (no manifest), without --force. */
  | 'evfw.cli.out-not-generated'
  | 'evfw.cli.internal';

export class CliError extends Error {
  constructor(
    readonly code: CliErrorCode,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** `evfw: evfw.cli.input-missing: no file or directory "x.xml"` and the hint on its own line. */
export function formatCliError(error: CliError): string {
  return `evfw: ${error.code}: ${error.message}${error.hint ? `\n  hint: ${error.hint}` : ''}`;
}
