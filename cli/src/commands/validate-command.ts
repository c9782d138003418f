/**
 * `evfw validate`: the verdict on each document (valid or not, with every diagnostic), in text,
 * JSON or SARIF, and an exit status CI can act on.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import type { CompatOption, Profile } from '@evfw/runtime';
import { addSchemaReadOptions, type SchemaReadFlags } from '../inputs/schema-options.js';
import type { ToolInfo } from '../report/sarif-report.js';
import type { ColorChoice } from '../terminal.js';
import { WORKER_MIN_BYTES, WORKER_MIN_FILES } from '../validate/batch-size.js';
import type { Expectation } from '../validate/file-result.js';
import { byteSize, collect, positiveInteger } from './option-values.js';

const COMPAT_OPTIONS: readonly CompatOption[] = ['flag-attribute'];

export interface ValidateFlags extends SchemaReadFlags {
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
  readonly quiet?: boolean;
}

const EXAMPLES = `
Examples:
  $ evfw validate report.xml                     check one document
  $ evfw validate schemas/examples/valid         every *.xml under a folder, recursively
  $ evfw validate 'captures/**/*.xml'            a glob, when the shell does not expand it
  $ cat report.xml | evfw validate -             standard input
  $ evfw validate --expect invalid negative/     CI: every file here must be rejected
  $ evfw validate -q --expect invalid negative/  the same, one line unless a file breaks it
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
    .option('-q, --quiet', 'text format: one summary line naming the inputs, and the diagnostics only of files without the expected verdict')
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
      // Loaded here, not at start: the runtime and the reports cost every other command's start-up.
      const { validate } = await import('../validate/run-validate.js');
      process.exitCode = await validate(inputs, flags, tool);
    });
}

function compatOption(value: string, previous: CompatOption[] | undefined): CompatOption[] {
  const option = COMPAT_OPTIONS.find((o) => o === value);
  if (!option) throw new InvalidArgumentError(`Allowed choices are ${COMPAT_OPTIONS.join(', ')}.`);
  return [...(previous ?? []), option];
}
