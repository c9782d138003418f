/**
 * The exported declarations of a generated TypeScript file, by name, each reduced to what a
 * consumer of the package depends on: an interface's members, a type alias's definition (its
 * union members apart), a function's signature, a constant's value. Comments, the formatting and
 * function bodies are dropped, so that a reworded `xs:documentation` or a changed body is not
 * reported as a change of the API.
 *
 * This reads the generator's own output, not TypeScript at large: statements at the top level,
 * strings in quotes, no regular expression literals. It is a scanner rather than the TypeScript
 * compiler because the watch loop runs it on every save and the compiler is not a dependency of
 * the command.
 */

export type DeclarationKind = 'interface' | 'type' | 'function' | 'const' | 'enum' | 'class' | 'namespace';

export interface Member {
  readonly name: string;
  readonly optional: boolean;
  readonly readonly: boolean;
  /** The member's type (or a method's parameters and result), whitespace normalised. */
  readonly type: string;
}

export interface ExportedDeclaration {
  readonly kind: DeclarationKind;
  readonly name: string;
  /** Everything before the body or definition: type parameters, `extends`, a function's parameters and result. */
  readonly heading: string;
  /** Interfaces and classes: their members by name. */
  readonly members?: ReadonlyMap<string, Member>;
  /** Type aliases: the top-level union members (one for a type that is not a union); constants and enums: the value. */
  readonly definition?: readonly string[];
}

/** The declarations that `export` introduces in `source`, by name; re-exports (`export { x }`, `export *`) are not declarations. */
export function exportedDeclarations(source: string): Map<string, ExportedDeclaration> {
  const declarations = new Map<string, ExportedDeclaration>();
  for (const statement of topLevelStatements(withoutComments(source))) {
    const declaration = readDeclaration(statement);
    if (declaration) declarations.set(declaration.name, declaration);
  }
  return declarations;
}

const HEAD = /^export\s+(?:declare\s+)?(?:default\s+)?(?:async\s+)?(?:abstract\s+)?(interface|type|function|const|let|var|enum|class|namespace)\s+([A-Za-z_$][\w$]*)/;

function readDeclaration(statement: string): ExportedDeclaration | undefined {
  const head = HEAD.exec(statement);
  if (!head) return undefined;
  const keyword = head[1]!;
  const kind: DeclarationKind = keyword === 'let' || keyword === 'var' ? 'const' : (keyword as DeclarationKind);
  const name = head[2]!;
  const rest = statement.slice(head[0].length).replace(/;\s*$/, '').trim();
  switch (kind) {
    case 'interface':
    case 'class': {
      const open = bodyStart(rest);
      if (open < 0) return { kind, name, heading: normalise(rest) };
      return { kind, name, heading: normalise(rest.slice(0, open)), members: readMembers(rest.slice(open + 1, matchingClose(rest, open))) };
    }
    case 'type': {
      const equals = splitTopLevel(rest, '=');
      const heading = normalise(equals[0] ?? '');
      const definition = normalise(equals.slice(1).join('='));
      return { kind, name, heading, definition: splitTopLevel(definition, '|').map(normalise).filter((m) => m !== '') };
    }
    case 'function': {
      // The signature is the API; the body is the implementation.
      const open = bodyStart(rest);
      return { kind, name, heading: normalise(open < 0 ? rest : rest.slice(0, open)) };
    }
    default: {
      const equals = rest.indexOf('=');
      return equals < 0 ? { kind, name, heading: normalise(rest) } : { kind, name, heading: normalise(rest.slice(0, equals)), definition: [normalise(rest.slice(equals + 1))] };
    }
  }
}

/** `name?: Type;` and `readonly name: Type;`, methods and index signatures, by name. */
function readMembers(body: string): Map<string, Member> {
  const members = new Map<string, Member>();
  for (const raw of splitTopLevel(body, ';', ',')) {
    const text = normalise(raw);
    if (text === '') continue;
    const m = /^(readonly\s+)?((?:[A-Za-z_$][\w$]*)|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|\[[^\]]*\])(\?)?\s*([:(<])/.exec(text);
    if (!m) {
      members.set(text, { name: text, optional: false, readonly: false, type: '' });
      continue;
    }
    const type = m[4] === ':' ? text.slice(m[0].length).trim() : text.slice(m[0].length - 1).trim();
    members.set(m[2]!, { name: m[2]!, optional: m[3] === '?', readonly: m[1] !== undefined, type });
  }
  return members;
}

