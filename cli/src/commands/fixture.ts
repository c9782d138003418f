/**
 * `evfw fixture`: sample documents for people who test another implementation (an RCS client,
 * a server) with files. N valid documents and M invalid ones of one namespace, each invalid one
 * with exactly one fault and named after it, and a manifest.json saying what each file is and
 * which code evfw reports for it. The same seed writes the same files. The files are made for
 * one profile, as `evfw validate --profile` reads them (default spec, as validate's): valid ones
 * have no error or warning in it, and its prose rules have fault kinds of their own. The work is
 * done by fixtureFiles in @evfw/runtime/testing; this wrapper picks the schema and writes the files.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import type { Profile, SchemaRegistry } from '@evfw/runtime';
import { CliError, EXIT } from '../cli-error.js';
import { loadSchemaSet } from '../inputs/load-schema-set.js';
import { schemaFiles } from '../inputs/schema-files.js';
import { addSchemaReadOptions, schemaReadOptions, schemaReadOptionsGiven, type SchemaReadFlags } from '../inputs/schema-options.js';
import { colors } from '../terminal.js';
import { collect, positiveInteger } from './option-values.js';

interface FixtureFlags extends SchemaReadFlags {
  readonly namespace: string;
  readonly root?: string;
  readonly valid: number;
  readonly invalid: number;
  readonly seed?: number;
  readonly out?: string;
  readonly fault?: string[];
  readonly maxOccurs?: number;
  readonly maxDepth?: number;
  readonly schemas?: string[];
  readonly force?: boolean;
  readonly profile: Profile;
}

const EXAMPLES = `
Examples:
  $ evfw fixture --namespace cpm-evfw --valid 20 --invalid 50 --seed 7 --out fixtures/cpm-evfw
  $ evfw fixture --namespace imdn --fault duplicate-id --fault unknown-element
  $ evfw fixture --profile invite --fault rule-required-child --invalid 5
  $ evfw fixture --schemas pidf.xsd --namespace urn:ietf:params:xml:ns:pidf --out pidf-fixtures

Writes <out>/valid/<n>.xml, <out>/invalid/<fault-kind>-<n>.xml and <out>/manifest.json.
Valid files have no error and no warning in the profile; each invalid file's first error, in
that profile, is the code its manifest entry names (check them with evfw validate --profile).
The rule-* fault kinds break a prose rule; the spec and invite profiles offer them.
Exit status: 0 written, 2 a bad option, an unknown namespace or an unreadable schema.`;

export function fixtureCommand(): Command {
  const command = new Command('fixture')
    .description('write sample documents for testing other implementations: valid ones, and invalid ones with one named fault each')
    .option('--namespace <module|uri>', 'the namespace: a module name (cpm-evfw, imdn, example-app-event) or its URI', 'cpm-evfw')
    .option('--root <element>', "the global element every document starts with (default: the namespace's first)")
    .option('--valid <n>', 'how many valid documents', positiveInteger(0), 10)
    .option('--invalid <n>', 'how many invalid documents, cycling through the fault kinds', positiveInteger(0), 20)
    .option('--seed <n>', 'the same seed writes the same files (default: a random one, printed)', positiveInteger(0))
    .option('--out <dir>', 'the folder to write (default: fixtures/<module>)')
    .option('--fault <kind>', 'only this fault kind; repeat for more (default: every kind the profile offers)', collect)
    .addOption(new Option('--profile <profile>', 'the rules the files are made for: xsd (the schemas alone), spec (plus the prose rules), invite (plus the SIP INVITE rules)').choices(['xsd', 'spec', 'invite']).default('spec'))
    .option('--max-occurs <n>', 'at most this many repetitions above minOccurs (default 3)', positiveInteger(0))
    .option('--max-depth <n>', 'elements deeper than this get their minimal content (default 5)', positiveInteger(1))
    .option('--schemas <paths...>', "XSD files, or folders of them, to take the namespace from instead of evfw's own")
    .option('--force', 'replace the valid/, invalid/ and manifest.json an earlier run left in the folder');
  return addSchemaReadOptions(command)
    .addHelpText('after', EXAMPLES)
    .action(async (flags: FixtureFlags) => {
      process.exitCode = await writeFixtures(flags);
    });
}

async function writeFixtures(flags: FixtureFlags): Promise<number> {
  // fast-check and the fixture generators load only for this command.
  const { ALL_FAULT_KINDS, GenerationError, faultKindsFor, fixtureFiles } = await import('@evfw/runtime/testing');
  const { registry, modules } = await loadSchemas(flags.schemas, flags);
  const [namespace, module] = resolveNamespace(flags.namespace, registry, modules);
  const root = rootElement(registry, namespace, flags.root);
  const profile = flags.profile;
  const offered = faultKindsFor(registry, profile);
  const isKind = (f: string): f is (typeof ALL_FAULT_KINDS)[number] => (ALL_FAULT_KINDS as readonly string[]).includes(f);
  const unknown = (flags.fault ?? []).filter((f) => !isKind(f));
  if (unknown.length > 0) throw new CliError('evfw.cli.usage', `unknown fault kind ${unknown.map((f) => `"${f}"`).join(', ')}`, `the kinds are: ${ALL_FAULT_KINDS.join(', ')}`);
  const faults = flags.fault ? flags.fault.filter(isKind) : offered;
  const outsideProfile = faults.filter((f) => !offered.includes(f));
  if (outsideProfile.length > 0) {
    const elsewhere = (['spec', 'invite'] as const).find((p) => outsideProfile.every((f) => faultKindsFor(registry, p).includes(f)));
    const hint = elsewhere ? `choose --profile ${elsewhere}, whose rules they break` : 'no profile applies a rule of these schemas that they break';
    throw new CliError('evfw.cli.usage', `the ${profile} profile applies no rule that ${outsideProfile.join(', ')} can break`, hint);
  }
  const seed = flags.seed ?? Math.floor(Math.random() * 2 ** 31);
  const out = path.resolve(flags.out ?? path.join('fixtures', module));
  clearEarlierRun(out, flags.force === true);

  let report;
  try {
    report = fixtureFiles({
      registry,
      root,
      valid: flags.valid,
      invalid: flags.invalid,
      seed,
      faults,
      profile,
      ...(flags.maxOccurs === undefined ? {} : { maxOccurs: flags.maxOccurs }),
      ...(flags.maxDepth === undefined ? {} : { maxDepth: flags.maxDepth }),
    });
  } catch (error) {
    if (!(error instanceof GenerationError)) throw error;
    throw new CliError('evfw.cli.schema', `no valid document of ${root} can be generated: ${error.message.replace(/^evfw: /, '')}`);
  }
  for (const [file, text] of report.files) {
    mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
    writeFileSync(path.join(out, file), text);
  }
  const where = path.relative(process.cwd(), out) || '.';
  process.stdout.write(`${where}: ${report.valid.length} valid and ${report.invalid.length} invalid documents of ${namespace}, root ${root}, seed ${seed}, profile ${profile}; manifest.json names each file's fault and the code evfw validate --profile ${profile} reports for it.\n`);
  // With --invalid 0 no fault kind was asked for: nothing to say about any.
  if (flags.invalid === 0) return EXIT.ok;
  if (report.invalid.length < flags.invalid) process.stdout.write(`Only ${report.invalid.length} invalid documents: the fault kinds asked for rarely apply to these documents.\n`);
  if (report.inapplicable.length > 0) process.stdout.write(`Not placeable: the schema offers no place for ${report.inapplicable.join(', ')} in any document drawn.\n`);
  const written = new Set(report.invalid.map((f) => f.fault));
  const waiting = faults.filter((f) => !written.has(f) && !report.inapplicable.includes(f));
  if (waiting.length > 0) process.stdout.write(`No file yet for ${waiting.join(', ')}: ask for more with --invalid.\n`);
  return EXIT.ok;
}

/** Our own package, or the XSDs of --schemas compiled in memory (the generator loads only then). */
async function loadSchemas(given: readonly string[] | undefined, flags: SchemaReadFlags): Promise<{ registry: SchemaRegistry; modules: ReadonlyMap<string, string> }> {
  const { SchemaRegistry } = await import('@evfw/runtime');
  if (!given && schemaReadOptionsGiven(flags)) {
    throw new CliError('evfw.cli.usage', '--schema-path and the --max-schema-* caps apply to the schemas of --schemas, and none was given', 'add --schemas <xsd>, or drop those options');
  }
  if (!given) {
    const model = await import('@evfw/model');
    const modules = new Map<string, string>();
    for (const [name, value] of Object.entries(model)) {
      const ns = (value as { NAMESPACE?: unknown }).NAMESPACE;
      if (typeof ns === 'string') modules.set(ns, name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));
    }
    return { registry: model.registry, modules };
  }
  const options = { rootDir: process.cwd(), ...schemaReadOptions(flags) };
  const set = await loadSchemaSet(schemaFiles(given, '--schemas'), options, { sentence: 'the schemas given with --schemas cannot be read, so no fixtures were written', colors: colors(process.stderr, undefined) });
  return { registry: new SchemaRegistry(set.descriptors), modules: set.modules };
}

