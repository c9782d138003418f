/**
 * What `evfw validate` does once its arguments are parsed: read the inputs, validate them here
 * or on workers, write the report. Apart from the command's definition (commands/validate-command.ts)
 * so that the runtime, the reports and what they load are loaded when a validation runs, not at
 * every start of evfw (`evfw --version`, `evfw generate`...).
 */
import type { Limits, SchemaDescriptor } from '@evfw/runtime';
import { CliError, EXIT } from '../cli-error.js';
import type { ValidateFlags } from '../commands/validate-command.js';
import { loadSchemaSet } from '../inputs/load-schema-set.js';
import { resolveInputs, type Input } from '../inputs/resolve-inputs.js';
import { schemaFiles } from '../inputs/schema-files.js';
import { schemaReadOptions, schemaReadOptionsGiven, type SchemaReadFlags } from '../inputs/schema-options.js';
import type { Progress } from '../progress.js';
import { jsonReport } from '../report/json-report.js';
import { quietTextReport } from '../report/quiet-report.js';
import { sarifReport, type ToolInfo } from '../report/sarif-report.js';
import { textReport } from '../report/text-report.js';
import { colors, progressWanted } from '../terminal.js';
import { WORKER_MIN_FILES } from './batch-size.js';
import { summarize, unexpected, type FileResult } from './file-result.js';
import { runBatch } from './run-batch.js';
import type { Job } from './validator.js';

export async function validate(args: readonly string[], flags: ValidateFlags, tool: ToolInfo): Promise<number> {
  const inputs = resolveInputs(args);
  const stderrColors = colors(process.stderr, flags.color);
  if (!flags.schema && schemaReadOptionsGiven(flags)) {
    throw new CliError('evfw.cli.usage', '--schema-path and the --max-schema-* caps apply to the schemas of --schema, and none was given', 'add --schema <xsd>, or drop those options');
  }
  if (flags.quiet && flags.format !== 'text') {
    throw new CliError('evfw.cli.usage', `--quiet shortens the text format, and --format ${flags.format} was asked for`, 'drop --quiet: the JSON and SARIF reports are read by programs, which filter for themselves');
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
  else if (flags.quiet) {
    const options = { colors: colors(process.stdout, flags.color), expect: flags.expect ?? 'valid', expectGiven: flags.expect !== undefined, inputs: args, profile: flags.profile } as const;
    process.stdout.write(quietTextReport(results, options));
  } else process.stdout.write(textReport(results, summary, { colors: colors(process.stdout, flags.color), expect: flags.expect }));

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
  const options = { rootDir: process.cwd(), ...schemaReadOptions(flags) };
  const set = await loadSchemaSet(schemaFiles(files, '--schema'), options, { sentence: 'the schema given with --schema cannot be read, so nothing was validated', colors: c });
  return set.descriptors;
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
