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
