/**
 * checkSimpleValue: normalize whitespace, check the lexical form against the type at the bottom
 * of the restriction chain, then every restriction step's facets, and map the value to the model
 * value the generated types declare.
 */
import type { AtomicBuiltin } from './builtins.js';
import type { Atom } from './atoms.js';
import { applyFacets, type Checked, type FacetValueReader } from './facets.js';
import { quote } from './messages.js';
import { describeType, resolveType, type Resolved, type Root } from './resolve.js';
import type { CheckResult, Fault, NamespaceContext, SimpleTypeDescriptor, SimpleValue } from './types.js';
import { normalizeWhiteSpace, splitListItems } from './whitespace.js';

type Inner =
  | { readonly ok: true; readonly checked: Checked; readonly value: SimpleValue }
  | { readonly ok: false; readonly fault: Fault; readonly message: string; readonly hint?: string };

/** Whitespace-normalizes then checks `lexical` against the type; `value` is the model value. */
export function checkSimpleValue(type: SimpleTypeDescriptor, lexical: string, context?: NamespaceContext): CheckResult {
  const result = checkType(type, lexical, context);
  return result.ok ? { ok: true, normalized: result.checked.normalized, value: result.value } : result;
}

function checkType(type: SimpleTypeDescriptor, lexical: string, context: NamespaceContext | undefined): Inner {
  const resolved = resolveType(type);
  const { root, steps, whiteSpace } = resolved;
  const normalized = normalizeWhiteSpace(lexical, whiteSpace);
  const result = checkRoot(root, normalized, context);
  if (!result.ok || steps.length === 0) return result;
  const reader = facetReader(resolved);
  for (const facets of steps) {
    const failure = applyFacets(facets, result.checked, reader);
    if (failure) return { ok: false, ...failure };
  }
  return result;
}

const readers = new WeakMap<Resolved, FacetValueReader>();

/** Reads facet values (bounds, enumerations) as values of the type: one reader per type. */
function facetReader(resolved: Resolved): FacetValueReader {
  let reader = readers.get(resolved);
  if (!reader) {
    const { root, whiteSpace } = resolved;
    reader = {
      owner: root,
      read: (facetLexical, namespaces) => {
        const context = namespaces && { lookupNamespace: (prefix: string) => (Object.hasOwn(namespaces, prefix) ? namespaces[prefix] : undefined) };
        const parsed = checkRoot(root, normalizeWhiteSpace(facetLexical, whiteSpace), context);
        return parsed.ok ? parsed.checked : undefined;
      },
    };
    readers.set(resolved, reader);
  }
  return reader;
}

function checkRoot(root: Root, normalized: string, context: NamespaceContext | undefined): Inner {
  switch (root.kind) {
    case 'builtin': {
      const { builtin } = root;
      if (builtin.variety === 'list') return checkList({ kind: 'builtin', name: builtin.item }, normalized, context);
      return checkAtomic(builtin, normalized, context);
    }
    case 'list':
      return checkList(root.item, normalized, context);
    case 'union':
      return checkUnion(root.members, normalized, context);
  }
}

function checkAtomic(builtin: AtomicBuiltin, normalized: string, context: NamespaceContext | undefined): Inner {
  const atom = builtin.parse(normalized, context);
  if (!atom) {
    const hint = builtin.hint ? ` (${builtin.hint})` : '';
    return { ok: false, fault: 'datatype', message: `${quote(normalized)} is not a valid xs:${builtin.name}${hint}` };
  }
  return { ok: true, checked: { normalized, atom, items: undefined }, value: modelValue(builtin, normalized, atom) };
}

function modelValue(builtin: AtomicBuiltin, normalized: string, atom: Atom): SimpleValue {
  if (atom.kind === 'boolean') return atom.value;
  if (atom.kind === 'float') return atom.value;
  // The 32-bit integer types: "+5" is 5 and "-0" is 0.
  if (builtin.model === 'number') return Number(normalized) + 0;
  return normalized;
}

function checkList(item: SimpleTypeDescriptor, normalized: string, context: NamespaceContext | undefined): Inner {
  const items: Checked[] = [];
  const values: SimpleValue[] = [];
  for (const [index, token] of splitListItems(normalized).entries()) {
    const result = checkType(item, token, context);
    if (!result.ok) return { ...result, message: `item ${index + 1} of the list: ${result.message}` };
    items.push(result.checked);
    values.push(result.value);
  }
  return { ok: true, checked: { normalized, atom: undefined, items }, value: values };
}

/** The first member the value is valid for decides the value (XSD 1.0 2.5.1.3). */
function checkUnion(members: readonly SimpleTypeDescriptor[], normalized: string, context: NamespaceContext | undefined): Inner {
  for (const member of members) {
    const result = checkType(member, normalized, context);
    if (result.ok) return result;
  }
  const names = members.map(describeType).join(', ');
  return { ok: false, fault: 'datatype', message: `${quote(normalized)} is not valid for any member of the union (${names})` };
}
