/**
 * xs:unique, xs:key and xs:keyref (XSD 1.0 Part 1, 3.11.4 and the identity-constraint tables of
 * 3.11.5), over the restricted XPath subset of 3.11.6 (read by schema/identity-xpath.ts).
 *
 * The element reader tells the tracker what it validated while an element with identity
 * constraints is open: the simple type of each element and attribute (what a field's value is a
 * value of), and the attributes a default or fixed value supplies (they are in the document as
 * the schema sees it, so a field can select them). When such an element ends, the tracker
 * evaluates its constraints:
 *
 * - each field selects at most one node, and that node has a simple-typed value (clause 3);
 * - field values are compared as values of their types (identity-values.ts);
 * - key and unique key-sequences are unique, and a key's fields are all present;
 * - each keyref key-sequence is in the node table of the constraint it refers to, as it stands
 *   at this element: the table of a key or unique declared here or on a descendant, passed up
 *   from child to parent, with the pairs two children disagree on dropped and the pairs of this
 *   element's own constraint kept. A key declared on an ancestor is not in scope.
 */
import type { SimpleTypeDescriptor } from '../datatypes/index.js';
import type { NamespaceContext } from '../datatypes/types.js';
import type { Diagnostic } from '../diagnostics.js';
import { excerpt } from '../diagnostics.js';
import { keyLocalName, type ElementDescriptor, type IdentityDescriptor } from '../schema/descriptor.js';
import { matchesName, parsePath, walkPath, type PathExpr } from '../schema/identity-xpath.js';
import type { SourceAttribute, SourceElement } from '../xml/source-tree.js';
import { childPaths } from './element-paths.js';
import { identityValue } from './identity-values.js';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** The type an element was validated with: a simple type (of its value), or none (complex content). */
type ElementValueType = { readonly type: SimpleTypeDescriptor; readonly fallback: string | undefined } | 'complex' | 'nil';

/** An attribute the schema supplies with its default or fixed value. */
interface DefaultedAttribute {
  readonly namespace: string;
  readonly name: string;
  readonly value: string;
  readonly type: SimpleTypeDescriptor;
}

/** Key-sequence -> the element it identifies; null where two children's tables disagree. */
type NodeTable = Map<string, SourceElement | null>;

interface Frame {
  /** Node tables of the keys and uniques declared here or below, by constraint name. */
  tables: Map<string, NodeTable> | undefined;
}

type Report = (d: Diagnostic) => void;

/** One per document validation: the element reader calls it as it goes. */
export class IdentityTracker {
  private readonly frames: Frame[] = [];
  private readonly elementTypes = new Map<SourceElement, ElementValueType>();
  private readonly attributeTypes = new Map<SourceAttribute, SimpleTypeDescriptor>();
  private readonly defaults = new Map<SourceElement, DefaultedAttribute[]>();

  /** Whether an element with identity constraints is open: only then is anything recorded. */
  get active(): boolean {
    return this.frames.length > 0;
  }

  /** An element starts; returns whether the tracker follows it (then `leave` must be called). */
  enter(decl: ElementDescriptor): boolean {
    if (!decl.identity && this.frames.length === 0) return false;
    this.frames.push({ tables: undefined });
    return true;
  }

  elementType(element: SourceElement, type: ElementValueType): void {
    this.elementTypes.set(element, type);
  }

  attributeType(attribute: SourceAttribute, type: SimpleTypeDescriptor): void {
    this.attributeTypes.set(attribute, type);
  }

  defaulted(element: SourceElement, attribute: DefaultedAttribute): void {
    const list = this.defaults.get(element);
    if (list) list.push(attribute);
    else this.defaults.set(element, [attribute]);
  }

  /** The element `enter` accepted ends: its constraints are checked, its tables passed up. */
  leave(source: SourceElement, decl: ElementDescriptor, path: string, report: Report): void {
    const frame = this.frames.pop();
    if (!frame) return;
    if (decl.identity) this.check(source, decl.identity, frame, path, report);
    const parent = this.frames.at(-1);
    if (!parent) {
      // The outermost constrained element is done: nothing recorded is needed any more.
      this.elementTypes.clear();
      this.attributeTypes.clear();
      this.defaults.clear();
      return;
    }
    for (const [name, table] of frame.tables ?? []) mergeChildTable(parent, name, withoutConflicts(table));
  }

