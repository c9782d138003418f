/**
 * `evfw generate`: regenerates generated/ from schemas/ (what `npm run generate` runs), or a
 * package for any XSD set, as TypeScript sources or (--emit js) ready JavaScript; with --check it changes nothing and fails listing what would
 * change, which is the drift check CI runs; with --watch it regenerates on every save in the
 * schema folders (cli/src/watch/).
 */
import path from 'node:path';
import { Command, Option } from 'commander';
import { CliError, EXIT } from '../cli-error.js';
import { withGenerator } from '../inputs/load-schema-set.js';
import { DEFAULT_SCHEMAS, schemasOrDefault } from '../inputs/schema-files.js';
import { addSchemaReadOptions, schemaReadOptions, type SchemaReadFlags } from '../inputs/schema-options.js';
import { colors, type ColorChoice } from '../terminal.js';
import { watchGenerate } from '../watch/watch-generate.js';

interface GenerateFlags extends SchemaReadFlags {
  readonly schemas?: string[];
  readonly force?: boolean;
  readonly out?: string;
  readonly check?: boolean;
  readonly watch?: boolean;
  readonly name?: string;
  readonly emit?: 'ts' | 'js';
  readonly color?: ColorChoice;
}

const DEFAULT_OUT = 'generated';

const EXAMPLES = `
Examples:
  $ evfw generate                                   regenerate generated/ from schemas/ (npm run generate)
  $ evfw generate --check                           CI: exit 1, listing the files, if generated/ is stale
  $ evfw generate --watch                           regenerate on every save in schemas/, saying what
                                                    changed in the exported types; Ctrl-C to stop
  $ evfw generate --schemas pidf.xsd --out pidf     a package for another XSD set
  $ evfw generate --schemas xsd/ --out model --name @acme/model
  $ evfw generate --schemas xsd/ --out model --emit js
                                                    JavaScript and .d.ts in model/dist/, ready to
                                                    import without TypeScript or a build
  $ evfw generate --schemas xsd/main.xsd --schema-path vendor/xsd --out model
                                                    imports may also read vendor/xsd/

The package folder's .evfw-manifest.json lists the files generate wrote; a later run deletes only
files listed there that it no longer generates. A folder that holds files and no manifest is
refused unless --force, which overwrites files of the same names and deletes nothing.

Exit status: 0 done (or up to date with --check, or --watch stopped by Ctrl-C), 1 files would
change (--check), 2 a schema cannot be read or a path does not exist (with --watch, only when it
starts: later a schema error is printed and the next save tried).`;

export function generateCommand(): Command {
  const command = new Command('generate')
    .description('generate the typed package from XSD files (generated/ from schemas/ by default)')
    .option('--schemas <paths...>', `XSD files, or folders of them (default: ${DEFAULT_SCHEMAS})`)
    .option('--out <dir>', `the package folder to write (default: ${DEFAULT_OUT})`)
    .option('--force', 'write into a folder evfw did not generate (no .evfw-manifest.json): overwrite files of the same names, delete nothing')
    .option('--check', 'write nothing; exit 1 listing the files that would change')
    .option('--watch', 'keep running: regenerate on every change to the schema folders and print what changed in the API')
    .option('--name <package>', 'npm name of the generated package (default: @evfw/model)')
    .addOption(new Option('--emit <mode>', 'ts: TypeScript sources in src/, built into dist/ by the package\'s `npm run build` (the default); js: dist/ alone, JavaScript and declarations ready as written').choices(['ts', 'js']))
    .option('--color', 'colour schema errors even when stderr is not a terminal')
    .option('--no-color', 'never colour the output (as does a non-empty NO_COLOR)');
  return addSchemaReadOptions(command)
    .addHelpText('after', EXAMPLES)
    .action(async (flags: GenerateFlags) => {
      if (flags.watch && flags.check) throw new CliError('evfw.cli.usage', '--watch and --check cannot be used together: --check changes nothing and ends at once', 'use --check in CI, and --watch while editing the schemas');
      process.exitCode = flags.watch ? await watchPackage(flags) : await generatePackage(flags);
    });
}

/** The generator's options from the command's. */
function generateOptions(flags: GenerateFlags) {
  return { rootDir: process.cwd(), ...schemaReadOptions(flags), ...(flags.name ? { packageName: flags.name } : {}), ...(flags.emit ? { emit: flags.emit } : {}) };
}

async function generatePackage(flags: GenerateFlags): Promise<number> {
  const entries = schemasOrDefault(flags.schemas, 'generate');
  const options = generateOptions(flags);
  const outDir = path.resolve(flags.out ?? DEFAULT_OUT);
  // The generator (and the TypeScript compiler) load only for this command.
  const failure = { sentence: 'a schema cannot be read, so nothing was generated', colors: colors(process.stderr, flags.color) };
  const { count, result } = await withGenerator((generator, onWarning) => {
    const files = generator.generate(entries, { ...options, onWarning });
    return { count: files.size, result: generator.writeOutput(files, outDir, { check: flags.check === true, force: flags.force === true }) };
  }, failure);
  const where = path.relative(process.cwd(), outDir) || '.';
  const changes = [...result.changed, ...result.stale.map((f) => `${f} (stale: no longer generated)`)];
  if (!flags.check) {
    process.stdout.write(`${where}: ${count} files from ${entries.join(', ')}; ${changes.length} changed.\n`);
    return EXIT.ok;
  }
  if (changes.length === 0) {
    process.stdout.write(`${where} is up to date (${count} files from ${entries.length} schemas).\n`);
    return EXIT.ok;
  }
  process.stderr.write(`${where} is out of date with the schemas; run \`${fixCommand(flags)}\`. Would change:\n`);
  for (const f of changes) process.stderr.write(`  ${path.join(where, f)}\n`);
  return EXIT.failed;
}

/** --watch: paths that do not exist are a usage error at the start; after that, whatever a save does is reported and waited out. */
async function watchPackage(flags: GenerateFlags): Promise<number> {
  schemasOrDefault(flags.schemas, 'generate');
  const options = generateOptions(flags);
  const generator = await import('@evfw/generator');
  return watchGenerate({
    // A save in a --schema-path folder changes what the imports read, so those folders are watched too.
    schemaArgs: [...(flags.schemas ?? [DEFAULT_SCHEMAS]), ...(flags.schemaPath ?? [])],
    entries: () => schemasOrDefault(flags.schemas, 'generate'),
    outDir: path.resolve(flags.out ?? DEFAULT_OUT),
    generate: (entries) => generator.generate(entries, options),
    generator,
    force: flags.force === true,
    color: flags.color,
  });
}


/** The command that brings the package up to date: the same one without --check. */
function fixCommand(flags: GenerateFlags): string {
  const parts = ['evfw generate'];
  if (flags.schemas) parts.push('--schemas', ...flags.schemas);
  for (const dir of flags.schemaPath ?? []) parts.push('--schema-path', dir);
  if (flags.maxSchemaBytes !== undefined) parts.push('--max-schema-bytes', String(flags.maxSchemaBytes));
  if (flags.maxSchemaSetBytes !== undefined) parts.push('--max-schema-set-bytes', String(flags.maxSchemaSetBytes));
  if (flags.maxSchemaFiles !== undefined) parts.push('--max-schema-files', String(flags.maxSchemaFiles));
  if (flags.out) parts.push('--out', flags.out);
  if (flags.name) parts.push('--name', flags.name);
  if (flags.emit) parts.push('--emit', flags.emit);
  return parts.length === 1 ? 'npm run generate' : parts.join(' ');
}
