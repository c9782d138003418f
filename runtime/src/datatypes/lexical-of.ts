/**
 * lexicalOf: the model value back to the lexical form a serializer writes. Strings are written
 * as they are (the model keeps the form the document had); numbers and booleans get their
 * canonical form. It does not check facets: the validator does that.
 */
import { findBuiltin } from './builtins.js';
import { checkSimpleValue } from './check.js';
import { floatLexicalOf } from './floats.js';
import type { SimpleTypeDescriptor } from './types.js';

/** The model value -> the lexical form to write. undefined when the value does not fit the type's kind. */
export function lexicalOf(type: SimpleTypeDescriptor, value: unknown): string | undefined {
  switch (type.kind) {
    case 'atomic':
      return lexicalOf(type.base, value);
    case 'list':
      return listLexical(type.item, value);
    case 'union':
      return unionLexical(type.members, value);
    case 'builtin':
      return builtinLexical(type.name, value);
  }
}

function listLexical(item: SimpleTypeDescriptor, value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined;
  const parts: string[] = [];
  for (const entry of value as readonly unknown[]) {
    const part = lexicalOf(item, entry);
    if (part === undefined) return undefined;
    parts.push(part);
  }
  return parts.join(' ');
}

/** The first member whose form of the value is valid for it, so the value reads back the same. */
function unionLexical(members: readonly SimpleTypeDescriptor[], value: unknown): string | undefined {
  let fallback: string | undefined;
  for (const member of members) {
    const lexical = lexicalOf(member, value);
    if (lexical === undefined) continue;
    if (checkSimpleValue(member, lexical).ok) return lexical;
    fallback ??= lexical;
  }
  return fallback;
}

function builtinLexical(name: string, value: unknown): string | undefined {
  const builtin = findBuiltin(name);
  if (!builtin) throw new Error(`evfw: "${name}" is not an XSD built-in simple type`);
  if (builtin.variety === 'list') return listLexical({ kind: 'builtin', name: builtin.item }, value);
  switch (builtin.model) {
    case 'boolean':
      return typeof value === 'boolean' ? String(value) : undefined;
    case 'number':
      if (typeof value !== 'number') return undefined;
      if (name === 'float' || name === 'double') return floatLexicalOf(value);
      return Number.isInteger(value) ? String(value + 0) : undefined;
    case 'string':
      return typeof value === 'string' ? value : undefined;
  }
}
