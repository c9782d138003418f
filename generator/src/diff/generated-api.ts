/**
 * What a schema change does to code written against the generated package: both versions'
 * type modules are generated in memory (the types emitter, as `evfw generate` writes them),
 * their exported declarations read with the TypeScript parser, and each declaration compared
 * for what makes a consumer's code stop compiling (strict, as the package's own build is):
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
import { ts } from 'ts-morph';
import type { SchemaSet } from '../ir/ir.js';
import { emitContext } from '../emit/emit-context.js';
import { typesEmitter } from '../emit/types/emit-types.js';

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

type DeclarationKind = 'interface' | 'type' | 'function' | 'const' | 'other';

interface Property {
  readonly optional: boolean;
  readonly readonly: boolean;
  /** The type as printed without comments, so layout and documentation are no difference. */
  readonly type: string;
}

interface Declaration {
  readonly kind: DeclarationKind;
  /** Type parameters and `extends` of an interface; a function's signature; a constant's type and value. */
  readonly heading: string;
  /** An interface's properties, by name. */
  readonly properties: ReadonlyMap<string, Property>;
  /** A type alias's union members (one for an alias that is not a union). */
  readonly union: readonly string[];
}

/** Per namespace: old declaration name -> new one, for the types the diff matched under a new name. */
export type DeclarationRenames = ReadonlyMap<string, ReadonlyMap<string, string>>;

/**
 * The breaks between two versions, by namespace. With `renames`, `lang: Code` becoming
 * `lang: Tag` is the rename of Code (reported at the type), not also a change of `lang`.
 */
export function generatedApiBreaks(before: SchemaSet, after: SchemaSet, allRenames: DeclarationRenames): ApiBreak[] {
  const old = typeModules(before);
  const now = typeModules(after);
  const breaks: ApiBreak[] = [];
  for (const [namespace, was] of old) {
    const is = now.get(namespace) ?? new Map<string, Declaration>();
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

function declarationBreaks(namespace: string, name: string, was: Declaration, is: Declaration): ApiBreak[] {
  const whole = (reason: string): ApiBreak => ({ namespace, declaration: name, reach: 'definition', reason });
  if (was.kind !== is.kind) return [{ namespace, declaration: name, reach: 'declaration', reason: `${name}: was ${was.kind}, now ${is.kind}` }];
  const breaks: ApiBreak[] = [];
  if (was.heading !== is.heading) breaks.push(whole(`${name}: now ${is.heading || 'without a heading'}`));
  for (const [member, old] of was.properties) {
    const property = (reason: string): ApiBreak => ({ namespace, declaration: name, member, reach: 'member', reason: `property ${member}: ${reason}` });
    const current = is.properties.get(member);
    if (!current) breaks.push(property('removed'));
    else if (old.type !== current.type) breaks.push(property(`type ${old.type} -> ${current.type}`));
    else if (old.optional !== current.optional) breaks.push(property(current.optional ? 'now optional' : 'now required'));
    else if (!old.readonly && current.readonly) breaks.push(property('now readonly'));
  }
  for (const [member, current] of is.properties) {
    if (!was.properties.has(member) && !current.optional) breaks.push({ namespace, declaration: name, member, reach: 'member', reason: `property ${member}: added, required` });
  }
  const lost = was.union.filter((m) => !is.union.includes(m) && !widenedTo(m, is.union));
  if (lost.length > 0) breaks.push(whole(`${name}: ${lost.join(', ')} removed from the union`));
  return breaks;
}

/** A literal still accepted where its primitive joined the union: `'a' | 'b'` -> `string` takes more, and loses nothing. */
function widenedTo(member: string, union: readonly string[]): boolean {
  if (/^(['"]).*\1$/s.test(member)) return union.includes('string');
  if (/^-?\d/.test(member)) return union.includes('number');
  return false;
}

/** Each namespace's exported declarations, by name, from its generated type module. */
function typeModules(set: SchemaSet): Map<string, Map<string, Declaration>> {
  // Module names only need to be distinct within one version: modules are paired by namespace.
  const namespaces = set.schemas.filter((s) => !s.builtin).map((s) => s.namespace);
  const modules = new Map(namespaces.map((namespace, i) => [namespace, `module-${i}`]));
  const files = new Map<string, string>();
  typesEmitter.emit(set, emitContext(set, { modules }), files);
  return new Map(
    [...modules].map(([namespace, module]) => {
      const path = `src/${module}.ts`;
      return [namespace, exportedDeclarations(path, files.get(path) ?? '')];
    }),
  );
}

const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });

function exportedDeclarations(path: string, text: string): Map<string, Declaration> {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const print = (node: ts.Node) => printer.printNode(ts.EmitHint.Unspecified, node, file).replace(/\s+/g, ' ');
  const printAll = (nodes: readonly ts.Node[] | undefined) => (nodes ?? []).map(print).join(', ');
  const declarations = new Map<string, Declaration>();
  const exported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const none = new Map<string, Property>();
  for (const statement of file.statements) {
    if (!exported(statement)) continue;
    if (ts.isInterfaceDeclaration(statement)) {
      const heading = `<${printAll(statement.typeParameters)}> ${printAll(statement.heritageClauses)}`;
      declarations.set(statement.name.text, { kind: 'interface', heading, properties: properties(statement.members, print), union: [] });
    } else if (ts.isTypeAliasDeclaration(statement)) {
      const type = statement.type;
      const union = ts.isUnionTypeNode(type) ? type.types.map(print) : [print(type)];
      declarations.set(statement.name.text, { kind: 'type', heading: `<${printAll(statement.typeParameters)}>`, properties: none, union });
    } else if (ts.isFunctionDeclaration(statement) && statement.name) {
      const heading = `<${printAll(statement.typeParameters)}>(${printAll(statement.parameters)}): ${statement.type ? print(statement.type) : ''}`;
      declarations.set(statement.name.text, { kind: 'function', heading, properties: none, union: [] });
    } else if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) {
        if (ts.isIdentifier(d.name)) declarations.set(d.name.text, { kind: 'const', heading: print(d), properties: none, union: [] });
      }
    } else if ((ts.isEnumDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
      // The types emitter writes neither today; should it, any change of one counts.
      declarations.set(statement.name.text, { kind: 'other', heading: print(statement), properties: none, union: [] });
    }
  }
  return declarations;
}

function properties(members: ts.NodeArray<ts.TypeElement>, print: (node: ts.Node) => string): Map<string, Property> {
  const found = new Map<string, Property>();
  for (const member of members) {
    if (!ts.isPropertySignature(member) || !(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) continue;
    const readonly = (member.modifiers ?? []).some((m) => m.kind === ts.SyntaxKind.ReadonlyKeyword);
    found.set(member.name.text, { optional: member.questionToken !== undefined, readonly, type: member.type ? print(member.type) : 'any' });
  }
  return found;
}

/** The old declaration with renamed declarations' names replaced by their new names, outside string literals. */
function renamedText(declaration: Declaration, renames: ReadonlyMap<string, string>): Declaration {
  if (renames.size === 0) return declaration;
  const rename = (text: string) =>
    text.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[A-Za-z_$][\w$]*/g, (token) => (token.startsWith("'") || token.startsWith('"') ? token : (renames.get(token) ?? token)));
  return {
    kind: declaration.kind,
    heading: rename(declaration.heading),
    properties: new Map([...declaration.properties].map(([name, p]) => [name, { ...p, type: rename(p.type) }])),
    union: declaration.union.map(rename),
  };
}