/** The statements at depth 0: each ends at a `;`, or at the `}` closing a declaration's body. */
function topLevelStatements(source: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let depth = 0;
  let bodied = false;
  scan(source, (char, index) => {
    if (depth === 0 && start === index && /\s/.test(char)) {
      start = index + 1;
      return;
    }
    if (depth === 0 && char === '{' && !bodied) {
      // Interfaces, functions, classes, enums and namespaces end with their body; `type X = { ... }` and `const x = { ... }` with a `;`.
      bodied = !/=/.test(source.slice(start, index)) && /^(?:export\s+)?(?:declare\s+)?(?:default\s+)?(?:async\s+)?(?:abstract\s+)?(?:interface|function|class|enum|namespace)\b/.test(source.slice(start, index).trimStart());
    }
    if ('{(['.includes(char)) depth++;
    else if ('})]'.includes(char)) depth--;
    const ends = depth === 0 && (char === ';' || (char === '}' && bodied));
    if (ends) {
      statements.push(source.slice(start, index + 1).trim());
      start = index + 1;
      bodied = false;
    }
  });
  const tail = source.slice(start).trim();
  if (tail !== '') statements.push(tail);
  return statements;
}

/** Calls `visit` with every character outside strings, and its index. */
function scan(text: string, visit: (char: string, index: number) => void): void {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === "'" || char === '"' || char === '`') {
      quote = char;
      continue;
    }
    visit(char, i);
  }
}

/** Splits at each separator at depth 0 (outside brackets and strings); `=>` is not an `=`. */
function splitTopLevel(text: string, ...separators: string[]): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  scan(text, (char, index) => {
    if ('{(['.includes(char)) depth++;
    else if ('})]'.includes(char)) depth--;
    else if (depth === 0 && separators.includes(char) && !(char === '=' && text[index + 1] === '>')) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  });
  parts.push(text.slice(start));
  return parts;
}

/** Where the declaration's body opens: the first `{` at depth 0. */
function bodyStart(text: string): number {
  let depth = 0;
  let found = -1;
  scan(text, (char, index) => {
    if (found >= 0) return;
    if (depth === 0 && char === '{') found = index;
    else if ('([<'.includes(char)) depth++;
    else if (')]>'.includes(char) && !(char === '>' && text[index - 1] === '=')) depth--;
  });
  return found;
}

function matchingClose(text: string, open: number): number {
  let depth = 0;
  let found = text.length;
  scan(text, (char, index) => {
    if (index < open || found < text.length) return;
    if (char === '{') depth++;
    else if (char === '}' && --depth === 0) found = index;
  });
  return found;
}

/** Line and block comments out, strings kept whole. */
function withoutComments(source: string): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (quote) {
      out += char;
      if (char === '\\') out += source[++i] ?? '';
      else if (char === quote) quote = undefined;
    } else if (char === '/' && source[i + 1] === '/') {
      while (i < source.length && source[i] !== '\n') i++;
      out += '\n';
    } else if (char === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? source.length : end + 1;
      out += ' ';
    } else {
      if (char === "'" || char === '"' || char === '`') quote = char;
      out += char;
    }
  }
  return out;
}

/** One space wherever there was whitespace, none inside brackets' edges: `{ a: 1 }` and `{a:1}` differ only in layout. */
function normalise(text: string): string {
  let out = '';
  let quote: string | undefined;
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      out += char;
      if (char === '\\') out += text[++i] ?? '';
      else if (char === quote) quote = undefined;
      continue;
    }
    if (/\s/.test(char)) {
      space = true;
      continue;
    }
    // A separator after the last member is layout: `{ a: A; }` is `{ a: A }`.
    if ('})]'.includes(char)) out = out.replace(/[;,]$/, '');
    if (space && out !== '' && !'([<'.includes(out.at(-1)!) && !')]>,;:'.includes(char)) out += ' ';
    space = false;
    if (char === "'" || char === '"' || char === '`') quote = char;
    out += char;
  }
  return out.replace(/[;,]$/, '');
}
