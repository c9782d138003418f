/**
 * The exported declarations of a generated TypeScript module, by name, each reduced to what a
 * consumer of the package depends on: an interface's members, a type alias's definition (its
 * union members apart), a function's signature, a constant's type and value. Read with the
 * TypeScript parser and printed again without comments, so that a reworded `xs:documentation`,
 * the layout or a function body is no difference.
 *
 * Two comparisons read them: what a schema change breaks in the generated API
 * (generated-api.ts), and what a regeneration changed in it (api-changes.ts, for
 * `evfw generate --watch`).
 */
import ts from 'typescript';

export type DeclarationKind = 'interface' | 'type' | 'function' | 'const' | 'enum' | 'class' | 'namespace';

export interface Member {
  readonly name: string;
  readonly optional: boolean;
  readonly readonly: boolean;
  /** The member's type (a method's parameters and result), as printed in one line. */
  readonly type: string;
}

export interface ExportedDeclaration {
  readonly kind: DeclarationKind;
  readonly name: string;
  /**
   * What comes before the body or definition: an interface's or class's type parameters and
   * `extends`, a function's type parameters, parameters and result, a constant's type
   * annotation (`: string`), a type alias's type parameters; '' when there are none.
   */
  readonly heading: string;
  /** Interfaces and classes: their members by name. */
  readonly members?: ReadonlyMap<string, Member>;
  /** Type aliases: the top-level union members (one for a type that is not a union); constants, enums and namespaces: the value or body. */
  readonly definition?: readonly string[];
}

/** The declarations that `export` introduces in `source`, by name, in the order of the file; re-exports (`export { x }`, `export *`) are not declarations. */
export function exportedDeclarations(source: string): Map<string, ExportedDeclaration> {
  // With parents set, the printer writes literals as the file does (quotes, escapes), not normalised.
  const file = ts.createSourceFile('module.ts', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const print = (node: ts.Node) => printed(node, file);
  const declarations = new Map<string, ExportedDeclaration>();
  const add = (declaration: ExportedDeclaration) => declarations.set(declaration.name, declaration);
  for (const statement of file.statements) {
    if (!isExported(statement)) continue;
    if ((ts.isInterfaceDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
      const kind = ts.isInterfaceDeclaration(statement) ? 'interface' : 'class';
      const heading = [typeParameters(statement.typeParameters, file), ...(statement.heritageClauses ?? []).map(print)].filter((p) => p !== '').join(' ');
      add({ kind, name: statement.name.text, heading, members: members(statement.members, file) });
    } else if (ts.isTypeAliasDeclaration(statement)) {
      const type = statement.type;
      const definition = ts.isUnionTypeNode(type) ? type.types.map(print) : [print(type)];
      add({ kind: 'type', name: statement.name.text, heading: typeParameters(statement.typeParameters, file), definition });
    } else if (ts.isFunctionDeclaration(statement) && statement.name) {
      // The signature is the API; the body is the implementation.
      add({ kind: 'function', name: statement.name.text, heading: signature(statement, file) });
    } else if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) {
        if (!ts.isIdentifier(d.name)) continue;
        add({ kind: 'const', name: d.name.text, heading: d.type ? `: ${print(d.type)}` : '', ...(d.initializer ? { definition: [print(d.initializer)] } : {}) });
      }
    } else if (ts.isEnumDeclaration(statement)) {
      add({ kind: 'enum', name: statement.name.text, heading: '', definition: statement.members.map(print) });
    } else if (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name)) {
      add({ kind: 'namespace', name: statement.name.text, heading: '', definition: statement.body ? [print(statement.body)] : [] });
    }
  }
  return declarations;
}

function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** `<T>(a: A, b?: B): R`: a function's or method's type parameters, parameters and result. */
function signature(node: ts.SignatureDeclarationBase, file: ts.SourceFile): string {
  const parameters = node.parameters.map((p) => printed(p, file)).join(', ');
  return `${typeParameters(node.typeParameters, file)}(${parameters})${node.type ? `: ${printed(node.type, file)}` : ''}`;
}

/** `<T, U>`, or '' when there are none. */
function typeParameters(nodes: readonly ts.Node[] | undefined, file: ts.SourceFile): string {
  return nodes && nodes.length > 0 ? `<${nodes.map((n) => printed(n, file)).join(', ')}>` : '';
}

/** Properties and methods by name; anything else (an index signature, a constructor) by its text. */
function members(nodes: readonly (ts.TypeElement | ts.ClassElement)[], file: ts.SourceFile): Map<string, Member> {
  const found = new Map<string, Member>();
  for (const node of nodes) {
    const name = node.name && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name) ? node.name.text : printed(node.name, file));
    const modifiers = ts.canHaveModifiers(node) ? (ts.getModifiers(node) ?? []) : [];
    const readonly = modifiers.some((m) => m.kind === ts.SyntaxKind.ReadonlyKeyword);
    const optional = 'questionToken' in node && node.questionToken !== undefined;
    if (name !== undefined && (ts.isPropertySignature(node) || ts.isPropertyDeclaration(node))) {
      found.set(name, { name, optional, readonly, type: node.type ? printed(node.type, file) : 'any' });
    } else if (name !== undefined && (ts.isMethodSignature(node) || ts.isMethodDeclaration(node))) {
      found.set(name, { name, optional, readonly, type: signature(node, file) });
    } else {
      const text = printed(node, file);
      found.set(text, { name: text, optional: false, readonly: false, type: '' });
    }
  }
  return found;
}

const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });

function printed(node: ts.Node, file: ts.SourceFile): string {
  return oneLine(printer.printNode(ts.EmitHint.Unspecified, node, file));
}

/**
 * Printed code on one line: whitespace outside strings made one space, and the separator after
 * an object type's last member dropped (`{ a: A; }` is `{ a: A }`), so that a union member or
 * a property type reads as it is written in a message.
 */
function oneLine(text: string): string {
  const joined = text.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`|\s+|[;,](?=\s*[}\])])/g, (token) => {
    if (/^['"`]/.test(token)) return token;
    return /^\s/.test(token) ? ' ' : '';
  });
  return joined.trim();
}