  private check(scope: SourceElement, constraints: readonly IdentityDescriptor[], frame: Frame, path: string, report: Report): void {
    // Paths are wanted only for diagnostics: found in one walk of the scope, when first asked for.
    let paths: Map<SourceElement, string> | undefined;
    const pathOf = (target: SourceElement) => (paths ??= pathsBelow(scope, path)).get(target) ?? '';
    // Keys and uniques first, so that a keyref can refer to one declared after it.
    const ordered = [...constraints.filter((c) => c.kind !== 'keyref'), ...constraints.filter((c) => c.kind === 'keyref')];
    for (const c of ordered) {
      const { selector, fields } = compiled(c);
      const local: NodeTable = new Map();
      const referred = c.kind === 'keyref' ? withoutConflicts(frame.tables?.get(c.refer ?? '') ?? new Map()) : undefined;
      for (const target of selectElements(scope, selector)) {
        const sequence = this.keySequence(target, c, fields, (message) =>
          report({ code: 'evfw.identity.field', severity: 'error', message, line: target.line, column: target.column, path: pathOf(target) }),
        );
        if (sequence === 'error') continue;
        if (sequence === undefined) {
          if (c.kind === 'key') {
            report({ code: 'evfw.identity.key-missing', severity: 'error', message: `<${target.name}> is selected by the key "${keyLocalName(c.name)}" but lacks ${c.fields.join(', ')}`, line: target.line, column: target.column, path: pathOf(target) });
          }
          continue;
        }
        const tuple = sequence.keys.join('\u0000');
        if (referred) {
          if (!referred.get(tuple)) {
            report({ code: 'evfw.identity.keyref', severity: 'error', message: `${sequence.shown} on <${target.name}> matches no "${keyLocalName(c.refer ?? '')}" in scope`, line: target.line, column: target.column, path: pathOf(target) });
          }
          continue;
        }
        const first = local.get(tuple);
        if (first) {
          report({
            code: 'evfw.identity.duplicate',
            severity: 'error',
            message: `<${target.name}> repeats ${c.fields.join(', ')} = ${sequence.shown}, already used at line ${first.line}; "${keyLocalName(c.name)}" requires it to be unique`,
            line: target.line,
            column: target.column,
            path: pathOf(target) + fieldSuffix(c.fields),
          });
        } else {
          local.set(tuple, target);
        }
      }
      if (c.kind !== 'keyref') {
        // This element's own pairs stand; a child's pair with one of their key-sequences goes.
        const table = withoutConflicts(frame.tables?.get(c.name) ?? new Map());
        for (const [tuple, node] of local) table.set(tuple, node);
        (frame.tables ??= new Map()).set(c.name, table);
      }
    }
  }

  /**
   * The key-sequence of `target`: one value per field; undefined when a field selects nothing;
   * 'error' (reported) when a field selects several nodes or one without a simple value.
   */
  private keySequence(target: SourceElement, c: IdentityDescriptor, fields: readonly PathExpr[][], fault: (message: string) => void): { keys: string[]; shown: string } | undefined | 'error' {
    const keys: string[] = [];
    const shown: string[] = [];
    for (let i = 0; i < fields.length; i++) {
      const nodes = this.fieldNodes(target, fields[i]!);
      const field = c.fields[i] ?? '';
      if (nodes.length === 0) return undefined;
      if (nodes.length > 1) {
        fault(`the field "${excerpt(field)}" of "${keyLocalName(c.name)}" selects ${nodes.length} nodes from <${target.name}>; a field must select at most one`);
        return 'error';
      }
      const node = nodes[0]!;
      if (node.type === undefined) {
        fault(`the field "${excerpt(field)}" of "${keyLocalName(c.name)}" selects ${node.what}, which has no simple-typed value`);
        return 'error';
      }
      if (node.type === 'nil') return undefined;
      const key = identityValue(node.type, node.text, node.context);
      // A value its type refuses has been reported where it was validated.
      if (key === undefined) return 'error';
      keys.push(key);
      shown.push(`"${excerpt(node.text.trim())}"`);
    }
    return { keys, shown: shown.join(', ') };
  }

