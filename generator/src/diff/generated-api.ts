/**
 * What a schema change does to code written against the generated package: both versions'
 * type modules are generated in memory (the types emitter, as `evfw generate` writes them),
 * their exported declarations read with the TypeScript parser (exported-declarations.ts), and
 * each declaration compared for what makes a consumer's code stop compiling (strict, as the
 * package's own build is):
 *
 * - a declaration removed, or now of another kind (an interface now a type alias);
 * - a property removed; one added that is required (code building the object lacks it);
 * - a property now required (building breaks) or now optional (reading it as its type breaks
 *   under strictNullChecks; see DECISIONS), now readonly, or of another type
 *   (`string` -> `number`, `Operation` -> `Operation[]`): code either builds or reads it as the
 *   old type;
 * - a union that lost a member (an enumeration value, a choice's case, a union's member type)
 *   or a type alias now something else.
 *
 * A union that gained a member breaks nothing but an exhaustive `switch` with a `never` check,
 * and is not counted (see DECISIONS); nor is a property added as optional, a declaration added, or
 * anything in a comment. Only the type modules (`src/<module>.ts`) are read: the builders,
 * arbitraries and descriptors are derived from the same types and would only repeat them.
 */
import type { NamedSchemaSet } from '../ir/ir.js';
import { emitContext } from '../emit/emit-context.js';
import { typesEmitter } from '../emit/types/emit-types.js';
import { exportedDeclarations, type ExportedDeclaration, type Member } from './exported-declarations.js';

/** One way code written against the old package stops compiling against the new one. */
export interface ApiBreak {
  readonly namespace: string;
  /** The exported declaration, as the old package names it (`Operation`, `ImapFlag`). */
  readonly declaration: string;
  /** The property, when the break is in one (`uid`); absent for the declaration as a whole. */
  readonly member?: string;
  /**
   * How much of the declaration's schema component the break comes from: the component itself
   * (removed, or of another kind), everything in its definition (a union narrowed), or one
   * property's component.
   */
  readonly reach: 'declaration' | 'definition' | 'member';
  /** Short, for a message: `property uid: now required`. */
  readonly reason: string;
}

/** Per namespace: old declaration name -> new one, for the types the diff matched under a new name. */
export type DeclarationRenames = ReadonlyMap<string, ReadonlyMap<string, string>>;

/**
 * The breaks between two versions, by namespace. With `renames`, `lang: Code` becoming
 * `lang: Tag` is the rename of Code (reported at the type), not also a change of `lang`.
 */
export function generatedApiBreaks(before: NamedSchemaSet, after: NamedSchemaSet, allRenames: DeclarationRenames): ApiBreak[] {
  const old = typeModules(before);
  const now = typeModules(after);
  const breaks: ApiBreak[] = [];
  for (const [namespace, was] of old) {
    const is = now.get(namespace) ?? new Map<string, ExportedDeclaration>();
    const renames = allRenames.get(namespace) ?? new Map<string, string>();
    for (const [name, declaration] of was) {
      const renamed = renames.get(name) ?? name;
      const current = is.get(renamed);
      if (!current) breaks.push({ namespace, declaration: name, reach: 'declaration', reason: `${declaration.kind} ${name} removed` });
      else breaks.push(...declarationBreaks(namespace, name, renamedText(declaration, renames), current));
    }
  }
  return breaks;
}

function declarationBreaks(namespace: string, name: string, was: ExportedDeclaration, is: ExportedDeclaration): ApiBreak[] {
  const whole = (reason: string): ApiBreak => ({ namespace, declaration: name, reach: 'definition', reason });
  if (was.kind !== is.kind) return [{ namespace, declaration: name, reach: 'declaration', reason: `${name}: was ${was.kind}, now ${is.kind}` }];
  const breaks: ApiBreak[] = [];
  if (was.heading !== is.heading) breaks.push(whole(`${name}: now ${is.heading || 'without a heading'}`));
  const wasMembers = was.members ?? new Map<string, Member>();
  const isMembers = is.members ?? new Map<string, Member>();
  for (const [member, old] of wasMembers) {
    const property = (reason: string): ApiBreak => ({ namespace, declaration: name, member, reach: 'member', reason: `property ${member}: ${reason}` });
    const current = isMembers.get(member);
    if (!current) breaks.push(property('removed'));
    else if (old.type !== current.type) breaks.push(property(`type ${old.type} -> ${current.type}`));
    else if (old.optional !== current.optional) breaks.push(property(current.optional ? 'now optional' : 'now required'));
    else if (!old.readonly && current.readonly) breaks.push(property('now readonly'));
  }
  for (const [member, current] of isMembers) {
    if (!wasMembers.has(member) && !current.optional) breaks.push({ namespace, declaration: name, member, reach: 'member', reason: `property ${member}: added, required` });
  }
  const wasDefinition = was.definition ?? [];
  const isDefinition = is.definition ?? [];
  if (was.kind === 'type') {
    const lost = wasDefinition.filter((m) => !isDefinition.includes(m) && !widenedTo(m, isDefinition));
    if (lost.length > 0) breaks.push(whole(`${name}: ${lost.join(', ')} removed from the union`));
  } else if (wasDefinition.join(' ') !== isDefinition.join(' ')) {
    // A constant's value, an enum's members: any change counts (the types emitter writes neither today).
    breaks.push(whole(`${name}: now ${isDefinition.join(', ') || 'without a value'}`));
  }
  return breaks;
}

/** A literal still accepted where its primitive joined the union: `'a' | 'b'` -> `string` takes more, and loses nothing. */
function widenedTo(member: string, union: readonly string[]): boolean {
  if (/^(['"]).*\1$/s.test(member)) return union.includes('string');
  if (/^-?\d/.test(member)) return union.includes('number');
  return false;
}

/** Each namespace's exported declarations, by name, from its generated type module. */
function typeModules(set: NamedSchemaSet): Map<string, Map<string, ExportedDeclaration>> {
  // Module names only need to be distinct within one version: modules are paired by namespace.
  const namespaces = set.schemas.filter((s) => !s.builtin).map((s) => s.namespace);
  const modules = new Map(namespaces.map((namespace, i) => [namespace, `module-${i}`]));
  const files = new Map<string, string>();
  typesEmitter.emit(set, emitContext(set, { modules }), files);
  return new Map([...modules].map(([namespace, module]) => [namespace, exportedDeclarations(files.get(`src/${module}.ts`) ?? '')]));
}

/** The old declaration with renamed declarations' names replaced by their new names, outside string literals. */
function renamedText(declaration: ExportedDeclaration, renames: ReadonlyMap<string, string>): ExportedDeclaration {
  if (renames.size === 0) return declaration;
  const rename = (text: string) =>
    text.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[A-Za-z_$][\w$]*/g, (token) => (token.startsWith("'") || token.startsWith('"') ? token : (renames.get(token) ?? token)));
  return {
    kind: declaration.kind,
    name: declaration.name,
    heading: rename(declaration.heading),
    ...(declaration.members ? { members: new Map([...declaration.members].map(([name, m]) => [name, { ...m, type: rename(m.type) }])) } : {}),
    ...(declaration.definition ? { definition: declaration.definition.map(rename) } : {}),
  };
}
