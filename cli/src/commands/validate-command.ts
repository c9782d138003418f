/**
 * `evfw validate`: the verdict on each document (valid or not, with every diagnostic), in text,
 * JSON or SARIF, and an exit status CI can act on.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import type { CompatOption, Limits, Profile, SchemaDescriptor } from '@evfw/runtime';
import { CliError, EXIT } from '../cli-error.js';
import { resolveInputs, type Input } from '../inputs/resolve-inputs.js';
import { schemaFiles } from '../inputs/schema-files.js';
import { addSchemaReadOptions, schemaReadOptions, schemaReadOptionsGiven, type SchemaReadFlags } from '../inputs/schema-options.js';
import type { Progress } from '../progress.js';
import { generatorErrorBlock } from '../report/generator-error.js';
import { jsonReport } from '../report/json-report.js';
import { sarifReport, type ToolInfo } from '../report/sarif-report.js';
import { textReport } from '../report/text-report.js';
import { colors, progressWanted, type ColorChoice } from '../terminal.js';
import { summarize, unexpected, type Expectation, type FileResult } from '../validate/file-result.js';
import { runBatch, WORKER_MIN_BYTES, WORKER_MIN_FILES } from '../validate/run-batch.js';
import type { Job } from '../validate/validator.js';
import { byteSize, collect, positiveInteger } from './option-values.js';

const COMPAT_OPTIONS: readonly CompatOption[] = ['flag-attribute'];

interface ValidateFlags extends SchemaReadFlags {
  readonly profile: Profile;
  readonly compat?: CompatOption[];
  readonly schema?: string[];
  readonly format: 'text' | 'json' | 'sarif';
  readonly expect?: Expectation;
  readonly denyWarnings?: boolean;
  readonly maxErrors?: number;
  readonly maxDepth?: number;
  readonly maxSize?: number;
  readonly maxTextLength?: number;
  readonly jobs?: number;
  readonly progress: boolean;
  readonly color?: ColorChoice;
}

const EXAMPLES = `
Examples:
  $ evfw validate report.xml                     check one document
  $ evfw validate schemas/examples/valid         every *.xml under a folder, recursively
  $ evfw validate 'captures/**/*.xml'            a glob, when the shell does not expand it
  $ cat report.xml | evfw validate -             standard input
  $ evfw validate --expect invalid negative/     CI: every file here must be rejected
  $ evfw validate --compat flag-attribute x.xml  accept flag="..." (Appendix M) with a warning
  $ evfw validate --format sarif . > evfw.sarif  for GitHub code scanning
  $ evfw validate --schema pidf.xsd notify.xml   any XSD, compiled in memory, like xmllint --schema
  $ evfw validate --schema x.xsd --schema-path common/ doc.xml
                                                 x.xsd's imports may also read common/

Exit status: 0 every file has the expected verdict (valid, unless --expect), 1 at least one has
not, 2 a usage or I/O error (missing file, unreadable directory, unreadable schema).

