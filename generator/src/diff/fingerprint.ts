/**
 * What a component is, without where it was written or what it is called: the structure two
 * versions must share for a removed and an added component to be one rename, and for two
 * anonymous inline types to be the same type.
 */

/** Keys that say where or how a component is named or documented, not what documents it allows. */
const IGNORED = new Set(['source', 'documentation', 'tsName', 'property', 'anonymous', 'cases']);

/**
 * `rename` maps a type's key in the old version to its key in the new one, so a structure that
 * refers to a renamed type still matches.
 */
export function fingerprint(value: unknown, options: { dropName?: boolean; rename?: (key: string) => string } = {}): string {
  return JSON.stringify(value, function replacer(this: unknown, key: string, v: unknown) {
    if (IGNORED.has(key)) return undefined;
    if (key === 'name' && options.dropName && this === value) return undefined;
    if (isTypeRef(v)) return { kind: 'type-ref', ref: options.rename ? options.rename(keyOf(v.ref)) : keyOf(v.ref) };
    return v;
  });
}

function isTypeRef(v: unknown): v is { kind: 'type-ref'; ref: { namespace: string; name: string } } {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'type-ref';
}

function keyOf(name: { namespace: string; name: string }): string {
  return name.namespace ? `{${name.namespace}}${name.name}` : name.name;
}
