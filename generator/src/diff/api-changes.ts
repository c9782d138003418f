/**
 * What changed in a generated package's API between two generations, as a standards editor
 * wants to read it after a save (`evfw generate --watch` prints one line a change): per module,
 * the exported declarations added (+), removed (-) and changed (~), named as the package exports
 * them, with what changed in each (`property flags: now required`).
 *
 * A module is one namespace's type file, `src/<module>.ts`: the builders, descriptors and
 * arbitraries beside it are derived from the same types, so their changes would only repeat
 * these (and a function body or a comment is no change of the API: exported-declarations.ts).
 */
import { type DeclarationKind, type ExportedDeclaration, exportedDeclarations, type Member } from './exported-declarations.js';

/** Generated files by path relative to the package folder (`src/cpm-evfw.ts`), as `generate` returns them. */
export type PackageFiles = ReadonlyMap<string, string>;

export interface ApiChange {
  readonly module: string;
  readonly sign: '+' | '-' | '~';
  /** A declaration's kind, or `module` when the whole module came or went. */
  readonly kind: DeclarationKind | 'module';
  /** The declarations, in the order of the file: one for `~`; the declarations of a kind added or removed together. */
  readonly names: readonly string[];
  /** For `~`: what changed, short (`property flags: now required`). For a new or removed module: how many exports. */
  readonly details: readonly string[];
}

/** The file of each module's types: `src/<name>.ts` without a further dot, other than the package's index and registry. */
export function moduleOfFile(file: string): string | undefined {
  const m = /^src\/([^/.]+)\.ts$/.exec(file);
  return m && m[1] !== 'index' && m[1] !== 'registry' ? m[1] : undefined;
}

export function apiChanges(before: PackageFiles, after: PackageFiles): ApiChange[] {
  const modules = (files: PackageFiles) =>
    new Map([...files].flatMap(([file, text]) => {
      const module = moduleOfFile(file);
      return module ? [[module, text] as const] : [];
    }));
  const old = modules(before);
  const now = modules(after);
  const changes: ApiChange[] = [];
  for (const module of [...new Set([...old.keys(), ...now.keys()])].sort()) {
    const was = old.get(module);
    const is = now.get(module);
    if (was === is) continue;
    if (was === undefined || is === undefined) {
      const count = exportedDeclarations((is ?? was)!).size;
      changes.push({ module, sign: is === undefined ? '-' : '+', kind: 'module', names: [module], details: [`${count} exported declaration${count === 1 ? '' : 's'}`] });
      continue;
    }
    changes.push(...declarationChanges(module, exportedDeclarations(was), exportedDeclarations(is)));
  }
  return changes;
}

function declarationChanges(module: string, was: Map<string, ExportedDeclaration>, is: Map<string, ExportedDeclaration>): ApiChange[] {
  const changed: ApiChange[] = [];
  for (const [name, d] of is) {
    const old = was.get(name);
    const details = old ? declarationDetails(old, d) : [];
    if (details.length > 0) changed.push({ module, sign: '~', kind: d.kind, names: [name], details });
  }
  // Additions, then changes, then removals: the order a reader checks a save's effect in.
  return [...byKind(module, '+', [...is.values()].filter((d) => !was.has(d.name))), ...changed, ...byKind(module, '-', [...was.values()].filter((d) => !is.has(d.name)))];
}

/** Declarations added (or removed) together, one change per kind: a new root element brings three functions. */
function byKind(module: string, sign: '+' | '-', declarations: readonly ExportedDeclaration[]): ApiChange[] {
  const kinds = new Map<DeclarationKind, string[]>();
  for (const d of declarations) kinds.set(d.kind, [...(kinds.get(d.kind) ?? []), d.name]);
  return [...kinds].map(([kind, names]) => ({ module, sign, kind, names, details: [] }));
}

/** What differs between two declarations of one name; empty when nothing a consumer sees does. */
function declarationDetails(was: ExportedDeclaration, is: ExportedDeclaration): string[] {
  if (was.kind !== is.kind) return [`was ${was.kind}`];
  const details: string[] = [];
  if (was.heading !== is.heading) details.push(is.kind === 'function' ? `signature now ${short(is.heading)}` : headingDetail(was.heading, is.heading));
  if (was.members || is.members) details.push(...memberDetails(was.members ?? new Map(), is.members ?? new Map()));
  if (was.definition || is.definition) details.push(...definitionDetails(was.definition ?? [], is.definition ?? []));
  return details;
}

function headingDetail(was: string, is: string): string {
  const ext = (h: string) => /\bextends\s+(.*)$/.exec(h)?.[1] ?? '';
  if (ext(was) !== ext(is)) return ext(is) === '' ? 'no longer extends' : `extends now ${short(ext(is))}`;
  return `now ${short(is) || 'without a type annotation'}`;
}

function memberDetails(was: ReadonlyMap<string, Member>, is: ReadonlyMap<string, Member>): string[] {
  const details: string[] = [];
  for (const [name, m] of is) {
    const old = was.get(name);
    if (!old) {
      details.push(`+ property ${name}${m.optional ? '?' : ''}`);
      continue;
    }
    if (old.type !== m.type) details.push(`property ${name}: now ${short(m.type)} (was ${short(old.type)})`);
    if (old.optional !== m.optional) details.push(`property ${name}: now ${m.optional ? 'optional' : 'required'}`);
    if (old.readonly !== m.readonly) details.push(`property ${name}: ${m.readonly ? 'now' : 'no longer'} readonly`);
  }
  for (const name of was.keys()) if (!is.has(name)) details.push(`- property ${name}`);
  return details;
}

/**
 * Union members added, removed and (for a choice, whose members are known by their case)
 * changed; a definition that is not a union on both sides, as its new text.
 */
function definitionDetails(was: readonly string[], is: readonly string[]): string[] {
  if (was.join(' | ') === is.join(' | ')) return [];
  if (was.length <= 1 && is.length <= 1) return [`now ${short(is[0] ?? '')}`];
  const old = new Map(was.map((m) => [unionMember(m), m]));
  const now = new Map(is.map((m) => [unionMember(m), m]));
  const details = [
    ...[...now.keys()].filter((key) => !old.has(key)).map((key) => `+ ${short(key)}`),
    ...[...now].filter(([key, m]) => old.has(key) && old.get(key) !== m).map(([key, m]) => `${key}: now ${short(m)}`),
    ...[...old.keys()].filter((key) => !now.has(key)).map((key) => `- ${short(key)}`),
  ];
  return details.length > 0 ? details : ['members reordered'];
}

/** A member of a generated choice, `{ $case: 'x'; x: X }`, is known by its case. */
function unionMember(member: string): string {
  const choice = /^\{ \$case: ('[^']*')/.exec(member);
  return choice ? `$case ${choice[1]}` : member;
}

const SHORT = 48;

function short(text: string): string {
  return text.length <= SHORT ? text : `${text.slice(0, SHORT - 3)}...`;
}
