/**
 * `evfw diff`: compares two versions of the schemas and classifies every change for producers
 * (who write documents: broken when the schema narrows) and consumers (who read them: affected
 * when it widens), with the semver step the changes ask for. The comparison is the
 * generator's (diffSchemas); this command loads the versions, asks for witnesses, prints, and
 * turns "breaking" into exit status 1.
 */
import path from 'node:path';
import { Command, Option } from 'commander';
import { CliError, EXIT } from '../cli-error.js';
import type { SchemaChange, WitnessOutcome } from '@evfw/generator/diff';
import type { DiffReport } from '../diff/diff-text-report.js';
import type { Versions } from '../diff/load-versions.js';
import { DEFAULT_SCHEMAS } from '../inputs/schema-files.js';
import { addSchemaReadOptions, schemaReadOptions, type SchemaReadFlags } from '../inputs/schema-options.js';
import { colors, type ColorChoice, type Colors } from '../terminal.js';

interface DiffFlags extends SchemaReadFlags {
  readonly git?: string;
  readonly format: 'text' | 'json';
  readonly allowBreaking?: boolean;
  readonly witnesses: boolean;
  readonly witnessDir?: string;
  readonly color?: ColorChoice;
}


const EXAMPLES = `
Examples:
  $ evfw diff old/cpm-evfw.xsd schemas/cpm-evfw.xsd     two versions of one schema
  $ evfw diff release-1.0/schemas schemas               two folders of schemas
  $ evfw diff --git HEAD                                what the uncommitted edits of schemas/ change
  $ evfw diff --git v1.0.0 schemas --format json        since a release, for a script
  $ evfw diff --git main --allow-breaking               report, but let CI pass
  $ evfw diff --git HEAD --witness-dir witnesses        keep the documents that prove each change

Each change says whether it breaks producers (documents valid before may be refused now: the
schema narrowed) and affects consumers (documents valid now may have been refused before: it
widened), and whether it breaks the generated API (code written against the old generated
package no longer compiles: a property removed, added as required, made required or optional
or of another type, a union narrowed). Semver: major when anything breaks producers or the
generated API, minor when consumers are only affected or something is added, patch for
documentation alone. A witness is a document valid under one version that the other refuses:
the proof of a classification.
Exit status: 0 no breaking change, 1 a breaking change (semver major; 0 with --allow-breaking),
2 a usage, git or I/O error or a schema that cannot be read.`;

export function diffCommand(): Command {
  const command = new Command('diff')
    .description('compare two versions of the schemas: what each change breaks, for producers and for consumers')
    .argument('[old]', 'the old version: an XSD file or a folder of them (with --git: the folder to compare, default schemas)')
    .argument('[new]', 'the new version: an XSD file or a folder of them')
    .option('--git <rev>', 'compare the folder at this git revision with the working tree')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--allow-breaking', 'exit 0 even when a change is breaking')
    .option('--no-witnesses', 'do not search for witness documents (faster)')
    .option('--witness-dir <dir>', 'write each witness document into this folder')
    .option('--color', 'colour the output even when stdout is not a terminal')
    .option('--no-color', 'never colour the output (as does a non-empty NO_COLOR)');
  return addSchemaReadOptions(command)
    .addHelpText('after', EXAMPLES)
    .action(async (oldPath: string | undefined, newPath: string | undefined, flags: DiffFlags) => {
      process.exitCode = await runDiff(oldPath, newPath, flags);
    });
}

async function runDiff(oldPath: string | undefined, newPath: string | undefined, flags: DiffFlags): Promise<number> {
  if (!flags.witnesses && flags.witnessDir !== undefined) throw new CliError('evfw.cli.usage', '--witness-dir and --no-witnesses contradict each other', 'drop one of them');
  const out = colors(process.stdout, flags.format === 'json' ? false : flags.color);
  const err = colors(process.stderr, flags.color);
  // The generator, git and the reports load only for this command, as other commands start without them.
  const [{ diffSchemas }, { suggestSemver }, { diffJsonReport }, { diffTextReport }] = await Promise.all([
    import('@evfw/generator'),
    import('@evfw/generator/diff'),
    import('../diff/diff-json-report.js'),
    import('../diff/diff-text-report.js'),
  ]);
  const versions = await loadVersions(oldPath, newPath, flags, err);
  const changes = diffSchemas(versions.before, versions.after);
  const semver = suggestSemver(changes);
  const breaking = semver === 'major';
  const witnesses = flags.witnesses ? await searchWitnesses(versions, changes, flags) : undefined;
  const report: DiffReport = {
    before: versions.beforeLabel,
    after: versions.afterLabel,
    changes: changes.map(versions.showBefore),
    semver,
    breaking,
    ...(witnesses ? { witnesses } : {}),
  };
  process.stdout.write(flags.format === 'json' ? diffJsonReport(report) : diffTextReport(report, out));
  return breaking && !flags.allowBreaking ? EXIT.failed : EXIT.ok;
}

async function loadVersions(oldPath: string | undefined, newPath: string | undefined, flags: DiffFlags, c: Colors): Promise<Versions> {
  if (flags.git !== undefined) {
    if (newPath !== undefined) throw new CliError('evfw.cli.usage', 'with --git, give one folder (or none, for schemas): the working tree is the new version', 'evfw diff --git HEAD schemas');
    const { loadGit } = await import('../diff/load-versions.js');
    return loadGit(flags.git, oldPath ?? DEFAULT_SCHEMAS, c, schemaReadOptions(flags));
  }
  if (oldPath === undefined || newPath === undefined) {
    throw new CliError('evfw.cli.usage', 'evfw diff needs two versions: <old> <new>, or --git <rev>', 'evfw diff old/cpm-evfw.xsd schemas/cpm-evfw.xsd, or evfw diff --git HEAD');
  }
  const { loadPaths } = await import('../diff/load-versions.js');
  return loadPaths(oldPath, newPath, c, schemaReadOptions(flags));
}

/** Witnesses are proof, not verdict: a change keeps its classification when none is found. */
async function searchWitnesses(versions: Versions, changes: readonly SchemaChange[], flags: DiffFlags): Promise<readonly WitnessOutcome[]> {
  // Imported here, when witnesses are asked for, as the other commands import the generator.
  const { findWitnesses } = await import('@evfw/generator/diff');
  const witnesses = findWitnesses(versions.before, versions.after, changes);
  if (flags.witnessDir !== undefined) {
    const { writeWitnessFiles } = await import('../diff/witness-files.js');
    const written = writeWitnessFiles(path.resolve(flags.witnessDir), changes, witnesses);
    process.stderr.write(`${written.length} witness document${written.length === 1 ? '' : 's'} written to ${flags.witnessDir}\n`);
  }
  return witnesses;
}
