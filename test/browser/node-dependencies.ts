/**
 * Finds what ties code to Node: imports of Node built-ins (through esbuild, following every import
 * of every entry point, dependencies included) and uses of Node's globals or types (`process`,
 * `Buffer`, `require`, `NodeJS.*`, ... through the TypeScript compiler, without @types/node).
 *
 * Why the compiler for globals: the workspace compiles with @types/node, so a name that no longer
 * resolves once those types are gone is, by definition, something only Node provides; a text
 * search could not tell `process.env` from a comment about "processContents".
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import esbuild, { type Plugin } from 'esbuild';
import ts from 'typescript';
import { REPO_ROOT } from '../support/paths.js';
import { isNodeBuiltin } from './bundle.js';

/** The TypeScript entry points a package's `exports` maps to through the `@evfw/source` condition. */
export function sourceEntryPoints(packageDir: string): string[] {
  const manifest: unknown = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  const exportsField = typeof manifest === 'object' && manifest !== null && 'exports' in manifest ? manifest.exports : undefined;
  if (typeof exportsField !== 'object' || exportsField === null) return [];
  const entries: string[] = [];
  for (const target of Object.values(exportsField)) {
    if (typeof target !== 'object' || target === null || !('@evfw/source' in target)) continue;
    const source = target['@evfw/source'];
    if (typeof source === 'string' && /\.[cm]?tsx?$/.test(source)) entries.push(path.join(packageDir, source));
  }
  return entries;
}

/**
 * Every import of a Node built-in reachable from `entries`, as `importer imports specifier`,
 * following imports into dependencies. Nothing is written; the built-ins are left unresolved so the
 * walk goes on past them and reports them all.
 */
export async function nodeBuiltinImportsFrom(entries: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  const recordBuiltins: Plugin = {
    name: 'record-node-builtins',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (!isNodeBuiltin(args.path)) return undefined;
        found.push(`${path.relative(REPO_ROOT, args.importer)} imports ${args.path}`);
        return { path: args.path, external: true };
      });
    },
  };
  await esbuild.build({
    entryPoints: [...entries],
    absWorkingDir: REPO_ROOT,
    bundle: true,
    write: false,
    outdir: 'out',
    platform: 'browser',
    format: 'esm',
    conditions: ['@evfw/source'],
    plugins: [recordBuiltins],
    logLevel: 'silent',
  });
  return [...new Set(found)].sort();
}

/**
 * The globals Node has and a browser does not (values, and the `NodeJS` namespace of types).
 * Browser globals Node also has (`setTimeout`, `TextDecoder`, `URL`, `structuredClone`, ...) are
 * not here: they are in lib.dom.d.ts, so a use of them resolves.
 */
const NODE_ONLY_GLOBALS = new Set(['process', 'Buffer', 'global', 'require', 'module', 'exports', '__dirname', '__filename', 'setImmediate', 'clearImmediate', 'NodeJS']);

/**
 * Compiles `files` (TypeScript and JavaScript) for a browser, ES2023 and the DOM, without Node's
 * types, and returns each use of a Node-only global that does not resolve, as
 * `file:line:column name`. Only those identifiers are looked up (a full type check of the runtime
 * and the generated JavaScript takes many seconds). @types/node must not come in through the back
 * door (a `/// <reference types="node" />`), so its presence is reported too.
 */
export function nodeGlobalsUsedBy(files: readonly string[]): string[] {
  const program = ts.createProgram([...files], {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    customConditions: ['@evfw/source'],
    allowImportingTsExtensions: true,
    allowJs: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const found: string[] = [];
  const nodeTypes = program.getSourceFiles().find((file) => file.fileName.includes('/node_modules/@types/node/'));
  if (nodeTypes) found.push(`@types/node was loaded (${path.relative(REPO_ROOT, nodeTypes.fileName)}): something references it`);

  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) {
      found.push(`${path.relative(REPO_ROOT, file)}: not compiled`);
      continue;
    }
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node) && NODE_ONLY_GLOBALS.has(node.text) && isFreeReference(node) && !referencedSymbol(checker, node)) {
        const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
        found.push(`${path.relative(REPO_ROOT, file)}:${line + 1}:${character + 1} ${node.text}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found.sort();
}

/**
 * The declared thing an identifier refers to; in `{ process }`, the variable, not the new
 * property. Undefined when it resolves to nothing, or (in a type) to the checker's "unknown"
 * symbol, which has no declaration.
 */
function referencedSymbol(checker: ts.TypeChecker, node: ts.Identifier): ts.Symbol | undefined {
  const symbol = ts.isShorthandPropertyAssignment(node.parent) ? checker.getShorthandAssignmentValueSymbol(node.parent) : checker.getSymbolAtLocation(node);
  return symbol?.declarations?.length ? symbol : undefined;
}

/** False for an identifier that names a member (`x.process`, `A.NodeJS`, `{ process: 1 }`), not a variable. */
function isFreeReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if (ts.isQualifiedName(parent) && parent.right === node) return false;
  if (ts.isPropertyAssignment(parent) && parent.name === node) return false;
  return true;
}