Profiles: "spec" (the default) is the schemas plus the prose rules of 6.7.5.1 (an object
identifies its message, message-id is an RFC 5438 Message-ID, other-party a TEL or SIP URI);
"invite" adds the rules of the bi-directional SIP INVITE mechanism (6.7.3.2: every object has
a message-id); "xsd" is the schemas alone, what libxml2 checks. The rules and their codes
(evfw.rule.*) are listed in generated/DIAGNOSTICS.md.`;

export function validateCommand(tool: ToolInfo): Command {
  const command = new Command('validate')
    .description('check documents against the CPM Event Reporting Framework schemas (or any XSD)')
    .argument('<inputs...>', 'files, directories (searched for *.xml), globs, or - for stdin')
    .addOption(new Option('--profile <profile>', 'rules to apply: xsd (the schemas alone), spec (plus the prose rules), invite (plus the SIP INVITE rules)').choices(['xsd', 'spec', 'invite']).default('spec'))
    .addOption(new Option('--compat <deviation>', 'accept a known deviation with a warning (repeatable): flag-attribute').argParser(compatOption))
    .addOption(new Option('--schema <xsd>', 'validate against this XSD (or folder of XSDs; repeatable) instead of evfw\'s own schemas').argParser(collect))
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
    .addOption(new Option('--expect <verdict>', 'the verdict every file must have for exit status 0').choices(['valid', 'invalid']))
    .option('--deny-warnings', 'a warning makes its document invalid')
    .option('--max-errors <n>', 'errors reported per document before stopping (default 100)', positiveInteger())
    .option('--max-depth <n>', 'deepest element nesting allowed (default 256)', positiveInteger())
    .option('--max-size <bytes>', 'largest document, e.g. 1048576, 512K, 64M (default 64M)', byteSize)
    .option('--max-text-length <n>', 'longest text node or attribute value, in characters (default 10000000)', positiveInteger())
    .option('-j, --jobs <n>', `threads, this one and n - 1 workers (default: every core for more than ${WORKER_MIN_FILES} files and ${WORKER_MIN_BYTES / 1024 / 1024} MB; 1: no workers)`, positiveInteger())
    .option('--no-progress', 'never show the progress bar (shown on a terminal for large batches)')
    .option('--color', 'colour the text output even when it is not a terminal')
    .option('--no-color', 'never colour the output (as does a non-empty NO_COLOR)');
  return addSchemaReadOptions(command)
    .addHelpText('after', EXAMPLES)
    .action(async (inputs: string[], flags: ValidateFlags) => {
      process.exitCode = await validate(inputs, flags, tool);
    });
}

function compatOption(value: string, previous: CompatOption[] | undefined): CompatOption[] {
  const option = COMPAT_OPTIONS.find((o) => o === value);
  if (!option) throw new InvalidArgumentError(`Allowed choices are ${COMPAT_OPTIONS.join(', ')}.`);
  return [...(previous ?? []), option];
}

async function validate(args: readonly string[], flags: ValidateFlags, tool: ToolInfo): Promise<number> {
  const inputs = resolveInputs(args);
  const stderrColors = colors(process.stderr, flags.color);
  if (!flags.schema && schemaReadOptionsGiven(flags)) {
    throw new CliError('evfw.cli.usage', '--schema-path and the --max-schema-* caps apply to the schemas of --schema, and none was given', 'add --schema <xsd>, or drop those options');
  }
  const schemas = await loadSchemas(flags.schema, flags, stderrColors);
  const jobs = await toJobs(inputs);
  const limits: Partial<Limits> = {
    ...(flags.maxErrors !== undefined ? { maxErrors: flags.maxErrors } : {}),
    ...(flags.maxDepth !== undefined ? { maxDepth: flags.maxDepth } : {}),
    ...(flags.maxSize !== undefined ? { maxDocumentSize: flags.maxSize } : {}),
    ...(flags.maxTextLength !== undefined ? { maxTextLength: flags.maxTextLength } : {}),
  };
  const settings = { schemas, profile: flags.profile, compat: flags.compat ?? [], limits, denyWarnings: flags.denyWarnings === true, excerpts: flags.format === 'text' };

  const progress = await progressBar(flags.progress && progressWanted(jobs.length, WORKER_MIN_FILES), jobs.length);
  let all: FileResult[];
  try {
    all = await runBatch(jobs, settings, { jobs: flags.jobs, onProgress: (done, total) => progress.update(done, total) });
  } finally {
    progress.stop();
  }

  const failures = all.filter((r) => r.failure !== undefined);
  const results = all.filter((r) => r.failure === undefined);
  const summary = summarize(results);
  if (flags.format === 'json') process.stdout.write(jsonReport(results, summary, flags.expect));
  else if (flags.format === 'sarif') process.stdout.write(sarifReport(results, tool, schemas.flatMap((s) => s.rules ?? [])));
  else process.stdout.write(textReport(results, summary, { colors: colors(process.stdout, flags.color), expect: flags.expect }));

  for (const f of failures) process.stderr.write(`evfw: evfw.cli.input-unreadable: ${f.failure}\n`);
  if (failures.length > 0) return EXIT.usage;
  return unexpected(results, flags.expect ?? 'valid').length === 0 ? EXIT.ok : EXIT.failed;
}

/** cli-progress and what it loads (readline, string widths) only for a batch that shows the bar. */
async function progressBar(enabled: boolean, total: number): Promise<Progress> {
  if (!enabled) return { update: () => undefined, stop: () => undefined };
  return (await import('../progress.js')).progressBar(true, total);
}

/** Our own schemas, or the XSDs of --schema compiled in memory (the generator loads only then). */
async function loadSchemas(files: readonly string[] | undefined, flags: SchemaReadFlags, c: ReturnType<typeof colors>): Promise<readonly SchemaDescriptor[]> {
  if (!files) return (await import('@evfw/model')).registry.schemas;
  const entries = schemaFiles(files, '--schema');
  const options = { rootDir: process.cwd(), ...schemaReadOptions(flags) };
  const { buildIr, schemaDescriptors, GeneratorError } = await import('@evfw/generator');
  try {
    return schemaDescriptors(buildIr(entries, options));
  } catch (error) {
    if (!(error instanceof GeneratorError)) throw error;
    process.stderr.write(`${generatorErrorBlock(error, c)}\n`);
    throw new CliError('evfw.cli.schema', 'the schema given with --schema cannot be read, so nothing was validated');
  }
}

/** Files are read where they are validated; stdin only here, once, before the batch starts. */
async function toJobs(inputs: readonly Input[]): Promise<Job[]> {
  const jobs: Job[] = [];
  for (const input of inputs) {
    if (input.kind !== 'stdin') {
      jobs.push({ input });
      continue;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    jobs.push({ input, bytes: new Uint8Array(Buffer.concat(chunks)) });
  }
  return jobs;
}
