/**
 * The options of every command that reads schemas about which files the schema set may read
 * and how much: `--schema-path` adds a root, the caps bound a file and a set, `--schema-limit`
 * sets a cap on a schema's shape (issue 17), `--upa` says whether a UPA violation is an error (D-113). The rules are the generator's
 * (generator/src/load/schema-access.ts, generator/src/ir/schema-limits.ts); this only parses.
 */
import { statSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { GenerateOptions } from '@evfw/generator';
// Not from the main entry, which would load the whole generator (the TypeScript compiler, ajv) at every start.
import { DEFAULT_SCHEMA_LIMITS, type SchemaLimits } from '@evfw/generator/limits';
import { CliError } from '../cli-error.js';
import { byteSize, collect, positiveInteger } from '../commands/option-values.js';

export interface SchemaReadFlags {
  readonly schemaPath?: string[];
  readonly maxSchemaBytes?: number;
  readonly maxSchemaSetBytes?: number;
  readonly maxSchemaFiles?: number;
  readonly schemaLimit?: Partial<Record<keyof SchemaLimits, number>>;
  readonly upa?: 'error' | 'warning';
}

/** What the flags say to the generator: the roots and caps of reading, and the caps on a schema's shape (D-88, D-92). */
export type SchemaReadOptions = Pick<GenerateOptions, 'schemaPath' | 'maxSchemaBytes' | 'maxSchemaSetBytes' | 'maxSchemaFiles' | 'limits' | 'uniqueParticleAttribution'>;

function isLimitName(name: string | undefined): name is keyof SchemaLimits {
  return name !== undefined && Object.hasOwn(DEFAULT_SCHEMA_LIMITS, name);
}

const LIMIT_NAMES = Object.keys(DEFAULT_SCHEMA_LIMITS).filter(isLimitName);

/** `--schema-limit maxComponents=10000`, repeatable: one cap on a schema's shape raised or lowered. */
function schemaLimit(value: string, previous: Partial<Record<keyof SchemaLimits, number>> | undefined): Partial<Record<keyof SchemaLimits, number>> {
  const match = /^(\w+)=(\d+)$/.exec(value.trim());
  const name = match?.[1];
  if (!match || !isLimitName(name) || !Number.isSafeInteger(Number(match[2])) || Number(match[2]) < 1) {
    throw new InvalidArgumentError(`expected <name>=<n> with a name of ${LIMIT_NAMES.join(', ')} and a whole number of at least 1, got "${value}".`);
  }
  return { ...previous, [name]: Number(match[2]) };
}

export function addSchemaReadOptions(command: Command): Command {
  return command
    .addOption(new Option('--schema-path <dir>', 'a folder whose files imports and includes may also read (repeatable); by default only the folders of the schemas named').argParser(collect))
    .option('--max-schema-bytes <bytes>', 'largest schema file, e.g. 512K, 64M (default 16M)', byteSize)
    .option('--max-schema-set-bytes <bytes>', 'largest schema set, every file it reads together (default 256M)', byteSize)
    .option('--max-schema-files <n>', 'most files in a schema set (default 10000)', positiveInteger())
    .option(
      '--schema-limit <name=n>',
      `a cap on a schema's shape, repeatable: ${LIMIT_NAMES.map((n) => `${n} (default ${DEFAULT_SCHEMA_LIMITS[n]})`).join(', ')}`,
      schemaLimit,
    )
    .addOption(
      new Option('--upa <severity>', 'a content model that breaks Unique Particle Attribution: an error (the default, as XSD 1.0 says) or a warning, for schemas such as RFC 4826 resource-lists').choices(['error', 'warning']),
    );
}

/** Whether any of these options was given: a command that reads no schema with them says so. */
export function schemaReadOptionsGiven(flags: SchemaReadFlags): boolean {
  return flags.schemaPath !== undefined || flags.maxSchemaBytes !== undefined || flags.maxSchemaSetBytes !== undefined || flags.maxSchemaFiles !== undefined || flags.schemaLimit !== undefined || flags.upa !== undefined;
}

/** The generator's options from the flags; a --schema-path that is not a folder is a usage error here, before any schema is read. */
export function schemaReadOptions(flags: SchemaReadFlags): SchemaReadOptions {
  for (const dir of flags.schemaPath ?? []) {
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
      throw new CliError('evfw.cli.input-missing', `no directory "${dir}" (--schema-path)`, 'name a folder of schemas; it is read relative to the current directory');
    }
  }
  return {
    ...(flags.schemaPath ? { schemaPath: flags.schemaPath } : {}),
    ...(flags.maxSchemaBytes !== undefined ? { maxSchemaBytes: flags.maxSchemaBytes } : {}),
    ...(flags.maxSchemaSetBytes !== undefined ? { maxSchemaSetBytes: flags.maxSchemaSetBytes } : {}),
    ...(flags.maxSchemaFiles !== undefined ? { maxSchemaFiles: flags.maxSchemaFiles } : {}),
    ...(flags.schemaLimit !== undefined ? { limits: flags.schemaLimit } : {}),
    ...(flags.upa !== undefined ? { uniqueParticleAttribution: flags.upa } : {}),
  };
}
