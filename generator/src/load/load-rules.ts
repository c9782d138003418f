/**
 * Reads the prose rules declared next to a schema: `<stem>.rules.json` beside the first file of a
 * namespace (`schemas/cpm-evfw.rules.json` for `schemas/cpm-evfw.xsd`). The file is
 * language-neutral data; this reader checks its shape, so a mistake stops the generator with the
 * rule and the field, and the runtime can trust what it interprets (D-59).
 */
import path from 'node:path';
import { checkXsdPattern } from '@evfw/runtime';
import type { RuleCheck, RuleDescriptor } from '@evfw/runtime/schema';
import { GeneratorError } from '../errors.js';
import { SchemaAccess } from './schema-access.js';

const SEVERITIES = ['error', 'warning'];
const PROFILES = ['spec', 'invite'];
const SCHEMES = ['tel', 'sip', 'sips'];

/** The rules file of a schema file (display path, relative to rootDir), or undefined when there is none. */
export function rulesFileOf(schemaFile: string): string {
  return schemaFile.replace(/\.xsd$/i, '') + '.rules.json';
}

/**
 * `access` is the schema set's reader: the rules file is read under the same roots and caps as
 * the schemas, since a JSON parse error would quote it (a link to /proc/self/environ must not be).
 */
export function loadRules(schemaFile: string, rootDir: string, access?: SchemaAccess): RuleDescriptor[] | undefined {
  const file = rulesFileOf(schemaFile);
  const absolute = path.resolve(rootDir, file);
  const text = (access ?? new SchemaAccess([absolute])).readBeside(absolute, file);
  if (text === undefined) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new GeneratorError('rules.invalid', `the rules file is not JSON (${(error as Error).message})`, { file, line: 1, column: 1 });
  }
  const rules = (data as { rules?: unknown } | null)?.rules;
  if (!Array.isArray(rules)) throw new GeneratorError('rules.invalid', 'the rules file needs a "rules" array', { file, line: 1, column: 1 }, 'write { "rules": [ ... ] }');
  const seen = new Set<string>();
  return rules.map((raw: unknown, index) => {
    const rule = raw as Record<string, unknown>;
    const where = positionOf(text, typeof rule?.id === 'string' ? rule.id : undefined, file);
    const fail = (field: string, expected: string): never => {
      throw new GeneratorError('rules.invalid', `rule ${index + 1}${typeof rule?.id === 'string' ? ` "${rule.id}"` : ''}: "${field}" must be ${expected}`, where);
    };
    if (typeof rule?.id !== 'string' || !/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(rule.id)) fail('id', 'a kebab-case name');
    if (seen.has(rule.id as string)) fail('id', 'unique in the file');
    seen.add(rule.id as string);
    for (const field of ['section', 'message', 'description'] as const) if (typeof rule[field] !== 'string' || rule[field] === '') fail(field, 'a non-empty string');
    if (!SEVERITIES.includes(rule.severity as string)) fail('severity', '"error" (SHALL text) or "warning" (conditional or SHOULD-like text)');
    if (!PROFILES.includes(rule.profile as string)) fail('profile', '"spec" or "invite"');
    if (rule.hint !== undefined && typeof rule.hint !== 'string') fail('hint', 'a string');
    const check = checkOf(rule.check as Record<string, unknown> | undefined, (field, expected) => fail(`check.${field}`, expected));
    return {
      id: rule.id as string,
      section: rule.section as string,
      severity: rule.severity as RuleDescriptor['severity'],
      profile: rule.profile as RuleDescriptor['profile'],
      message: rule.message as string,
      ...(rule.hint !== undefined ? { hint: rule.hint as string } : {}),
      description: rule.description as string,
      check,
    };
  });
}

function checkOf(check: Record<string, unknown> | undefined, fail: (field: string, expected: string) => never): RuleCheck {
  const names = (value: unknown): value is string[] => Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v !== '');
  if (typeof check?.element !== 'string' || check.element === '') return fail('element', 'the local name of an element of the schema');
  const element = check.element;
  switch (check.kind) {
    case 'one-of-identifications': {
      const alternatives = check.alternatives;
      if (!Array.isArray(alternatives) || alternatives.length === 0) return fail('alternatives', 'a non-empty array');
      return {
        kind: 'one-of-identifications',
        element,
        alternatives: alternatives.map((alt: Record<string, unknown>) => {
          if (alt.attributes !== undefined && !names(alt.attributes)) fail('alternatives[].attributes', 'a non-empty array of names');
          if (alt.children !== undefined && !names(alt.children)) fail('alternatives[].children', 'a non-empty array of names');
          if (alt.attributes === undefined && alt.children === undefined) fail('alternatives[]', 'attributes, children or both');
          return { ...(alt.attributes ? { attributes: alt.attributes as string[] } : {}), ...(alt.children ? { children: alt.children as string[] } : {}) };
        }),
      };
    }
    case 'pattern': {
      if (typeof check.regex !== 'string') return fail('regex', 'a regular expression');
      // XSD's syntax, matched by the runtime's linear-time engine: a rules file lies beside a
      // schema and is as untrusted, so its patterns must not reach a backtracking RegExp (D-90).
      const unusable = checkXsdPattern(check.regex);
      if (unusable) return fail('regex', `a valid XSD regular expression, as in xs:pattern (${unusable.message})`);
      if (check.attribute !== undefined && typeof check.attribute !== 'string') return fail('attribute', 'an attribute name');
      return { kind: 'pattern', element, ...(check.attribute !== undefined ? { attribute: check.attribute as string } : {}), regex: check.regex };
    }
    case 'uri':
      if (!names(check.schemes) || !check.schemes.every((s) => SCHEMES.includes(s))) return fail('schemes', `some of ${SCHEMES.join(', ')}`);
      return { kind: 'uri', element, schemes: check.schemes as ('tel' | 'sip' | 'sips')[] };
    case 'required-child':
      if (typeof check.child !== 'string' || check.child === '') return fail('child', 'the local name of a child element');
      return { kind: 'required-child', element, child: check.child };
    default:
      return fail('kind', 'one of one-of-identifications, pattern, uri, required-child');
  }
}

/** Where a rule starts in the file: the line of its id, for the error position. */
function positionOf(text: string, id: string | undefined, file: string): { file: string; line: number; column: number } {
  const at = id === undefined ? -1 : text.indexOf(`"${id}"`);
  if (at < 0) return { file, line: 1, column: 1 };
  const before = text.slice(0, at);
  return { file, line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}
