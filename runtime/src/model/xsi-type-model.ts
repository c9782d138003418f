/**
 * xsi:type in the typed model. An element whose xsi:type names a complex type other than its
 * declared one (validate/xsi-type.ts decides which it may name) reads into an object of that
 * type's properties with one more, `$type`: the key of the actual type (`{namespace}local`, as
 * the descriptors name it). Writing such a value puts xsi:type back, and the value is written
 * as its actual type; a value without `$type` is of the declared type.
 *
 * Only complex values carry `$type`. A simple value (a string, a number) has nowhere to carry
 * it; it is read as its declared type sees it, which loses nothing a reader of the declared type
 * can tell (a derived simple type only narrows its base's lexical space), and is written back
 * without xsi:type. An element declared with xs:anyType keeps its XmlElement, xsi:type and all.
 */
import { keyLocalName, keyNamespace, type ElementDescriptor, type ElementType } from '../schema/descriptor.js';
import type { SchemaRegistry } from '../schema/registry.js';
import { substituteKey } from '../validate/xsi-type.js';
import type { XmlAttribute } from '../xml-node.js';

export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

/** The `$type` a parsed value carries: the actual complex type's key when it is not the declared one. */
export function parsedTypeKey(decl: ElementDescriptor, actual: ElementType): string | undefined {
  if (decl.type.kind !== 'complex' || actual.kind !== 'complex') return undefined;
  return actual.ref === decl.type.ref ? undefined : actual.ref;
}

/** The complex type a value is written as: the declared one (`key` undefined), or the one its `$type` names. */
export type ValueType = { readonly ok: true; readonly key: string | undefined } | { readonly ok: false; readonly message: string };

/**
 * Checks a value's `$type` as xsi:type would be checked on the element it writes: it must name
 * a complex type that may stand for the declared one (not abstract, derived, not blocked). A
 * value with no `$type` is of the declared type, which must not be abstract.
 */
export function valueType(registry: SchemaRegistry, decl: ElementDescriptor, $type: unknown): ValueType {
  if (decl.type.kind !== 'complex') return { ok: true, key: undefined };
  const declared = decl.type.ref;
  if ($type === undefined || $type === declared) {
    if (!registry.complexType(declared).abstract) return { ok: true, key: undefined };
    return { ok: false, message: `the type "${keyLocalName(declared)}" of <${decl.name}> is abstract: $type must name a type derived from it` };
  }
  if (typeof $type !== 'string') return { ok: false, message: 'expected the key of a type ({namespace}name) or nothing' };
  const result = substituteKey(registry, decl, $type, decl.name);
  if (!result.ok) return { ok: false, message: `"${$type}" may not stand for the declared type of <${decl.name}>: ${result.why}` };
  if (result.type.kind !== 'complex') return { ok: false, message: `"${$type}" is not a complex type: only an object of a complex type carries a $type` };
  return { ok: true, key: $type };
}

/** The xsi:type attribute naming the type `key`, its prefix chosen and declared by the writer. */
export function xsiTypeAttribute(key: string): XmlAttribute {
  return { namespace: XSI_NAMESPACE, name: 'type', prefix: 'xsi', value: keyLocalName(key), valueNamespace: keyNamespace(key) };
}

/** The keys of the complex types some other complex type derives from, one set per registry. */
const basesByRegistry = new WeakMap<SchemaRegistry, ReadonlySet<string>>();
const substitutesByDecl = new WeakMap<ElementDescriptor, readonly string[]>();

/**
 * The complex types a value of `decl` may name with `$type` in place of its declared type, by
 * key, in the registry's order (for fixtures). Empty for a type nothing derives from: then no
 * type is checked at all.
 */
export function substituteKeys(registry: SchemaRegistry, decl: ElementDescriptor): readonly string[] {
  if (decl.type.kind !== 'complex') return [];
  let bases = basesByRegistry.get(registry);
  if (!bases) {
    const found = new Set<string>();
    for (const schema of registry.schemas) for (const type of schema.complexTypes) if (type.derivation) found.add(type.derivation.base);
    basesByRegistry.set(registry, (bases = found));
  }
  if (!bases.has(decl.type.ref)) return [];
  let keys = substitutesByDecl.get(decl);
  if (!keys) {
    keys = registry.schemas.flatMap((schema) =>
      schema.complexTypes.filter((type) => type.derivation && valueType(registry, decl, type.key).ok && type.key !== (decl.type.kind === 'complex' ? decl.type.ref : '')).map((type) => type.key),
    );
    substitutesByDecl.set(decl, keys);
  }
  return keys;
}
