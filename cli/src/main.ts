/**
 * The evfw command: parses the arguments (commander), runs one command, and turns every way a
 * run can end into an exit status: 0 and 1 are verdicts, 2 is a usage or I/O error with its
 * reason on stderr.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { CliError, EXIT, formatCliError } from './cli-error.js';
import { diffCommand } from './commands/diff-command.js';
import { docsCommand } from './commands/docs-command.js';
import { fixtureCommand } from './commands/fixture.js';
import { generateCommand } from './commands/generate-command.js';
import { lintSpecCommand } from './commands/lint-spec-command.js';
import { validateCommand } from './commands/validate-command.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

const EXAMPLES = `
Examples:
  $ evfw validate schemas/examples/valid
  $ evfw validate --format json report.xml
  $ evfw generate --check
  $ evfw generate --watch
  $ evfw diff --git HEAD
  $ evfw docs
  $ evfw lint-spec ../shared/spec/oma-cpm-evfw-cr.txt
  $ evfw fixture --namespace cpm-evfw --valid 20 --invalid 20 --seed 7 --out fixtures

Run evfw <command> --help for a command's options and examples.`;

const program = new Command('evfw')
  .description('Schema-first toolkit for the OMA CPM Event Reporting Framework: validate documents, generate typed packages')
  .version(version, '-V, --version', 'print the version of evfw')
  .exitOverride()
  // Commander's parse errors in evfw's shape: `evfw: <code>: <sentence>`.
  .configureOutput({ outputError: (text, write) => write(text.replace(/^error: /, 'evfw: evfw.cli.usage: ')) })
  .showHelpAfterError('(run with --help for usage)')
  .addHelpText('after', EXAMPLES);
// Commands made apart from the program take its settings (exit override, help after errors) explicitly.
for (const command of [validateCommand({ name: 'evfw', version }), generateCommand(), docsCommand(), diffCommand(), fixtureCommand(), lintSpecCommand()]) {
  program.addCommand(command.copyInheritedSettings(program));
}

// `evfw validate ... | head`: the reader has gone, so there is nobody left to tell; end quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? EXIT.ok);
});

// A promise, not a top-level await: the build (scripts/build-cli.mjs) makes this file CommonJS, so
// that V8 can keep its compiled code between runs, and CommonJS has no top-level await.
program.parseAsync(process.argv).catch((error: unknown) => {
  process.exitCode = exitStatus(error);
});

function exitStatus(error: unknown): number {
  if (error instanceof CommanderError) {
    // Help and version end with code 0; every parse error (already printed by commander) is a usage error.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof CliError) {
    process.stderr.write(`${formatCliError(error)}\n`);
    return EXIT.usage;
  }
  const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`evfw: evfw.cli.internal: evfw failed unexpectedly; this is a bug in evfw, please report it with the command line\n${reason}\n`);
  return EXIT.usage;
}
