/**
 * xs:unique, xs:key and xs:keyref, over the restricted XPath subset XSD 1.0 allows
 * (Part 1 section 3.11.6): selectors `.//a/b | c`, steps of names, `prefix:*`, `*` and `.`;
 * fields the same, ending in an element or `@attribute`.
 *
 * Field values are compared as the characters the XML reader gives (attribute values already
 * normalized as XML 1.0 requires): exact for the string-typed keys the schemas we know use.
 * Typed comparison (1.0 = 1 for a decimal key, collapsed whitespace for a token) is not done.
 */
import type { Diagnostic } from '../diagnostics.js';
import { excerpt } from '../diagnostics.js';
import { keyLocalName, type IdentityDescriptor } from '../schema/descriptor.js';
import { matchesName, parsePath, walkPath, type PathExpr } from '../schema/identity-xpath.js';
import type { SourceElement } from '../xml/source-tree.js';
import { childPaths } from './element-paths.js';

export function checkIdentityConstraints(
  scope: SourceElement,
  constraints: readonly IdentityDescriptor[],
  path: string,
  report: (d: Diagnostic) => void,
): void {
  const keys = new Map<string, Set<string>>();
  // Paths are wanted only for diagnostics, and then for many elements of one scope: found in one
  // walk of the scope, the first time one is asked for, instead of one walk per diagnostic.
  let paths: Map<SourceElement, string> | undefined;
  const pathOf = (target: SourceElement) => (paths ??= pathsBelow(scope, path)).get(target) ?? '';
  for (const c of constraints) {
    const { selector, fields } = compiled(c);
    const seen = new Map<string, SourceElement>();
    for (const target of selectElements(scope, selector)) {
      const values: string[] = [];
      let complete = true;
      for (const field of fields) {
        const found = fieldValues(target, field);
        if (found.length === 0) {
          complete = false;
          break;
        }
        values.push(found[0]!);
      }
      if (!complete) {
        if (c.kind === 'key') {
          report({ code: 'evfw.identity.key-missing', severity: 'error', message: `<${target.name}> is selected by the key "${localName(c.name)}" but lacks ${c.fields.join(', ')}`, line: target.line, column: target.column, path: pathOf(target) });
        }
        continue;
      }
      const tuple = JSON.stringify(values);
      if (c.kind === 'keyref') {
        const referred = keys.get(c.refer ?? '');
        if (referred && !referred.has(tuple)) {
          report({ code: 'evfw.identity.keyref', severity: 'error', message: `${values.map((v) => `"${excerpt(v)}"`).join(', ')} on <${target.name}> matches no "${localName(c.refer ?? '')}"`, line: target.line, column: target.column, path: pathOf(target) });
        }
        continue;
      }
      const first = seen.get(tuple);
      if (first) {
        report({
          code: 'evfw.identity.duplicate',
          severity: 'error',
          message: `<${target.name}> repeats ${c.fields.join(', ')} = ${values.map((v) => `"${excerpt(v)}"`).join(', ')}, already used at line ${first.line}; "${localName(c.name)}" requires it to be unique`,
          line: target.line,
          column: target.column,
          path: pathOf(target) + fieldSuffix(c.fields),
        });
      } else {
        seen.set(tuple, target);
      }
    }
    keys.set(c.name, new Set(seen.keys()));
  }
}

const compiledPaths = new WeakMap<IdentityDescriptor, { selector: PathExpr[]; fields: PathExpr[][] }>();

/** A constraint's paths, read once per descriptor rather than once per document. */
function compiled(c: IdentityDescriptor): { selector: PathExpr[]; fields: PathExpr[][] } {
  let paths = compiledPaths.get(c);
  if (!paths) {
    paths = { selector: parsePath(c.selector, c), fields: c.fields.map((f) => parsePath(f, c)) };
    compiledPaths.set(c, paths);
  }
  return paths;
}

/** The path of every element of `scope`'s subtree, `scope` included: one walk, with a stack. */
function pathsBelow(scope: SourceElement, scopePath: string): Map<SourceElement, string> {
  const paths = new Map<SourceElement, string>([[scope, scopePath]]);
  const stack: [SourceElement, string][] = [[scope, scopePath]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    for (const [child, at] of childPaths(top[1], top[0])) {
      paths.set(child, at);
      stack.push([child, at]);
    }
  }
  return paths;
}

/** `/@index` when the constraint has one attribute field, so the path names what repeats. */
function fieldSuffix(fields: readonly string[]): string {
  const only = fields.length === 1 ? fields[0]!.trim() : undefined;
  return only && /^@[\w.:-]+$/.test(only) ? `/${only}` : '';
}

function localName(key: string): string {
  return keyLocalName(key);
}

/** The elements a selector reaches. */
function selectElements(from: SourceElement, exprs: readonly PathExpr[]): SourceElement[] {
  return exprs.flatMap((expr) => walkPath(from, expr.descendants, expr.steps));
}

/** The values a field reaches: attribute values, or the text of elements. */
function fieldValues(from: SourceElement, exprs: readonly PathExpr[]): string[] {
  return exprs.flatMap((expr) => {
    const last = expr.steps.at(-1);
    if (!last?.attribute) return walkPath(from, expr.descendants, expr.steps).map(textOf);
    return walkPath(from, expr.descendants, expr.steps.slice(0, -1)).flatMap((e) =>
      e.attributes.filter((a) => matchesName(last, a.namespace, a.name)).map((a) => a.value),
    );
  });
}

function textOf(e: SourceElement): string {
  return e.children.map((c) => (c.kind === 'text' ? c.text : '')).join('');
}

