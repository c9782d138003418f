/**
 * `evfw lint-spec`: for the editors of a specification. Finds every XML example in a text file,
 * reports each defect at the file's line and column (well-formedness first, then, on the example
 * repaired just enough to be read, what the schemas and the prose rules say), and proposes the
 * fully repaired example as a patch.
 */
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import type { Profile } from '@evfw/runtime';
import { CliError, EXIT } from '../cli-error.js';
import type { ExampleLint } from '../lint-spec/lint-text.js';

interface LintSpecFlags {
  readonly profile: Profile;
  readonly format: 'text' | 'json';
  readonly patch: boolean;
}

const EXAMPLES = `
Examples:
  $ evfw lint-spec ../shared/spec/oma-cpm-evfw-cr.txt            every defect, then the repair as a patch
  $ evfw lint-spec --no-patch spec.txt                            the defects alone
  $ evfw lint-spec spec.txt | sed -n '/^--- a/,$p' | patch spec.txt  apply the proposed repair

Exit status: 0 no defect in any example, 1 at least one defect, 2 a usage or I/O error.`;

export function lintSpecCommand(): Command {
  return new Command('lint-spec')
    .description('find the XML examples in a specification\'s text, report their defects at the text\'s lines and columns, and propose a repair')
    .argument('<file>', 'the specification as plain text (UTF-8)')
    .addOption(new Option('--profile <profile>', 'rules for the repaired examples: xsd, spec (the default) or invite').choices(['xsd', 'spec', 'invite']).default('spec'))
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--no-patch', 'do not print the proposed repair')
    .addHelpText('after', EXAMPLES)
    .action(async (file: string, flags: LintSpecFlags) => {
      process.exitCode = await lintSpec(file, flags);
    });
}

async function lintSpec(file: string, flags: LintSpecFlags): Promise<number> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? 'evfw.cli.input-missing' : 'evfw.cli.input-unreadable', `cannot read "${file}" (${code ?? String(error)})`, 'check the path; it is read relative to the current directory');
  }
  // Loaded here, not at start: the runtime and the model cost every other command's start-up.
  const [{ registry }, { lintText }] = await Promise.all([import('@evfw/model'), import('../lint-spec/lint-text.js')]);
  // Lines and columns do not change when CRLF becomes LF; the patch is then written with LF.
  const lints = lintText(file, text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'), registry, flags.profile);
  const defects = lints.reduce((n, l) => n + l.findings.length, 0);
  process.stdout.write(flags.format === 'json' ? jsonOutput(file, lints) : textOutput(file, lints, flags.patch));
  return defects === 0 ? EXIT.ok : EXIT.failed;
}

function textOutput(file: string, lints: readonly ExampleLint[], patch: boolean): string {
  const out: string[] = [];
  for (const lint of lints) {
    const { startLine, endLine } = lint.example;
    out.push(`${file}:${startLine}: XML example, lines ${startLine} to ${endLine}: ${lint.findings.length === 0 ? 'no defects' : defects(lint.findings.length)}`);
    let stage = '';
    for (const f of lint.findings) {
      if (f.stage !== stage && f.stage !== 'well-formedness' && stage === 'well-formedness') out.push('  once well-formed (the repairs below), the schemas and the prose rules say:');
      stage = f.stage;
      out.push(`${file}:${f.line}:${f.column}: ${f.severity} ${f.code}: ${f.message}`);
      if (f.hint) out.push(`  = hint: ${f.hint}`);
    }
    if (lint.repaired === undefined) out.push('  the example could not be made well-formed; no repair is proposed');
    else if (lint.remaining.length > 0) out.push(`  after every repair, ${lint.remaining.length === 1 ? '1 defect remains' : `${lint.remaining.length} defects remain`} (not repaired automatically)`);
    else if (lint.findings.length > 0) out.push('  the repaired example is valid');
    if (patch && lint.patch !== '') out.push('', `Proposed repair of lines ${startLine} to ${endLine}:`, '', lint.patch);
  }
  const total = lints.reduce((n, l) => n + l.findings.length, 0);
  out.push(`${lints.length} ${lints.length === 1 ? 'example' : 'examples'}: ${defects(total)}`);
  return `${out.join('\n')}\n`;
}

function jsonOutput(file: string, lints: readonly ExampleLint[]): string {
  return `${JSON.stringify({
    file,
    examples: lints.map((l) => ({
      startLine: l.example.startLine,
      endLine: l.example.endLine,
      findings: l.findings.map(({ stage, code, severity, message, line, column, path, hint }) => ({ stage, code, severity, message, line, column, path, ...(hint ? { hint } : {}) })),
      wellFormed: l.wellFormed ?? null,
      repaired: l.repaired ?? null,
      remaining: l.remaining.map(({ code, line, column, message }) => ({ code, line, column, message })),
      patch: l.patch,
    })),
  })}\n`;
}

function defects(n: number): string {
  return n === 1 ? '1 defect' : `${n} defects`;
}