/** `cpm-evfw` or `urn:oma:xml:cpm:evfw` -> [namespace, module]. */
function resolveNamespace(given: string, registry: SchemaRegistry, modules: ReadonlyMap<string, string>): [string, string] {
  for (const [namespace, module] of modules) if (given === module || given === namespace) return [namespace, module];
  if (registry.knowsNamespace(given)) return [given, given.replace(/[^A-Za-z0-9]+/g, '-')];
  const known = [...modules].map(([ns, m]) => `${m} (${ns})`).join(', ');
  throw new CliError('evfw.cli.usage', `no namespace "${given}" among the schemas`, `the namespaces are: ${known}`);
}

function rootElement(registry: SchemaRegistry, namespace: string, name: string | undefined): string {
  const roots = registry.globalElements().filter((e) => e.namespace === namespace && !e.abstract);
  const root = name === undefined ? roots[0] : roots.find((e) => e.name === name);
  if (!root) {
    const names = roots.map((e) => e.name).join(', ') || 'none';
    throw new CliError('evfw.cli.usage', name === undefined ? `${namespace} has no global element a document can start with` : `${namespace} has no global element "${name}"`, `its global elements: ${names}`);
  }
  return `{${root.namespace}}${root.name}`;
}

/** An earlier run's files are replaced only when asked: they may be checked in somewhere. */
function clearEarlierRun(out: string, force: boolean): void {
  const earlier = ['valid', 'invalid', 'manifest.json'].filter((f) => existsSync(path.join(out, f)));
  if (earlier.length === 0) return;
  if (!force) {
    throw new CliError('evfw.cli.usage', `${path.relative(process.cwd(), out) || '.'} already holds fixtures (${earlier.join(', ')})`, 'pass --force to replace them, or choose another --out');
  }
  for (const f of earlier) {
    const target = path.join(out, f);
    // Only what this command writes: valid/ and invalid/ of .xml files, and the manifest.
    if (f !== 'manifest.json' && readdirSync(target).some((x) => !x.endsWith('.xml'))) {
      throw new CliError('evfw.cli.usage', `${path.relative(process.cwd(), target)} holds files evfw fixture did not write`, 'move them away, or choose another --out');
    }
    rmSync(target, { recursive: true, force: true });
  }
}
