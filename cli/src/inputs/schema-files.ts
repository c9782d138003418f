/** `--schema`/`--schemas` arguments to XSD files: a folder stands for every .xsd directly in it. */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { CliError } from '../cli-error.js';

export function schemaFiles(args: readonly string[], option: string): string[] {
  return args.flatMap((arg) => {
    const stats = statSync(arg, { throwIfNoEntry: false });
    if (!stats) throw new CliError('evfw.cli.input-missing', `no schema file or directory "${arg}" (${option})`, 'check the path; it is read relative to the current directory');
    if (!stats.isDirectory()) return [arg];
    const found = readdirSync(arg)
      // Dotfiles are editors' lock and backup files (Emacs's .#x.xsd), never schemas.
      .filter((f) => f.toLowerCase().endsWith('.xsd') && !f.startsWith('.'))
      .sort()
      .map((f) => path.join(arg, f));
    if (found.length === 0) throw new CliError('evfw.cli.no-files', `no .xsd file in the directory "${arg}" (${option})`, 'name the schema files, or a folder that holds them');
    return found;
  });
}

/** The repository's schema folder: what generate, docs and diff read when no schema is named. */
export const DEFAULT_SCHEMAS = 'schemas';

/**
 * `--schemas` of `command`, or the repository's schemas/ without it; then a missing folder
 * means the command was run from elsewhere, and the hint says so.
 */
export function schemasOrDefault(given: readonly string[] | undefined, command: string): string[] {
  try {
    return schemaFiles(given ?? [DEFAULT_SCHEMAS], '--schemas');
  } catch (error) {
    if (error instanceof CliError && !given) throw new CliError(error.code, error.message, `run evfw ${command} at the repository root, or name the schemas with --schemas`);
    throw error;
  }
}
