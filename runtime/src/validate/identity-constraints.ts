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
import type { IdentityDescriptor } from '../schema/descriptor.js';
import type { SourceElement } from '../xml/source-tree.js';
import { childPaths } from './element-paths.js';

interface Step {
  readonly attribute: boolean;
  /** undefined matches any namespace (`*`). */
  readonly namespace: string | undefined;
  /** undefined matches any name. */
  readonly name: string | undefined;
}

interface PathExpr {
  readonly descendants: boolean;
  readonly steps: readonly Step[];
}

export function checkIdentityConstraints(
  scope: SourceElement,
  constraints: readonly IdentityDescriptor[],
  path: string,
  report: (d: Diagnostic) => void,
): void {
  const keys = new Map<string, Set<string>>();
  for (const c of constraints) {
    const namespaces = new Map(c.namespaces.map((n) => [n.prefix, n.uri]));
    const selector = parse(c.selector, namespaces);
    const fields = c.fields.map((f) => parse(f, namespaces));
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
          report({ code: 'evfw.identity.key-missing', severity: 'error', message: `<${target.name}> is selected by the key "${localName(c.name)}" but lacks ${c.fields.join(', ')}`, line: target.line, column: target.column, path: pathTo(scope, path, target) });
        }
        continue;
      }
      const tuple = JSON.stringify(values);
      if (c.kind === 'keyref') {
        const referred = keys.get(c.refer ?? '');
        if (referred && !referred.has(tuple)) {
          report({ code: 'evfw.identity.keyref', severity: 'error', message: `${values.map((v) => `"${excerpt(v)}"`).join(', ')} on <${target.name}> matches no "${localName(c.refer ?? '')}"`, line: target.line, column: target.column, path: pathTo(scope, path, target) });
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
          path: pathTo(scope, path, target) + fieldSuffix(c.fields),
        });
      } else {
        seen.set(tuple, target);
      }
    }
    keys.set(c.name, new Set(seen.keys()));
  }
}

/** The path of `target` below `scope`; computed only when there is something to report. */
function pathTo(scope: SourceElement, scopePath: string, target: SourceElement): string {
  if (scope === target) return scopePath;
  for (const [child, at] of childPaths(scopePath, scope)) {
    const found = pathTo(child, at, target);
    if (found) return found;
  }
  return '';
}

/** `/@index` when the constraint has one attribute field, so the path names what repeats. */
function fieldSuffix(fields: readonly string[]): string {
  const only = fields.length === 1 ? fields[0]!.trim() : undefined;
  return only && /^@[\w.:-]+$/.test(only) ? `/${only}` : '';
}

function localName(key: string): string {
  return key.replace(/^\{[^}]*\}/, '');
}

function parse(xpath: string, namespaces: ReadonlyMap<string, string>): PathExpr[] {
  return xpath.split('|').map((branch) => {
    let text = branch.trim();
    const descendants = text.startsWith('.//');
    if (descendants) text = text.slice(3);
    const steps = text
      .split('/')
      .map((s) => s.trim())
      .filter((s) => s !== '.' && s !== '')
      .map((s): Step => {
        const attribute = s.startsWith('@') || s.startsWith('attribute::');
        const test = s.replace(/^@|^attribute::|^child::/, '');
        if (test === '*') return { attribute, namespace: undefined, name: undefined };
        const colon = test.indexOf(':');
        const prefix = colon < 0 ? '' : test.slice(0, colon);
        const local = colon < 0 ? test : test.slice(colon + 1);
        // Unprefixed names in XSD 1.0 XPath are in no namespace, whatever the default.
        const namespace = prefix === '' ? '' : (namespaces.get(prefix) ?? `#unbound:${prefix}`);
        return { attribute, namespace, name: local === '*' ? undefined : local };
      });
    return { descendants, steps };
  });
}

/** The elements a selector reaches. */
function selectElements(from: SourceElement, exprs: readonly PathExpr[]): SourceElement[] {
  return exprs.flatMap((expr) => walk(from, expr, expr.steps));
}

/** The values a field reaches: attribute values, or the text of elements. */
function fieldValues(from: SourceElement, exprs: readonly PathExpr[]): string[] {
  return exprs.flatMap((expr) => {
    const last = expr.steps.at(-1);
    if (!last?.attribute) return walk(from, expr, expr.steps).map(textOf);
    return walk(from, expr, expr.steps.slice(0, -1)).flatMap((e) =>
      e.attributes.filter((a) => matches(last, a.namespace, a.name)).map((a) => a.value),
    );
  });
}

function walk(from: SourceElement, expr: PathExpr, steps: readonly Step[]): SourceElement[] {
  let current: SourceElement[] = expr.descendants ? descendantsOrSelf(from) : [from];
  for (const step of steps) {
    current = current.flatMap((e) => e.children.filter((c): c is SourceElement => c.kind === 'element' && matches(step, c.namespace, c.name)));
  }
  return current;
}

function textOf(e: SourceElement): string {
  return e.children.map((c) => (c.kind === 'text' ? c.text : '')).join('');
}

function matches(step: Step, namespace: string, name: string): boolean {
  return (step.namespace === undefined || step.namespace === namespace) && (step.name === undefined || step.name === name);
}

function descendantsOrSelf(root: SourceElement): SourceElement[] {
  const out: SourceElement[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const e = stack.pop()!;
    out.push(e);
    for (let i = e.children.length - 1; i >= 0; i--) {
      const c = e.children[i]!;
      if (c.kind === 'element') stack.push(c);
    }
  }
  return out;
}