  /** What one field selects from `target`: elements and attributes, defaulted ones included. */
  private fieldNodes(target: SourceElement, exprs: readonly PathExpr[]): FieldNode[] {
    const out: FieldNode[] = [];
    for (const expr of exprs) {
      const last = expr.steps.at(-1);
      if (!last?.attribute) {
        for (const element of walkPath(target, expr.descendants, expr.steps)) out.push(this.elementNode(element));
        continue;
      }
      for (const owner of walkPath(target, expr.descendants, expr.steps.slice(0, -1))) {
        for (const attribute of owner.attributes) {
          if (matchesName(last, attribute.namespace, attribute.name)) out.push(this.attributeNode(attribute, owner));
        }
        for (const supplied of this.defaults.get(owner) ?? []) {
          if (matchesName(last, supplied.namespace, supplied.name)) {
            out.push({ type: supplied.type, text: supplied.value, context: owner, what: `the attribute "${supplied.name}"` });
          }
        }
      }
    }
    return out;
  }

  private elementNode(element: SourceElement): FieldNode {
    const what = `<${element.name}>`;
    const recorded = this.elementTypes.get(element);
    if (recorded === undefined || recorded === 'complex') return { type: undefined, text: '', context: element, what };
    if (recorded === 'nil') return { type: 'nil', text: '', context: element, what };
    const text = element.children.map((c) => (c.kind === 'text' ? c.text : '')).join('');
    return { type: recorded.type, text: text === '' && recorded.fallback !== undefined ? recorded.fallback : text, context: element, what };
  }

  private attributeNode(attribute: SourceAttribute, owner: SourceElement): FieldNode {
    const what = `the attribute "${attribute.name}"`;
    let type = this.attributeTypes.get(attribute);
    // The xsi: attributes are typed by the schema for schema instances.
    if (!type && attribute.namespace === XSI) type = { kind: 'builtin', name: attribute.name === 'nil' ? 'boolean' : attribute.name === 'type' ? 'QName' : 'anyURI' };
    return { type, text: attribute.value, context: owner, what };
  }
}

interface FieldNode {
  /** undefined: the node has no simple-typed value; 'nil': an element with xsi:nil="true". */
  readonly type: SimpleTypeDescriptor | 'nil' | undefined;
  readonly text: string;
  readonly context: NamespaceContext;
  /** The node, as a message names it. */
  readonly what: string;
}

/** A child's table joins the parent's: a key-sequence two children both hold is dropped. */
function mergeChildTable(parent: Frame, name: string, table: NodeTable): void {
  const tables = (parent.tables ??= new Map());
  const existing = tables.get(name);
  if (!existing) {
    tables.set(name, table);
    return;
  }
  // Merge the smaller into the larger, so a long run of siblings costs no more than their pairs.
  const [into, from] = existing.size >= table.size ? [existing, table] : [table, existing];
  for (const [tuple, node] of from) {
    const other = into.get(tuple);
    into.set(tuple, other === undefined ? node : other === node ? node : null);
  }
  tables.set(name, into);
}

/** The table as it is passed on: the pairs children disagreed on are gone. */
function withoutConflicts(table: NodeTable): NodeTable {
  let conflicts = false;
  for (const node of table.values()) {
    if (node === null) {
      conflicts = true;
      break;
    }
  }
  if (!conflicts) return table;
  const out: NodeTable = new Map();
  for (const [tuple, node] of table) if (node !== null) out.set(tuple, node);
  return out;
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
  const only = fields.length === 1 ? fields[0]?.trim() : undefined;
  return only && /^@[\w.:-]+$/.test(only) ? `/${only}` : '';
}

/** The elements a selector reaches, each once (two branches of `a | b` may reach the same). */
function selectElements(from: SourceElement, exprs: readonly PathExpr[]): SourceElement[] {
  if (exprs.length === 1) return walkPath(from, exprs[0]!.descendants, exprs[0]!.steps);
  return [...new Set(exprs.flatMap((expr) => walkPath(from, expr.descendants, expr.steps)))];
}

