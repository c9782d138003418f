/**
 * Values of simple types at the check stage: whether a lexical form (a facet value, an
 * enumeration option, a default or fixed value) is valid for a type of the READ-stage IR, and
 * whether two lexical forms are the same value. The type is lowered to the runtime's descriptor
 * by the same code that builds the generated tables (lower/descriptor-builder.ts), and checked by
 * the runtime's checkSimpleValue, so a schema is judged exactly as its documents will be.
 *
 * Use:
 *   const problem = checkLexical(decl.type, decl.default, index, namespaces);
 *   if (problem) throw new GeneratorError(code, `... ${problem.message}`, decl.source, problem.hint);
 *
 * A complex type stands for its simple content type; a complex type without simple content, and
 * an absent type, accept any text (whether a value is allowed there at all is the caller's
 * question). Descriptors are kept per index, one per type definition.
 */
import { checkSimpleValue, type SimpleTypeDescriptor } from '@evfw/runtime';
import type { ComplexType, TypeRef } from '../ir/ir.js';
import type { SchemaIndex } from '../ir/schema-index.js';
import { lowerSimpleContentType, lowerSimpleType, type SimpleTypeLowering } from '../lower/descriptor-builder.js';

/** Why a lexical form is not a value of the type: a sentence, and the likely fix when known. */
export interface ValueProblem {
  readonly message: string;
  readonly hint?: string;
}

/** Prefix to namespace URI, as IdentityConstraint.namespaces holds them ('' for the default). */
export type NamespaceBindings = Readonly<Record<string, string>>;

const lowerings = new WeakMap<SchemaIndex, SimpleTypeLowering>();

function loweringFor(index: SchemaIndex): SimpleTypeLowering {
  let lowering = lowerings.get(index);
  if (!lowering) {
    const made: SimpleTypeLowering = { index, cache: new Map(), complexValue: (def) => complexValueType(def, made) };
    lowering = made;
    lowerings.set(index, lowering);
  }
  return lowering;
}

/** Read-stage content is as the schema wrote it: simpleContent names its value type. */
function complexValueType(def: ComplexType, lowering: SimpleTypeLowering): SimpleTypeDescriptor {
  return def.content.kind === 'simple' ? lowerSimpleContentType(def.content.type, lowering) : { kind: 'builtin', name: 'anyType' };
}

/** The runtime descriptor of a type: what checkSimpleValue takes. */
export function simpleDescriptor(type: TypeRef | undefined, index: SchemaIndex): SimpleTypeDescriptor {
  const lowering = loweringFor(index);
  if (!type) return { kind: 'builtin', name: 'anyType' };
  if (type.kind === 'complex') return complexValueType(type, lowering);
  return type.kind === 'type-ref' ? lowerSimpleContentType(type, lowering) : lowerSimpleType(type, lowering);
}

function context(namespaces: NamespaceBindings | undefined): { lookupNamespace(prefix: string): string | undefined } | undefined {
  if (!namespaces) return undefined;
  return { lookupNamespace: (prefix) => (Object.hasOwn(namespaces, prefix) ? namespaces[prefix] : undefined) };
}

/**
 * Undefined when `lexical` is a valid value of `type` (after the type's whiteSpace), else why
 * not. Without `namespaces`, a QName's prefix is not looked up (only its form is checked).
 */
export function checkLexical(type: TypeRef | undefined, lexical: string, index: SchemaIndex, namespaces?: NamespaceBindings): ValueProblem | undefined {
  return checkDescriptor(simpleDescriptor(type, index), lexical, namespaces);
}

/** checkLexical for a descriptor already lowered. */
export function checkDescriptor(type: SimpleTypeDescriptor, lexical: string, namespaces?: NamespaceBindings): ValueProblem | undefined {
  const result = checkSimpleValue(type, lexical, context(namespaces));
  if (result.ok) return undefined;
  return result.hint === undefined ? { message: result.message } : { message: result.message, hint: result.hint };
}

/**
 * Whether two lexical forms, both valid for `type`, are the same value ("5.0" and "5" for a
 * decimal; "a  b" and "a b" for a list). Compared in the value space by the runtime's own
 * enumeration check: `a` against the type restricted to the single value `b`.
 */
export function sameValue(type: TypeRef | undefined, a: string, b: string, index: SchemaIndex, namespaces?: NamespaceBindings): boolean {
  const descriptor = simpleDescriptor(type, index);
  const only: SimpleTypeDescriptor = { kind: 'atomic', base: descriptor, facets: { enumeration: [b] } };
  return checkDescriptor(descriptor, b, namespaces) === undefined && checkDescriptor(only, a, namespaces) === undefined;
}
