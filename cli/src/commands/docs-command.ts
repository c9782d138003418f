/**
 * `evfw docs`: the schemas' reference for standards editors, in Markdown (one page per
 * namespace and an index) and one self-contained HTML page, into generated/docs/. The files are
 * the docs emitter's, byte for byte what `npm run generate` writes there; this command writes
 * them alone, into any folder, and with --check says whether a folder is up to date.
 *
 * It touches only the docs files of its own folder: writeOutput's stale-file logic is about a
 * package's src/, so this command has its own, limited to generated .md and .html files.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { EXIT } from '../cli-error.js';
import { withGenerator } from '../inputs/load-schema-set.js';
import { DEFAULT_SCHEMAS, schemasOrDefault } from '../inputs/schema-files.js';
import { addSchemaReadOptions, schemaReadOptions, type SchemaReadFlags } from '../inputs/schema-options.js';
import { colors, type ColorChoice } from '../terminal.js';

type Format = 'md' | 'html' | 'all';

interface DocsFlags extends SchemaReadFlags {
  readonly schemas?: string[];
  readonly out?: string;
  readonly check?: boolean;
  readonly format: Format;
  readonly color?: ColorChoice;
}

const DEFAULT_OUT = path.join('generated', 'docs');
/** Where the docs emitter puts its files in a generated package. */
const DOCS_PREFIX = 'docs/';

const EXAMPLES = `
Examples:
  $ evfw docs                                  rewrite generated/docs/ from schemas/ (npm run generate does too)
  $ evfw docs --check                          CI: exit 1, listing the files, if generated/docs/ is stale
  $ evfw docs --format html --out site         only reference.html, one page that works offline
  $ evfw docs --schemas pidf.xsd --out pidf-docs

Writes <module>.md per namespace, README.md linking them, and reference.html (the same content
in one self-contained page). The Markdown links diagnostic codes to ../DIAGNOSTICS.md, which is
where it is when the docs sit in a generated package.
Exit status: 0 done (or up to date with --check), 1 files would change (--check), 2 a schema
cannot be read or a path does not exist.`;

export function docsCommand(): Command {
  const command = new Command('docs')
    .description('write the reference of the schemas (Markdown and HTML) into generated/docs/')
    .option('--schemas <paths...>', `XSD files, or folders of them (default: ${DEFAULT_SCHEMAS})`)
    .option('--out <dir>', `the folder to write (default: ${DEFAULT_OUT})`)
    .option('--check', 'write nothing; exit 1 listing the files that would change')
    .addOption(new Option('--format <format>', 'md: the Markdown pages; html: reference.html; all: both').choices(['md', 'html', 'all']).default('all'))
    .option('--color', 'colour schema errors even when stderr is not a terminal')
    .option('--no-color', 'never colour the output (as does a non-empty NO_COLOR)');
  return addSchemaReadOptions(command)
    .addHelpText('after', EXAMPLES)
    .action(async (flags: DocsFlags) => {
      process.exitCode = await writeDocs(flags);
    });
}

async function writeDocs(flags: DocsFlags): Promise<number> {
  const entries = schemasOrDefault(flags.schemas, 'docs');
  const options = { rootDir: process.cwd(), ...schemaReadOptions(flags) };
  const outDir = path.resolve(flags.out ?? DEFAULT_OUT);
  // The generator loads only for this command; the docs emitter alone runs, with the context
  // `npm run generate` gives it, so the files are the ones it writes.
  const failure = { sentence: 'a schema cannot be read, so no docs were written', colors: colors(process.stderr, flags.color) };
  const files = docsFiles(await withGenerator((generator, onWarning) => generator.generateDocs(entries, { ...options, onWarning }), failure), flags.format);
  const changed = [...files].filter(([file, text]) => !existsSync(path.join(outDir, file)) || readFileSync(path.join(outDir, file), 'utf8') !== text).map(([file]) => file);
  const stale = staleDocs(outDir, files, flags.format);
  const where = path.relative(process.cwd(), outDir) || '.';
  const changes = [...changed, ...stale.map((f) => `${f} (stale: no longer generated)`)];
  if (flags.check) {
    if (changes.length === 0) {
      process.stdout.write(`${where} is up to date (${files.size} files from ${entries.length} schemas).\n`);
      return EXIT.ok;
    }
    process.stderr.write(`${where} is out of date with the schemas; run \`${fixCommand(flags)}\`. Would change:\n`);
    for (const f of changes) process.stderr.write(`  ${path.join(where, f)}\n`);
    return EXIT.failed;
  }
  for (const file of changed) {
    mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true });
    writeFileSync(path.join(outDir, file), files.get(file)!);
  }
  for (const file of stale) rmSync(path.join(outDir, file));
  process.stdout.write(`${where}: ${files.size} files from ${entries.join(', ')}; ${changes.length} changed.\n`);
  return EXIT.ok;
}

/** The docs of a generated package, relative to the docs folder, in the format asked for. */
function docsFiles(all: ReadonlyMap<string, string>, format: Format): Map<string, string> {
  const files = new Map<string, string>();
  for (const [file, text] of all) {
    if (!file.startsWith(DOCS_PREFIX)) continue;
    const name = file.slice(DOCS_PREFIX.length);
    if (wanted(name, format)) files.set(name, text);
  }
  return files;
}

function wanted(name: string, format: Format): boolean {
  return format === 'all' || (format === 'md' ? name.endsWith('.md') : name.endsWith('.html'));
}

/**
 * Docs an earlier run wrote that this one does not (a schema was removed or renamed): files
 * directly in the folder, of the format asked for, carrying the generator's banner. Nothing
 * else in the folder, and nothing outside it, is looked at.
 */
function staleDocs(outDir: string, files: ReadonlyMap<string, string>, format: Format): string[] {
  if (!existsSync(outDir)) return [];
  return readdirSync(outDir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(md|html)$/.test(entry.name) && wanted(entry.name, format) && !files.has(entry.name))
    .map((entry) => entry.name)
    .sort()
    .filter((name) => {
      const text = readFileSync(path.join(outDir, name), 'utf8');
      return text.includes('Code generated by @evfw/generator') && text.includes('DO NOT EDIT');
    });
}


/** The command that brings the folder up to date: the same one without --check. */
function fixCommand(flags: DocsFlags): string {
  const parts = ['evfw docs'];
  if (flags.schemas) parts.push('--schemas', ...flags.schemas);
  if (flags.out) parts.push('--out', flags.out);
  if (flags.format !== 'all') parts.push('--format', flags.format);
  return parts.join(' ');
}
